import { naturalRatio, orderResult, orderSpec, type FilterOrderOptions, type FilterOrderResult } from '../internal/filter-order.js';

/**
 * Lowest Chebyshev type II order for a specification, as `scipy.signal.cheb2ord(wp, ws, gpass,
 * gstop, analog, fs)`.
 *
 * @remarks
 * Same conventions as `buttord`; `wn` is where `cheby2` (with `rs = gstop`) reaches `-gstop` dB.
 *
 * @param wp - passband edge(s)
 * @param ws - stopband edge(s)
 * @param gpass - maximum passband loss in dB
 * @param gstop - minimum stopband attenuation in dB
 * @param options - `analog`, `fs`
 * @returns `{ ord, wn }` (also iterable as `[ord, wn]`)
 * @example
 * ```ts
 * import { cheb2ord, cheby2 } from '@ringflow/operators/signal';
 * const { ord, wn } = cheb2ord(0.2, 0.3, 3, 40);
 * const sos = cheby2(ord, 40, wn);
 * ```
 */
export function cheb2ord(wp: number | ArrayLike<number>, ws: number | ArrayLike<number>, gpass: number, gstop: number, options?: FilterOrderOptions): FilterOrderResult {
  const spec = orderSpec('cheb2ord', wp, ws, gpass, gstop, options);
  const nat = naturalRatio(spec, 'cheby');
  const GSTOP = 10 ** (0.1 * Math.abs(gstop));
  const GPASS = 10 ** (0.1 * Math.abs(gpass));
  const vPassStop = Math.acosh(Math.sqrt((GSTOP - 1) / (GPASS - 1)));
  const ord = Math.ceil(vPassStop / Math.acosh(nat));
  const newFreq = 1 / Math.cosh((1 / ord) * vPassStop);
  const { passb } = spec;
  let wn: number[];
  if (spec.type === 1) wn = [passb[0]! / newFreq];
  else if (spec.type === 2) wn = [passb[0]! * newFreq];
  else if (spec.type === 3) {
    const n0 = (newFreq / 2) * (passb[0]! - passb[1]!) + Math.sqrt((newFreq ** 2 * (passb[1]! - passb[0]!) ** 2) / 4 + passb[1]! * passb[0]!);
    wn = [n0, (passb[1]! * passb[0]!) / n0];
  } else {
    const n0 = (1 / (2 * newFreq)) * (passb[0]! - passb[1]!) + Math.sqrt((passb[1]! - passb[0]!) ** 2 / (4 * newFreq ** 2) + passb[1]! * passb[0]!);
    wn = [n0, (passb[0]! * passb[1]!) / n0];
  }
  return orderResult(spec, ord, wn);
}
