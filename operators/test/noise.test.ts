import { describe, expect, it } from 'vitest';
import { take, type Observable } from 'rxjs';
import FFT from 'fft.js';
import { concatenate } from '@ringflow/core';
import { noise } from '@ringflow/operators';

function joined<T extends Float32Array | Float64Array>(source: Observable<T>): T {
  const out: T[] = [];
  source.subscribe({ next: (c) => out.push(c), error: (e) => { throw e; } });
  return concatenate(...(out as [T]));
}

/** Mean power spectrum (Welch, rectangular, no overlap) of `x` in segments of `n`. */
function powerSpectrum(x: Float64Array, n: number): Float64Array {
  const fft = new FFT(n);
  const out = fft.createComplexArray() as number[];
  const power = new Float64Array(n / 2);
  for (let s = 0; s + n <= x.length; s += n) {
    fft.realTransform(out, Array.from(x.subarray(s, s + n)));
    for (let k = 0; k < n / 2; k++) power[k]! += out[2 * k]! ** 2 + out[2 * k + 1]! ** 2;
  }
  return power;
}

const bandPower = (p: Float64Array, lo: number, hi: number) => {
  let s = 0;
  for (let k = lo; k < hi; k++) s += p[k]!;
  return s / (hi - lo);
};

describe('noise', () => {
  it('repeats the same sequence for a seed, whatever chunkSize, and differs across seeds', () => {
    const reference = joined(noise({ seed: 7, length: 5000, chunkSize: 5000 }));
    for (const chunkSize of [1, 7, 128, 1000]) expect(joined(noise({ seed: 7, length: 5000, chunkSize }))).toEqual(reference);
    expect(joined(noise({ seed: 8, length: 5000 }))).not.toEqual(reference);
    for (const chunkSize of [3, 500]) {
      expect(joined(noise({ seed: 7, length: 999, chunkSize, type: 'pink', distribution: 'gaussian' }))).toEqual(
        joined(noise({ seed: 7, length: 999, chunkSize: 999, type: 'pink', distribution: 'gaussian' })),
      );
    }
  });

  it('draws uniform white noise in [-amplitude, amplitude) with mean 0 and variance amplitude^2 / 3', () => {
    const x = joined(noise({ seed: 1, length: 100_000, amplitude: 0.5 }));
    let min = Infinity, max = -Infinity, sum = 0, sq = 0;
    for (const v of x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      sq += v * v;
    }
    expect(min).toBeGreaterThanOrEqual(-0.5);
    expect(max).toBeLessThan(0.5);
    expect(min).toBeLessThan(-0.49);
    expect(max).toBeGreaterThan(0.49);
    expect(Math.abs(sum / x.length)).toBeLessThan(0.005);
    expect(sq / x.length).toBeCloseTo(0.25 / 3, 3);
  });

  it('draws gaussian white noise with standard deviation amplitude', () => {
    const x = joined(noise({ seed: 2, length: 100_000, amplitude: 2, distribution: 'gaussian' }));
    let sum = 0, sq = 0;
    for (const v of x) {
      sum += v;
      sq += v * v;
    }
    expect(Math.abs(sum / x.length)).toBeLessThan(0.03);
    expect(Math.sqrt(sq / x.length)).toBeCloseTo(2, 1);
  });

  it('has a flat spectrum when white and falls ~3 dB per octave when pink', () => {
    const n = 1024;
    const white = powerSpectrum(joined(noise({ seed: 3, length: 256 * n })), n);
    const pink = powerSpectrum(joined(noise({ seed: 3, length: 256 * n, type: 'pink' })), n);
    const octave = (p: Float64Array, k: number) => 10 * Math.log10(bandPower(p, k, 2 * k));
    // White: equal power per bin across octaves (within 0.5 dB).
    expect(Math.abs(octave(white, 16) - octave(white, 256))).toBeLessThan(0.5);
    // Pink: per-bin power halves per octave: -3 dB/oct, over 4 octaves -12 dB (within 1 dB).
    expect(octave(pink, 16) - octave(pink, 256)).toBeGreaterThan(11);
    expect(octave(pink, 16) - octave(pink, 256)).toBeLessThan(13);
  });

  it('emits float32 when asked, and runs forever without a length', () => {
    const [chunk] = (() => {
      const out: Float32Array[] = [];
      noise({ format: 'float32', chunkSize: 16 }).pipe(take(1)).subscribe((c) => out.push(c));
      return out;
    })();
    expect(chunk).toBeInstanceOf(Float32Array);
    expect(chunk).toHaveLength(16);
  });

  it('rejects bad options at creation', () => {
    expect(() => noise({ type: 'brown' as 'white' })).toThrow(TypeError);
    expect(() => noise({ distribution: 'laplace' as 'uniform' })).toThrow(TypeError);
    expect(() => noise({ seed: 1.5 })).toThrow(RangeError);
    expect(() => noise({ amplitude: Number.NaN })).toThrow(RangeError);
    expect(() => noise({ chunkSize: 0 })).toThrow(RangeError);
    expect(() => noise({ length: -1 })).toThrow(RangeError);
  });
});
