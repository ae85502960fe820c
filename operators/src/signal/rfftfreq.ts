import { describeValue } from '../internal/chunks.js';
import { binFrequencies } from '../kernels/spectral-segments.js';

/** Checks `n` and `d` of the frequency helpers. @internal */
export function checkFrequencyArgs(fn: string, n: unknown, d: unknown): void {
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new TypeError(`${fn}: n must be an integer, got ${describeValue(n)}`);
  if (n < 0) throw new RangeError(`${fn}: n must be non-negative, got ${n}`);
  if (typeof d !== 'number' || Number.isNaN(d)) throw new TypeError(`${fn}: d must be a number (the sample spacing), got ${describeValue(d)}`);
}

/**
 * Frequencies of the bins of a real FFT of length `n`, as `numpy.fft.rfftfreq(n, d=1.0)` /
 * `scipy.fft.rfftfreq`.
 *
 * @remarks
 * `[0, 1, ..., floor(n/2)] / (n d)`: with `d = 1 / fs` they are in Hz. The bins of `rfft`, `stft`,
 * `welch` and `periodogram` (one-sided). `n = 0` gives an empty array (numpy would divide by zero).
 * Allocates.
 *
 * @param n - FFT length
 * @param d - sample spacing (the inverse of the sampling rate), default 1
 * @returns a new Float64Array of `floor(n/2) + 1` frequencies
 * @throws TypeError/RangeError naming `rfftfreq` for a bad `n` or `d`
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const f = signal.rfftfreq(1024, 1 / 48_000); // 0, 46.875, ..., 24000 Hz
 * ```
 */
export function rfftfreq(n: number, d = 1): Float64Array {
  checkFrequencyArgs('rfftfreq', n, d);
  if (n === 0) return new Float64Array(0);
  return binFrequencies(n, d, true);
}
