import { describeValue } from '../internal/chunks.js';
import { peakIndices, peakSignal, peakWindowLength } from '../internal/peak-input.js';
import { peakProminencesCore, peakWidthsCore } from '../internal/peak-finding.js';
import type { PeakProminences } from './peak-prominences.js';

/** What {@link peakWidths} accepts as `prominenceData`: the result of `peakProminences`, or SciPy's tuple. */
export type ProminenceData =
  | PeakProminences
  | { prominences: ArrayLike<number>; leftBases: ArrayLike<number>; rightBases: ArrayLike<number> }
  | readonly [prominences: ArrayLike<number>, leftBases: ArrayLike<number>, rightBases: ArrayLike<number>];

/** Options of {@link peakWidths}: SciPy's keyword parameters, camelCased. */
export interface PeakWidthsOptions {
  /** Height of the width measurement as a fraction of the prominence (default 0.5: half prominence; 1: at the base). */
  relHeight?: number;
  /** Prominences and bases from {@link peakProminences}; computed when omitted. */
  prominenceData?: ProminenceData;
  /** Window length for the prominences when they are computed here. */
  wlen?: number;
}

/** Result of {@link peakWidths}: SciPy's `widths, width_heights, left_ips, right_ips`. */
export interface PeakWidths {
  /** Width of each peak in samples. */
  widths: Float64Array;
  /** The height at which each width was measured. */
  widthHeights: Float64Array;
  /** Interpolated left crossing points (fractional sample indices). */
  leftIps: Float64Array;
  /** Interpolated right crossing points. */
  rightIps: Float64Array;
}

/**
 * Width of each peak, as `scipy.signal.peak_widths(x, peaks, rel_height=0.5, prominence_data=None,
 * wlen=None)`.
 *
 * @remarks
 * Port of SciPy's `_peak_widths`: the width is measured at `x[peak] - prominence * relHeight`,
 * between the nearest crossings on each side (bounded by the bases), interpolated linearly between
 * samples. Where a crossing would divide by zero (equal neighbouring samples, reachable only with
 * hand-made `prominenceData`), the crossing is not interpolated (SciPy >= 1.13; 1.10 raised). A
 * width of 0 is returned as such (SciPy warns). Allocates the results.
 *
 * @param x - 1-D signal
 * @param peaks - indices of peaks in `x`
 * @param options - `relHeight`, `prominenceData`, `wlen`
 * @returns `{ widths, widthHeights, leftIps, rightIps }`
 * @throws TypeError/RangeError naming `peakWidths` for bad input, `relHeight < 0` or invalid prominence data
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const { widths } = signal.peakWidths([1, 0, 1, 2, 1, 0, -1], [3], { relHeight: 0.5 }); // [2]
 * ```
 */
export function peakWidths(x: ArrayLike<number>, peaks: ArrayLike<number>, options?: PeakWidthsOptions): PeakWidths {
  const fn = 'peakWidths';
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const signal = peakSignal(fn, x);
  const idx = peakIndices(fn, peaks);
  const relHeight = options?.relHeight ?? 0.5;
  if (typeof relHeight !== 'number') throw new TypeError(`${fn}: relHeight must be a number, got ${describeValue(relHeight)}`);
  const data = options?.prominenceData;
  let prom: { prominences: Float64Array; leftBases: Int32Array; rightBases: Int32Array };
  if (data === undefined || data === null) {
    prom = peakProminencesCore(fn, signal, idx, peakWindowLength(fn, options?.wlen));
  } else {
    const [p, l, r] = Array.isArray(data)
      ? (data as readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>])
      : [(data as PeakProminences).prominences, (data as PeakProminences).leftBases, (data as PeakProminences).rightBases];
    if (p === null || p === undefined || l === null || l === undefined || r === null || r === undefined) {
      throw new TypeError(`${fn}: prominenceData must hold prominences, leftBases and rightBases arrays, got None/undefined`);
    }
    const prominences = Float64Array.from(p as ArrayLike<number>, (v) => {
      if (typeof v !== 'number') throw new TypeError(`${fn}: prominences must be numbers, got ${describeValue(v)}`);
      return v;
    });
    prom = { prominences, leftBases: peakIndices(fn, l, 'leftBases'), rightBases: peakIndices(fn, r, 'rightBases') };
  }
  return peakWidthsCore(fn, signal, idx, relHeight, prom.prominences, prom.leftBases, prom.rightBases);
}
