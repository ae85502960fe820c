import { naturalRatio, orderResult, orderSpec, type FilterOrderOptions, type FilterOrderResult } from '../internal/filter-order.js';

export type { FilterOrderOptions, FilterOrderResult } from '../internal/filter-order.js';

/**
 * Lowest Butterworth order for a specification, as `scipy.signal.buttord(wp, ws, gpass, gstop,
 * analog, fs)`.
 *
 * @remarks
 * The order that loses at most `gpass` dB in the passband and attenuates at least `gstop` dB in the
 * stopband, and the natural frequency to design it with. Band type from the edges: `wp < ws`
 * lowpass, `wp > ws` highpass; pairs `[low, high]`: band-stop when the stopband lies inside the
 * passband, band-pass when the passband lies inside the stopband (band-stop edges are optimised
 * with the same bounded search as SciPy's `fminbound`).
 *
 * @param wp - passband edge(s): normalised to Nyquist, in Hz with `fs`, rad/s when analog
 * @param ws - stopband edge(s)
 * @param gpass - maximum passband loss in dB (> 0)
 * @param gstop - minimum stopband attenuation in dB (> gpass)
 * @param options - `analog`, `fs`
 * @returns `{ ord, wn }` (also iterable as `[ord, wn]`)
 * @throws TypeError/RangeError (naming `buttord`) for inconsistent edges or gains
 * @example
 * ```ts
 * import { butter, buttord } from '@ringflow/operators/signal';
 * const { ord, wn } = buttord(1000, 1500, 1, 40, { fs: 8000 });
 * const sos = butter(ord, wn, { fs: 8000 });
 * ```
 */
export function buttord(wp: number | ArrayLike<number>, ws: number | ArrayLike<number>, gpass: number, gstop: number, options?: FilterOrderOptions): FilterOrderResult {
  const spec = orderSpec('buttord', wp, ws, gpass, gstop, options);
  const nat = naturalRatio(spec, 'butter');
  const GSTOP = 10 ** (0.1 * Math.abs(gstop));
  const GPASS = 10 ** (0.1 * Math.abs(gpass));
  const ord = Math.ceil(Math.log10((GSTOP - 1) / (GPASS - 1)) / (2 * Math.log10(nat)));
  const W0 = ord === 0 ? 1 : (GPASS - 1) ** (-1 / (2 * ord));
  const { passb } = spec;
  let wn: number[];
  if (spec.type === 1) wn = [W0 * passb[0]!];
  else if (spec.type === 2) wn = [passb[0]! / W0];
  else if (spec.type === 3) {
    const discr = Math.sqrt((passb[1]! - passb[0]!) ** 2 + 4 * W0 ** 2 * passb[0]! * passb[1]!);
    wn = [(passb[1]! - passb[0]! + discr) / (2 * W0), (passb[1]! - passb[0]! - discr) / (2 * W0)].map(Math.abs).sort((a, b) => a - b);
  } else {
    wn = [-W0, W0]
      .map((w) => (-w * (passb[1]! - passb[0]!)) / 2 + Math.sqrt((w ** 2 / 4) * (passb[1]! - passb[0]!) ** 2 + passb[0]! * passb[1]!))
      .map(Math.abs)
      .sort((a, b) => a - b);
  }
  return orderResult(spec, ord, wn);
}
