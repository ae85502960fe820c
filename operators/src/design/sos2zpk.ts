import { type Complex, c } from '../internal/complex.js';
import { sosCoefficients, type SosInput } from '../internal/sos-input.js';
import { tf2zpkParts, zpkResult, type ZpkResult } from './filter-forms.js';

/**
 * Zeros, poles and gain of second-order sections, as `scipy.signal.sos2zpk(sos)`.
 *
 * @remarks
 * Each section through `tf2zpk`; `2 * n_sections` zeros and poles (a section of lower order
 * contributes zeros at the origin, as in SciPy), the gain the product of the sections' gains.
 *
 * @param sos - the sections
 * @returns `{ z, p, k }` with `{ re, im }` Float64Array pairs (also iterable as `[z, p, k]`)
 * @example
 * ```ts
 * import { butter, sos2zpk } from '@ringflow/operators/signal';
 * const { p } = sos2zpk(butter(4, 0.25)); // 4 poles inside the unit circle
 * ```
 */
export function sos2zpk(sos: SosInput): ZpkResult {
  const coef = sosCoefficients('sos2zpk', sos, false);
  const n = coef.length / 6;
  const z: Complex[] = new Array<Complex>(2 * n).fill(c(0));
  const p: Complex[] = new Array<Complex>(2 * n).fill(c(0));
  let k = 1;
  for (let s = 0; s < n; s++) {
    const parts = tf2zpkParts('sos2zpk', coef.subarray(6 * s, 6 * s + 3), coef.subarray(6 * s + 3, 6 * s + 6));
    parts.z.forEach((v, i) => (z[2 * s + i] = v));
    parts.p.forEach((v, i) => (p[2 * s + i] = v));
    k *= parts.k;
  }
  return zpkResult(z, p, k);
}
