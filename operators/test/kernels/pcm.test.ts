import { describe, expect, it } from 'vitest';
import { createTpdfDither, floatToPcm, pcmToFloat } from '@ringflow/operators/kernels';

describe('pcmToFloat', () => {
  it('scales signed formats by 1 / 2^(bits - 1)', () => {
    expect(pcmToFloat(Int16Array.of(-32768, -16384, 0, 1, 32767), new Float64Array(5))).toEqual(Float64Array.of(-1, -0.5, 0, 2 ** -15, 1 - 2 ** -15));
    expect(pcmToFloat(Int8Array.of(-128, 64, 127), new Float32Array(3))).toEqual(Float32Array.of(-1, 0.5, 127 / 128));
    expect(pcmToFloat(Int32Array.of(-(2 ** 31), 2 ** 30), new Float64Array(2))).toEqual(Float64Array.of(-1, 0.5));
    expect(pcmToFloat(Int32Array.of(-(2 ** 23), 2 ** 22), new Float64Array(2), 'int24')).toEqual(Float64Array.of(-1, 0.5));
  });

  it('reads unsigned formats as offset binary', () => {
    expect(pcmToFloat(Uint8Array.of(0, 128, 192, 255), new Float64Array(4))).toEqual(Float64Array.of(-1, 0, 0.5, 127 / 128));
    expect(pcmToFloat(Uint16Array.of(0, 32768), new Float64Array(2))).toEqual(Float64Array.of(-1, 0));
    expect(pcmToFloat(Uint32Array.of(0, 2 ** 31), new Float64Array(2))).toEqual(Float64Array.of(-1, 0));
  });

  it('rejects other classes, a format that does not fit, and short outputs', () => {
    expect(() => pcmToFloat(new Float32Array(2) as never, new Float32Array(2))).toThrow(TypeError);
    expect(() => pcmToFloat(new Int16Array(2), new Int16Array(2) as never)).toThrow(TypeError);
    expect(() => pcmToFloat(new Int16Array(2), new Float32Array(2), 'int24')).toThrow(TypeError);
    expect(() => pcmToFloat(new Int16Array(2), new Float32Array(2), 'int12' as never)).toThrow(/int8.*uint32/);
    expect(() => pcmToFloat(new Int16Array(3), new Float32Array(2))).toThrow(RangeError);
  });
});

describe('floatToPcm', () => {
  it('rounds to nearest (ties toward +infinity, as sox), clips, and counts the clipped samples', () => {
    const out = new Int16Array(9);
    const lsb = 2 ** -15;
    const clipped = floatToPcm(Float64Array.of(0.5 * lsb, 1.5 * lsb, -0.5 * lsb, -1.5 * lsb, 0.25, 1, -1, 2, -1.5), out);
    expect(Array.from(out)).toEqual([1, 2, 0, -1, 8192, 32767, -32768, 32767, -32768]);
    expect(clipped).toBe(3);
  });

  it('gives back every int16 value after pcmToFloat, in float32 and float64', () => {
    const all = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
    for (const Float of [Float32Array, Float64Array]) {
      const back = new Int16Array(all.length);
      expect(floatToPcm(pcmToFloat(all, new Float(all.length)), back)).toBe(0);
      expect(back).toEqual(all);
    }
  });

  it('offsets unsigned formats and maps NaN to the zero level', () => {
    const u8 = new Uint8Array(4);
    floatToPcm(Float32Array.of(-1, 0, 0.5, Number.NaN), u8);
    expect(Array.from(u8)).toEqual([0, 128, 192, 128]);
    const i24 = new Int32Array(3);
    expect(floatToPcm(Float64Array.of(-1, 0.5, 1), i24, { format: 'int24' })).toBe(1);
    expect(Array.from(i24)).toEqual([-(2 ** 23), 2 ** 22, 2 ** 23 - 1]);
  });

  it('adds TPDF dither: reproducible per seed, error mean 0 and variance 1/4 LSB^2 (1/12 rounding + 1/6 dither)', () => {
    const n = 200_000;
    const x = Float64Array.from({ length: n }, (_, i) => 0.3 * Math.sin(i * 0.001) + 0.123456 / 32768);
    const a = new Int16Array(n);
    const b = new Int16Array(n);
    floatToPcm(x, a, { dither: createTpdfDither(7) });
    floatToPcm(x, b, { dither: createTpdfDither(7) });
    expect(b).toEqual(a);
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < n; i++) {
      const e = a[i]! - x[i]! * 32768;
      sum += e;
      sum2 += e * e;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(sum2 / n).toBeCloseTo(0.25, 2);
    // Without dither the error is rounding only: variance 1/12.
    floatToPcm(x, b);
    let plain = 0;
    for (let i = 0; i < n; i++) plain += (b[i]! - x[i]! * 32768) ** 2;
    expect(plain / n).toBeCloseTo(1 / 12, 2);
  });

  it('continues one dither source across chunks as over the whole signal', () => {
    const x = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const whole = new Int16Array(1000);
    floatToPcm(x, whole, { dither: createTpdfDither(3) });
    const dither = createTpdfDither(3);
    const parts = new Int16Array(1000);
    for (let i = 0; i < 1000; i += 128) {
      const out = new Int16Array(Math.min(128, 1000 - i));
      floatToPcm(x.subarray(i, i + out.length), out, { dither });
      parts.set(out, i);
    }
    expect(parts).toEqual(whole);
  });

  it('rejects bad arrays, formats, dither and seeds', () => {
    expect(() => floatToPcm(new Int16Array(1) as never, new Int16Array(1))).toThrow(TypeError);
    expect(() => floatToPcm(new Float32Array(1), new Float32Array(1) as never)).toThrow(TypeError);
    expect(() => floatToPcm(new Float32Array(2), new Int16Array(1))).toThrow(RangeError);
    expect(() => floatToPcm(new Float32Array(1), new Int16Array(1), { format: 'int32' })).toThrow(TypeError);
    expect(() => floatToPcm(new Float32Array(1), new Int16Array(1), { dither: 'tpdf' as never })).toThrow(TypeError);
    expect(() => createTpdfDither(1.5)).toThrow(RangeError);
    expect(() => createTpdfDither('1' as never)).toThrow(TypeError);
  });
});
