import type { SpectralOptions } from '../kernels/spectral-segments.js';
import { assemble, readLanes } from '../internal/signal-input.js';
import type { ExtensionType } from '../internal/signal-extension.js';
import { spectralHelper } from '../internal/spectral-helper.js';
import type { Complex, Matrix, NdArray, Ndarray2D, SignalInput } from './types.js';

/** Options of {@link stft}: SciPy's keyword parameters, camelCased (`detrend` default `false`, `nperseg` 256). */
export interface StftOptions extends SpectralOptions {
  /** One-sided for real input (default `true`). */
  returnOnesided?: boolean;
  /**
   * Extension of both ends by `nperseg // 2` samples so the first segment is centred on the first
   * sample: `'zeros'` (default), `'even'`, `'odd'`, `'constant'`, or `null` for none.
   */
  boundary?: ExtensionType | null;
  /** Zero-pad the end so the last segment is complete (default `true`). */
  padded?: boolean;
  /** Axis of 2-D input (default 0: along frames). */
  axis?: number;
  /** `'spectrum'` (default: divided by `sum(window)`) or `'psd'` (the square root of the density scaling). */
  scaling?: 'spectrum' | 'psd';
}

/** Result of {@link stft}: SciPy's `f, t, Zxx`. */
export interface StftResult<Z = Complex<Matrix>> {
  /** Sample frequencies in Hz. */
  f: Float64Array;
  /** Segment times in seconds. */
  t: Float64Array;
  /** The STFT `{ re, im }`, each `[frequencies, segments]` (`[frequencies, channels, segments]` for `[frames, channels]` input). */
  Zxx: Z;
}

/**
 * Short-time Fourier transform, as `scipy.signal.stft(x, fs=1.0, window='hann', nperseg=256,
 * noverlap=None, nfft=None, detrend=False, return_onesided=True, boundary='zeros', padded=True,
 * axis=-1, scaling='spectrum')`.
 *
 * @remarks
 * The whole-array counterpart of the streaming `stft` operator, through the same kernel
 * (`processStft`): with `boundary: null, padded: false` and the same window and hop, column `j`
 * of `Zxx` is the operator's `j`-th spectrum (with `scaling: 'spectrum'`). The defaults extend the
 * signal with `nperseg // 2` zeros at both ends and pad the end, as SciPy does, so that
 * {@link istft} inverts it exactly. Complex input gives two-sided spectra. Allocates the results.
 *
 * @param x - the signal (real, complex `{ re, im }`, or a `[frames, channels]` view)
 * @param options - `fs`, `window`, `nperseg`, `noverlap`, `nfft`, `detrend`, `returnOnesided`, `boundary`, `padded`, `axis`, `scaling`
 * @returns `{ f, t, Zxx: { re, im } }`
 * @throws TypeError/RangeError naming `stft` for bad input or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 2048 }, (_, i) => Math.sin(0.1 * i));
 * const { f, t, Zxx } = signal.stft(x, { nperseg: 128 });
 * const back = signal.istft(Zxx, { nperseg: 128 }).x; // x again, to rounding
 * ```
 */
export function stft(x: ArrayLike<number> | Complex<ArrayLike<number>>, options?: StftOptions): StftResult;
export function stft(x: Ndarray2D | Complex<Ndarray2D>, options?: StftOptions): StftResult<Complex<NdArray>>;
export function stft(x: SignalInput | Complex<SignalInput>, options?: StftOptions): StftResult<Complex<NdArray>>;
export function stft(x: SignalInput | Complex<SignalInput>, options?: StftOptions): StftResult<Complex<NdArray>> {
  const o = options ?? {};
  if (o === null || typeof o !== 'object') throw new TypeError(`stft: options must be an object, got ${String(o)}`);
  const scaling = o.scaling ?? 'spectrum';
  if (scaling !== 'spectrum' && scaling !== 'psd') throw new TypeError(`stft: scaling must be 'spectrum' or 'psd', got ${String(scaling)}`);
  const lanes = readLanes('stft', x, o.axis, { complex: true });
  if (lanes.length === 0 || lanes.re.length === 0) {
    const empty = (): NdArray => ({ data: new Float64Array(0), shape: [...lanes.shape], stride: [1], offset: 0 });
    return { f: new Float64Array(0), t: new Float64Array(0), Zxx: { re: empty(), im: empty() } };
  }
  const s = spectralHelper(
    'stft',
    lanes,
    {
      ...o,
      nperseg: o.nperseg ?? 256,
      boundary: o.boundary === undefined ? 'zeros' : o.boundary,
      padded: o.padded ?? true,
      scaling: scaling === 'psd' ? 'density' : 'spectrum',
    },
    'stft',
    { window: 'hann', detrend: false },
  );
  const shape = [s.bins, s.segments];
  const put = (parts: Float64Array[]): NdArray => assemble(lanes, parts, shape, Float64Array) as NdArray;
  return { f: s.f, t: s.t, Zxx: { re: put(s.re), im: put(s.im) } };
}
