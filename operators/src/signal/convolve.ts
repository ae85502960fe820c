import type { FirMethod } from '../kernels/fir.js';
import { convolveArrays, type ConvolveMode } from '../internal/convolution.js';
import type { SignalInput, SignalOutput } from '../internal/signal-array.js';

export type { ConvolveMode } from '../internal/convolution.js';

/** Options of {@link convolve}. */
export interface ConvolveOptions {
  /** `'full'` (default, length n1 + n2 - 1), `'same'` (length of `in1`, centred) or `'valid'`. */
  readonly mode?: ConvolveMode;
  /** `'auto'` (default: by the measured cost model), `'direct'` or `'fft'`. */
  readonly method?: FirMethod;
}

/**
 * Convolves two arrays, as `scipy.signal.convolve(in1, in2, mode, method)`.
 *
 * @remarks
 * `'direct'` sums products in float64; `'fft'` uses the overlap-save engine of the `fir` operator
 * (equal to direct within float64 rounding: see `processFir`); `'auto'` picks by the same measured
 * cost model as `fir` (SciPy's `choose_conv_method` uses its own constants, so the pick may differ;
 * the numbers agree to rounding either way). `in1` may be `[frames, channels]`: each channel is
 * convolved along frames with the 1-D `in2` (SciPy needs `in2[:, None]` and `axes=0` for that).
 * Result class follows `in1` (float32 kept).
 *
 * @param in1 - first array (the signal)
 * @param in2 - second array (1-D)
 * @param options - `mode`, `method`
 * @returns the convolution
 * @throws TypeError/RangeError (naming `convolve`) for bad arrays or options
 * @example
 * ```ts
 * import { convolve } from '@ringflow/operators/signal';
 * convolve([1, 2, 3], [0, 1, 0.5]); // Float64Array [0, 1, 2.5, 4, 1.5]
 * convolve([1, 2, 3], [0, 1, 0.5], { mode: 'same' }); // [1, 2.5, 4]
 * ```
 */
export function convolve<X extends SignalInput>(in1: X, in2: SignalInput, options?: ConvolveOptions): SignalOutput<X> {
  return convolveArrays<X>('convolve', in1, in2, options, ['mode', 'method'], 'auto');
}
