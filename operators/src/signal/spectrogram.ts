import { assemble, readLanes } from '../internal/signal-input.js';
import { spectralHelper } from '../internal/spectral-helper.js';
import type { SpectralOptions, SpectralScaling } from '../kernels/spectral-segments.js';
import type { Complex, Matrix, NdArray, Ndarray2D, SignalInput } from './types.js';

/** What {@link spectrogram} returns per segment: SciPy's `mode`. */
export type SpectrogramMode = 'psd' | 'complex' | 'magnitude' | 'angle' | 'phase';

/** Options of {@link spectrogram}: SciPy's keyword parameters, camelCased (window default `['tukey', 0.25]`, overlap `nperseg // 8`). */
export interface SpectrogramOptions extends SpectralOptions {
  /** One-sided for real input (default `true`). */
  returnOnesided?: boolean;
  /** `'density'` (default) or `'spectrum'`. */
  scaling?: SpectralScaling;
  /** Axis of 2-D input (default 0: along frames). */
  axis?: number;
  /** `'psd'` (default), `'complex'`, `'magnitude'`, `'angle'` or `'phase'` (angle unwrapped along frequency). */
  mode?: SpectrogramMode;
}

/** Result of {@link spectrogram}: SciPy's `f, t, Sxx`. */
export interface SpectrogramResult<S = Matrix> {
  /** Sample frequencies in Hz. */
  f: Float64Array;
  /** Segment times in seconds (segment centres). */
  t: Float64Array;
  /**
   * The spectrogram, `[frequencies, segments]` (`[frequencies, channels, segments]` for
   * `[frames, channels]` input, SciPy's `axis=0` layout); `{ re, im }` for `mode: 'complex'`.
   */
  Sxx: S;
}

/** numpy's `mod` for floats (the sign of the divisor). */
function mod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0 && m < 0 !== b < 0) m += b;
  return m;
}

/** numpy.unwrap along the rows (frequencies) of a `[bins][segments]` array, in place. */
function unwrapRows(a: Float64Array, bins: number, segments: number): void {
  for (let k = 0; k < segments; k++) {
    let correction = 0;
    let prev = a[k]!;
    for (let b = 1; b < bins; b++) {
      const cur = a[b * segments + k]!;
      const dd = cur - prev;
      let ddmod = mod(dd + Math.PI, 2 * Math.PI) - Math.PI;
      if (ddmod === -Math.PI && dd > 0) ddmod = Math.PI;
      let ph = ddmod - dd;
      if (Math.abs(dd) < Math.PI) ph = 0;
      correction += ph;
      prev = cur;
      a[b * segments + k] = cur + correction;
    }
  }
}

/**
 * Spectrogram with consecutive Fourier transforms, as `scipy.signal.spectrogram(x, fs=1.0,
 * window=('tukey', .25), nperseg=None, noverlap=None, nfft=None, detrend='constant',
 * return_onesided=True, scaling='density', axis=-1, mode='psd')`.
 *
 * @remarks
 * One periodogram per segment (not averaged, unlike {@link welch}): `Sxx` is `[frequencies,
 * segments]` with `t` the segment centres. `mode: 'complex'` gives the scaled spectra (`{ re, im }`),
 * `'magnitude'` their absolute values, `'angle'` their phase, `'phase'` the phase unwrapped along
 * frequency (as SciPy does). Complex input gives two-sided spectra. Allocates the results.
 *
 * @param x - the signal (real, complex `{ re, im }`, or a `[frames, channels]` view)
 * @param options - `fs`, `window`, `nperseg`, `noverlap`, `nfft`, `detrend`, `returnOnesided`, `scaling`, `axis`, `mode`
 * @returns `{ f, t, Sxx }`
 * @throws TypeError/RangeError naming `spectrogram` for bad input or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const fs = 8000;
 * const x = Float64Array.from({ length: fs }, (_, i) => Math.sin(2 * Math.PI * (200 + i / 4) * (i / fs)));
 * const { f, t, Sxx } = signal.spectrogram(x, { fs, nperseg: 256 });
 * console.log(Sxx.shape); // [129, 35]: Sxx.data[k * Sxx.shape[1] + j] is frequency f[k] at time t[j]
 * ```
 */
export function spectrogram(
  x: ArrayLike<number> | Complex<ArrayLike<number>>,
  options: SpectrogramOptions & { mode: 'complex' },
): SpectrogramResult<Complex<Matrix>>;
export function spectrogram(x: Ndarray2D | Complex<Ndarray2D>, options: SpectrogramOptions & { mode: 'complex' }): SpectrogramResult<Complex<NdArray>>;
export function spectrogram(x: ArrayLike<number> | Complex<ArrayLike<number>>, options?: SpectrogramOptions): SpectrogramResult<Matrix>;
export function spectrogram(x: Ndarray2D | Complex<Ndarray2D>, options?: SpectrogramOptions): SpectrogramResult<NdArray>;
export function spectrogram(x: SignalInput | Complex<SignalInput>, options?: SpectrogramOptions): SpectrogramResult<NdArray | Complex<NdArray>>;
export function spectrogram(x: SignalInput | Complex<SignalInput>, options?: SpectrogramOptions): SpectrogramResult<NdArray | Complex<NdArray>> {
  const o = options ?? {};
  if (o === null || typeof o !== 'object') throw new TypeError(`spectrogram: options must be an object, got ${String(o)}`);
  const mode = o.mode ?? 'psd';
  if (!['psd', 'complex', 'magnitude', 'angle', 'phase'].includes(mode)) {
    throw new TypeError(`spectrogram: unknown value for mode ${String(mode)}, must be one of psd, complex, magnitude, angle, phase`);
  }
  const lanes = readLanes('spectrogram', x, o.axis, { complex: true });
  const empty = (): NdArray => ({ data: new Float64Array(0), shape: [...lanes.shape], stride: [1], offset: 0 });
  if (lanes.length === 0 || lanes.re.length === 0) {
    return { f: new Float64Array(0), t: new Float64Array(0), Sxx: mode === 'complex' ? { re: empty(), im: empty() } : empty() };
  }
  const s = spectralHelper('spectrogram', lanes, o, mode === 'psd' ? 'psd' : 'stft', {
    window: ['tukey', 0.25],
    detrend: 'constant',
    noverlap: (nperseg) => Math.floor(nperseg / 8),
  });
  const shape = [s.bins, s.segments];
  const put = (parts: Float64Array[]): NdArray => assemble(lanes, parts, shape, Float64Array) as NdArray;
  const ensure2d = (v: Float64Array | NdArray): NdArray => v as NdArray;
  if (mode === 'psd') return { f: s.f, t: s.t, Sxx: ensure2d(put(s.re)) };
  if (mode === 'complex') return { f: s.f, t: s.t, Sxx: { re: put(s.re), im: put(s.im) } };
  const values = s.re.map((re, l) => {
    const im = s.im[l]!;
    const out = new Float64Array(re.length);
    for (let i = 0; i < re.length; i++) out[i] = mode === 'magnitude' ? Math.hypot(re[i]!, im[i]!) : Math.atan2(im[i]!, re[i]!);
    if (mode === 'phase') unwrapRows(out, s.bins, s.segments);
    return out;
  });
  return { f: s.f, t: s.t, Sxx: put(values) };
}
