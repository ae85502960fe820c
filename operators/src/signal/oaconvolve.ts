import { convolveArrays } from '../internal/convolution.js';
import type { SignalInput, SignalOutput } from '../internal/signal-array.js';
import type { FftconvolveOptions } from './fftconvolve.js';

/** Options of {@link oaconvolve}. */
export type OaconvolveOptions = FftconvolveOptions;

/**
 * Convolves two arrays by blocks of FFTs, as `scipy.signal.oaconvolve(in1, in2, mode)`.
 *
 * @remarks
 * The same engine as `fftconvolve` (overlap-save blocks whose FFT size the measured cost model
 * picks, which is what overlap-add's block-size choice does in SciPy): fast when one array is much
 * longer than the other. Equal to direct convolution within float64 rounding. `in1` may be
 * `[frames, channels]`; result class follows `in1`.
 *
 * @param in1 - first array (the signal)
 * @param in2 - second array (1-D)
 * @param options - `mode`
 * @returns the convolution
 * @example
 * ```ts
 * import { firwin, oaconvolve } from '@ringflow/operators/signal';
 * const y = oaconvolve(new Float64Array(480_000), firwin(2047, 0.1));
 * ```
 */
export function oaconvolve<X extends SignalInput>(in1: X, in2: SignalInput, options?: OaconvolveOptions): SignalOutput<X> {
  return convolveArrays<X>('oaconvolve', in1, in2, options, ['mode'], 'fft');
}
