import type { SpectralOptions } from '../kernels/spectral-segments.js';
import { readSpectralInput, welchLanes } from '../internal/cross-spectral.js';
import { assemble } from '../internal/signal-input.js';
import type { Matrix, Ndarray2D, SignalInput } from './types.js';

/** Options of {@link coherence}: SciPy's keyword parameters, camelCased. */
export interface CoherenceOptions extends SpectralOptions {
  /** Axis of 2-D input (default 0: along frames). */
  axis?: number;
}

/** Result of {@link coherence}: frequencies and the magnitude squared coherence (SciPy's `f, Cxy`). */
export interface CoherenceResult<C = Float64Array> {
  /** Sample frequencies in Hz. */
  f: Float64Array;
  /** Magnitude squared coherence, between 0 and 1. */
  Cxy: C;
}

/**
 * Magnitude squared coherence, as `scipy.signal.coherence(x, y, fs=1.0, window='hann',
 * nperseg=None, noverlap=None, nfft=None, detrend='constant', axis=-1)`.
 *
 * @remarks
 * `|Pxy|^2 / Pxx / Pyy` with Welch estimates of the three spectra (the same kernel as
 * {@link welch} and {@link csd}); a 1-D signal broadcasts against a `[frames, channels]` one. As in
 * SciPy, `Pxx` and `Pyy` are each signal's own estimate and `Pxy` pads the shorter signal; when a
 * signal is shorter than `nperseg` (which SciPy then clips) the spectra may not match: a RangeError.
 * Allocates the result.
 *
 * @param x - first signal (1-D or `[frames, channels]`)
 * @param y - second signal
 * @param options - `fs`, `window`, `nperseg`, `noverlap`, `nfft`, `detrend`, `axis`
 * @returns `{ f, Cxy }`
 * @throws TypeError/RangeError naming `coherence` for bad input or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 8192 }, () => Math.random() - 0.5);
 * const y = x.map((v, i) => v + 0.1 * Math.sin(i));
 * const { f, Cxy } = signal.coherence(x, y, { fs: 1, nperseg: 256 });
 * ```
 */
export function coherence(x: ArrayLike<number>, y: ArrayLike<number>, options?: CoherenceOptions): CoherenceResult;
export function coherence(x: SignalInput, y: Ndarray2D, options?: CoherenceOptions): CoherenceResult<Matrix>;
export function coherence(x: Ndarray2D, y: SignalInput, options?: CoherenceOptions): CoherenceResult<Matrix>;
export function coherence(x: SignalInput, y: SignalInput, options?: CoherenceOptions): CoherenceResult<Float64Array | Matrix>;
export function coherence(x: SignalInput, y: SignalInput, options?: CoherenceOptions): CoherenceResult<Float64Array | Matrix> {
  if (y === null || y === undefined) throw new TypeError('coherence: y is required (SciPy: coherence(x, y, ...))');
  const { options: o, xl, yl } = readSpectralInput('coherence', x, y, options);
  if (xl.im !== null || yl!.im !== null) throw new TypeError('coherence: x and y must be real');
  for (const key of ['returnOnesided', 'scaling', 'average'] as const) {
    if (key in o) throw new TypeError(`coherence: SciPy's coherence takes no ${key}`);
  }
  const pxx = welchLanes('coherence', xl, null, o);
  const pyy = welchLanes('coherence', yl!, null, o);
  const pxy = welchLanes('coherence', xl, yl, o);
  if (pxx === null || pyy === null || pxy === null) return { f: new Float64Array(0), Cxy: new Float64Array(0) };
  // As SciPy, Pxx and Pyy come from each signal alone (each clipping nperseg to its own length) and
  // Pxy from both (the shorter zero-padded); spectra of different lengths cannot be combined.
  if (pxx.bins !== pxy.bins || pyy.bins !== pxy.bins) {
    throw new RangeError(
      `coherence: x and y give spectra of different lengths (${pxx.bins}, ${pyy.bins} and ${pxy.bins} bins: nperseg was clipped to a signal's length); give an nperseg no longer than either signal`,
    );
  }
  const cxy = pxy.re.map((re, l) => {
    const im = pxy.im[l]!;
    const a = pxx.re[pxx.re.length === 1 ? 0 : l]!;
    const b = pyy.re[pyy.re.length === 1 ? 0 : l]!;
    const out = new Float64Array(re.length);
    for (let k = 0; k < re.length; k++) out[k] = (re[k]! * re[k]! + im[k]! * im[k]!) / a[k]! / b[k]!;
    return out;
  });
  return { f: pxx.f, Cxy: assemble(pxy.shape, cxy, [pxy.bins], Float64Array) as Float64Array | Matrix };
}
