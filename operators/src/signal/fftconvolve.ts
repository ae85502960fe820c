import { convolveArrays, type ConvolveMode } from '../internal/convolution.js';
import type { SignalInput, SignalOutput } from '../internal/signal-array.js';

/** Options of {@link fftconvolve} and `oaconvolve`. */
export interface FftconvolveOptions {
  /** `'full'` (default), `'same'` or `'valid'`. */
  readonly mode?: ConvolveMode;
}

/**
 * Convolves two arrays with FFTs, as `scipy.signal.fftconvolve(in1, in2, mode)`.
 *
 * @remarks
 * Runs the overlap-save FFT engine of the `fir` operator with the FFT size its cost model finds
 * cheapest for these lengths (one transform of the whole signal when that is cheapest, blocks
 * otherwise), so long signals with long kernels stay O(n log m). Equal to direct convolution within
 * float64 rounding. `in1` may be `[frames, channels]` (each channel convolved along frames with the
 * 1-D `in2`); result class follows `in1`.
 *
 * @param in1 - first array (the signal)
 * @param in2 - second array (1-D)
 * @param options - `mode`
 * @returns the convolution
 * @example
 * ```ts
 * import { fftconvolve, firwin } from '@ringflow/operators/signal';
 * const y = fftconvolve(new Float32Array(48_000), firwin(2047, 0.1), { mode: 'same' });
 * ```
 */
export function fftconvolve<X extends SignalInput>(in1: X, in2: SignalInput, options?: FftconvolveOptions): SignalOutput<X> {
  return convolveArrays<X>('fftconvolve', in1, in2, options, ['mode'], 'fft');
}
