import { eighTridiagonalTop } from '../internal/tridiagonal-eigen.js';
import { createFftPlan, irfft, rfft } from '../kernels/fft.js';
import type { Matrix } from '../signal/types.js';

/** Options of {@link dpss}: SciPy's keyword parameters (`Kmax`, `sym`, `norm`, `return_ratios`). */
export interface DpssOptions {
  /**
   * Number of tapers (SciPy's `Kmax`, also accepted as `Kmax`): `1 <= kmax <= M`. When given, the
   * result is a `[kmax, M]` {@link Matrix}; when omitted, one taper as a Float64Array.
   */
  kmax?: number;
  /** SciPy's spelling of {@link DpssOptions.kmax}. */
  Kmax?: number;
  /** `true` (default) symmetric, `false` periodic. */
  sym?: boolean;
  /** ringflow's spelling of `sym: false`. */
  periodic?: boolean;
  /**
   * Normalisation: `2` (unit energy), `'approximate'` or `'subsample'` (peak near 1, corrected for
   * even lengths). Default `'approximate'` without `kmax`, `2` with it, as in SciPy.
   */
  norm?: 2 | 'approximate' | 'subsample';
  /** Also return the concentration ratios (SciPy's `return_ratios`). Default `false`. */
  returnRatios?: boolean;
}

/** What {@link dpss} returns with `returnRatios: true`. */
export interface DpssWithRatios<W> {
  /** The tapers (a Float64Array, or a `[kmax, M]` Matrix when `kmax` was given). */
  windows: W;
  /** Energy concentration ratio of each taper in the band `[-NW/M, NW/M]`: a number, or one per taper. */
  ratios: W extends Float64Array ? number : Float64Array;
}

/**
 * Discrete prolate spheroidal (Slepian) sequences, as `scipy.signal.windows.dpss(M, NW, Kmax=None,
 * sym=True, norm=None, return_ratios=False)`.
 *
 * @remarks
 * The tapers whose energy is most concentrated in `[-W, W]`, `W = NW / M`: the eigenvectors of
 * Percival and Walden's tridiagonal matrix, found as SciPy does (the largest `Kmax` eigenpairs of
 * the symmetric tridiagonal matrix; here by bisection and inverse iteration, LAPACK's
 * `dstebz`/`dstein`), with the same sign conventions (even tapers with a positive mean, odd ones
 * starting positive) and normalisations. Used for multitaper spectra. Allocates; O(Kmax M) memory.
 *
 * @param M - window length in samples (non-negative integer; 0 or 1 gives ones)
 * @param NW - standardized half bandwidth, `0 < NW < M / 2` (typically 2 to 4)
 * @param options - `kmax`, `sym` (default `true`), `norm`, `returnRatios`
 * @returns one taper, `[kmax, M]` tapers, or `{ windows, ratios }` with `returnRatios`
 * @throws RangeError for a bad `M`, `NW` or `kmax`; TypeError for a bad `norm`
 * @example
 * ```ts
 * import { dpss } from '@ringflow/operators/signal';
 * const taper = dpss(512, 2.5);                     // Float64Array(512)
 * const tapers = dpss(512, 2.5, { kmax: 4 });       // shape [4, 512]
 * const { ratios } = dpss(512, 2.5, { kmax: 4, returnRatios: true });
 * ```
 */
export function dpss(M: number, NW: number, options?: DpssOptions & { kmax?: undefined; Kmax?: undefined; returnRatios?: false }): Float64Array;
export function dpss(M: number, NW: number, options: DpssOptions & { returnRatios?: false; kmax: number }): Matrix;
export function dpss(M: number, NW: number, options: DpssOptions & { returnRatios?: false; Kmax: number }): Matrix;
export function dpss(M: number, NW: number, options: DpssOptions & { returnRatios: true; kmax: number }): DpssWithRatios<Matrix>;
export function dpss(M: number, NW: number, options: DpssOptions & { returnRatios: true; Kmax: number }): DpssWithRatios<Matrix>;
export function dpss(M: number, NW: number, options: DpssOptions & { returnRatios: true }): DpssWithRatios<Float64Array>;
export function dpss(M: number, NW: number, options?: DpssOptions): Float64Array | Matrix | DpssWithRatios<Float64Array | Matrix>;
export function dpss(M: number, NW: number, options?: DpssOptions): Float64Array | Matrix | DpssWithRatios<Float64Array | Matrix> {
  if (typeof M !== 'number' || !Number.isInteger(M) || M < 0) {
    throw new RangeError(`dpss: window length M must be a non-negative integer, got ${String(M)}`);
  }
  if (typeof NW !== 'number' || Number.isNaN(NW)) throw new TypeError(`dpss: NW must be a number, got ${String(NW)}`);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`dpss: options must be an object, got ${String(options)}`);
  }
  const o = options ?? {};
  if (o.kmax !== undefined && o.Kmax !== undefined && o.kmax !== o.Kmax) {
    throw new TypeError(`dpss: kmax (${o.kmax}) and Kmax (${o.Kmax}) disagree`);
  }
  const kmaxGiven = o.kmax ?? o.Kmax;
  const returnRatios = o.returnRatios ?? false;
  if (typeof returnRatios !== 'boolean') throw new TypeError(`dpss: returnRatios must be a boolean, got ${String(returnRatios)}`);
  const sym = o.sym ?? (o.periodic === undefined ? true : !o.periodic);
  if (typeof sym !== 'boolean') throw new TypeError(`dpss: sym must be a boolean, got ${String(sym)}`);
  if (o.sym !== undefined && o.periodic !== undefined && o.sym === o.periodic) {
    throw new TypeError(`dpss: sym: ${o.sym} contradicts periodic: ${o.periodic}`);
  }
  if (M <= 1) {
    // SciPy's _len_guards: ones(M), whatever Kmax / return_ratios.
    return new Float64Array(M).fill(1);
  }
  const norm = o.norm ?? (kmaxGiven === undefined ? 'approximate' : 2);
  if (norm !== 2 && norm !== 'approximate' && norm !== 'subsample') {
    throw new TypeError(`dpss: norm must be one of 2, 'approximate', 'subsample', got ${String(norm)}`);
  }
  const singleton = kmaxGiven === undefined;
  const Kmax = kmaxGiven ?? 1;
  if (typeof Kmax !== 'number' || !Number.isInteger(Kmax)) throw new TypeError(`dpss: Kmax must be an integer, got ${String(Kmax)}`);
  if (!(Kmax > 0 && Kmax <= M)) throw new RangeError(`dpss: Kmax must be greater than 0 and at most M = ${M}, got ${Kmax}`);
  if (NW >= M / 2) throw new RangeError(`dpss: NW must be less than M/2 = ${M / 2}, got ${NW}`);
  if (NW <= 0) throw new RangeError(`dpss: NW must be positive, got ${NW}`);

  const m = sym ? M : M + 1;
  const W = NW / m;
  const d = new Float64Array(m);
  const e = new Float64Array(m - 1);
  const c = Math.cos(2 * Math.PI * W);
  for (let t = 0; t < m; t++) d[t] = ((m - 1 - 2 * t) / 2) ** 2 * c;
  for (let t = 1; t < m; t++) e[t - 1] = (t * (m - t)) / 2;
  const { vectors } = eighTridiagonalTop(d, e, Kmax);
  const windows = vectors;
  // Sign conventions (Percival and Walden 1993, p. 379), as SciPy applies them.
  for (let i = 0; i < Kmax; i += 2) {
    const w = windows[i]!;
    let s = 0;
    for (let t = 0; t < m; t++) s += w[t]!;
    if (s < 0) for (let t = 0; t < m; t++) w[t] = -w[t]!;
  }
  const thresh = Math.max(1e-7, 1 / m);
  for (let i = 1; i < Kmax; i += 2) {
    const w = windows[i]!;
    let first = 0;
    for (let t = 0; t < m; t++) {
      if (w[t]! * w[t]! > thresh) {
        first = w[t]!;
        break;
      }
    }
    if (first < 0) for (let t = 0; t < m; t++) w[t] = -w[t]!;
  }
  let ratios: Float64Array | undefined;
  if (returnRatios) {
    ratios = new Float64Array(Kmax);
    const r = new Float64Array(m);
    for (let t = 0; t < m; t++) {
      const x = 2 * W * t;
      r[t] = t === 0 ? 2 * W : 4 * W * (Math.sin(Math.PI * x) / (Math.PI * x));
    }
    let L = 1;
    while (L < 2 * m - 1) L *= 2;
    const plan = createFftPlan(L);
    const buf = new Float64Array(L);
    const spec = new Float64Array(2 * plan.bins);
    const acf = new Float64Array(L);
    for (let i = 0; i < Kmax; i++) {
      buf.fill(0);
      buf.set(windows[i]!);
      rfft(plan, buf, spec);
      for (let b = 0; b < plan.bins; b++) {
        spec[2 * b] = spec[2 * b]! ** 2 + spec[2 * b + 1]! ** 2;
        spec[2 * b + 1] = 0;
      }
      irfft(plan, spec, acf);
      let s = 0;
      for (let t = 0; t < m; t++) s += acf[t]! * r[t]!;
      ratios[i] = s;
    }
  }
  if (norm !== 2) {
    let max = -Infinity;
    for (const w of windows) for (let t = 0; t < m; t++) if (w[t]! > max) max = w[t]!;
    for (const w of windows) for (let t = 0; t < m; t++) w[t] = w[t]! / max;
    if (m % 2 === 0) {
      let correction: number;
      if (norm === 'approximate') {
        correction = m ** 2 / (m ** 2 + NW);
      } else {
        const plan = createFftPlan(m);
        const s = rfft(plan, windows[0]!, new Float64Array(2 * plan.bins));
        let sum = s[0]!;
        for (let k = 1; k <= m / 2; k++) {
          const theta = Math.PI * -(1 - 1 / m) * k;
          // Re(s_k * 2 e^{-i pi shift_k}) with shift_k = -(1 - 1/m) k.
          sum += 2 * (s[2 * k]! * Math.cos(theta) + s[2 * k + 1]! * Math.sin(theta));
        }
        correction = m / sum;
      }
      for (const w of windows) for (let t = 0; t < m; t++) w[t] = w[t]! * correction;
    }
  }
  const out = windows.map((w) => (sym ? w : w.slice(0, M)));
  let result: Float64Array | Matrix;
  if (singleton) {
    result = out[0]!;
  } else {
    const data = new Float64Array(Kmax * M);
    out.forEach((w, i) => data.set(w, i * M));
    result = { data, shape: [Kmax, M], stride: [M, 1], offset: 0 };
  }
  if (!returnRatios) return result;
  return { windows: result, ratios: singleton ? ratios![0]! : ratios! } as DpssWithRatios<Float64Array | Matrix>;
}
