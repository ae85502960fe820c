import { getWindow, type WindowSpec } from '../design/windows.js';
import { inContext } from '../internal/in-context.js';
import { detrendInPlace, type DetrendType } from './detrend.js';
import { complexFft, createComplexFftPlan, type ComplexFftPlan } from './fft.js';
import { createStftState, processStft, type StftState } from './stft.js';

/**
 * The segment machinery shared by `welch`, `csd`, `coherence`, `periodogram`, `spectrogram`, `stft`
 * (whole-array) and the streaming `welch` operator: SciPy's `_triage_segments` and the checks of
 * `_spectral_helper` (resolving window, `nperseg`, `noverlap`, `nfft`), and `_fft_helper` for one
 * segment (detrend, window, FFT).
 */

/** The segment parameters a spectral function is given (SciPy's names, camelCased). */
export interface SegmentOptions {
  /**
   * Window: a name, a `[name, ...parameters]` tuple (periodic, through `getWindow`) or the samples.
   * Default `'hann'` (`['tukey', 0.25]` for `spectrogram`).
   */
  window?: WindowSpec;
  /** Segment length in samples (default 256, or the window's length; at most the input's length, as SciPy clips it). */
  nperseg?: number;
  /** Samples shared by consecutive segments (default `nperseg // 2`; `nperseg // 8` for `spectrogram`). */
  noverlap?: number;
  /** FFT length, >= nperseg (default `nperseg`). */
  nfft?: number;
}

/** The options every segment-based spectral function takes: the segments, `fs` and `detrend`. */
export interface SpectralOptions extends SegmentOptions {
  /** Sampling frequency in Hz (default 1). */
  fs?: number;
  /** Per-segment detrending: `'constant'` (default; `false` for `stft`), `'linear'` or `false`. */
  detrend?: 'constant' | 'linear' | false;
}

/** Resolved segment parameters. */
export interface ResolvedSegments {
  readonly window: Float64Array;
  readonly nperseg: number;
  readonly noverlap: number;
  readonly nfft: number;
  /** `nperseg - noverlap`. */
  readonly step: number;
}

function isNamed(window: unknown): boolean {
  return typeof window === 'string' || typeof window === 'number' || (Array.isArray(window) && typeof window[0] === 'string');
}

/** SciPy's `_triage_segments`: the window samples and `nperseg`. @internal */
export function triageSegments(
  fn: string,
  window: WindowSpec,
  nperseg: number | undefined,
  inputLength: number,
): { window: Float64Array; nperseg: number } {
  if (nperseg !== undefined) {
    if (typeof nperseg !== 'number') throw new TypeError(`${fn}: nperseg must be a number, got ${typeof nperseg}`);
    if (!Number.isInteger(nperseg) || nperseg < 1) throw new RangeError(`${fn}: nperseg must be a positive integer, got ${nperseg}`);
  }
  if (isNamed(window)) {
    let n = nperseg ?? 256;
    // SciPy warns "nperseg = N is greater than input length" and uses the input length.
    if (n > inputLength) n = inputLength;
    return { window: inContext(fn, () => getWindow(window, n)), nperseg: n };
  }
  if (window === null || typeof window !== 'object' || typeof (window as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${fn}: window must be a name, a [name, ...parameters] tuple or an array of samples, got ${String(window)}`);
  }
  const length = (window as ArrayLike<number>).length;
  if (inputLength < length) throw new RangeError(`${fn}: window is longer than input signal (${length} > ${inputLength})`);
  if (nperseg !== undefined && nperseg !== length) {
    throw new RangeError(`${fn}: value specified for nperseg (${nperseg}) is different from length of window (${length})`);
  }
  const w = inContext(fn, () => getWindow(window, length));
  for (let i = 0; i < length; i++) if (!Number.isFinite(w[i]!)) throw new TypeError(`${fn}: window[${i}] is not finite`);
  return { window: w, nperseg: length };
}

/**
 * Resolves `window`, `nperseg`, `noverlap` and `nfft` as SciPy's `_spectral_helper` does, for an
 * input of `inputLength` samples (`Infinity` for a stream).
 *
 * @throws RangeError/TypeError naming `fn` for values SciPy rejects.
 */
export function resolveSegments(
  fn: string,
  options: SegmentOptions,
  inputLength: number,
  defaultWindow: WindowSpec = 'hann',
): ResolvedSegments {
  const { window, nperseg } = triageSegments(fn, options.window ?? defaultWindow, options.nperseg, inputLength);
  let nfft = nperseg;
  if (options.nfft !== undefined && options.nfft !== null) {
    if (typeof options.nfft !== 'number' || !Number.isInteger(options.nfft)) {
      throw new TypeError(`${fn}: nfft must be an integer, got ${String(options.nfft)}`);
    }
    if (options.nfft < nperseg) throw new RangeError(`${fn}: nfft must be greater than or equal to nperseg (${options.nfft} < ${nperseg})`);
    nfft = options.nfft;
  }
  let noverlap = Math.floor(nperseg / 2);
  if (options.noverlap !== undefined && options.noverlap !== null) {
    if (typeof options.noverlap !== 'number' || !Number.isInteger(options.noverlap) || options.noverlap < 0) {
      throw new RangeError(`${fn}: noverlap must be a non-negative integer, got ${String(options.noverlap)}`);
    }
    noverlap = options.noverlap;
  }
  if (noverlap >= nperseg) throw new RangeError(`${fn}: noverlap must be less than nperseg (${noverlap} >= ${nperseg})`);
  return { window, nperseg, noverlap, nfft, step: nperseg - noverlap };
}

/** Checks and normalises SciPy's `detrend` option (`'constant'`, `'linear'`, their first letters, or `false`). @internal */
export function resolveDetrend(fn: string, detrend: unknown, fallback: DetrendType): DetrendType {
  if (detrend === undefined) return fallback;
  if (detrend === false || detrend === null) return false;
  if (detrend === 'constant' || detrend === 'c') return 'constant';
  if (detrend === 'linear' || detrend === 'l') return 'linear';
  throw new TypeError(`${fn}: detrend must be 'constant', 'linear' or false, got ${String(detrend)}`);
}

/** Scaling of a PSD/CSD: SciPy's `'density'` (V**2/Hz) or `'spectrum'` (V**2). */
export type SpectralScaling = 'density' | 'spectrum';

/** SciPy's `scale` of `_spectral_helper` (before the square root STFT mode takes). @internal */
export function spectralScale(fn: string, window: Float64Array, fs: number, scaling: unknown): number {
  let s = 0;
  if (scaling === 'density') {
    for (let i = 0; i < window.length; i++) s += window[i]! * window[i]!;
    return 1 / (fs * s);
  }
  if (scaling === 'spectrum') {
    for (let i = 0; i < window.length; i++) s += window[i]!;
    return 1 / (s * s);
  }
  throw new TypeError(`${fn}: unknown scaling ${String(scaling)}; expected 'density' or 'spectrum'`);
}

/** Checks a sampling frequency (`fs`): a finite positive number. @internal */
export function resolveFs(fn: string, fs: unknown): number {
  if (fs === undefined) return 1;
  if (typeof fs !== 'number' || !Number.isFinite(fs) || fs <= 0) {
    throw new RangeError(`${fn}: fs must be a finite positive number (Hz), got ${String(fs)}`);
  }
  return fs;
}

/**
 * Doubles the bins of a one-sided PSD that stand for two frequencies (all but DC, and the Nyquist
 * bin of an even `nfft`), in place: SciPy's onesided correction.
 */
export function doubleOnesided(p: Float64Array, nfft: number, pim?: Float64Array): void {
  const end = nfft % 2 === 1 ? p.length : p.length - 1;
  for (let k = 1; k < end; k++) {
    p[k] = p[k]! * 2;
    if (pim !== undefined) pim[k] = pim[k]! * 2;
  }
}

/** State of {@link processSegmentSpectrum}: the window, FFT plan and scratch for one segment length. */
export interface SegmentSpectrum {
  readonly nperseg: number;
  readonly nfft: number;
  /** Frequency bins per spectrum: `nfft // 2 + 1` one-sided, `nfft` two-sided. */
  readonly bins: number;
  readonly onesided: boolean;
  readonly window: Float64Array;
  readonly detrend: DetrendType;
}

interface SegmentSpectrumInternal extends SegmentSpectrum {
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** One-sided: the STFT kernel (window and zero padding to nfft). */
  readonly stft: StftState | null;
  readonly interleaved: Float64Array;
  /** Two-sided: complex plan and input buffer. */
  readonly plan: ComplexFftPlan | null;
  readonly complexIn: Float64Array;
}

/**
 * Creates the per-segment transform of SciPy's `_fft_helper`: detrend, window, FFT (`rfft` for a
 * one-sided spectrum, through the STFT kernel; a complex FFT for a two-sided one). Allocates the
 * plan and scratch; {@link processSegmentSpectrum} then allocates nothing.
 */
export function createSegmentSpectrum(options: {
  window: Float64Array;
  nfft: number;
  detrend: DetrendType;
  onesided: boolean;
}): SegmentSpectrum {
  const nperseg = options.window.length;
  const { nfft, onesided, detrend } = options;
  const stft = onesided ? createStftState({ size: nperseg, hop: nperseg, window: options.window, fftSize: nfft, scaling: 'none' }) : null;
  const plan = onesided ? null : createComplexFftPlan(nfft);
  const state: SegmentSpectrumInternal = {
    nperseg,
    nfft,
    bins: onesided ? Math.floor(nfft / 2) + 1 : nfft,
    onesided,
    window: options.window,
    detrend,
    re: new Float64Array(nperseg),
    im: new Float64Array(nperseg),
    stft,
    interleaved: new Float64Array(2 * (onesided ? Math.floor(nfft / 2) + 1 : nfft)),
    plan,
    complexIn: new Float64Array(onesided ? 0 : 2 * nfft),
  };
  return state;
}

/**
 * Spectrum of the segment `re[reOffset .. reOffset + nperseg)` (plus `im` for complex input):
 * detrended, windowed, zero-padded to `nfft`, transformed; written to `outRe`/`outIm` (`bins`
 * values each). Unscaled. Allocates nothing.
 */
export function processSegmentSpectrum(
  state: SegmentSpectrum,
  re: ArrayLike<number>,
  reOffset: number,
  im: ArrayLike<number> | null,
  imOffset: number,
  outRe: Float64Array,
  outIm: Float64Array,
): void {
  const s = state as SegmentSpectrumInternal;
  const n = s.nperseg;
  const xr = s.re;
  for (let i = 0; i < n; i++) xr[i] = re[reOffset + i]!;
  detrendInPlace(s.detrend, xr);
  if (s.stft !== null) {
    if (im !== null) throw new TypeError('processSegmentSpectrum: a one-sided spectrum needs real input');
    const z = processStft(s.stft, xr, s.interleaved);
    for (let k = 0; k < s.bins; k++) {
      outRe[k] = z[2 * k]!;
      outIm[k] = z[2 * k + 1]!;
    }
    return;
  }
  const xi = s.im;
  if (im === null) xi.fill(0);
  else for (let i = 0; i < n; i++) xi[i] = im[imOffset + i]!;
  detrendInPlace(s.detrend, xi);
  const buf = s.complexIn;
  const w = s.window;
  for (let i = 0; i < n; i++) {
    buf[2 * i] = xr[i]! * w[i]!;
    buf[2 * i + 1] = xi[i]! * w[i]!;
  }
  const z = complexFft(s.plan!, buf, s.interleaved);
  for (let k = 0; k < s.bins; k++) {
    outRe[k] = z[2 * k]!;
    outIm[k] = z[2 * k + 1]!;
  }
  if (im === null) {
    // A real segment's DC (and even-length Nyquist) bins are real: drop the rounding noise.
    outIm[0] = 0;
    if (s.nfft % 2 === 0) outIm[s.nfft / 2] = 0;
  }
}

/**
 * SciPy's segment times (`_spectral_helper`'s `time`): the centre of each segment in seconds,
 * shifted back by `nperseg / 2` when a boundary extension was added.
 */
export function segmentTimes(length: number, nperseg: number, noverlap: number, fs: number, boundary: boolean): Float64Array {
  const step = nperseg - noverlap;
  const count = length >= nperseg ? Math.floor((length - nperseg) / step) + 1 : 0;
  const t = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    let v = (nperseg / 2 + k * step) / fs;
    if (boundary) v -= nperseg / 2 / fs;
    t[k] = v;
  }
  return t;
}

/** numpy's `rfftfreq(n, d)` and `fftfreq(n, d)` order: the frequency of each bin. @internal */
export function binFrequencies(n: number, d: number, onesided: boolean): Float64Array {
  const val = 1 / (n * d);
  if (onesided) {
    const out = new Float64Array(Math.floor(n / 2) + 1);
    for (let k = 0; k < out.length; k++) out[k] = k * val;
    return out;
  }
  const out = new Float64Array(n);
  const N = Math.floor((n - 1) / 2) + 1;
  for (let k = 0; k < N; k++) out[k] = k * val;
  for (let k = N; k < n; k++) out[k] = (k - n) * val;
  return out;
}
