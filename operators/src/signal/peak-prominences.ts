import { peakIndices, peakSignal, peakWindowLength } from '../internal/peak-input.js';
import { peakProminencesCore } from '../internal/peak-finding.js';

/** Options of {@link peakProminences}: SciPy's keyword parameters. */
export interface PeakProminencesOptions {
  /**
   * Window length in samples around each peak within which the bases are searched (rounded up to an
   * integer; an even value acts as the next odd one); default: the whole signal.
   */
  wlen?: number;
}

/** Result of {@link peakProminences}: SciPy's `prominences, left_bases, right_bases`. */
export interface PeakProminences {
  /** How far each peak stands out above the higher of its two bases. */
  prominences: Float64Array;
  /** Index of each peak's left base (the lowest point between it and a higher sample on the left). */
  leftBases: Int32Array;
  /** Index of each peak's right base. */
  rightBases: Int32Array;
}

/**
 * Prominence of each peak, as `scipy.signal.peak_prominences(x, peaks, wlen=None)`.
 *
 * @remarks
 * Port of SciPy's `_peak_prominences`: from each peak, extend left and right until a higher sample
 * (or the window's edge); the lowest points on each side are the bases; the prominence is the peak's
 * height above the higher base. Peaks with a prominence of 0 are returned as such (SciPy warns).
 * Allocates the results.
 *
 * @param x - 1-D signal
 * @param peaks - indices of peaks in `x` (e.g. from {@link findPeaks})
 * @param options - `wlen`
 * @returns `{ prominences, leftBases, rightBases }`
 * @throws TypeError/RangeError naming `peakProminences` for a non-1-D `x`, non-integer or out-of-range peaks, `wlen <= 1`
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const { prominences, leftBases, rightBases } = signal.peakProminences([0, 2, 1, 3, 0], [1, 3]);
 * // prominences [1, 3], leftBases [0, 0], rightBases [2, 4]
 * ```
 */
export function peakProminences(x: ArrayLike<number>, peaks: ArrayLike<number>, options?: PeakProminencesOptions): PeakProminences {
  const fn = 'peakProminences';
  const signal = peakSignal(fn, x);
  const idx = peakIndices(fn, peaks);
  const wlen = peakWindowLength(fn, options?.wlen);
  return peakProminencesCore(fn, signal, idx, wlen);
}
