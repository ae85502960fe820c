import { kaiserAtten, kaiserBeta } from './kaiserord.js';
import { getWindow, type WindowSpec } from './windows.js';

/** Band shape of {@link firwin}: `true`/`'lowpass'`/`'bandstop'` pass DC, `false`/`'highpass'`/`'bandpass'` block it. */
export type PassZero = boolean | 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';

/** Options of {@link firwin}. */
export interface FirwinOptions {
  /** Window applied to the ideal response (default `'hamming'`), symmetric; see `getWindow`. */
  window?: WindowSpec;
  /** Whether the DC gain is 1 (default `true`), or a band type name checked against the cutoff count. */
  passZero?: PassZero;
  /** Scale so the centre of the first passband has unit gain (default `true`). */
  scale?: boolean;
  /** Sample rate in Hz; when omitted, `cutoff` is relative to Nyquist (1 = sampleRate / 2). */
  sampleRate?: number;
  /** SciPy's name for `sampleRate` (give one of them). */
  fs?: number;
  /**
   * Approximate transition width (same units as `cutoff`): when given, the window is
   * `['kaiser', kaiserBeta(kaiserAtten(numtaps, width / nyquist))]`, as SciPy's `width`.
   */
  width?: number;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const y = Math.PI * x;
  return Math.sin(y) / y;
}

/**
 * Designs a linear-phase FIR filter by the window method, like
 * `scipy.signal.firwin(numtaps, cutoff, window=..., pass_zero=..., scale=..., fs=sampleRate)`.
 *
 * @remarks
 * Cutoffs are band edges (strictly increasing, between 0 and Nyquist exclusive); bands alternate
 * starting with a passband when `passZero` is true. A filter that passes Nyquist needs an odd
 * `numtaps` (RangeError otherwise, as in SciPy). Taps are symmetric. Design-time helper: allocates.
 *
 * @param numtaps - number of taps (filter length = order + 1), a positive integer
 * @param cutoff - band edge(s), in Hz with `sampleRate`, else relative to Nyquist
 * @param options - `window`, `passZero`, `scale`, `sampleRate`
 * @returns a new Float64Array of `numtaps` coefficients
 * @example
 * ```ts
 * import { firwin, createFirState } from '@ringflow/operators';
 * const taps = firwin(101, [300, 3400], { passZero: 'bandpass', sampleRate: 16000, window: 'hann' });
 * const state = createFirState(taps);
 * ```
 */
export function firwin(numtaps: number, cutoff: number | ArrayLike<number>, options?: FirwinOptions): Float64Array {
  if (typeof numtaps !== 'number') throw new TypeError(`numtaps must be a number, got ${typeof numtaps}`);
  if (!Number.isInteger(numtaps) || numtaps < 1) {
    throw new RangeError(`numtaps must be a positive integer, got ${numtaps}`);
  }
  if (options?.sampleRate !== undefined && options.fs !== undefined) throw new TypeError('give either sampleRate or fs, not both');
  const sampleRate = options?.sampleRate ?? options?.fs;
  if (sampleRate !== undefined && (typeof sampleRate !== 'number' || !Number.isFinite(sampleRate) || !(sampleRate > 0))) {
    throw new RangeError(`sampleRate must be a positive finite number (Hz), got ${String(sampleRate)}`);
  }
  const nyq = sampleRate === undefined ? 1 : sampleRate / 2;
  const raw = typeof cutoff === 'number' ? [cutoff] : Array.from(cutoff);
  if (raw.length === 0) throw new RangeError('at least one cutoff frequency must be given');
  for (const v of raw) {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`cutoff must be numbers, got ${String(v)}`);
  }
  const cut = raw.map((v) => v / nyq);
  for (let i = 0; i < cut.length; i++) {
    if (!(cut[i]! > 0 && cut[i]! < 1)) {
      throw new RangeError(`invalid cutoff ${raw[i]}: frequencies must be > 0 and < ${sampleRate === undefined ? '1 (Nyquist)' : `sampleRate/2 (${nyq} Hz)`}`);
    }
    if (i > 0 && !(cut[i]! > cut[i - 1]!)) {
      throw new RangeError(`invalid cutoff [${raw.join(', ')}]: frequencies must be strictly increasing`);
    }
  }
  let passZero = options?.passZero ?? true;
  if (typeof passZero === 'string') {
    if (passZero === 'lowpass' || passZero === 'highpass') {
      if (cut.length !== 1) throw new RangeError(`cutoff must have one element for a ${passZero}, got ${cut.length}`);
    } else if (passZero === 'bandpass' || passZero === 'bandstop') {
      if (cut.length < 2) throw new RangeError(`cutoff must have at least two elements for a ${passZero}, got ${cut.length}`);
    } else {
      throw new TypeError(`passZero must be a boolean, 'lowpass', 'highpass', 'bandpass' or 'bandstop', got ${String(passZero)}`);
    }
    passZero = passZero === 'lowpass' || passZero === 'bandstop';
  } else if (typeof passZero !== 'boolean') {
    throw new TypeError(`passZero must be a boolean or a band type name, got ${String(passZero)}`);
  }
  const passNyquist = (cut.length % 2 === 1) !== passZero;
  if (passNyquist && numtaps % 2 === 0) {
    throw new RangeError(
      `a filter that passes Nyquist (highpass, bandstop, ...) needs an odd numtaps, got ${numtaps}`,
    );
  }
  const edges = [...(passZero ? [0] : []), ...cut, ...(passNyquist ? [1] : [])];
  const alpha = 0.5 * (numtaps - 1);
  const h = new Float64Array(numtaps);
  for (let b = 0; b < edges.length; b += 2) {
    const left = edges[b]!;
    const right = edges[b + 1]!;
    for (let i = 0; i < numtaps; i++) {
      const m = i - alpha;
      h[i] = h[i]! + right * sinc(right * m) - left * sinc(left * m);
    }
  }
  let window = options?.window ?? 'hamming';
  const width = options?.width;
  if (width !== undefined) {
    if (typeof width !== 'number' || !Number.isFinite(width) || !(width > 0)) throw new RangeError(`width must be a positive finite number, got ${String(width)}`);
    window = ['kaiser', kaiserBeta(kaiserAtten(numtaps, width / nyq))];
  }
  const win = getWindow(window, numtaps, { periodic: false });
  for (let i = 0; i < numtaps; i++) h[i] = h[i]! * win[i]!;
  if (options?.scale ?? true) {
    const left = edges[0]!;
    const right = edges[1]!;
    const f = left === 0 ? 0 : right === 1 ? 1 : 0.5 * (left + right);
    let s = 0;
    for (let i = 0; i < numtaps; i++) s += h[i]! * Math.cos(Math.PI * (i - alpha) * f);
    for (let i = 0; i < numtaps; i++) h[i] = h[i]! / s;
  }
  return h;
}
