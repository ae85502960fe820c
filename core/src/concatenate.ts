import { formatOf, resolveFormat, type FormatInfo } from './formats.js';
import { countOf, describe, isNdarrayLike, isStrided, toElements } from './internal/elements.js';
import type { BufferLike, TypedArray } from './types.js';

/** The format of one item as `concatenate` sees it (raw bytes are `B`). */
function itemFormat(item: unknown, index: number): FormatInfo {
  if (isNdarrayLike(item)) {
    const f = formatOf(item.data);
    if (f !== undefined) return f;
  }
  const f = formatOf(item);
  if (f !== undefined) return f;
  if (item instanceof DataView || item instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && item instanceof SharedArrayBuffer)) {
    return resolveFormat('B');
  }
  if (Array.isArray(item)) {
    throw new TypeError(`concatenate: item ${index} is a plain Array; wrap the values in a TypedArray (e.g. new Float32Array([...]))`);
  }
  throw new TypeError(`concatenate: item ${index} must be a TypedArray, raw bytes or a 1-D ndarray view, got ${describe(item)}`);
}

/**
 * Joins buffer-like items into one new array of the first item's format.
 *
 * @remarks
 * Items may be TypedArrays, raw bytes (`ArrayBuffer`, `DataView`, `Buffer`: format `B`) and 1-D
 * ndarray views (strided ones are gathered). All items must share the first item's format: no
 * silent conversion. Any thread; allocates the result only.
 *
 * @param items - One or more buffer-like items.
 * @returns A new TypedArray of the first item's format holding every element in order.
 * @throws RangeError when called with nothing, with only empty items or with a multi-dimensional
 *   view; TypeError on mixed formats, plain arrays or other values.
 *
 * @example
 * ```ts
 * import { concatenate } from '@ringflow/core';
 * concatenate(new Float32Array([1, 2]), new Float32Array([3])); // Float32Array [1, 2, 3]
 * ```
 */
export function concatenate<T extends TypedArray>(...items: [first: T | BufferLike, ...rest: BufferLike[]]): T;
export function concatenate(...items: BufferLike[]): TypedArray;
export function concatenate(...items: unknown[]): TypedArray {
  if (items.length === 0) throw new RangeError('concatenate: expected at least one item, got none');
  const format = itemFormat(items[0], 0);
  const parts = items.map((item, i) => {
    const f = itemFormat(item, i);
    if (f !== format) {
      throw new TypeError(`concatenate: item ${i} has format '${f.code}' (${f.dtype}) but item 0 has '${format.code}' (${format.dtype}); convert explicitly`);
    }
    return toElements(item, format, `concatenate: item ${i}`);
  });
  let total = 0;
  for (const p of parts) total += countOf(p);
  if (total === 0) {
    // As in ringbuf: there must be something to join (concatenate(b'') is a ValueError there).
    throw new RangeError(`concatenate: every item is empty; there is nothing to join`);
  }
  const out = new format.ArrayType(total) as unknown as Float64Array;
  let at = 0;
  for (const p of parts) {
    if (isStrided(p)) {
      const src = p.array as unknown as Float64Array;
      for (let i = 0, s = p.offset; i < p.length; i++, s += p.stride) out[at + i] = src[s]!;
    } else {
      out.set(p as unknown as Float64Array, at);
    }
    at += countOf(p);
  }
  return out as unknown as TypedArray;
}
