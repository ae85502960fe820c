import type { FloatArray } from './fft.js';
import type { DetrendType } from './detrend.js';
import {
  binFrequencies,
  createSegmentSpectrum,
  doubleOnesided,
  processSegmentSpectrum,
  spectralScale,
  type SegmentSpectrum,
  type SpectralScaling,
} from './spectral-segments.js';

/** How {@link welchEstimate} averages the segments' periodograms: SciPy's `average`. */
export type WelchAverage = 'mean' | 'median';

/** Options of {@link createWelchState}: resolved Welch parameters (see `signal.welch` for the defaults). */
export interface WelchKernelOptions {
  /** The window samples; their count is `nperseg`. */
  window: Float64Array;
  /** Samples shared by consecutive segments, `0 <= noverlap < nperseg`. */
  noverlap: number;
  /** FFT length, >= `nperseg`. */
  nfft: number;
  /** Per-segment detrending. */
  detrend: DetrendType;
  /** `'density'` (V**2/Hz) or `'spectrum'` (V**2). */
  scaling: SpectralScaling;
  /** Sampling frequency in Hz. */
  fs: number;
  /** One-sided spectrum (real input) or two-sided. */
  onesided: boolean;
  /** Mean or median (bias-corrected) of the periodograms. */
  average: WelchAverage;
  /** Cross spectral density of two signals (`csd`) rather than one signal's PSD. Default `false`. */
  cross?: boolean;
}

/**
 * State of a Welch estimate: the segment transform, the running sum (or, for `average: 'median'`,
 * every periodogram) of `conj(X) Y`, and the resolved parameters.
 *
 * @remarks
 * The one implementation behind `signal.welch`, `signal.csd`, `signal.periodogram`,
 * `signal.coherence` and the streaming `welch` operator. Fields are read-only.
 */
export interface WelchState {
  readonly nperseg: number;
  readonly noverlap: number;
  readonly nfft: number;
  readonly fs: number;
  readonly onesided: boolean;
  readonly average: WelchAverage;
  /** Frequency bins of the estimate. */
  readonly bins: number;
  /** The frequency of each bin in Hz (SciPy's `f`). */
  readonly frequencies: Float64Array;
  /** Segments added so far. */
  readonly segments: number;
}

interface WelchStateInternal extends WelchState {
  segments: number;
  readonly cross: boolean;
  readonly scale: number;
  readonly x: SegmentSpectrum;
  readonly xr: Float64Array;
  readonly xi: Float64Array;
  readonly yr: Float64Array;
  readonly yi: Float64Array;
  readonly sumRe: Float64Array;
  readonly sumIm: Float64Array;
  readonly storedRe: Float64Array[];
  readonly storedIm: Float64Array[];
  readonly column: Float64Array[];
}

/**
 * Creates a Welch PSD (or CSD) estimator: add segments with {@link addWelchSegment}, read the
 * estimate with {@link welchEstimate} at any time.
 *
 * @remarks
 * Follows `scipy.signal.csd`/`welch`: each segment is detrended, windowed, zero-padded to `nfft`
 * and transformed; `conj(X) Y` is scaled by `1 / (fs sum(w^2))` (density) or `1 / sum(w)^2`
 * (spectrum), doubled on the one-sided bins that stand for two frequencies, and averaged over
 * segments (mean, or median divided by SciPy's median bias). Allocates the FFT plan and
 * scratch; with `average: 'mean'` adding segments then allocates nothing, with `'median'` each
 * segment's periodogram is kept (`bins` float64 per segment, twice for complex results).
 *
 * @param options - the resolved parameters, see {@link WelchKernelOptions}
 * @returns a state with no segments
 * @example
 * ```ts
 * import { addWelchSegment, createWelchState, getWindow, welchEstimate } from '@ringflow/operators';
 * const state = createWelchState({
 *   window: getWindow('hann', 256), noverlap: 128, nfft: 256, detrend: 'constant',
 *   scaling: 'density', fs: 48_000, onesided: true, average: 'mean',
 * });
 * const x = new Float64Array(1024).map(() => Math.random() - 0.5);
 * for (let start = 0; start + 256 <= x.length; start += 128) addWelchSegment(state, x, start);
 * const psd = welchEstimate(state, new Float64Array(state.bins));
 * ```
 */
export function createWelchState(options: WelchKernelOptions): WelchState {
  const { window, noverlap, nfft, detrend, scaling, fs, onesided, average } = options;
  const nperseg = window.length;
  const x = createSegmentSpectrum({ window, nfft, detrend, onesided });
  const bins = x.bins;
  const state: WelchStateInternal = {
    nperseg,
    noverlap,
    nfft,
    fs,
    onesided,
    average,
    bins,
    frequencies: binFrequencies(nfft, 1 / fs, onesided),
    segments: 0,
    cross: options.cross ?? false,
    scale: spectralScale('createWelchState', window, fs, scaling),
    x,
    xr: new Float64Array(bins),
    xi: new Float64Array(bins),
    yr: new Float64Array(bins),
    yi: new Float64Array(bins),
    sumRe: new Float64Array(bins),
    sumIm: new Float64Array(bins),
    storedRe: [],
    storedIm: [],
    column: [],
  };
  return state;
}

/**
 * Adds the segment starting at `offset` (`nperseg` samples of `x`, and of `y` for a cross
 * spectrum; `xIm`/`yIm` for complex signals) to the estimate.
 *
 * @remarks
 * Allocates nothing with `average: 'mean'`; keeps one periodogram per segment with `'median'`.
 *
 * @param state - from {@link createWelchState}
 * @param x - the signal (real part)
 * @param offset - index of the segment's first sample in `x` (and `y`)
 * @param xIm - imaginary part of `x`, or null
 * @param y - second signal of a cross spectrum (required when the state is `cross`), or null
 * @param yIm - imaginary part of `y`, or null
 * @example
 * ```ts
 * import { addWelchSegment, createWelchState, getWindow } from '@ringflow/operators';
 * const state = createWelchState({
 *   window: getWindow('hann', 8), noverlap: 4, nfft: 8, detrend: false,
 *   scaling: 'spectrum', fs: 1, onesided: true, average: 'mean',
 * });
 * addWelchSegment(state, new Float64Array(8).fill(1), 0);
 * ```
 */
export function addWelchSegment(
  state: WelchState,
  x: ArrayLike<number>,
  offset: number,
  xIm: ArrayLike<number> | null = null,
  y: ArrayLike<number> | null = null,
  yIm: ArrayLike<number> | null = null,
): void {
  const s = state as WelchStateInternal;
  if (s === null || typeof s !== 'object' || !(s.sumRe instanceof Float64Array)) {
    throw new TypeError('addWelchSegment: state must come from createWelchState(options)');
  }
  if (offset < 0 || offset + s.nperseg > x.length) {
    throw new RangeError(`addWelchSegment: segment [${offset}, ${offset + s.nperseg}) is outside the signal (${x.length} samples)`);
  }
  processSegmentSpectrum(s.x, x, offset, xIm, offset, s.xr, s.xi);
  const bins = s.bins;
  const xr = s.xr;
  const xi = s.xi;
  let pr: Float64Array;
  let pi: Float64Array | null = null;
  const median = s.average === 'median';
  if (median) {
    pr = new Float64Array(bins);
    s.storedRe.push(pr);
  } else {
    pr = s.sumRe;
  }
  if (s.cross) {
    if (y === null) throw new TypeError('addWelchSegment: a cross-spectrum state needs the second signal y');
    processSegmentSpectrum(s.x, y, offset, yIm, offset, s.yr, s.yi);
    const yr = s.yr;
    const yi = s.yi;
    if (median) {
      pi = new Float64Array(bins);
      s.storedIm.push(pi);
    } else {
      pi = s.sumIm;
    }
    // conj(X) Y
    for (let k = 0; k < bins; k++) {
      const a = xr[k]!;
      const b = xi[k]!;
      const c = yr[k]!;
      const d = yi[k]!;
      pr[k] = pr[k]! + (a * c + b * d);
      pi[k] = pi[k]! + (a * d - b * c);
    }
  } else {
    for (let k = 0; k < bins; k++) pr[k] = pr[k]! + (xr[k]! * xr[k]! + xi[k]! * xi[k]!);
  }
  s.segments++;
}

/** SciPy's `_median_bias(n)`: the bias of the median of n periodograms relative to the mean. @internal */
export function medianBias(n: number): number {
  let s = 0;
  for (let i = 1; i <= Math.floor((n - 1) / 2); i++) {
    const ii2 = 2 * i;
    s += 1 / (ii2 + 1) - 1 / ii2;
  }
  return 1 + s;
}

function median(values: Float64Array[], k: number, column: Float64Array): number {
  const n = values.length;
  for (let j = 0; j < n; j++) column[j] = values[j]![k]!;
  const sorted = column.subarray(0, n).sort();
  // NaN sorts last in a typed array sort, as in numpy; numpy's median of data with NaN is NaN.
  if (Number.isNaN(sorted[n - 1]!)) return Number.NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/**
 * Writes the current estimate: `bins` values of the PSD (or the real part of the CSD) into `out`,
 * and the imaginary part of a CSD into `outIm` when given.
 *
 * @remarks
 * Equals `scipy.signal.welch`/`csd` over the segments added so far. With no segment yet, writes
 * NaN. Allocates nothing for `average: 'mean'` (one scratch column for `'median'`, reused).
 *
 * @param state - from {@link createWelchState}
 * @param out - at least `state.bins` elements (Float32Array or Float64Array)
 * @param outIm - imaginary parts of a cross spectrum, or omitted
 * @returns `out`
 * @example
 * ```ts
 * import { addWelchSegment, createWelchState, getWindow, welchEstimate } from '@ringflow/operators';
 * const state = createWelchState({
 *   window: getWindow('boxcar', 4), noverlap: 0, nfft: 4, detrend: false,
 *   scaling: 'spectrum', fs: 1, onesided: true, average: 'mean',
 * });
 * addWelchSegment(state, Float64Array.of(1, 1, 1, 1), 0);
 * welchEstimate(state, new Float64Array(3)); // [1, 0, 0]
 * ```
 */
export function welchEstimate<T extends FloatArray>(state: WelchState, out: T, outIm?: Float64Array): T {
  const s = state as WelchStateInternal;
  if (s === null || typeof s !== 'object' || !(s.sumRe instanceof Float64Array)) {
    throw new TypeError('welchEstimate: state must come from createWelchState(options)');
  }
  const bins = s.bins;
  if (out.length < bins) throw new RangeError(`welchEstimate: out has ${out.length} elements, needs ${bins}`);
  if (outIm !== undefined && outIm.length < bins) throw new RangeError(`welchEstimate: outIm has ${outIm.length} elements, needs ${bins}`);
  const n = s.segments;
  const re = s.xr;
  const im = s.xi;
  if (n === 0) {
    re.fill(Number.NaN);
    im.fill(Number.NaN);
  } else if (s.average === 'median' && n > 1) {
    let column = s.column[0];
    if (column === undefined || column.length < n) {
      column = new Float64Array(Math.max(n, 2 * (column?.length ?? 0)));
      s.column[0] = column;
    }
    const bias = medianBias(n);
    for (let k = 0; k < bins; k++) {
      re[k] = (median(s.storedRe, k, column) * s.scale) / bias;
      im[k] = s.cross ? (median(s.storedIm, k, column) * s.scale) / bias : 0;
    }
  } else {
    const sr = s.average === 'median' ? s.storedRe[0]! : s.sumRe;
    const si = s.average === 'median' ? (s.cross ? s.storedIm[0]! : null) : s.sumIm;
    for (let k = 0; k < bins; k++) {
      re[k] = (sr[k]! * s.scale) / n;
      im[k] = s.cross && si !== null ? (si[k]! * s.scale) / n : 0;
    }
  }
  if (s.onesided) doubleOnesided(re, s.nfft, im);
  for (let k = 0; k < bins; k++) out[k] = re[k]!;
  if (outIm !== undefined) for (let k = 0; k < bins; k++) outIm[k] = im[k]!;
  // The scratch spectra were used as output buffers; the next segment overwrites them anyway.
  return out;
}

/**
 * Forgets every segment, so the state starts a new estimate. Allocates nothing.
 *
 * @param state - from {@link createWelchState}
 * @example
 * ```ts
 * import { createWelchState, getWindow, resetWelch } from '@ringflow/operators';
 * const state = createWelchState({
 *   window: getWindow('hann', 64), noverlap: 32, nfft: 64, detrend: 'constant',
 *   scaling: 'density', fs: 1, onesided: true, average: 'mean',
 * });
 * resetWelch(state);
 * ```
 */
export function resetWelch(state: WelchState): void {
  const s = state as WelchStateInternal;
  s.segments = 0;
  s.sumRe.fill(0);
  s.sumIm.fill(0);
  s.storedRe.length = 0;
  s.storedIm.length = 0;
}
