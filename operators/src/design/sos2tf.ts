import { sosCoefficients, type SosInput } from '../internal/sos-input.js';
import { polymul } from '../internal/polynomial.js';
import { baResult, type BaResult } from './filter-forms.js';

/**
 * One transfer function from second-order sections, as `scipy.signal.sos2tf(sos)`.
 *
 * @remarks
 * The product of the sections' numerators and denominators (numpy.polymul), highest power first;
 * `2 * n + 1` coefficients each. Rows are not normalised (as in SciPy).
 *
 * @param sos - the sections (rows, flat or an `[n, 6]` ndarray)
 * @returns `{ b, a }` (also iterable as `[b, a]`)
 * @throws TypeError/RangeError for malformed sections
 * @example
 * ```ts
 * import { butter, sos2tf } from '@ringflow/operators/signal';
 * const { b, a } = sos2tf(butter(4, 0.25));
 * ```
 */
export function sos2tf(sos: SosInput): BaResult {
  const c = sosCoefficients('sos2tf', sos, false);
  let b: Float64Array = Float64Array.of(1);
  let a: Float64Array = Float64Array.of(1);
  for (let s = 0; s < c.length; s += 6) {
    b = polymul(b, c.subarray(s, s + 3));
    a = polymul(a, c.subarray(s + 3, s + 6));
  }
  return baResult(b, a);
}
