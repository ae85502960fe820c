import { crossSpectralDensity } from '../internal/cross-spectral.js';
import type { Complex, ComplexArray, Matrix, Ndarray2D, SignalInput } from './types.js';
import type { WelchOptions } from './welch.js';

/** Options of {@link csd}: the same as {@link WelchOptions}. */
export type CsdOptions = WelchOptions;

/** Result of {@link csd}: frequencies and the complex cross spectral density (SciPy's `f, Pxy`). */
export interface CsdResult<P = ComplexArray> {
  /** Sample frequencies in Hz. */
  f: Float64Array;
  /** The CSD as `{ re, im }`, each part shaped like a PSD. */
  Pxy: P;
}

/**
 * Cross spectral density by Welch's method, as `scipy.signal.csd(x, y, fs=1.0, window='hann',
 * nperseg=None, noverlap=None, nfft=None, detrend='constant', return_onesided=True,
 * scaling='density', axis=-1, average='mean')`.
 *
 * @remarks
 * Averages `conj(X) Y` over segments (see {@link welch}); `Pxy` is complex, `{ re, im }`. The
 * shorter signal is zero-padded to the longer one, as SciPy does; a 1-D signal broadcasts against
 * a `[frames, channels]` one. `csd(x, x)` has the real part `welch(x)` and a zero imaginary part.
 * Complex input gives a two-sided spectrum. Allocates the results.
 *
 * @param x - first signal (real, complex `{ re, im }`, or a `[frames, channels]` view)
 * @param y - second signal, same kinds
 * @param options - as {@link welch}
 * @returns `{ f, Pxy: { re, im } }`
 * @throws TypeError/RangeError naming `csd` for bad input or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 4096 }, (_, i) => Math.sin(0.3 * i));
 * const y = Float64Array.from({ length: 4096 }, (_, i) => Math.sin(0.3 * i - 1));
 * const { f, Pxy } = signal.csd(x, y, { nperseg: 256 });
 * const phase = Math.atan2(Pxy.im[12]!, Pxy.re[12]!); // about -1 near 0.3 rad/sample
 * ```
 */
export function csd(
  x: ArrayLike<number> | Complex<ArrayLike<number>>,
  y: ArrayLike<number> | Complex<ArrayLike<number>>,
  options?: CsdOptions,
): CsdResult;
export function csd(x: SignalInput | Complex<SignalInput>, y: Ndarray2D | Complex<Ndarray2D>, options?: CsdOptions): CsdResult<Complex<Matrix>>;
export function csd(x: Ndarray2D | Complex<Ndarray2D>, y: SignalInput | Complex<SignalInput>, options?: CsdOptions): CsdResult<Complex<Matrix>>;
export function csd(
  x: SignalInput | Complex<SignalInput>,
  y: SignalInput | Complex<SignalInput>,
  options?: CsdOptions,
): CsdResult<ComplexArray | Complex<Matrix>>;
export function csd(
  x: SignalInput | Complex<SignalInput>,
  y: SignalInput | Complex<SignalInput>,
  options?: CsdOptions,
): CsdResult<ComplexArray | Complex<Matrix>> {
  if (y === null || y === undefined) throw new TypeError('csd: y is required (SciPy: csd(x, y, ...))');
  const { f, re, im } = crossSpectralDensity('csd', x, y, options);
  return { f, Pxy: { re, im } as ComplexArray | Complex<Matrix> };
}
