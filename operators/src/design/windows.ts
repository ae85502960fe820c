import { besselI0 } from '../internal/bessel-i0.js';
import { createComplexFftPlan, complexFft } from '../kernels/fft.js';
import { dpss } from './dpss.js';

/**
 * Names of the window functions that {@link getWindow} understands: SciPy's names and aliases.
 *
 * @remarks
 * As in `scipy.signal.get_window`: `'box'`, `'ones'`, `'rect'`, `'rectangular'` are `'boxcar'`;
 * `'han'` (and ringflow's `'hanning'`) is `'hann'`; `'triangle'`/`'tri'` is `'triang'`; and so on.
 * Windows that need parameters (`'kaiser'`, `'gaussian'`, `'general_gaussian'`, `'chebwin'`,
 * `'dpss'`, `'general_cosine'`, `'general_hamming'`, `'kaiser_bessel_derived'`) must be given as a
 * tuple, e.g. `['kaiser', 8.6]`; `'tukey'`, `'exponential'` and `'taylor'` take optional ones.
 */
export type WindowName =
  | 'hann' | 'han' | 'hanning'
  | 'hamming' | 'hamm' | 'ham'
  | 'blackman' | 'black' | 'blk'
  | 'blackmanharris' | 'blackharr' | 'bkh'
  | 'nuttall' | 'nutl' | 'nut'
  | 'flattop' | 'flat' | 'flt'
  | 'bartlett' | 'bart' | 'brt'
  | 'triang' | 'triangle' | 'tri'
  | 'cosine' | 'halfcosine'
  | 'kaiser' | 'ksr'
  | 'boxcar' | 'box' | 'rectangular' | 'rect' | 'ones'
  | 'barthann' | 'brthan' | 'bth'
  | 'bohman' | 'bman' | 'bmn'
  | 'parzen' | 'parz' | 'par'
  | 'lanczos' | 'sinc'
  | 'tukey' | 'tuk'
  | 'exponential' | 'poisson'
  | 'taylor' | 'taylorwin'
  | 'gaussian' | 'gauss' | 'gss'
  | 'general_gaussian' | 'general gaussian' | 'general gauss' | 'general_gauss' | 'ggs'
  | 'general_cosine' | 'general cosine'
  | 'general_hamming' | 'general hamming'
  | 'chebwin' | 'cheb'
  | 'dpss'
  | 'kaiser_bessel_derived' | 'kaiser bessel derived' | 'kbd';

/**
 * Options shared by the window functions: the symmetry, in SciPy's spelling (`sym`) or ringflow's
 * (`periodic`).
 *
 * @remarks
 * The named functions are symmetric by default (`sym: true`, for filter design), as
 * `scipy.signal.windows.*` are; {@link getWindow} is periodic by default (`fftbins=True`).
 * `periodic: true` is `sym: false`; giving both with contradicting values is a TypeError.
 */
export interface WindowOptions {
  /** SciPy's `sym`: `true` (default of the named functions) symmetric, `false` periodic (DFT-even). */
  sym?: boolean;
  /** `true`: periodic window (DFT-even, SciPy's `sym=False`), for spectral analysis; default `false`. */
  periodic?: boolean;
}

/** Options of {@link getWindow}: SciPy's `fftbins`, or the symmetry spelled as in {@link WindowOptions}. */
export interface GetWindowOptions extends WindowOptions {
  /** SciPy's `fftbins` (default `true`): a periodic window for spectra; `false` gives a symmetric one. */
  fftbins?: boolean;
}

/** A window parameter inside a {@link WindowSpec} tuple: a number, a flag (taylor's `norm`) or weights (general_cosine's `a`). */
export type WindowParameter = number | boolean | null | ArrayLike<number>;

/**
 * What {@link getWindow} accepts: a name, a number (a Kaiser window's beta, as in SciPy), a
 * `[name, ...parameters]` tuple, or the window samples themselves.
 */
export type WindowSpec = WindowName | number | readonly [WindowName, ...WindowParameter[]] | ArrayLike<number>;

function checkLength(n: number, fn = 'window'): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`${fn}: window length must be a non-negative integer, got ${String(n)}`);
  }
}

/** Whether `options` asks for a periodic window (default symmetric); validates the flags. @internal */
export function isPeriodic(options: WindowOptions | undefined, fn: string): boolean {
  if (options === undefined) return false;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object such as { sym: false }, got ${String(options)}`);
  }
  const { sym, periodic } = options;
  if (sym !== undefined && typeof sym !== 'boolean') throw new TypeError(`${fn}: sym must be a boolean, got ${String(sym)}`);
  if (periodic !== undefined && typeof periodic !== 'boolean') {
    throw new TypeError(`${fn}: periodic must be a boolean, got ${String(periodic)}`);
  }
  if (sym !== undefined && periodic !== undefined && sym === periodic) {
    throw new TypeError(`${fn}: sym: ${sym} contradicts periodic: ${periodic} (periodic is sym: false)`);
  }
  return periodic ?? (sym === undefined ? false : !sym);
}

function checkNumber(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${fn}: ${name} must be a number, got ${String(value)}`);
  }
}

/**
 * Builds a window of length `n` from `f(m, out)` (the symmetric window of length `m`): SciPy's
 * `_len_guards` (length 0 or 1 gives ones), `_extend` and `_truncate` (a periodic window is the
 * symmetric one of length `n + 1` without its last sample).
 */
function build(
  fn: string,
  n: number,
  options: WindowOptions | undefined,
  f: (m: number, out: Float64Array) => void,
): Float64Array {
  checkLength(n, fn);
  const periodic = isPeriodic(options, fn);
  if (n <= 1) return new Float64Array(n).fill(1);
  const m = periodic ? n + 1 : n;
  const out = new Float64Array(m);
  f(m, out);
  return periodic ? out.slice(0, n) : out;
}

/** numpy.sinc: sin(pi x) / (pi x), 1 at 0. */
function sinc(x: number): number {
  if (x === 0) return 1;
  const y = Math.PI * x;
  return Math.sin(y) / y;
}

/**
 * Generic weighted sum of cosine terms, as `scipy.signal.windows.general_cosine(M, a, sym=True)`.
 *
 * @remarks
 * `w[i] = sum_k a[k] cos(k x_i)` with `x_i = linspace(-pi, pi, m)`. Symmetric by default;
 * allocates the returned array.
 *
 * @param n - window length in samples (non-negative integer)
 * @param a - the cosine weights (centred convention: all typically positive)
 * @param options - `sym` (default `true`) or `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { generalCosine } from '@ringflow/operators';
 * const w = generalCosine(8, [0.5, 0.5]); // same as hann(8)
 * ```
 */
export function generalCosine(n: number, a: ArrayLike<number>, options?: WindowOptions): Float64Array {
  return cosineSum('generalCosine', n, a, options);
}

/** {@link generalCosine} on behalf of `fn` (so that errors name the window the caller asked for). */
function cosineSum(fn: string, n: number, a: ArrayLike<number>, options?: WindowOptions): Float64Array {
  if (a === null || typeof a !== 'object' || typeof a.length !== 'number') {
    throw new TypeError(`${fn}: a must be an array of weights, got ${String(a)}`);
  }
  for (let k = 0; k < a.length; k++) checkNumber(fn, `a[${k}]`, a[k]);
  return build(fn, n, options, (m, out) => {
    const step = (2 * Math.PI) / (m - 1);
    for (let i = 0; i < m; i++) {
      const x = i === m - 1 ? Math.PI : -Math.PI + i * step;
      let s = 0;
      for (let k = 0; k < a.length; k++) s += a[k]! * Math.cos(k * x);
      out[i] = s;
    }
  });
}

/**
 * Generalized Hamming window, as `scipy.signal.windows.general_hamming(M, alpha, sym=True)`.
 *
 * @remarks
 * `alpha - (1 - alpha) cos(2 pi n / (M - 1))`: `general_cosine(M, [alpha, 1 - alpha])`. 0.54 is
 * Hamming, 0.5 Hann. Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param alpha - the window coefficient
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { generalHamming } from '@ringflow/operators/signal';
 * const w = generalHamming(64, 0.54); // Hamming
 * ```
 */
export function generalHamming(n: number, alpha: number, options?: WindowOptions): Float64Array {
  checkNumber('generalHamming', 'alpha', alpha);
  return cosineSum('generalHamming', n, [alpha, 1 - alpha], options);
}

/**
 * Hann window, as `scipy.signal.windows.hann(M, sym=True)`.
 *
 * @remarks
 * Symmetric by default (filter design); `{ sym: false }` (or `periodic: true`) gives the DFT-even
 * window used for spectra. Allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { hann } from '@ringflow/operators';
 * const w = hann(1024, { periodic: true });
 * ```
 */
export function hann(n: number, options?: WindowOptions): Float64Array {
  return cosineSum('hann', n, [0.5, 0.5], options);
}

/**
 * Hamming window, as `scipy.signal.windows.hamming(M, sym=True)` (0.54 - 0.46 cos).
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { hamming } from '@ringflow/operators';
 * const w = hamming(51);
 * ```
 */
export function hamming(n: number, options?: WindowOptions): Float64Array {
  return cosineSum('hamming', n, [0.54, 0.46], options);
}

/**
 * Blackman window, as `scipy.signal.windows.blackman(M, sym=True)` (0.42, 0.5, 0.08).
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { blackman } from '@ringflow/operators';
 * const w = blackman(64);
 * ```
 */
export function blackman(n: number, options?: WindowOptions): Float64Array {
  return cosineSum('blackman', n, [0.42, 0.5, 0.08], options);
}

/**
 * Minimum 4-term Blackman-Harris window, as `scipy.signal.windows.blackmanharris(M, sym=True)`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { blackmanharris } from '@ringflow/operators';
 * const w = blackmanharris(64, { periodic: true });
 * ```
 */
export function blackmanharris(n: number, options?: WindowOptions): Float64Array {
  return cosineSum('blackmanharris', n, [0.35875, 0.48829, 0.14128, 0.01168], options);
}

/**
 * Minimum 4-term Blackman-Harris window after Nuttall, as `scipy.signal.windows.nuttall(M, sym=True)`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { nuttall } from '@ringflow/operators';
 * const w = nuttall(64);
 * ```
 */
export function nuttall(n: number, options?: WindowOptions): Float64Array {
  return cosineSum('nuttall', n, [0.3635819, 0.4891775, 0.1365995, 0.0106411], options);
}

/**
 * Flat-top window, as `scipy.signal.windows.flattop(M, sym=True)`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array. Some samples are negative.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { flattop } from '@ringflow/operators';
 * const w = flattop(64, { periodic: true });
 * ```
 */
export function flattop(n: number, options?: WindowOptions): Float64Array {
  return cosineSum('flattop', n, [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368], options);
}

/**
 * Bartlett (triangular, zero end points) window, as `scipy.signal.windows.bartlett(M, sym=True)`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { bartlett } from '@ringflow/operators';
 * const w = bartlett(9);
 * ```
 */
export function bartlett(n: number, options?: WindowOptions): Float64Array {
  return build('bartlett', n, options, (m, out) => {
    const half = (m - 1) / 2;
    for (let i = 0; i < m; i++) out[i] = i <= half ? (2 * i) / (m - 1) : 2 - (2 * i) / (m - 1);
  });
}

/**
 * Triangular window without zero end points, as `scipy.signal.windows.triang(M, sym=True)`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { triang } from '@ringflow/operators';
 * const w = triang(8);
 * ```
 */
export function triang(n: number, options?: WindowOptions): Float64Array {
  return build('triang', n, options, (m, out) => {
    const half = Math.floor((m + 1) / 2);
    for (let j = 1; j <= half; j++) {
      const v = m % 2 === 0 ? (2 * j - 1) / m : (2 * j) / (m + 1);
      out[j - 1] = v;
      out[m - j] = v;
    }
  });
}

/**
 * Cosine (sine) window, as `scipy.signal.windows.cosine(M, sym=True)`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { cosine } from '@ringflow/operators';
 * const w = cosine(16);
 * ```
 */
export function cosine(n: number, options?: WindowOptions): Float64Array {
  return build('cosine', n, options, (m, out) => {
    for (let i = 0; i < m; i++) out[i] = Math.sin((Math.PI / m) * (i + 0.5));
  });
}

/**
 * Kaiser window with shape parameter `beta`, as `scipy.signal.windows.kaiser(M, beta, sym=True)`.
 *
 * @remarks
 * `w[i] = I0(beta sqrt(1 - ((i - a)/a)^2)) / I0(beta)` with `a = (m-1)/2`. `beta = 0` is rectangular,
 * 5 is similar to Hamming, 8.6 to Blackman. Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param beta - shape parameter (finite)
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { kaiser } from '@ringflow/operators';
 * const w = kaiser(51, 8.6);
 * ```
 */
export function kaiser(n: number, beta: number, options?: WindowOptions): Float64Array {
  if (typeof beta !== 'number' || !Number.isFinite(beta)) {
    throw new TypeError(`kaiser: beta must be a finite number, got ${String(beta)}`);
  }
  return build('kaiser', n, options, (m, out) => {
    const alpha = (m - 1) / 2;
    const denom = besselI0(beta);
    for (let i = 0; i < m; i++) {
      const r = (i - alpha) / alpha;
      out[i] = besselI0(beta * Math.sqrt(1 - r * r)) / denom;
    }
  });
}

/**
 * Rectangular window (all ones), as `scipy.signal.windows.boxcar(M, sym=True)`.
 *
 * @remarks
 * Symmetric and periodic are the same; the option is accepted for uniformity. Allocates.
 *
 * @param n - window length in samples
 * @param options - `sym` / `periodic` (no effect)
 * @returns a new Float64Array of length `n` filled with 1
 * @example
 * ```ts
 * import { boxcar } from '@ringflow/operators';
 * const w = boxcar(4); // [1, 1, 1, 1]
 * ```
 */
export function boxcar(n: number, options?: WindowOptions): Float64Array {
  return build('boxcar', n, options, (_m, out) => out.fill(1));
}

/**
 * Modified Bartlett-Hann window, as `scipy.signal.windows.barthann(M, sym=True)`.
 *
 * @remarks
 * `0.62 - 0.48 |n/(M-1) - 1/2| + 0.38 cos(2 pi (n/(M-1) - 1/2))`. Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { barthann } from '@ringflow/operators/signal';
 * const w = barthann(51);
 * ```
 */
export function barthann(n: number, options?: WindowOptions): Float64Array {
  return build('barthann', n, options, (m, out) => {
    for (let i = 0; i < m; i++) {
      const fac = Math.abs(i / (m - 1) - 0.5);
      out[i] = 0.62 - 0.48 * fac + 0.38 * Math.cos(2 * Math.PI * fac);
    }
  });
}

/**
 * Bohman window, as `scipy.signal.windows.bohman(M, sym=True)`.
 *
 * @remarks
 * `(1 - |x|) cos(pi |x|) + sin(pi |x|) / pi` for `x = linspace(-1, 1, M)`, zero end points.
 * Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { bohman } from '@ringflow/operators/signal';
 * const w = bohman(51);
 * ```
 */
export function bohman(n: number, options?: WindowOptions): Float64Array {
  return build('bohman', n, options, (m, out) => {
    const step = 2 / (m - 1);
    out[0] = 0;
    out[m - 1] = 0;
    for (let i = 1; i < m - 1; i++) {
      const fac = Math.abs(-1 + i * step);
      out[i] = (1 - fac) * Math.cos(Math.PI * fac) + (1 / Math.PI) * Math.sin(Math.PI * fac);
    }
  });
}

/**
 * Parzen window, as `scipy.signal.windows.parzen(M, sym=True)`.
 *
 * @remarks
 * Piecewise cubic (de la Vallee Poussin). Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { parzen } from '@ringflow/operators/signal';
 * const w = parzen(51);
 * ```
 */
export function parzen(n: number, options?: WindowOptions): Float64Array {
  return build('parzen', n, options, (m, out) => {
    const quarter = (m - 1) / 4;
    const half = m / 2;
    for (let i = 0; i < m; i++) {
      const x = -(m - 1) / 2 + i;
      const r = Math.abs(x) / half;
      out[i] = Math.abs(x) > quarter ? 2 * (1 - r) ** 3 : 1 - 6 * r ** 2 + 6 * r ** 3;
    }
  });
}

/**
 * Lanczos (sinc) window, as `scipy.signal.windows.lanczos(M, sym=True)`.
 *
 * @remarks
 * `sinc(2 n / (M - 1) - 1)`, built from its right half so that it is exactly symmetric.
 * Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { lanczos } from '@ringflow/operators/signal';
 * const w = lanczos(51);
 * ```
 */
export function lanczos(n: number, options?: WindowOptions): Float64Array {
  return build('lanczos', n, options, (m, out) => {
    const first = m % 2 === 0 ? m / 2 : (m + 1) / 2;
    for (let i = first; i < m; i++) {
      const v = sinc((2 * i) / (m - 1) - 1);
      out[i] = v;
      out[m - 1 - i] = v;
    }
    if (m % 2 === 1) out[(m - 1) / 2] = 1;
  });
}

/** Options of {@link tukey}. */
export interface TukeyOptions extends WindowOptions {
  /** Fraction of the window inside the cosine tapered region (default 0.5): 0 is boxcar, 1 is Hann. */
  alpha?: number;
}

/**
 * Tukey (tapered cosine) window, as `scipy.signal.windows.tukey(M, alpha=0.5, sym=True)`.
 *
 * @remarks
 * Flat in the middle, a half-cosine taper over `alpha / 2` of the window at each end; `alpha <= 0`
 * gives ones, `alpha >= 1` a Hann window. Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param options - `alpha` (default 0.5), `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { tukey } from '@ringflow/operators/signal';
 * const w = tukey(64, { alpha: 0.25 });
 * ```
 */
export function tukey(n: number, options?: TukeyOptions): Float64Array {
  const alpha = options?.alpha ?? 0.5;
  checkNumber('tukey', 'alpha', alpha);
  if (alpha >= 1) {
    checkLength(n, 'tukey');
    return hann(n, options);
  }
  return build('tukey', n, options, (m, out) => {
    if (alpha <= 0) {
      out.fill(1);
      return;
    }
    const width = Math.floor((alpha * (m - 1)) / 2);
    for (let i = 0; i < m; i++) {
      if (i <= width) out[i] = 0.5 * (1 + Math.cos(Math.PI * (-1 + (2 * i) / alpha / (m - 1))));
      else if (i < m - width - 1) out[i] = 1;
      else out[i] = 0.5 * (1 + Math.cos(Math.PI * (-2 / alpha + 1 + (2 * i) / alpha / (m - 1))));
    }
  });
}

/**
 * Gaussian window, as `scipy.signal.windows.gaussian(M, std, sym=True)`.
 *
 * @remarks
 * `exp(-(n - (M-1)/2)^2 / (2 std^2))`. Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param std - standard deviation in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { gaussian } from '@ringflow/operators/signal';
 * const w = gaussian(51, 7);
 * ```
 */
export function gaussian(n: number, std: number, options?: WindowOptions): Float64Array {
  checkNumber('gaussian', 'std', std);
  return build('gaussian', n, options, (m, out) => {
    const sig2 = 2 * std * std;
    for (let i = 0; i < m; i++) {
      const x = i - (m - 1) / 2;
      out[i] = Math.exp(-(x ** 2) / sig2);
    }
  });
}

/**
 * Generalized Gaussian window, as `scipy.signal.windows.general_gaussian(M, p, sig, sym=True)`.
 *
 * @remarks
 * `exp(-0.5 |(n - (M-1)/2) / sig|^(2p))`: `p = 1` is {@link gaussian}, `p = 0.5` a Laplace shape.
 * Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param p - shape parameter
 * @param sig - standard deviation in samples
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { generalGaussian } from '@ringflow/operators/signal';
 * const w = generalGaussian(51, 1.5, 7);
 * ```
 */
export function generalGaussian(n: number, p: number, sig: number, options?: WindowOptions): Float64Array {
  checkNumber('generalGaussian', 'p', p);
  checkNumber('generalGaussian', 'sig', sig);
  return build('generalGaussian', n, options, (m, out) => {
    for (let i = 0; i < m; i++) {
      const x = i - (m - 1) / 2;
      out[i] = Math.exp(-0.5 * Math.abs(x / sig) ** (2 * p));
    }
  });
}

/** Options of {@link exponential}. */
export interface ExponentialOptions extends WindowOptions {
  /** Position of the peak in samples (default `(M - 1) / 2`); only for periodic windows, as in SciPy. */
  center?: number;
  /** Decay in samples (default 1): the window falls by `e` over `tau` samples. */
  tau?: number;
}

/**
 * Exponential (Poisson) window, as `scipy.signal.windows.exponential(M, center=None, tau=1.0, sym=True)`.
 *
 * @remarks
 * `exp(-|n - center| / tau)`. As in SciPy, `center` may only be given for a periodic window
 * (`sym: false`); otherwise it is a RangeError. Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param options - `center`, `tau` (default 1), `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { exponential } from '@ringflow/operators/signal';
 * const w = exponential(51, { tau: 8 });
 * ```
 */
export function exponential(n: number, options?: ExponentialOptions): Float64Array {
  const tau = options?.tau ?? 1;
  checkNumber('exponential', 'tau', tau);
  const center = options?.center ?? null;
  if (center !== null) checkNumber('exponential', 'center', center);
  if (center !== null && !isPeriodic(options, 'exponential')) {
    throw new RangeError('exponential: center may only be given for a periodic window (sym: false), as in SciPy');
  }
  return build('exponential', n, options, (m, out) => {
    const c = center ?? (m - 1) / 2;
    for (let i = 0; i < m; i++) out[i] = Math.exp(-Math.abs(i - c) / tau);
  });
}

/** Options of {@link taylor}. */
export interface TaylorOptions extends WindowOptions {
  /** Number of nearly constant-level sidelobes next to the main lobe (default 4). */
  nbar?: number;
  /** Sidelobe suppression in dB, positive (default 30). */
  sll?: number;
  /** Normalise the centre of the window to 1 (default `true`). */
  norm?: boolean;
}

/**
 * Taylor window, as `scipy.signal.windows.taylor(M, nbar=4, sll=30, norm=True, sym=True)`.
 *
 * @remarks
 * Used in radar: `nbar` sidelobes at about `-sll` dB next to the main lobe, decaying beyond.
 * Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param options - `nbar` (default 4), `sll` (default 30 dB), `norm` (default `true`), `sym` or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { taylor } from '@ringflow/operators/signal';
 * const w = taylor(64, { nbar: 5, sll: 40 });
 * ```
 */
export function taylor(n: number, options?: TaylorOptions): Float64Array {
  const nbar = options?.nbar ?? 4;
  const sll = options?.sll ?? 30;
  const norm = options?.norm ?? true;
  if (typeof nbar !== 'number' || !Number.isInteger(nbar) || nbar < 1) {
    throw new RangeError(`taylor: nbar must be a positive integer, got ${String(nbar)}`);
  }
  checkNumber('taylor', 'sll', sll);
  if (typeof norm !== 'boolean') throw new TypeError(`taylor: norm must be a boolean, got ${String(norm)}`);
  return build('taylor', n, options, (m, out) => {
    const B = 10 ** (sll / 20);
    const A = Math.acosh(B) / Math.PI;
    const s2 = nbar ** 2 / (A ** 2 + (nbar - 0.5) ** 2);
    const Fm = new Float64Array(nbar - 1);
    for (let mi = 0; mi < nbar - 1; mi++) {
      const mm = mi + 1;
      const m2 = mm * mm;
      let numer = mi % 2 === 0 ? 1 : -1;
      let dl = 1;
      let dr = 1;
      for (let j = 0; j < nbar - 1; j++) {
        const ma = j + 1;
        numer *= 1 - m2 / s2 / (A ** 2 + (ma - 0.5) ** 2);
        if (j < mi) dl *= 1 - m2 / (ma * ma);
        else if (j > mi) dr *= 1 - m2 / (ma * ma);
      }
      Fm[mi] = numer / (2 * dl * dr);
    }
    const W = (x: number): number => {
      let s = 0;
      for (let j = 0; j < nbar - 1; j++) s += Fm[j]! * Math.cos((2 * Math.PI * (j + 1) * (x - m / 2 + 0.5)) / m);
      return 1 + 2 * s;
    };
    for (let i = 0; i < m; i++) out[i] = W(i);
    if (norm) {
      const scale = 1 / W((m - 1) / 2);
      for (let i = 0; i < m; i++) out[i] = out[i]! * scale;
    }
  });
}

/**
 * Dolph-Chebyshev window, as `scipy.signal.windows.chebwin(M, at, sym=True)`.
 *
 * @remarks
 * Equiripple sidelobes `at` dB below the main lobe, computed as SciPy does (the inverse DFT of
 * the Chebyshev polynomial samples, through the package's FFT), normalised to a peak of 1. SciPy
 * warns for `|at| < 45` dB (the window is then unsuitable for spectral analysis); this function
 * does not warn. Symmetric by default; allocates.
 *
 * @param n - window length in samples
 * @param at - attenuation in dB
 * @param options - `sym` (default `true`) or `periodic`
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { chebwin } from '@ringflow/operators/signal';
 * const w = chebwin(51, 100);
 * ```
 */
export function chebwin(n: number, at: number, options?: WindowOptions): Float64Array {
  checkNumber('chebwin', 'at', at);
  return build('chebwin', n, options, (m, out) => {
    const order = m - 1;
    const beta = Math.cosh((1 / order) * Math.acosh(10 ** (Math.abs(at) / 20)));
    const p = new Float64Array(2 * m);
    for (let k = 0; k < m; k++) {
      const x = beta * Math.cos((Math.PI * k) / m);
      let v: number;
      if (x > 1) v = Math.cosh(order * Math.acosh(x));
      else if (x < -1) v = (2 * (m % 2) - 1) * Math.cosh(order * Math.acosh(-x));
      else v = Math.cos(order * Math.acos(x));
      if (m % 2 === 1) {
        p[2 * k] = v;
      } else {
        const phase = (Math.PI / m) * k;
        p[2 * k] = v * Math.cos(phase);
        p[2 * k + 1] = v * Math.sin(phase);
      }
    }
    const W = complexFft(createComplexFftPlan(m), p, new Float64Array(2 * m));
    const re = (k: number): number => W[2 * k]!;
    if (m % 2 === 1) {
      const h = (m + 1) / 2;
      // w = concat(w[h-1:0:-1], w[:h])
      for (let i = 0; i < h - 1; i++) out[i] = re(h - 1 - i);
      for (let i = 0; i < h; i++) out[h - 1 + i] = re(i);
    } else {
      const h = m / 2 + 1;
      // w = concat(w[h-1:0:-1], w[1:h])
      for (let i = 0; i < h - 1; i++) out[i] = re(h - 1 - i);
      for (let i = 1; i < h; i++) out[h - 2 + i] = re(i);
    }
    let max = -Infinity;
    for (let i = 0; i < m; i++) if (out[i]! > max) max = out[i]!;
    for (let i = 0; i < m; i++) out[i] = out[i]! / max;
  });
}

/**
 * Kaiser-Bessel derived window, as `scipy.signal.windows.kaiser_bessel_derived(M, beta, sym=True)`.
 *
 * @remarks
 * The MDCT window (Princen-Bradley condition holds): the square root of the normalised cumulative
 * sum of a Kaiser window of length `M/2 + 1`, mirrored. As in SciPy it exists only symmetric and for
 * even `M` (else RangeError); `M = 0` gives an empty window. Allocates.
 *
 * @param n - window length in samples (even)
 * @param beta - Kaiser shape parameter
 * @param options - `sym` (must stay `true`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { kaiserBesselDerived } from '@ringflow/operators/signal';
 * const w = kaiserBesselDerived(64, 4);
 * ```
 */
export function kaiserBesselDerived(n: number, beta: number, options?: WindowOptions): Float64Array {
  checkLength(n, 'kaiserBesselDerived');
  if (isPeriodic(options, 'kaiserBesselDerived')) {
    throw new RangeError('kaiserBesselDerived: Kaiser-Bessel derived windows are only defined for symmetric shapes');
  }
  if (n < 1) return new Float64Array(0);
  if (n % 2 === 1) {
    throw new RangeError(`kaiserBesselDerived: Kaiser-Bessel derived windows are only defined for an even number of points, got ${n}`);
  }
  const k = kaiser(n / 2 + 1, beta);
  const half = n / 2;
  const csum = new Float64Array(half + 1);
  let s = 0;
  for (let i = 0; i <= half; i++) csum[i] = s += k[i]!;
  const out = new Float64Array(n);
  for (let i = 0; i < half; i++) {
    const v = Math.sqrt(csum[i]! / csum[half]!);
    out[i] = v;
    out[n - 1 - i] = v;
  }
  return out;
}

type Plain = (n: number, o?: WindowOptions) => Float64Array;

/** Windows without required parameters, by every name and alias. */
const plain: Record<string, Plain> = {};
for (const [names, f] of [
  [['barthann', 'brthan', 'bth'], barthann],
  [['bartlett', 'bart', 'brt'], bartlett],
  [['blackman', 'black', 'blk'], blackman],
  [['blackmanharris', 'blackharr', 'bkh'], blackmanharris],
  [['bohman', 'bman', 'bmn'], bohman],
  [['boxcar', 'box', 'ones', 'rect', 'rectangular'], boxcar],
  [['cosine', 'halfcosine'], cosine],
  [['flattop', 'flat', 'flt'], flattop],
  [['hamming', 'hamm', 'ham'], hamming],
  [['hann', 'han', 'hanning'], hann],
  [['lanczos', 'sinc'], lanczos],
  [['nuttall', 'nutl', 'nut'], nuttall],
  [['parzen', 'parz', 'par'], parzen],
  [['triang', 'triangle', 'tri'], triang],
] as const) {
  for (const name of names) plain[name] = f;
}

function param(fn: string, name: string, params: readonly WindowParameter[], i: number): number {
  const v = params[i];
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new TypeError(`getWindow: the '${fn}' window's parameter ${name} must be a number, got ${String(v)}`);
  }
  return v;
}

function optional(params: readonly WindowParameter[], i: number): number | undefined {
  const v = params[i];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') throw new TypeError(`getWindow: window parameter ${i + 1} must be a number, got ${String(v)}`);
  return v;
}

/** Windows with parameters (given as a tuple), by every name and alias; `needs` marks required ones. */
const parameterised: Record<string, { needs: boolean; make: (n: number, p: readonly WindowParameter[], o: WindowOptions) => Float64Array }> = {};
for (const [names, needs, make] of [
  [['kaiser', 'ksr'], true, (n, p, o) => kaiser(n, param('kaiser', 'beta', p, 0), o)],
  [['gaussian', 'gauss', 'gss'], true, (n, p, o) => gaussian(n, param('gaussian', 'std', p, 0), o)],
  [
    ['general_gaussian', 'general gaussian', 'general gauss', 'general_gauss', 'ggs'],
    true,
    (n, p, o) => generalGaussian(n, param('general_gaussian', 'p', p, 0), param('general_gaussian', 'sig', p, 1), o),
  ],
  [['general_hamming', 'general hamming'], true, (n, p, o) => generalHamming(n, param('general_hamming', 'alpha', p, 0), o)],
  [
    ['general_cosine', 'general cosine'],
    true,
    (n, p, o) => {
      const a = p[0];
      if (a === null || typeof a !== 'object') throw new TypeError("getWindow: the 'general_cosine' window needs an array of weights");
      return generalCosine(n, a, o);
    },
  ],
  [['chebwin', 'cheb'], true, (n, p, o) => chebwin(n, param('chebwin', 'at', p, 0), o)],
  [['dpss'], true, (n, p, o) => dpss(n, param('dpss', 'NW', p, 0), o)],
  [
    ['kaiser_bessel_derived', 'kaiser bessel derived', 'kbd'],
    true,
    (n, p, o) => kaiserBesselDerived(n, param('kaiser_bessel_derived', 'beta', p, 0), o),
  ],
  [['tukey', 'tuk'], false, (n, p, o) => tukey(n, { ...o, alpha: optional(p, 0) ?? 0.5 })],
  [
    ['exponential', 'poisson'],
    false,
    (n, p, o) => {
      const center = optional(p, 0);
      const tau = optional(p, 1);
      return exponential(n, { ...o, ...(center === undefined ? {} : { center }), ...(tau === undefined ? {} : { tau }) });
    },
  ],
  [
    ['taylor', 'taylorwin'],
    false,
    (n, p, o) => {
      const nbar = optional(p, 0);
      const sll = optional(p, 1);
      const norm = p[2];
      if (norm !== undefined && typeof norm !== 'boolean') throw new TypeError("getWindow: the 'taylor' window's norm must be a boolean");
      return taylor(n, { ...o, ...(nbar === undefined ? {} : { nbar }), ...(sll === undefined ? {} : { sll }), ...(norm === undefined ? {} : { norm }) });
    },
  ],
] as const satisfies readonly (readonly [readonly string[], boolean, (n: number, p: readonly WindowParameter[], o: WindowOptions) => Float64Array])[]) {
  for (const name of names) parameterised[name] = { needs, make };
}

/**
 * Returns a window by name, like `scipy.signal.get_window(window, Nx, fftbins=True)`: periodic by
 * default.
 *
 * @remarks
 * Unlike the named functions, the default is **periodic** (`fftbins: true`), the right choice for
 * spectral analysis; pass `{ fftbins: false }` (or `{ sym: true }`, `{ periodic: false }`) for filter
 * design, as `firwin` does. Every SciPy name and alias works (see {@link WindowName}). A window with
 * parameters is a tuple, `['kaiser', beta]`, `['gaussian', std]`, `['general_gaussian', p, sig]`,
 * `['tukey', alpha]`, `['exponential', center, tau]`, `['taylor', nbar, sll, norm]`, `['dpss', NW]`,
 * `['chebwin', at]`, `['general_cosine', weights]`; a bare number is a Kaiser beta (as in SciPy);
 * a name that needs parameters, alone, is a TypeError, as in SciPy. Beyond SciPy, an array-like spec
 * is copied and must have length `Nx`. Allocates the returned array.
 *
 * @param window - a {@link WindowName}, a Kaiser beta, a `[name, ...parameters]` tuple, or the samples
 * @param Nx - window length in samples
 * @param options - `fftbins` (default `true`), or `sym`/`periodic`
 * @returns a new Float64Array of length `Nx`
 * @example
 * ```ts
 * import { getWindow } from '@ringflow/operators';
 * const w = getWindow('hann', 512);                          // periodic Hann
 * const k = getWindow(['kaiser', 5], 41, { fftbins: false }); // symmetric Kaiser
 * const t = getWindow(['tukey', 0.25], 256);
 * ```
 */
export function getWindow(window: WindowSpec, Nx: number, options?: GetWindowOptions): Float64Array {
  let periodic = true;
  if (options !== undefined) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`getWindow: options must be an object such as { fftbins: false }, got ${String(options)}`);
    }
    const { fftbins } = options;
    if (fftbins !== undefined && typeof fftbins !== 'boolean') {
      throw new TypeError(`getWindow: fftbins must be a boolean, got ${String(fftbins)}`);
    }
    const explicit = options.sym !== undefined || options.periodic !== undefined;
    const fromSym = isPeriodic({ sym: options.sym, periodic: options.periodic } as WindowOptions, 'getWindow');
    if (fftbins !== undefined && explicit && fftbins !== fromSym) {
      throw new TypeError(`getWindow: fftbins: ${fftbins} contradicts the sym/periodic option`);
    }
    periodic = fftbins ?? (explicit ? fromSym : true);
  }
  const opts: WindowOptions = { periodic };
  if (typeof window === 'number') {
    if (!Number.isFinite(window)) throw new TypeError(`getWindow: a numeric window is a Kaiser beta and must be finite, got ${window}`);
    return kaiser(Nx, window, opts);
  }
  if (typeof window === 'string') {
    const f = plain[window];
    if (f !== undefined) return f(Nx, opts);
    const p = parameterised[window];
    if (p !== undefined) {
      if (p.needs) {
        throw new TypeError(
          `getWindow: the '${window}' window needs one or more parameters: pass a tuple such as ['${window}', ${window === 'kaiser' ? 'beta' : '...'}]`,
        );
      }
      return p.make(Nx, [], opts);
    }
    throw new TypeError(`getWindow: unknown window '${window}'; valid names: ${[...Object.keys(plain), ...Object.keys(parameterised)].join(', ')}`);
  }
  if (Array.isArray(window) && typeof window[0] === 'string') {
    const [name, ...params] = window as unknown as readonly [string, ...WindowParameter[]];
    const f = plain[name];
    if (f !== undefined) return f(Nx, opts);
    const p = parameterised[name];
    if (p !== undefined) return p.make(Nx, params, opts);
    throw new TypeError(`getWindow: unknown window '${name}'; valid names: ${[...Object.keys(plain), ...Object.keys(parameterised)].join(', ')}`);
  }
  if (window !== null && typeof window === 'object' && typeof (window as ArrayLike<number>).length === 'number') {
    checkLength(Nx, 'getWindow');
    const arr = window as ArrayLike<number>;
    if (arr.length !== Nx) throw new RangeError(`getWindow: window array has length ${arr.length}, expected ${Nx}`);
    const out = new Float64Array(Nx);
    for (let i = 0; i < Nx; i++) {
      const v = arr[i];
      if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`getWindow: window[${i}] is not a number`);
      out[i] = v;
    }
    return out;
  }
  throw new TypeError(`getWindow: unsupported window spec: ${String(window)}`);
}
