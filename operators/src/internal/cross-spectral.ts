import type { WelchOptions } from '../signal/welch.js';
import type { DetrendType } from '../kernels/detrend.js';
import { resolveDetrend, resolveFs, resolveSegments } from '../kernels/spectral-segments.js';
import { addWelchSegment, createWelchState, resetWelch, welchEstimate } from '../kernels/welch.js';
import { assemble, readLanes, type Lanes } from './signal-input.js';
import { describeValue } from './chunks.js';

/** The keyword parameters of `welch`/`csd` (and, in part, `periodogram`/`coherence`), with SciPy's one-letter detrend aliases. */
export interface CrossSpectralOptions extends Omit<WelchOptions, 'detrend'> {
  detrend?: WelchOptions['detrend'] | 'c' | 'l';
}

/** What {@link crossSpectralDensity} computes, before the public functions shape it. */
export interface CrossSpectralResult {
  f: Float64Array;
  /** Real parts (the PSD, or Re(CSD)), in SciPy's layout. */
  re: Float64Array | { data: Float64Array; shape: number[]; stride: number[]; offset: 0 };
  /** Imaginary parts of a CSD (null for a PSD). */
  im: Float64Array | { data: Float64Array; shape: number[]; stride: number[]; offset: 0 } | null;
}

function checkOptions(fn: string, options: unknown): CrossSpectralOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object such as { fs: 48000, nperseg: 1024 }, got ${describeValue(options)}`);
  }
  return options as CrossSpectralOptions;
}

function pad(lane: Float64Array, length: number): Float64Array {
  if (lane.length === length) return lane;
  const out = new Float64Array(length);
  out.set(lane);
  return out;
}

function emptyLike(lanes: Lanes, bins: number): Float64Array | { data: Float64Array; shape: number[]; stride: number[]; offset: 0 } {
  if (lanes.shape.length === 1) return new Float64Array(0);
  const shape = [...lanes.shape];
  shape[lanes.axis] = bins;
  return { data: new Float64Array(0), shape, stride: [shape[1]!, 1], offset: 0 };
}

/** Per-lane Welch estimates, before they are put in SciPy's layout. */
export interface LaneSpectra {
  f: Float64Array;
  /** Lanes whose shape the result takes (x, or y when it has more lanes). */
  shape: Lanes;
  re: Float64Array[];
  im: Float64Array[];
  /** Frequency bins per lane. */
  bins: number;
}

/** Reads the options shared by welch, csd, periodogram and coherence. */
function resolveCommon(fn: string, options: CrossSpectralOptions, defaults: { detrend?: DetrendType }) {
  const fs = resolveFs(fn, options.fs);
  const detrend = resolveDetrend(fn, options.detrend, defaults.detrend ?? 'constant');
  const average = options.average ?? 'mean';
  if (average !== 'mean' && average !== 'median') {
    throw new TypeError(`${fn}: average must be 'mean' or 'median', got ${String(average)}`);
  }
  const scaling = options.scaling ?? 'density';
  if (scaling !== 'density' && scaling !== 'spectrum') {
    throw new TypeError(`${fn}: unknown scaling ${String(scaling)}; expected 'density' or 'spectrum'`);
  }
  const returnOnesided = options.returnOnesided ?? true;
  if (typeof returnOnesided !== 'boolean') throw new TypeError(`${fn}: returnOnesided must be a boolean, got ${String(returnOnesided)}`);
  return { fs, detrend, average, scaling, returnOnesided } as const;
}

/** Reads `x` (and `y`) of `fn` as lanes along the options' axis. */
export function readSpectralInput(fn: string, x: unknown, y: unknown | null, rawOptions: unknown): {
  options: CrossSpectralOptions;
  xl: Lanes;
  yl: Lanes | null;
} {
  const options = checkOptions(fn, rawOptions);
  const xl = readLanes(fn, x, options.axis, { complex: true, name: 'x' });
  const yl = y === null ? null : readLanes(fn, y, options.axis, { complex: true, name: 'y' });
  return { options, xl, yl };
}

/**
 * Welch's estimate of the cross spectral density of lanes `xl` and `yl` (`yl === null`: the PSD of
 * `xl`), lane by lane, as `scipy.signal.csd`/`welch` compute it; null for empty input.
 */
export function welchLanes(
  fn: string,
  xl: Lanes,
  yl: Lanes | null,
  options: CrossSpectralOptions,
  defaults: { detrend?: DetrendType } = {},
): LaneSpectra | null {
  const { fs, detrend, average, scaling, returnOnesided } = resolveCommon(fn, options, defaults);
  let shapeLanes: Lanes = xl;
  if (yl !== null) {
    const cx = xl.re.length;
    const cy = yl.re.length;
    if (cx !== cy && cx !== 1 && cy !== 1) {
      throw new RangeError(`${fn}: x and y cannot be broadcast together (${cx} and ${cy} lanes)`);
    }
    if (cy > cx || (cy === cx && yl.shape.length > xl.shape.length)) shapeLanes = yl;
  }
  const length = yl === null ? xl.length : Math.max(xl.length, yl.length);
  if (xl.length === 0 || (yl !== null && yl.length === 0) || shapeLanes.re.length === 0) return null;
  const seg = resolveSegments(fn, options, length);
  const complex = xl.im !== null || (yl !== null && yl.im !== null);
  // SciPy warns "Input data is complex, switching to return_onesided=False".
  const onesided = returnOnesided && !complex;
  const state = createWelchState({
    window: seg.window,
    noverlap: seg.noverlap,
    nfft: seg.nfft,
    detrend,
    scaling,
    fs,
    onesided,
    average,
    cross: yl !== null,
  });
  const count = shapeLanes.re.length;
  const re: Float64Array[] = [];
  const im: Float64Array[] = [];
  for (let l = 0; l < count; l++) {
    resetWelch(state);
    const xi = xl.re.length === 1 ? 0 : l;
    const xr = pad(xl.re[xi]!, length);
    const xim = xl.im === null ? null : pad(xl.im[xi]!, length);
    let yr: Float64Array | null = null;
    let yim: Float64Array | null = null;
    if (yl !== null) {
      const yi = yl.re.length === 1 ? 0 : l;
      yr = pad(yl.re[yi]!, length);
      yim = yl.im === null ? null : pad(yl.im[yi]!, length);
    }
    for (let start = 0; start + seg.nperseg <= length; start += seg.step) addWelchSegment(state, xr, start, xim, yr, yim);
    const pr = new Float64Array(state.bins);
    const pi = new Float64Array(state.bins);
    welchEstimate(state, pr, pi);
    re.push(pr);
    im.push(pi);
  }
  return { f: state.frequencies.slice(), shape: shapeLanes, re, im, bins: state.bins };
}

/**
 * Welch's estimate of the cross spectral density of `x` and `y` (`y === null`: the PSD of `x`), in
 * SciPy's layout; shared by welch, csd and periodogram.
 */
export function crossSpectralDensity(
  fn: string,
  x: unknown,
  y: unknown | null,
  rawOptions: unknown,
  defaults: { detrend?: DetrendType } = {},
): CrossSpectralResult {
  const { options, xl, yl } = readSpectralInput(fn, x, y, rawOptions);
  const spectra = welchLanes(fn, xl, yl, options, defaults);
  if (spectra === null) {
    // SciPy returns empty arrays for empty input.
    const shapeLanes = yl !== null && yl.re.length > xl.re.length ? yl : xl;
    const bins = yl === null ? 0 : Math.min(xl.length, yl.length);
    return { f: new Float64Array(0), re: emptyLike(shapeLanes, bins), im: yl === null ? null : emptyLike(shapeLanes, bins) };
  }
  return {
    f: spectra.f,
    re: assemble(spectra.shape, spectra.re, [spectra.bins], Float64Array),
    im: yl === null ? null : assemble(spectra.shape, spectra.im, [spectra.bins], Float64Array),
  };
}
