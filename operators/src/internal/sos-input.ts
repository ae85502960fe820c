import { describeValue } from './chunks.js';
import { checkView, isNdarrayInput } from './ndarray-view.js';

/**
 * Second-order sections in any of the shapes SciPy users hold them: rows `[b0, b1, b2, a0, a1, a2]`
 * (what `butter` returns; SciPy's `sos.tolist()`), a flat array of `6 * n` values in row order
 * (`sos.ravel()`), or a 2-D ndarray-like view of shape `[n, 6]`.
 */
export type SosInput =
  | ArrayLike<ArrayLike<number>>
  | ArrayLike<number>
  | { readonly data: ArrayLike<number>; readonly shape: readonly number[]; readonly stride?: readonly number[]; readonly offset?: number };

const ROWS = 'sos must be an array of [b0, b1, b2, a0, a1, a2] rows, a flat array of 6 * n values, or an [n, 6] ndarray';

/**
 * Reads sections into one Float64Array of 6 values per section, validated (finite values, 6 per
 * row, at least one row, an ndarray's shape checked against its data), each row divided by its
 * `a0` when `normalise` (then `a0 = 0` is a RangeError). Errors are prefixed with `what: `
 * unless `what` is empty.
 */
export function sosCoefficients(what: string, sos: unknown, normalise: boolean): Float64Array {
  const pre = what === '' ? '' : `${what}: `;
  if (sos === null || typeof sos !== 'object') throw new TypeError(`${pre}${ROWS}, got ${describeValue(sos)}`);
  let flat: Float64Array;
  if (isNdarrayInput(sos)) {
    const view = checkView(what, 'sos', sos, [2]);
    const [n, six] = view.shape as [number, number];
    if (six !== 6) throw new RangeError(`${pre}sos as an ndarray must have shape [sections, 6], got [${view.shape.join(', ')}]`);
    flat = new Float64Array(n * 6);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < 6; c++) flat[r * 6 + c] = checked(pre, view.data[view.offset + r * view.stride[0]! + c * view.stride[1]!], r, c);
    }
  } else {
    const list = sos as ArrayLike<unknown>;
    if (typeof list.length !== 'number') throw new TypeError(`${pre}${ROWS}, got ${describeValue(sos)}`);
    if (list.length > 0 && typeof list[0] === 'number') {
      if (list.length % 6 !== 0) throw new RangeError(`${pre}a flat sos must hold 6 coefficients per section, got ${list.length} values`);
      flat = new Float64Array(list.length);
      for (let i = 0; i < list.length; i++) flat[i] = checked(pre, list[i], Math.floor(i / 6), i % 6);
    } else {
      flat = new Float64Array(list.length * 6);
      for (let r = 0; r < list.length; r++) {
        const row = list[r] as ArrayLike<unknown> | null | undefined;
        if (row === undefined || row === null || typeof row !== 'object' || row.length !== 6) {
          throw new RangeError(`${pre}sos row ${r} must have 6 coefficients [b0, b1, b2, a0, a1, a2], got ${row !== null && typeof row === 'object' ? row.length : describeValue(row)}`);
        }
        for (let c = 0; c < 6; c++) flat[r * 6 + c] = checked(pre, row[c], r, c);
      }
    }
  }
  if (flat.length === 0) throw new RangeError(`${pre}sos must have at least one section`);
  if (normalise) {
    for (let s = 0; s < flat.length; s += 6) {
      const a0 = flat[s + 3]!;
      if (a0 === 0) throw new RangeError(`${pre}sos[${s / 6}][3] (a0) must not be 0`);
      if (a0 !== 1) for (let i = 0; i < 6; i++) flat[s + i] = flat[s + i]! / a0;
    }
  }
  return flat;
}

function checked(pre: string, v: unknown, r: number, c: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${pre}sos[${r}][${c}] must be a finite number, got ${describeValue(v)}`);
  return v;
}
