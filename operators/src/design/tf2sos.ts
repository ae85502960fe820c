import { tf2zpkParts } from './filter-forms.js';
import { zpk2sos, type Zpk2sosOptions } from './zpk2sos.js';

/**
 * Second-order sections from a transfer function, as `scipy.signal.tf2sos(b, a, pairing=...,
 * analog=...)`.
 *
 * @remarks
 * `tf2zpk` then `zpk2sos` (so the same pairing rules). Converting from `(b, a)` does not undo the
 * rounding a high-order polynomial has already suffered: design in SOS or zpk form where you can.
 *
 * @param b - numerator coefficients
 * @param a - denominator coefficients
 * @param options - `pairing` (default `'nearest'`, `'minimal'` when analog), `analog`
 * @returns the sections, `number[][]`
 * @example
 * ```ts
 * import { tf2sos } from '@ringflow/operators/signal';
 * const sos = tf2sos([1, 2, 1], [1, -0.5, 0.25]); // one section
 * ```
 */
export function tf2sos(b: ArrayLike<number>, a: ArrayLike<number>, options?: Zpk2sosOptions): number[][] {
  const { z, p, k } = tf2zpkParts('tf2sos', b, a);
  return zpk2sos(z, p, k, options);
}
