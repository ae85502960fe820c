import { crossSpectralDensity } from '../internal/cross-spectral.js';
import type { SpectralOptions, SpectralScaling } from '../kernels/spectral-segments.js';
import type { WelchAverage } from '../kernels/welch.js';
import type { Complex, Matrix, Ndarray2D, SignalInput } from './types.js';

/** Options of {@link welch}: SciPy's keyword parameters, camelCased, with SciPy's defaults. */
export interface WelchOptions extends SpectralOptions {
  /** One-sided spectrum for real input (default `true`; complex input is always two-sided, as in SciPy). */
  returnOnesided?: boolean;
  /** `'density'` (default, V**2/Hz) or `'spectrum'` (V**2). */
  scaling?: SpectralScaling;
  /** Average of the periodograms: `'mean'` (default) or `'median'`. */
  average?: WelchAverage;
  /** Axis of 2-D input (default 0: along frames of `[frames, channels]`). */
  axis?: number;
}

/** Result of {@link welch}: frequencies and the power spectral density (SciPy's `f, Pxx`). */
export interface WelchResult<P = Float64Array> {
  /** Sample frequencies in Hz. */
  f: Float64Array;
  /** The PSD: one value per frequency (a `[frequencies, channels]` Matrix for `[frames, channels]` input). */
  Pxx: P;
}

/**
 * Power spectral density by Welch's method, as `scipy.signal.welch(x, fs=1.0, window='hann',
 * nperseg=None, noverlap=None, nfft=None, detrend='constant', return_onesided=True,
 * scaling='density', axis=-1, average='mean')`.
 *
 * @remarks
 * The signal is cut into overlapping segments; each is detrended, windowed and transformed, and the
 * periodograms are averaged (mean, or median with SciPy's bias correction). Same kernel as the
 * streaming `welch` operator (`createWelchState`), so both give the same numbers. Complex input
 * `{ re, im }` gives a two-sided spectrum (SciPy switches too, with a warning). `[frames, channels]`
 * input gives a `[frequencies, channels]` Matrix (SciPy's `axis=0`), each column equal to the
 * channel's 1-D result. Empty input gives empty arrays. Computed in float64; allocates the results.
 *
 * @param x - the signal: numbers, a typed array, a `[frames, channels]` view, or complex `{ re, im }`
 * @param options - `fs`, `window`, `nperseg`, `noverlap`, `nfft`, `detrend`, `returnOnesided`, `scaling`, `average`, `axis`
 * @returns `{ f, Pxx }`
 * @throws TypeError/RangeError naming `welch` for bad input or options (e.g. `noverlap >= nperseg`)
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const fs = 48_000;
 * const x = Float64Array.from({ length: fs }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / fs));
 * const { f, Pxx } = signal.welch(x, { fs, nperseg: 1024 });
 * ```
 */
export function welch(x: ArrayLike<number> | Complex<ArrayLike<number>>, options?: WelchOptions): WelchResult;
export function welch(x: Ndarray2D | Complex<Ndarray2D>, options?: WelchOptions): WelchResult<Matrix>;
export function welch(x: SignalInput | Complex<SignalInput>, options?: WelchOptions): WelchResult<Float64Array | Matrix>;
export function welch(x: SignalInput | Complex<SignalInput>, options?: WelchOptions): WelchResult<Float64Array | Matrix> {
  const { f, re } = crossSpectralDensity('welch', x, null, options);
  return { f, Pxx: re as Float64Array | Matrix };
}
