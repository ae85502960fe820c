import { crossSpectralDensity } from '../internal/cross-spectral.js';
import { readLanes } from '../internal/signal-input.js';
import type { Complex, Matrix, Ndarray2D, SignalInput } from './types.js';
import type { WelchOptions, WelchResult } from './welch.js';

/**
 * Options of {@link periodogram}: SciPy's keyword parameters, camelCased. The window defaults to
 * `'boxcar'` and must have the input's length when given as samples; `nfft` shorter than the input
 * truncates it, longer zero-pads.
 */
export interface PeriodogramOptions extends Pick<WelchOptions, 'fs' | 'window' | 'nfft' | 'detrend' | 'returnOnesided' | 'scaling' | 'axis'> {}

/**
 * Power spectral density by a periodogram, as `scipy.signal.periodogram(x, fs=1.0, window='boxcar',
 * nfft=None, detrend='constant', return_onesided=True, scaling='density', axis=-1)`.
 *
 * @remarks
 * One segment over the whole input (Welch with `nperseg = len(x)`, no overlap; SciPy's own
 * implementation). `nfft` shorter than the input truncates it; longer zero-pads. Returns `{ f, Pxx }`
 * like {@link welch}; `[frames, channels]` input gives a `[frequencies, channels]` Matrix.
 *
 * @param x - the signal (real, complex `{ re, im }`, or a `[frames, channels]` view)
 * @param options - `fs`, `window`, `nfft`, `detrend`, `returnOnesided`, `scaling`, `axis`
 * @returns `{ f, Pxx }`
 * @throws TypeError/RangeError naming `periodogram` for bad input or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 1000 }, (_, i) => Math.cos(0.2 * Math.PI * i));
 * const { f, Pxx } = signal.periodogram(x, { fs: 1000, window: 'hann', scaling: 'spectrum' });
 * ```
 */
export function periodogram(x: ArrayLike<number> | Complex<ArrayLike<number>>, options?: PeriodogramOptions): WelchResult;
export function periodogram(x: Ndarray2D | Complex<Ndarray2D>, options?: PeriodogramOptions): WelchResult<Matrix>;
export function periodogram(x: SignalInput | Complex<SignalInput>, options?: PeriodogramOptions): WelchResult<Float64Array | Matrix>;
export function periodogram(x: SignalInput | Complex<SignalInput>, options?: PeriodogramOptions): WelchResult<Float64Array | Matrix> {
  const o = options ?? {};
  if (o === null || typeof o !== 'object') throw new TypeError(`periodogram: options must be an object, got ${String(o)}`);
  const lanes = readLanes('periodogram', x, o.axis, { complex: true });
  const length = lanes.length;
  let input: unknown = x;
  let nperseg = length;
  let nfft = o.nfft;
  if (nfft !== undefined && nfft !== null) {
    if (typeof nfft !== 'number' || !Number.isInteger(nfft) || nfft < 1) {
      throw new RangeError(`periodogram: nfft must be a positive integer, got ${String(nfft)}`);
    }
    if (nfft === length) {
      nperseg = nfft;
    } else if (nfft < length) {
      // SciPy truncates the input to nfft samples along the axis.
      const cut = (parts: Float64Array[]): Float64Array[] => parts.map((p) => p.subarray(0, nfft));
      input = truncated(lanes.shape, lanes.axis, cut(lanes.re), lanes.im === null ? null : cut(lanes.im));
      nperseg = nfft;
      nfft = undefined;
    }
  }
  const window = o.window ?? 'boxcar';
  if (typeof window === 'object' && window !== null && !Array.isArray(window)) {
    const w = window as ArrayLike<number>;
    if (w.length !== nperseg) {
      throw new RangeError(`periodogram: the size of the window (${w.length}) must be the same size of the input on the specified axis (${nperseg})`);
    }
  } else if (Array.isArray(window) && typeof window[0] !== 'string' && window.length !== nperseg) {
    throw new RangeError(`periodogram: the size of the window (${window.length}) must be the same size of the input on the specified axis (${nperseg})`);
  }
  if (length === 0) return { f: new Float64Array(0), Pxx: crossSpectralDensity('periodogram', x, null, { axis: o.axis }).re as Float64Array };
  const { f, re } = crossSpectralDensity('periodogram', input, null, {
    ...o,
    window,
    nperseg,
    noverlap: 0,
    ...(nfft === undefined ? { nfft: undefined } : { nfft }),
  });
  return { f, Pxx: re as Float64Array | Matrix };
}

/** Rebuilds an input from truncated lanes (1-D, or a `[rows, cols]` view with the lanes along `axis`). */
function truncated(shape: readonly number[], axis: number, re: Float64Array[], im: Float64Array[] | null): unknown {
  const build = (parts: Float64Array[]): unknown => {
    if (shape.length === 1) return parts[0]!;
    const n = parts[0]!.length;
    const count = parts.length;
    const data = new Float64Array(n * count);
    for (let l = 0; l < count; l++) for (let i = 0; i < n; i++) data[axis === 0 ? i * count + l : l * n + i] = parts[l]![i]!;
    const s = axis === 0 ? [n, count] : [count, n];
    return { data, shape: s, stride: [s[1]!, 1], offset: 0 };
  };
  return im === null ? build(re) : { re: build(re), im: build(im) };
}
