// Tolerance: 1e-12 relative to max(1, |expected|) for float64 input (the same recursion; SciPy
// runs FIR filters, a = [1], as a convolution, so the summation order differs); float32 input
// keeps Float32Array, within 1e-6 of SciPy filtering the same (rounded) samples.
import { describe, expect, it } from 'vitest';
import { lfilter } from '../../src/signal/lfilter.js';
import { filtering } from '../helpers/filtering-fixture.js';
import { expectClose, rows, view } from '../helpers/signal.js';

const x = Float64Array.from(filtering.x);

describe('lfilter', () => {
  it('matches scipy.signal.lfilter for FIR, IIR, a0 != 1 and unequal lengths, on even and odd lengths', () => {
    expect(filtering.lfilter.length).toBeGreaterThanOrEqual(8);
    for (const c of filtering.lfilter) {
      expectClose(lfilter(c.b, c.a, x), c.y, 1e-12, c.name);
      expectClose(lfilter(c.b, c.a, filtering.xOdd), c.yOdd, 1e-12, `${c.name} odd`);
    }
  });

  it('returns { y, zf } as SciPy does when given zi, also destructurable as [y, zf]', () => {
    for (const c of filtering.lfilter.filter((k) => k.yStep !== undefined)) {
      const zi = c.zi.map((v) => v * x[0]!);
      const r = lfilter(c.b, c.a, x, { zi });
      expectClose(r.y, c.yStep!, 1e-12, `${c.name} y`);
      expectClose(r.zf as Float64Array, c.zfStep!, 1e-12, `${c.name} zf`);
      const [y, zf] = r;
      expect(y).toBe(r.y);
      expect(zf).toBe(r.zf);
    }
  });

  it('filters [frames, channels] input along frames, with zi of shape [K, channels]', () => {
    const x2 = view(filtering.x2);
    for (const c of filtering.lfilter) {
      const y2 = lfilter(c.b, c.a, x2);
      expect(y2.shape).toEqual([filtering.x2.length, 2]);
      expectClose(rows(y2).flat(), c.y2.flat(), 1e-12, `${c.name} 2-D`);
      if (c.zi2 === undefined) continue;
      const r = lfilter(c.b, c.a, x2, { zi: c.zi2 });
      expectClose(rows(r.y).flat(), c.y2Step!.flat(), 1e-12, `${c.name} 2-D zi`);
      expectClose((r.zf as number[][]).flat(), c.zf2Step!.flat(), 1e-12, `${c.name} 2-D zf`);
    }
  });

  it('filters across channels with axis -1, as SciPy\'s default axis does', () => {
    const c = filtering.lfilter.find((k) => k.name === 'onepole')!;
    const x2 = view(filtering.x2);
    const y = lfilter(c.b, c.a, x2, { axis: -1 });
    const firstRow = lfilter(c.b, c.a, filtering.x2[0]!);
    expect(rows(y)[0]).toEqual(Array.from(firstRow));
  });

  it('keeps float32 as float32 within 1e-6 of SciPy when the input is a Float32Array', () => {
    for (const c of filtering.lfilter) {
      const y = lfilter(c.b, c.a, Float32Array.from(x));
      expect(y).toBeInstanceOf(Float32Array);
      expectClose(y, c.yFloat32, 1e-6, c.name);
    }
  });

  it('accepts plain arrays, nested rows and strided views', () => {
    expect(Array.from(lfilter([1, 1], [1], [1, 2, 3]))).toEqual([1, 3, 5]);
    const y = lfilter([1, 1], [1], [[1, 10], [2, 20], [3, 30]]);
    expect(rows(y)).toEqual([[1, 10], [3, 30], [5, 50]]);
    // a view of every other frame, channel 1 first (negative column stride)
    const data = Float64Array.of(10, 1, 0, 0, 20, 2, 0, 0, 30, 3);
    const strided = lfilter([1, 1], [1], { data, shape: [3, 2], stride: [4, -1], offset: 1 });
    expect(rows(strided)).toEqual([[1, 10], [3, 30], [5, 50]]);
  });

  it('throws TypeError/RangeError naming lfilter for bad coefficients, shapes and options', () => {
    expect(() => lfilter([1], [0, 1], x)).toThrow(/^lfilter: a\[0\] must not be 0/);
    expect(() => lfilter([], [1], x)).toThrow(RangeError);
    expect(() => lfilter([1], [1], 'abc' as never)).toThrow(TypeError);
    expect(() => lfilter([1, 2], [1], x, { zi: [1, 2] })).toThrow(/^lfilter: zi must have shape \[1\]/);
    expect(() => lfilter([1], [1], x, { axis: 1 })).toThrow(/axis 1 is out of bounds/);
    expect(() => lfilter([1], [1], { data: new Float64Array(4), shape: [1e8, 2] })).toThrow(/^lfilter: x has shape \[100000000, 2\]/);
    expect(() => lfilter([1], [1], [[1, 2], [3]])).toThrow(/row 1 has 1/);
    expect(() => lfilter([1], [1], x, { zi: undefined, Axis: 0 } as never)).toThrow(/unknown option 'Axis'/);
    expect(() => lfilter([1], [1], new BigInt64Array(2) as never)).toThrow(TypeError);
  });
});
