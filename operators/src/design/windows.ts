import { besselI0 } from '../internal/bessel-i0.js';

/**
 * Names of the window functions that {@link getWindow} understands.
 *
 * @remarks
 * `'rectangular'`, `'rect'` and `'ones'` are aliases of `'boxcar'`; `'hanning'` is an alias of `'hann'`
 * (as in `scipy.signal.get_window`). `'kaiser'` needs a parameter (beta): pass `['kaiser', beta]`.
 */
export type WindowName =
  | 'hann'
  | 'hanning'
  | 'hamming'
  | 'blackman'
  | 'blackmanharris'
  | 'nuttall'
  | 'flattop'
  | 'bartlett'
  | 'triang'
  | 'cosine'
  | 'kaiser'
  | 'boxcar'
  | 'rectangular'
  | 'rect'
  | 'ones';

/**
 * Options shared by the window functions.
 */
export interface WindowOptions {
  /**
   * `false` (default for the named functions): symmetric window, for filter design (`sym=True`).
   * `true`: periodic window (DFT-even, `sym=False`), for spectral analysis.
   */
  periodic?: boolean;
}

/** What {@link getWindow} accepts: a name, a `[name, parameter]` pair, or the window samples themselves. */
export type WindowSpec = WindowName | readonly [WindowName, number] | ArrayLike<number>;

function checkLength(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`window length must be a non-negative integer, got ${String(n)}`);
  }
}

/** Builds a window of length `n` from `f(m)` (a symmetric window of length `m`), scipy's `_extend`/`_truncate`. */
function build(n: number, options: WindowOptions | undefined, f: (m: number, out: Float64Array) => void): Float64Array {
  checkLength(n);
  if (n <= 1) return new Float64Array(n).fill(1);
  const periodic = options?.periodic === true;
  const m = periodic ? n + 1 : n;
  const out = new Float64Array(m);
  f(m, out);
  return periodic ? out.slice(0, n) : out;
}

/**
 * Generic weighted sum of cosine terms, as `scipy.signal.windows.general_cosine`.
 *
 * @remarks
 * `w[i] = sum_k a[k] cos(k x_i)` with `x_i = linspace(-pi, pi, m)`. Allocates the returned array.
 *
 * @param n - window length in samples (non-negative integer)
 * @param a - the cosine weights (centred convention: all typically positive)
 * @param options - `periodic` (default `false`: symmetric)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { generalCosine } from '@ringflow/operators';
 * const w = generalCosine(8, [0.5, 0.5]); // same as hann(8)
 * ```
 */
export function generalCosine(n: number, a: ArrayLike<number>, options?: WindowOptions): Float64Array {
  return build(n, options, (m, out) => {
    const step = (2 * Math.PI) / (m - 1);
    for (let i = 0; i < m; i++) {
      const x = i === m - 1 ? Math.PI : -Math.PI + i * step;
      let s = 0;
      for (let k = 0; k < a.length; k++) s += (a[k] ?? 0) * Math.cos(k * x);
      out[i] = s;
    }
  });
}

/**
 * Hann window, as `scipy.signal.windows.hann`.
 *
 * @remarks
 * Symmetric by default (filter design); `periodic: true` gives the DFT-even window used for spectra.
 * Allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { hann } from '@ringflow/operators';
 * const w = hann(1024, { periodic: true });
 * ```
 */
export function hann(n: number, options?: WindowOptions): Float64Array {
  return generalCosine(n, [0.5, 0.5], options);
}

/**
 * Hamming window, as `scipy.signal.windows.hamming` (0.54 - 0.46 cos).
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { hamming } from '@ringflow/operators';
 * const w = hamming(51);
 * ```
 */
export function hamming(n: number, options?: WindowOptions): Float64Array {
  return generalCosine(n, [0.54, 0.46], options);
}

/**
 * Blackman window, as `scipy.signal.windows.blackman` (0.42, 0.5, 0.08).
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { blackman } from '@ringflow/operators';
 * const w = blackman(64);
 * ```
 */
export function blackman(n: number, options?: WindowOptions): Float64Array {
  return generalCosine(n, [0.42, 0.5, 0.08], options);
}

/**
 * Minimum 4-term Blackman-Harris window, as `scipy.signal.windows.blackmanharris`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { blackmanharris } from '@ringflow/operators';
 * const w = blackmanharris(64, { periodic: true });
 * ```
 */
export function blackmanharris(n: number, options?: WindowOptions): Float64Array {
  return generalCosine(n, [0.35875, 0.48829, 0.14128, 0.01168], options);
}

/**
 * Minimum 4-term Blackman-Harris window after Nuttall, as `scipy.signal.windows.nuttall`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { nuttall } from '@ringflow/operators';
 * const w = nuttall(64);
 * ```
 */
export function nuttall(n: number, options?: WindowOptions): Float64Array {
  return generalCosine(n, [0.3635819, 0.4891775, 0.1365995, 0.0106411], options);
}

/**
 * Flat-top window, as `scipy.signal.windows.flattop`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array. Some samples are negative.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { flattop } from '@ringflow/operators';
 * const w = flattop(64, { periodic: true });
 * ```
 */
export function flattop(n: number, options?: WindowOptions): Float64Array {
  return generalCosine(n, [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368], options);
}

/**
 * Bartlett (triangular, zero end points) window, as `scipy.signal.windows.bartlett`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { bartlett } from '@ringflow/operators';
 * const w = bartlett(9);
 * ```
 */
export function bartlett(n: number, options?: WindowOptions): Float64Array {
  return build(n, options, (m, out) => {
    const half = (m - 1) / 2;
    for (let i = 0; i < m; i++) out[i] = i <= half ? (2 * i) / (m - 1) : 2 - (2 * i) / (m - 1);
  });
}

/**
 * Triangular window without zero end points, as `scipy.signal.windows.triang`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { triang } from '@ringflow/operators';
 * const w = triang(8);
 * ```
 */
export function triang(n: number, options?: WindowOptions): Float64Array {
  return build(n, options, (m, out) => {
    const half = Math.floor((m + 1) / 2);
    for (let j = 1; j <= half; j++) {
      const v = m % 2 === 0 ? (2 * j - 1) / m : (2 * j) / (m + 1);
      out[j - 1] = v;
      out[m - j] = v;
    }
  });
}

/**
 * Cosine (sine) window, as `scipy.signal.windows.cosine`.
 *
 * @remarks
 * Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { cosine } from '@ringflow/operators';
 * const w = cosine(16);
 * ```
 */
export function cosine(n: number, options?: WindowOptions): Float64Array {
  return build(n, options, (m, out) => {
    for (let i = 0; i < m; i++) out[i] = Math.sin((Math.PI / m) * (i + 0.5));
  });
}

/**
 * Kaiser window with shape parameter `beta`, as `scipy.signal.windows.kaiser`.
 *
 * @remarks
 * `w[i] = I0(beta sqrt(1 - ((i - a)/a)^2)) / I0(beta)` with `a = (m-1)/2`. `beta = 0` is rectangular,
 * 5 is similar to Hamming, 8.6 to Blackman. Symmetric by default; allocates the returned array.
 *
 * @param n - window length in samples
 * @param beta - shape parameter (finite, >= 0)
 * @param options - `periodic` (default `false`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { kaiser } from '@ringflow/operators';
 * const w = kaiser(51, 8.6);
 * ```
 */
export function kaiser(n: number, beta: number, options?: WindowOptions): Float64Array {
  if (typeof beta !== 'number' || !Number.isFinite(beta)) {
    throw new TypeError(`kaiser beta must be a finite number, got ${String(beta)}`);
  }
  return build(n, options, (m, out) => {
    const alpha = (m - 1) / 2;
    const denom = besselI0(beta);
    for (let i = 0; i < m; i++) {
      const r = (i - alpha) / alpha;
      out[i] = besselI0(beta * Math.sqrt(1 - r * r)) / denom;
    }
  });
}

/**
 * Rectangular window (all ones), as `scipy.signal.windows.boxcar`.
 *
 * @remarks
 * Symmetric and periodic are the same; the option is accepted for uniformity. Allocates.
 *
 * @param n - window length in samples
 * @param options - `periodic` (ignored)
 * @returns a new Float64Array of length `n` filled with 1
 * @example
 * ```ts
 * import { boxcar } from '@ringflow/operators';
 * const w = boxcar(4); // [1, 1, 1, 1]
 * ```
 */
export function boxcar(n: number, options?: WindowOptions): Float64Array {
  void options;
  checkLength(n);
  return new Float64Array(n).fill(1);
}

const unparameterised: Record<Exclude<WindowName, 'kaiser'>, (n: number, o?: WindowOptions) => Float64Array> = {
  hann,
  hanning: hann,
  hamming,
  blackman,
  blackmanharris,
  nuttall,
  flattop,
  bartlett,
  triang,
  cosine,
  boxcar,
  rectangular: boxcar,
  rect: boxcar,
  ones: boxcar,
};

/**
 * Returns a window by name, like `scipy.signal.get_window` (periodic by default).
 *
 * @remarks
 * Unlike the named functions, the default is **periodic** (`fftbins=True` in SciPy), the right choice
 * for spectral analysis; pass `{ periodic: false }` for filter design (as `firwin` does). A parameterised
 * window is a pair, `['kaiser', beta]`; `'kaiser'` alone is a TypeError, as in SciPy. An array-like spec
 * is copied and must have length `n`. Allocates the returned array.
 *
 * @param spec - a {@link WindowName}, a `[name, parameter]` pair, or the window samples
 * @param n - window length in samples
 * @param options - `periodic` (default `true`)
 * @returns a new Float64Array of length `n`
 * @example
 * ```ts
 * import { getWindow } from '@ringflow/operators';
 * const w = getWindow('hann', 512);                       // periodic Hann
 * const k = getWindow(['kaiser', 5], 41, { periodic: false });
 * ```
 */
export function getWindow(spec: WindowSpec, n: number, options?: WindowOptions): Float64Array {
  const opts: WindowOptions = { periodic: options?.periodic ?? true };
  if (typeof spec === 'string') {
    if (spec === 'kaiser') {
      throw new TypeError("the 'kaiser' window needs a parameter: pass ['kaiser', beta]");
    }
    const f = (unparameterised as Record<string, ((n: number, o?: WindowOptions) => Float64Array) | undefined>)[spec];
    if (f === undefined) {
      throw new TypeError(`unknown window '${spec}'; valid names: kaiser, ${Object.keys(unparameterised).join(', ')}`);
    }
    return f(n, opts);
  }
  if (Array.isArray(spec) && typeof spec[0] === 'string') {
    const [name, param] = spec as unknown as readonly [WindowName, number];
    if (name === 'kaiser') return kaiser(n, param, opts);
    return getWindow(name, n, opts);
  }
  if (spec !== null && typeof spec === 'object' && typeof (spec as ArrayLike<number>).length === 'number') {
    checkLength(n);
    const arr = spec as ArrayLike<number>;
    if (arr.length !== n) throw new RangeError(`window array has length ${arr.length}, expected ${n}`);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = arr[i];
      if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`window[${i}] is not a number`);
      out[i] = v;
    }
    return out;
  }
  throw new TypeError(`unsupported window spec: ${String(spec)}`);
}
