import { ellipOrder, naturalRatio, orderResult, orderSpec, type FilterOrderOptions, type FilterOrderResult } from '../internal/filter-order.js';

/**
 * Lowest elliptic order for a specification, as `scipy.signal.ellipord(wp, ws, gpass, gstop,
 * analog, fs)`.
 *
 * @remarks
 * Same conventions as `buttord`; `wn` is the passband edge (design with `ellip(ord, gpass, gstop, wn)`).
 *
 * @param wp - passband edge(s)
 * @param ws - stopband edge(s)
 * @param gpass - maximum passband loss in dB
 * @param gstop - minimum stopband attenuation in dB
 * @param options - `analog`, `fs`
 * @returns `{ ord, wn }` (also iterable as `[ord, wn]`)
 * @example
 * ```ts
 * import { ellip, ellipord } from '@ringflow/operators/signal';
 * const { ord, wn } = ellipord(0.2, 0.3, 3, 60);
 * const sos = ellip(ord, 3, 60, wn);
 * ```
 */
export function ellipord(wp: number | ArrayLike<number>, ws: number | ArrayLike<number>, gpass: number, gstop: number, options?: FilterOrderOptions): FilterOrderResult {
  const spec = orderSpec('ellipord', wp, ws, gpass, gstop, options);
  const nat = naturalRatio(spec, 'ellip');
  return orderResult(spec, ellipOrder(nat, gpass, gstop), spec.passb);
}
