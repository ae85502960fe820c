import { coefficients, frequencyGrid, gridInFs, transferResponse } from '../internal/frequency-response.js';
import type { ComplexArray } from './types.js';

/** Options of {@link freqz}: SciPy's keyword parameters, camelCased. */
export interface FreqzOptions {
  /** Frequencies from 0 to `fs` (the whole unit circle) instead of 0 to Nyquist. Default `false`. */
  whole?: boolean;
  /** Sampling frequency (default `2 * pi`: `w` in radians/sample). */
  fs?: number;
  /** With an integer `worN` and `whole: false`, include the Nyquist frequency as the last point. Default `false`. */
  includeNyquist?: boolean;
}

/** Result of {@link freqz}: SciPy's `w, h`. */
export interface FrequencyResponse {
  /** Frequencies, in the units of `fs` (radians/sample by default). */
  w: Float64Array;
  /** The complex response at each frequency. */
  h: ComplexArray;
}

/**
 * Frequency response of a digital filter, as `scipy.signal.freqz(b, a=1, worN=512, whole=False,
 * fs=2*pi, include_nyquist=False)`.
 *
 * @remarks
 * `H(e^{iw}) = B(e^{-iw}) / A(e^{-iw})` with `B(z) = b[0] + b[1] z + ...` evaluated by Horner's
 * rule (or, for an FIR filter on a dense grid, by the package's FFT, as SciPy does). `worN` is a
 * number of frequencies (from 0 to Nyquist, excluding it unless `includeNyquist`; to `fs` with
 * `whole`) or an array of frequencies in the units of `fs`. Allocates the results.
 *
 * @param b - numerator coefficients
 * @param a - denominator coefficients (default 1: FIR)
 * @param worN - number of frequencies (default 512) or the frequencies themselves
 * @param options - `whole`, `fs`, `includeNyquist`
 * @returns `{ w, h: { re, im } }`
 * @throws TypeError/RangeError naming `freqz` for bad coefficients, `worN` or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const { w, h } = signal.freqz([0.25, 0.5, 0.25], 1, 8, { fs: 48_000 });
 * const gainDb = 20 * Math.log10(Math.hypot(h.re[4]!, h.im[4]!)); // at 12 kHz
 * ```
 */
export function freqz(b: ArrayLike<number> | number, a: ArrayLike<number> | number = 1, worN?: number | ArrayLike<number>, options?: FreqzOptions): FrequencyResponse {
  const bb = coefficients('freqz', 'b', b);
  const aa = coefficients('freqz', 'a', a ?? 1);
  const grid = frequencyGrid('freqz', worN, options);
  const h = transferResponse(bb, aa, grid);
  return { w: gridInFs(grid), h };
}
