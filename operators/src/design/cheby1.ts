import { cheb1ap, checkOrder, iirDesignSos } from '../internal/iir-design.js';
import type { FilterType } from '../internal/iir-design.js';

/** Options of {@link cheby1}. */
export interface Cheby1Options {
  /** Band type (default `'lowpass'`). Band types need `cutoff = [low, high]`. */
  type?: FilterType;
  /** Sample rate in Hz; when omitted, `cutoff` is relative to Nyquist, as in SciPy. */
  sampleRate?: number;
}

/**
 * Designs a digital Chebyshev type I filter as second-order sections, like
 * `scipy.signal.cheby1(order, ripple, cutoff, btype=type, fs=sampleRate, output='sos')`.
 *
 * @remarks
 * Same chain as {@link butter} with SciPy's `cheb1ap` prototype: equiripple passband with `ripple` dB
 * peak-to-peak, the cutoff being where the gain first drops below `-ripple` dB. Rows
 * `[b0, b1, b2, a0, a1, a2]`, `a0 = 1`. Design-time helper: allocates.
 *
 * @param order - filter order, a positive integer
 * @param ripple - maximum passband ripple in dB (finite, > 0)
 * @param cutoff - critical frequency or `[low, high]`, Hz with `sampleRate`, else relative to Nyquist
 * @param options - `type` and `sampleRate`
 * @returns the sections, `number[][]` with 6 coefficients per row
 * @example
 * ```ts
 * import { cheby1 } from '@ringflow/operators';
 * const sos = cheby1(8, 0.05, 0.8 / 4); // scipy.signal.decimate's anti-alias filter for q = 4
 * ```
 */
export function cheby1(
  order: number,
  ripple: number,
  cutoff: number | readonly number[],
  options?: Cheby1Options,
): number[][] {
  checkOrder(order);
  if (typeof ripple !== 'number' || !Number.isFinite(ripple) || !(ripple > 0)) {
    throw new RangeError(`ripple must be a positive finite number of dB, got ${String(ripple)}`);
  }
  return iirDesignSos(cheb1ap(order, ripple), cutoff, options?.type, options?.sampleRate);
}
