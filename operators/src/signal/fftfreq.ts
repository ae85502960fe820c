import { binFrequencies } from '../kernels/spectral-segments.js';
import { checkFrequencyArgs } from './rfftfreq.js';

/**
 * Frequencies of the bins of a complex FFT of length `n`, as `numpy.fft.fftfreq(n, d=1.0)` /
 * `scipy.fft.fftfreq`.
 *
 * @remarks
 * `[0, 1, ..., ceil(n/2) - 1, -floor(n/2), ..., -1] / (n d)`: numpy's order (non-negative
 * frequencies first), the order of two-sided `welch`/`stft` results. `n = 0` gives an empty array.
 * Allocates.
 *
 * @param n - FFT length
 * @param d - sample spacing, default 1
 * @returns a new Float64Array of `n` frequencies
 * @throws TypeError/RangeError naming `fftfreq` for a bad `n` or `d`
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * signal.fftfreq(4); // [0, 0.25, -0.5, -0.25]
 * ```
 */
export function fftfreq(n: number, d = 1): Float64Array {
  checkFrequencyArgs('fftfreq', n, d);
  if (n === 0) return new Float64Array(0);
  return binFrequencies(n, d, false);
}
