// Tests of the FFT kernels against numpy reference vectors (operators/scripts/fixtures_spectral.py)
// and DSP properties. Tolerances: float64 results within 1e-12 of numpy, relative to the largest
// |value| of the reference spectrum (both sides are O(eps log n) accurate; the largest case,
// n = 4096, has errors near 1e-15 relative); round trips within 1e-12 absolute on O(1) signals;
// float32 outputs equal the float64 result rounded once (exact comparison).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complexFft,
  complexIfft,
  createComplexFftPlan,
  createFftPlan,
  irfft,
  rfft,
  type FftPlan,
} from '@ringflow/operators';

interface RfftCase {
  n: number;
  x: number[];
  X: number[];
}

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/spectral/${name}`, import.meta.url), 'utf8')) as T;
}

/** max |a - b| / max(|b|, 1): the error relative to the scale of the reference. */
function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBeGreaterThanOrEqual(expected.length);
  let err = 0;
  let scale = 1;
  for (let i = 0; i < expected.length; i++) {
    err = Math.max(err, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return err / scale;
}

const rfftCases: RfftCase[] = [
  ...fixture<{ cases: RfftCase[] }>('rfft-small.json').cases,
  ...fixture<{ cases: RfftCase[] }>('rfft-1000.json').cases,
  ...fixture<{ cases: RfftCase[] }>('rfft-1024.json').cases,
  ...fixture<{ cases: RfftCase[] }>('rfft-4096.json').cases,
];

/** Deterministic pseudo-random signal in [-1, 1). */
function signal(n: number, seed: number): Float64Array {
  let s = seed >>> 0 || 1;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    x[i] = (s >>> 0) / 2 ** 31 - 1;
  }
  return x;
}

describe('createFftPlan', () => {
  it('reports n and floor(n/2)+1 bins when n is even or odd', () => {
    expect(createFftPlan(8)).toMatchObject({ kind: 'real', n: 8, bins: 5 });
    expect(createFftPlan(9)).toMatchObject({ kind: 'real', n: 9, bins: 5 });
    expect(createFftPlan(1)).toMatchObject({ n: 1, bins: 1 });
  });

  it('throws a RangeError when n is not a positive integer', () => {
    for (const n of [0, -4, 1.5, Number.NaN, Infinity, 2 ** 28]) {
      expect(() => createFftPlan(n), String(n)).toThrow(RangeError);
    }
    expect(() => createFftPlan('8' as unknown as number)).toThrow(RangeError);
  });
});

describe('rfft', () => {
  it.each(rfftCases.map((c) => [c.n, c]))('matches numpy.fft.rfft when n = %i', (_n, c) => {
    const plan = createFftPlan(c.n);
    expect(c.X.length).toBe(2 * plan.bins);
    const out = rfft(plan, Float64Array.from(c.x), new Float64Array(2 * plan.bins));
    expect(relError(out, c.X)).toBeLessThan(1e-12);
  });

  it('gives the same result when the plan is reused', () => {
    const plan = createFftPlan(256);
    const x = signal(256, 7);
    const a = rfft(plan, x, new Float64Array(258));
    rfft(plan, signal(256, 8), new Float64Array(258));
    const b = rfft(plan, x, new Float64Array(258));
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('writes a float32 spectrum equal to the float64 result rounded once when given float32', () => {
    for (const n of [64, 100, 127]) {
      const x32 = Float32Array.from(signal(n, n));
      const plan = createFftPlan(n);
      const out32 = rfft(plan, x32, new Float32Array(2 * plan.bins));
      const out64 = rfft(plan, Float64Array.from(x32), new Float64Array(2 * plan.bins));
      expect(out32).toBeInstanceOf(Float32Array);
      expect(Array.from(out32)).toEqual(Array.from(out64, Math.fround));
    }
  });

  it('satisfies Parseval when n is any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 2 ** 30 }), (n, seed) => {
        const x = signal(n, seed);
        const plan = createFftPlan(n);
        const X = rfft(plan, x, new Float64Array(2 * plan.bins));
        let energy = 0;
        for (const v of x) energy += v * v;
        let spec = 0;
        for (let k = 0; k < plan.bins; k++) {
          const p = X[2 * k]! ** 2 + X[2 * k + 1]! ** 2;
          const twice = k > 0 && !(n % 2 === 0 && k === n / 2);
          spec += twice ? 2 * p : p;
        }
        expect(Math.abs(spec / n - energy)).toBeLessThan(1e-12 * Math.max(1, energy));
      }),
      { seed: 20240601, numRuns: 200 },
    );
  });

  it('only writes the first 2*bins entries when output is longer', () => {
    const plan = createFftPlan(8);
    const out = new Float64Array(12).fill(42);
    rfft(plan, signal(8, 3), out);
    expect(Array.from(out.subarray(10))).toEqual([42, 42]);
  });

  it('throws a RangeError when the input length differs from n or the output is too short', () => {
    const plan = createFftPlan(8);
    expect(() => rfft(plan, new Float64Array(7), new Float64Array(10))).toThrow(RangeError);
    expect(() => rfft(plan, new Float64Array(9), new Float64Array(10))).toThrow(RangeError);
    expect(() => rfft(plan, new Float64Array(8), new Float64Array(9))).toThrow(/at least 10/);
  });

  it('throws a TypeError when given a plain array or a complex plan', () => {
    const plan = createFftPlan(4);
    expect(() => rfft(plan, [1, 2, 3, 4] as unknown as Float64Array, new Float64Array(6))).toThrow(
      /Float64Array\.from/,
    );
    expect(() => rfft(plan, new Int16Array(4) as unknown as Float64Array, new Float64Array(6))).toThrow(TypeError);
    const complexPlan = createComplexFftPlan(4) as unknown as FftPlan;
    expect(() => rfft(complexPlan, new Float64Array(4), new Float64Array(6))).toThrow(TypeError);
  });
});

describe('irfft', () => {
  const cases = fixture<{ cases: { n: number; X: number[]; x: number[] }[] }>('irfft.json').cases;

  it.each(cases.map((c) => [c.n, c]))(
    'matches numpy.fft.irfft, ignoring Im of DC and Nyquist, when n = %i',
    (_n, c) => {
      const plan = createFftPlan(c.n);
      const out = irfft(plan, Float64Array.from(c.X), new Float64Array(c.n));
      expect(relError(out, c.x)).toBeLessThan(1e-12);
    },
  );

  it('returns the input when applied after rfft, for lengths 1..130 and 4096', () => {
    for (const n of [...Array.from({ length: 130 }, (_, i) => i + 1), 4095, 4096]) {
      const plan = createFftPlan(n);
      const x = signal(n, 1000 + n);
      const y = irfft(plan, rfft(plan, x, new Float64Array(2 * plan.bins)), new Float64Array(n));
      let err = 0;
      for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(y[i]! - x[i]!));
      expect(err, `n = ${n}`).toBeLessThan(1e-12);
    }
  });

  it('writes float32 output when given a float32 spectrum', () => {
    const plan = createFftPlan(16);
    const X = rfft(plan, signal(16, 5), new Float32Array(18));
    const y = irfft(plan, X, new Float32Array(16));
    const ref = irfft(plan, Float64Array.from(X), new Float64Array(16));
    expect(Array.from(y)).toEqual(Array.from(ref, Math.fround));
  });

  it('throws a RangeError when the spectrum has the wrong length or the output is too short', () => {
    const plan = createFftPlan(8);
    expect(() => irfft(plan, new Float64Array(16), new Float64Array(8))).toThrow(RangeError);
    expect(() => irfft(plan, new Float64Array(8), new Float64Array(8))).toThrow(/exactly 10/);
    expect(() => irfft(plan, new Float64Array(10), new Float64Array(7))).toThrow(RangeError);
  });
});

describe('complexFft', () => {
  const cases = fixture<{ cases: { n: number; z: number[]; fft: number[]; ifft: number[] }[] }>(
    'fft-complex.json',
  ).cases;

  it.each(cases.map((c) => [c.n, c]))('matches numpy.fft.fft when n = %i', (_n, c) => {
    const plan = createComplexFftPlan(c.n);
    const out = complexFft(plan, Float64Array.from(c.z), new Float64Array(2 * c.n));
    expect(relError(out, c.fft)).toBeLessThan(1e-12);
  });

  it('works in place when input and output are the same array', () => {
    const plan = createComplexFftPlan(12);
    const z = signal(24, 9);
    const ref = complexFft(plan, z, new Float64Array(24));
    expect(Array.from(complexFft(plan, z, z))).toEqual(Array.from(ref));
  });

  it('throws a RangeError when the input is not 2n long', () => {
    const plan = createComplexFftPlan(8);
    expect(() => complexFft(plan, new Float64Array(8), new Float64Array(16))).toThrow(RangeError);
    expect(() => complexFft(plan, new Float64Array(16), new Float64Array(15))).toThrow(RangeError);
    expect(() => createComplexFftPlan(0)).toThrow(RangeError);
  });
});

describe('complexIfft', () => {
  const cases = fixture<{ cases: { n: number; z: number[]; fft: number[]; ifft: number[] }[] }>(
    'fft-complex.json',
  ).cases;

  it.each(cases.map((c) => [c.n, c]))('matches numpy.fft.ifft when n = %i', (_n, c) => {
    const plan = createComplexFftPlan(c.n);
    const out = complexIfft(plan, Float64Array.from(c.z), new Float64Array(2 * c.n));
    expect(relError(out, c.ifft)).toBeLessThan(1e-12);
  });

  it('inverts complexFft when n is a power of two or not', () => {
    for (const n of [1, 2, 4, 8, 32, 512, 2048, 3, 6, 100, 1000]) {
      const plan = createComplexFftPlan(n);
      const z = signal(2 * n, n);
      const back = complexIfft(plan, complexFft(plan, z, new Float64Array(2 * n)), new Float64Array(2 * n));
      let err = 0;
      for (let i = 0; i < 2 * n; i++) err = Math.max(err, Math.abs(back[i]! - z[i]!));
      expect(err, `n = ${n}`).toBeLessThan(1e-12);
    }
  });

  it('throws a TypeError when given a real plan', () => {
    const plan = createFftPlan(8) as never;
    expect(() => complexIfft(plan, new Float64Array(16), new Float64Array(16))).toThrow(TypeError);
  });
});
