import { naturalRatio, orderResult, orderSpec, type FilterOrderOptions, type FilterOrderResult } from '../internal/filter-order.js';

/**
 * Lowest Chebyshev type I order for a specification, as `scipy.signal.cheb1ord(wp, ws, gpass, gstop,
 * analog, fs)`.
 *
 * @remarks
 * Same conventions as `buttord`; `wn` is the passband edge (pass `gpass` as `cheby1`'s `rp`).
 *
 * @param wp - passband edge(s)
 * @param ws - stopband edge(s)
 * @param gpass - maximum passband loss in dB
 * @param gstop - minimum stopband attenuation in dB
 * @param options - `analog`, `fs`
 * @returns `{ ord, wn }` (also iterable as `[ord, wn]`)
 * @example
 * ```ts
 * import { cheb1ord, cheby1 } from '@ringflow/operators/signal';
 * const { ord, wn } = cheb1ord(0.2, 0.3, 3, 40);
 * const sos = cheby1(ord, 3, wn);
 * ```
 */
export function cheb1ord(wp: number | ArrayLike<number>, ws: number | ArrayLike<number>, gpass: number, gstop: number, options?: FilterOrderOptions): FilterOrderResult {
  const spec = orderSpec('cheb1ord', wp, ws, gpass, gstop, options);
  const nat = naturalRatio(spec, 'cheby');
  const GSTOP = 10 ** (0.1 * Math.abs(gstop));
  const GPASS = 10 ** (0.1 * Math.abs(gpass));
  const ord = Math.ceil(Math.acosh(Math.sqrt((GSTOP - 1) / (GPASS - 1))) / Math.acosh(nat));
  return orderResult(spec, ord, spec.passb);
}
