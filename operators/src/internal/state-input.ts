import { describeValue } from './chunks.js';
import { checkView, isNdarrayInput } from './ndarray-view.js';

/**
 * Reads an explicit filter state (SciPy's `zi`) of the given shape, in row-major order: nested
 * arrays (`zi.tolist()`), a flat array of all the values in row-major order, or an ndarray-shaped
 * view. Any other shape is a RangeError that names the expected one; non-finite values a TypeError.
 */
export function readState(what: string, zi: unknown, dims: readonly number[]): Float64Array {
  const size = dims.reduce((a, b) => a * b, 1);
  const expected = `[${dims.join(', ')}]`;
  const out = new Float64Array(size);
  if (isNdarrayInput(zi)) {
    const view = checkView(what, 'zi', zi);
    const shape = view.shape;
    if (shape.length !== dims.length || shape.some((d, i) => d !== dims[i])) {
      throw new RangeError(`${what}: zi must have shape ${expected}, got [${shape.join(', ')}]`);
    }
    const index = new Array<number>(dims.length).fill(0);
    for (let n = 0; n < size; n++) {
      let at = view.offset;
      for (let i = 0; i < dims.length; i++) at += index[i]! * view.stride[i]!;
      out[n] = finite(what, view.data[at], n);
      for (let i = dims.length - 1; i >= 0; i--) {
        if (++index[i]! < dims[i]!) break;
        index[i] = 0;
      }
    }
    return out;
  }
  if (zi === null || typeof zi !== 'object' || typeof (zi as ArrayLike<unknown>).length !== 'number') {
    throw new TypeError(`${what}: zi must be 'step', an array of shape ${expected}, or an ndarray view, got ${describeValue(zi)}`);
  }
  const list = zi as ArrayLike<unknown>;
  if (list.length > 0 && typeof list[0] === 'number') {
    if (list.length !== size) throw new RangeError(`${what}: zi must have shape ${expected} (${size} values), got ${list.length} values`);
    for (let n = 0; n < size; n++) out[n] = finite(what, list[n], n);
    return out;
  }
  let n = 0;
  const walk = (value: unknown, depth: number, path: string): void => {
    if (depth === dims.length) {
      out[n] = finite(what, value, n);
      n++;
      return;
    }
    const v = value as ArrayLike<unknown> | null;
    if (v === null || typeof v !== 'object' || typeof v.length !== 'number' || v.length !== dims[depth]) {
      throw new RangeError(`${what}: zi must have shape ${expected}; zi${path} has ${v !== null && typeof v === 'object' && typeof v.length === 'number' ? `${v.length} entries` : describeValue(v)}, expected ${dims[depth]}`);
    }
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, `${path}[${i}]`);
  };
  walk(zi, 0, '');
  return out;
}

function finite(what: string, v: unknown, n: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${what}: zi values must be finite numbers, got ${describeValue(v)} at position ${n}`);
  return v;
}

/** Nests a row-major array into arrays of the given shape (numpy's `tolist()`). */
export function nest(values: ArrayLike<number>, dims: readonly number[]): unknown[] {
  let n = 0;
  const build = (depth: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < dims[depth]!; i++) out.push(depth + 1 === dims.length ? values[n++]! : build(depth + 1));
    return out;
  };
  return build(0);
}
