import { tf2zpkParts, zpkResult, type ZpkResult } from './filter-forms.js';

/**
 * Zeros, poles and gain of a transfer function, as `scipy.signal.tf2zpk(b, a)`.
 *
 * @remarks
 * `b` and `a` are normalised as SciPy's `normalize` does (leading zeros of `a` dropped, divided by
 * `a[0]`, numerator coefficients below 1e-14 at the front dropped), then the roots are the
 * eigenvalues of the companion matrices (as numpy.roots; a balanced Hessenberg QR here, so the roots
 * agree with SciPy's to rounding, in an unspecified order: compare them as sets).
 *
 * @param b - numerator coefficients, highest power first
 * @param a - denominator coefficients, highest power first
 * @returns `{ z, p, k }` with `{ re, im }` Float64Array pairs (also iterable as `[z, p, k]`)
 * @throws TypeError for non-numbers; RangeError for an all-zero denominator
 * @example
 * ```ts
 * import { tf2zpk } from '@ringflow/operators/signal';
 * const { z, p, k } = tf2zpk([2, 2], [1, -0.5]); // z = -1, p = 0.5, k = 2
 * ```
 */
export function tf2zpk(b: ArrayLike<number>, a: ArrayLike<number>): ZpkResult {
  const parts = tf2zpkParts('tf2zpk', b, a);
  return zpkResult(parts.z, parts.p, parts.k);
}
