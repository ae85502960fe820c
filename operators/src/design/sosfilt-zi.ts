import { sosCoefficients, type SosInput } from '../internal/sos-input.js';
import { lfilterZi } from './lfilter-zi.js';

/**
 * Initial state of `sosfilt` for the steady state of the step response, as
 * `scipy.signal.sosfilt_zi(sos)`.
 *
 * @remarks
 * Section by section, `lfilterZi` of the section scaled by the DC gain of the sections before it,
 * as SciPy computes it. Multiplied by a signal's first value it starts the filter with no start-up
 * transient: `sosfiltfilt` and the `zi: 'step'` option of the `sosfilt` operator use it. Design-time
 * helper: allocates.
 *
 * @param sos - the sections (rows `[b0, b1, b2, a0, a1, a2]`, flat, or an `[n, 6]` ndarray)
 * @returns `[n_sections][2]` state values (SciPy's shape `(n_sections, 2)`, as nested arrays)
 * @throws TypeError/RangeError for malformed sections or a section with a pole at z = 1
 * @example
 * ```ts
 * import { butter, sosfilt, sosfiltZi } from '@ringflow/operators/signal';
 * const sos = butter(4, 0.1);
 * const x = new Float64Array(100).fill(3);
 * const zi = sosfiltZi(sos).map((row) => row.map((v) => v * x[0]!));
 * const { y } = sosfilt(sos, x, { zi }); // y is 3 throughout: no start-up transient
 * ```
 */
export function sosfiltZi(sos: SosInput): number[][] {
  const c = sosCoefficients('sosfiltZi', sos, false);
  const out: number[][] = [];
  let scale = 1;
  for (let s = 0; s < c.length; s += 6) {
    const b = c.subarray(s, s + 3);
    const a = c.subarray(s + 3, s + 6);
    const zi = lfilterZi(b, a);
    out.push([scale * zi[0]!, scale * zi[1]!]);
    scale *= (b[0]! + b[1]! + b[2]!) / (a[0]! + a[1]! + a[2]!);
  }
  return out;
}
