// Tolerance: 1e-12 relative to max(1, |expected|) against scipy.signal.lfilter (float64); chunkings
// and channel layouts must agree bit for bit (the recursion is per sample and per channel).
import { describe, expect, it } from 'vitest';
import {
  createLfilterState,
  lfilterState,
  primeLfilter,
  processLfilter,
  resetLfilter,
  setLfilterCoefficients,
  setLfilterState,
} from '../../src/kernels/lfilter.js';
import { filtering } from '../helpers/filtering-fixture.js';
import { noise, relError } from '../helpers/chunking.js';
import { interleave } from '../helpers/multichannel-lanes.js';
import { expectClose } from '../helpers/signal.js';

const x = Float64Array.from(filtering.x);

function run(b: ArrayLike<number>, a: ArrayLike<number>, input: Float64Array, chunk: number, channels = 1): Float64Array {
  const state = createLfilterState(b, a, { channels });
  const y = new Float64Array(input.length);
  const step = chunk * channels;
  for (let i = 0; i < input.length; i += step) processLfilter(state, input.subarray(i, Math.min(input.length, i + step)), y.subarray(i, Math.min(input.length, i + step)));
  return y;
}


describe('processLfilter', () => {
  it('matches scipy.signal.lfilter for every fixture filter', () => {
    for (const c of filtering.lfilter) expectClose(run(c.b, c.a, x, x.length), c.y, 1e-12, c.name);
  });

  it('gives bit-identical output whatever the chunking', () => {
    const c = filtering.lfilter.find((k) => k.name === 'cheby1-bp')!;
    const input = noise(10_000, 3);
    const whole = run(c.b, c.a, input, 10_000);
    for (const chunk of [1, 7, 128, 1000]) expect(relError(run(c.b, c.a, input, chunk), whole)).toBe(0);
  });

  it('filters 2 and 5 interleaved channels exactly as each channel alone', () => {
    const c = filtering.lfilter.find((k) => k.name === 'butter4')!;
    for (const channels of [2, 5]) {
      const lanes = Array.from({ length: channels }, (_, ch) => noise(999, 20 + ch));
      const together = run(c.b, c.a, interleave(lanes), 37, channels);
      const alone = interleave(lanes.map((lane) => run(c.b, c.a, lane, 999)));
      expect(relError(together, alone)).toBe(0);
    }
  });

  it('runs in place and writes float32 output rounded once', () => {
    const block = Float64Array.of(1, 2, 3);
    processLfilter(createLfilterState([1, 1], [1]), block, block);
    expect(Array.from(block)).toEqual([1, 3, 5]);
    const y32 = new Float32Array(3);
    processLfilter(createLfilterState([0.1], [1, -0.5]), Float32Array.of(1, 0, 0), y32);
    expect(Array.from(y32)).toEqual([Math.fround(0.1), Math.fround(0.05), Math.fround(0.025)]);
  });

  it('throws a RangeError for a partial frame or a short output', () => {
    const state = createLfilterState([1], [1, -0.5], { channels: 2 });
    expect(() => processLfilter(state, new Float64Array(3), new Float64Array(3))).toThrow(/not a whole number of 2-channel frames/);
    expect(() => processLfilter(state, new Float64Array(4), new Float64Array(2))).toThrow(RangeError);
  });
});

describe('createLfilterState', () => {
  it('normalises by a[0] and pads b and a to one length', () => {
    const state = createLfilterState([2, 4], [2, 1, 0.5]);
    expect(state.order).toBe(2);
    expect(Array.from(state.b)).toEqual([1, 2, 0]);
    expect(Array.from(state.a)).toEqual([1, 0.5, 0.25]);
  });

  it('throws for a[0] = 0, empty or non-finite coefficients and bad channel counts', () => {
    expect(() => createLfilterState([1], [0, 1])).toThrow(/a\[0\] must not be 0/);
    expect(() => createLfilterState([], [1])).toThrow(RangeError);
    expect(() => createLfilterState([Number.NaN], [1])).toThrow(TypeError);
    expect(() => createLfilterState([1], [1], { channels: 0 })).toThrow(RangeError);
  });
});

describe('setLfilterState / lfilterState / primeLfilter', () => {
  it('starts from SciPy\'s zi and ends with SciPy\'s zf', () => {
    for (const c of filtering.lfilter.filter((k) => k.yStep !== undefined)) {
      const state = createLfilterState(c.b, c.a);
      setLfilterState(state, c.zi.map((v) => v * x[0]!));
      const y = new Float64Array(x.length);
      processLfilter(state, x, y);
      expectClose(y, c.yStep!, 1e-12, c.name);
      expectClose(lfilterState(state), c.zfStep!, 1e-12, `${c.name} zf`);
      const primed = createLfilterState(c.b, c.a);
      primeLfilter(primed, [x[0]!]);
      const y2 = new Float64Array(x.length);
      processLfilter(primed, x, y2);
      expect(relError(y2, y)).toBeLessThan(1e-13);
    }
  });

  it('uses SciPy\'s [K, channels] layout for interleaved channels', () => {
    const c = filtering.lfilter.find((k) => k.name === 'butter4')!;
    const state = createLfilterState(c.b, c.a, { channels: 2 });
    setLfilterState(state, c.zi2!);
    const input = Float64Array.from(filtering.x2.flat());
    const y = new Float64Array(input.length);
    processLfilter(state, input, y);
    expectClose(y, c.y2Step!.flat(), 1e-12, 'y');
    expectClose(lfilterState(state), c.zf2Step!.flat(), 1e-12, 'zf');
    expect(() => setLfilterState(state, c.zi)).toThrow(/zi must have shape \[4, 2\]/);
  });

  it('resets to zeros and keeps the memory across a same-order coefficient change', () => {
    let state = createLfilterState([0.5], [1, -0.5]);
    processLfilter(state, Float64Array.of(1), new Float64Array(1));
    const same = setLfilterCoefficients(state, [0.25], [1, -0.75]);
    expect(same).toBe(state);
    expect(lfilterState(state)[0]).not.toBe(0);
    resetLfilter(state);
    expect(Array.from(lfilterState(state))).toEqual([0]);
    state = setLfilterCoefficients(state, [1], [1, 0.1, 0.1]);
    expect(state.order).toBe(2);
  });

  it('throws a RangeError priming a filter with a pole at z = 1', () => {
    expect(() => primeLfilter(createLfilterState([1], [1, -1]), [1])).toThrow(RangeError);
  });
});
