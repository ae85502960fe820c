import { complexList, type ComplexInput } from '../internal/complex-input.js';
import { finiteNumber } from '../internal/chunks.js';
import { baResult, zpk2tfParts, type BaResult } from './filter-forms.js';

/**
 * Polynomial transfer function from zeros, poles and gain, as `scipy.signal.zpk2tf(z, p, k)`.
 *
 * @remarks
 * `b = k * poly(z)`, `a = poly(p)` (numpy.poly: the monic polynomial with those roots), highest power
 * first. Complex roots must come in conjugate pairs (RangeError otherwise: the coefficients would be
 * complex). Zeros and poles: arrays of numbers, of `{ re, im }`, or `{ re, im }` pairs of arrays.
 *
 * @param z - zeros
 * @param p - poles
 * @param k - gain
 * @returns `{ b, a }` (also iterable as `[b, a]`)
 * @example
 * ```ts
 * import { zpk2tf } from '@ringflow/operators/signal';
 * const { b, a } = zpk2tf([-1], [0.5], 2); // b = [2, 2], a = [1, -0.5]
 * ```
 */
export function zpk2tf(z: ComplexInput, p: ComplexInput, k: number): BaResult {
  const gain = finiteNumber('zpk2tf', 'k', k);
  const parts = zpk2tfParts('zpk2tf', complexList('zpk2tf', 'z', z), complexList('zpk2tf', 'p', p), gain);
  return baResult(parts.b, parts.a);
}
