import { describeValue } from '../internal/chunks.js';
import { localMaxima1d, peakProminencesCore, peakWidthsCore, selectByPeakDistance } from '../internal/peak-finding.js';
import { peakSignal, peakWindowLength } from '../internal/peak-input.js';

/** One border of a {@link PeakCondition}: a number, one value per sample of `x`, or none. */
export type PeakBound = number | ArrayLike<number> | null | undefined;

/**
 * A condition of {@link findPeaks}, as SciPy reads it: a number (the minimum), a `[min, max]`
 * pair (either may be `null`), or an array with one minimum per sample of `x`.
 */
export type PeakCondition = number | readonly [min: PeakBound, max?: PeakBound] | ArrayLike<number>;

/** Options of {@link findPeaks}: SciPy's keyword parameters, camelCased. */
export interface FindPeaksOptions {
  /** Required peak height. */
  height?: PeakCondition;
  /** Required vertical distance to the neighbouring samples. */
  threshold?: PeakCondition;
  /** Minimal horizontal distance between peaks in samples (>= 1); higher peaks win. */
  distance?: number;
  /** Required prominence. */
  prominence?: PeakCondition;
  /** Required width in samples (measured at `relHeight`). */
  width?: PeakCondition;
  /** Window length for the prominences (see `peakProminences`). */
  wlen?: number;
  /** Relative height at which widths are measured (default 0.5). */
  relHeight?: number;
  /** Required size of the flat top in samples. */
  plateauSize?: PeakCondition;
}

/** The properties {@link findPeaks} computed for the conditions it was given (SciPy's keys, camelCased). */
export interface PeakProperties {
  peakHeights?: Float64Array;
  leftThresholds?: Float64Array;
  rightThresholds?: Float64Array;
  prominences?: Float64Array;
  leftBases?: Int32Array;
  rightBases?: Int32Array;
  widths?: Float64Array;
  widthHeights?: Float64Array;
  leftIps?: Float64Array;
  rightIps?: Float64Array;
  plateauSizes?: Int32Array;
  leftEdges?: Int32Array;
  rightEdges?: Int32Array;
}

/** Result of {@link findPeaks}: SciPy's `peaks, properties`. */
export interface FindPeaksResult {
  /** Indices of the peaks in `x` (increasing). */
  peaks: Int32Array;
  /** The properties of the returned peaks, one entry per condition given. */
  properties: PeakProperties;
}

type Bound = number | Float64Array | null;

function bound(fn: string, name: string, value: unknown, n: number): Bound {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new TypeError(`${fn}: ${name} must not be NaN`);
    return value;
  }
  if (typeof value === 'object' && typeof (value as ArrayLike<unknown>).length === 'number') {
    const a = value as ArrayLike<unknown>;
    if (a.length !== n) throw new RangeError(`${fn}: array size of ${name} (${a.length}) must match x (${n})`);
    return Float64Array.from(a as ArrayLike<number>, (v) => {
      if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must hold numbers, got ${describeValue(v)}`);
      return v;
    });
  }
  throw new TypeError(`${fn}: ${name} must be a number, an array or null, got ${describeValue(value)}`);
}

/** SciPy's `_unpack_condition_args`: `[min, max]` borders, per-sample arrays reduced to the peaks. */
function unpack(fn: string, name: string, interval: unknown, n: number, peaks: Int32Array): [Bound, Bound] {
  let lo: unknown = interval;
  let hi: unknown = null;
  if (interval !== null && typeof interval === 'object' && typeof (interval as ArrayLike<unknown>).length === 'number') {
    const a = interval as ArrayLike<unknown>;
    if (a.length === 2) {
      lo = a[0];
      hi = a[1];
    }
  }
  const reduce = (b: Bound): Bound => (b instanceof Float64Array ? Float64Array.from(peaks, (p) => b[p]!) : b);
  return [reduce(bound(fn, `${name} (lower border)`, lo, n)), reduce(bound(fn, `${name} (upper border)`, hi, n))];
}

/** SciPy's `_select_by_property`. */
function select(values: ArrayLike<number>, lo: Bound, hi: Bound): Uint8Array {
  const keep = new Uint8Array(values.length).fill(1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (lo !== null && !((typeof lo === 'number' ? lo : lo[i]!) <= v)) keep[i] = 0;
    if (hi !== null && !(v <= (typeof hi === 'number' ? hi : hi[i]!))) keep[i] = 0;
  }
  return keep;
}

/**
 * Finds peaks (local maxima) by their properties, as `scipy.signal.find_peaks(x, height=None,
 * threshold=None, distance=None, prominence=None, width=None, wlen=None, rel_height=0.5,
 * plateau_size=None)`.
 *
 * @remarks
 * A port of SciPy's `_peak_finding` logic, step for step and in SciPy's order: local maxima
 * (a flat top counts once, at its middle, rounded down; the first and last samples are never
 * peaks), then `plateauSize`, `height`, `threshold`, `distance` (higher peaks first, ties in numpy's
 * sort order), `prominence`, `width`. Each condition is a number (minimum), a `[min, max]` pair
 * (`null` for an open side) or one minimum per sample; each given condition adds its properties
 * (SciPy's keys camelCased: `peakHeights`, `leftThresholds`/`rightThresholds`, `prominences`,
 * `leftBases`/`rightBases`, `widths`, `widthHeights`, `leftIps`/`rightIps`, `plateauSizes`,
 * `leftEdges`/`rightEdges`). Indices are Int32Arrays, values Float64Arrays. 1-D input only, as in
 * SciPy. Allocates the results.
 *
 * @param x - 1-D signal (numbers, a typed array, or a 1-D view)
 * @param options - `height`, `threshold`, `distance`, `prominence`, `width`, `wlen`, `relHeight`, `plateauSize`
 * @returns `{ peaks, properties }`
 * @throws TypeError/RangeError naming `findPeaks` for non-1-D input, `distance < 1`, `wlen <= 1`, borders of the wrong size
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const x = [0, 1, 0, 3, 1, 1, 4, 4, 0, 2, 0];
 * const { peaks, properties } = signal.findPeaks(x, { height: 1.5, prominence: [2, null] });
 * // peaks [3, 6], properties.peakHeights [3, 4], properties.prominences [3, 4]
 * ```
 */
export function findPeaks(x: ArrayLike<number>, options?: FindPeaksOptions): FindPeaksResult {
  const fn = 'findPeaks';
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`${fn}: options must be an object such as { height: 1 }, got ${describeValue(options)}`);
  }
  const o = options ?? {};
  const signal = peakSignal(fn, x);
  const n = signal.length;
  const { distance } = o;
  if (distance !== undefined && distance !== null) {
    if (typeof distance !== 'number' || Number.isNaN(distance)) throw new TypeError(`${fn}: distance must be a number, got ${describeValue(distance)}`);
    if (distance < 1) throw new RangeError(`${fn}: distance must be greater or equal to 1, got ${distance}`);
  }
  const relHeight = o.relHeight ?? 0.5;
  if (typeof relHeight !== 'number') throw new TypeError(`${fn}: relHeight must be a number, got ${describeValue(relHeight)}`);
  const maxima = localMaxima1d(signal);
  let peaks = maxima.midpoints;
  const props = new Map<keyof PeakProperties, Float64Array | Int32Array>();
  const filter = (keep: Uint8Array): void => {
    const take = <T extends Float64Array | Int32Array>(a: T): T => a.filter((_, i) => keep[i] === 1) as T;
    peaks = take(peaks);
    for (const [k, v] of props) props.set(k, take(v));
  };
  // As in SciPy, a condition of None (null here) is not given; `[null, null]` asks for the properties only.
  const given = (v: unknown): boolean => v !== undefined && v !== null;

  if (given(o.plateauSize)) {
    const sizes = Int32Array.from(maxima.rightEdges, (r, i) => r - maxima.leftEdges[i]! + 1);
    const [lo, hi] = unpack(fn, 'plateauSize', o.plateauSize, n, peaks);
    const keep = select(sizes, lo, hi);
    props.set('plateauSizes', sizes);
    props.set('leftEdges', maxima.leftEdges);
    props.set('rightEdges', maxima.rightEdges);
    filter(keep);
  }
  if (given(o.height)) {
    const heights = Float64Array.from(peaks, (p) => signal[p]!);
    const [lo, hi] = unpack(fn, 'height', o.height, n, peaks);
    const keep = select(heights, lo, hi);
    props.set('peakHeights', heights);
    filter(keep);
  }
  if (given(o.threshold)) {
    const [lo, hi] = unpack(fn, 'threshold', o.threshold, n, peaks);
    const left = Float64Array.from(peaks, (p) => signal[p]! - signal[p - 1]!);
    const right = Float64Array.from(peaks, (p) => signal[p]! - signal[p + 1]!);
    const keep = new Uint8Array(peaks.length).fill(1);
    for (let i = 0; i < peaks.length; i++) {
      const l = left[i]!;
      const r = right[i]!;
      // numpy's min/max propagate NaN; a comparison with NaN is false.
      const mn = Number.isNaN(l) || Number.isNaN(r) ? Number.NaN : Math.min(l, r);
      const mx = Number.isNaN(l) || Number.isNaN(r) ? Number.NaN : Math.max(l, r);
      if (lo !== null && !((typeof lo === 'number' ? lo : lo[i]!) <= mn)) keep[i] = 0;
      if (hi !== null && !(mx <= (typeof hi === 'number' ? hi : hi[i]!))) keep[i] = 0;
    }
    props.set('leftThresholds', left);
    props.set('rightThresholds', right);
    filter(keep);
  }
  if (distance !== undefined && distance !== null) {
    filter(selectByPeakDistance(peaks, Float64Array.from(peaks, (p) => signal[p]!), distance));
  }
  if (given(o.prominence) || given(o.width)) {
    const wlen = peakWindowLength(fn, o.wlen);
    const p = peakProminencesCore(fn, signal, peaks, wlen);
    props.set('prominences', p.prominences);
    props.set('leftBases', p.leftBases);
    props.set('rightBases', p.rightBases);
  }
  if (given(o.prominence)) {
    const [lo, hi] = unpack(fn, 'prominence', o.prominence, n, peaks);
    filter(select(props.get('prominences')!, lo, hi));
  }
  if (given(o.width)) {
    const w = peakWidthsCore(
      fn,
      signal,
      peaks,
      relHeight,
      props.get('prominences') as Float64Array,
      props.get('leftBases') as Int32Array,
      props.get('rightBases') as Int32Array,
    );
    props.set('widths', w.widths);
    props.set('widthHeights', w.widthHeights);
    props.set('leftIps', w.leftIps);
    props.set('rightIps', w.rightIps);
    const [lo, hi] = unpack(fn, 'width', o.width, n, peaks);
    filter(select(w.widths, lo, hi));
  }
  const properties: PeakProperties = {};
  for (const [k, v] of props) (properties as Record<string, Float64Array | Int32Array>)[k] = v;
  return { peaks, properties };
}
