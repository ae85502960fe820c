import { coefficients } from '../internal/coefficients.js';
import { solve } from '../internal/linalg.js';

/**
 * Initial state of `lfilter` for the steady state of the step response, as
 * `scipy.signal.lfilter_zi(b, a)`.
 *
 * @remarks
 * Solves `(I - A^T) zi = b[1:] - a[1:] b[0]` for the companion matrix `A` of the normalised
 * denominator, as SciPy does. Scaled by a signal's first value (`lfilterZi(b, a)` times `x[0]`), it
 * is the state that starts the filter as if that value had been there forever (no start-up
 * transient): `filtfilt` and the `zi: 'step'` option of the `lfilter` operator use it. Leading zeros of
 * `a` are dropped; `b` and `a` are normalised by `a[0]`. Design-time helper: allocates.
 *
 * @param b - numerator coefficients
 * @param a - denominator coefficients (not all zero)
 * @returns the state, `max(len(a), len(b)) - 1` values
 * @throws TypeError for non-numbers; RangeError when `a` is all zeros or the steady state does not
 *   exist (a pole at z = 1, where `sum(a) = 0`)
 * @example
 * ```ts
 * import { lfilterZi } from '@ringflow/operators/signal';
 * const zi = lfilterZi([0.5, 0.5], [1, -0.2]); // Float64Array [0.5]
 * ```
 */
export function lfilterZi(b: ArrayLike<number>, a: ArrayLike<number>): Float64Array {
  let bb = coefficients('lfilterZi', 'b', b);
  let aa = coefficients('lfilterZi', 'a', a);
  let start = 0;
  while (aa.length - start > 1 && aa[start] === 0) start++;
  aa = aa.slice(start);
  if (aa[0] === 0) throw new RangeError('lfilterZi: there must be at least one nonzero a coefficient');
  if (aa[0] !== 1) {
    const a0 = aa[0]!;
    bb = bb.map((v) => v / a0);
    aa = aa.map((v) => v / a0);
  }
  const n = Math.max(aa.length, bb.length);
  const ap = new Float64Array(n);
  ap.set(aa);
  const bp = new Float64Array(n);
  bp.set(bb);
  if (n === 1) return new Float64Array(0);
  const m = n - 1;
  const IminusA: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(m).fill(0);
    row[i] = 1;
    row[0] = row[0]! + ap[i + 1]!;
    if (i + 1 < m) row[i + 1] = row[i + 1]! - 1;
    IminusA.push(row);
  }
  const B: number[] = [];
  for (let i = 1; i < n; i++) B.push(bp[i]! - ap[i]! * bp[0]!);
  return solve('lfilterZi (the filter has a pole at z = 1, so no steady state exists)', IminusA, B);
}
