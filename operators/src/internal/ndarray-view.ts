import { describeValue } from './chunks.js';

/** C-order strides of `shape`. */
export function cStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    stride[d] = s;
    s *= shape[d]!;
  }
  return stride;
}

/** An ndarray-shaped view (`ndarray`'s `{ data, shape, stride, offset }` contract), strides optional. */
export interface NdarrayInput {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
  readonly stride?: readonly number[];
  readonly offset?: number;
}

/** A validated view: `index(i, j, ...)` gives the position in `data` of an element. */
export interface CheckedView {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
  /** Number of elements (product of the shape). */
  readonly size: number;
}

/** Whether `value` looks like an ndarray-shaped view (has `data` and an array `shape`). */
export function isNdarrayInput(value: unknown): value is NdarrayInput {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  const v = value as { data?: unknown; shape?: unknown };
  return v.data !== undefined && Array.isArray(v.shape);
}

/**
 * Checks an ndarray-shaped view against its data: whole non-negative dimensions, integer strides
 * and offset (C order when `stride` is omitted), every addressed element inside `data`, and no more
 * elements than `data` holds (so a shape that lies, say `[1e8, 6]` over 6 numbers, is a RangeError
 * before anything is allocated). Throws TypeError/RangeError naming `what` and `name`.
 */
export function checkView(what: string, name: string, view: NdarrayInput, ndims?: readonly number[]): CheckedView {
  const { data, shape } = view;
  const pre = what === '' ? '' : `${what}: `;
  if (data === null || typeof data !== 'object' || typeof (data as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${pre}${name}.data must be an array or typed array, got ${describeValue(data)}`);
  }
  if (ndims !== undefined && !ndims.includes(shape.length)) {
    throw new RangeError(`${pre}${name} must have ${ndims.join(' or ')} dimensions, got shape [${shape.join(', ')}]`);
  }
  let size = 1;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new RangeError(`${pre}${name}.shape must hold whole numbers >= 0, got [${shape.map(String).join(', ')}]`);
    }
    size *= d;
  }
  if (size > data.length) {
    throw new RangeError(`${pre}${name} has shape [${shape.join(', ')}] (${size} elements) but its data holds ${data.length}`);
  }
  let stride: number[];
  if (view.stride === undefined) stride = cStrides(shape);
  else {
    if (!Array.isArray(view.stride) || view.stride.length !== shape.length) {
      throw new RangeError(`${pre}${name}.stride must have one entry per dimension (${shape.length}), got ${describeValue(view.stride)}`);
    }
    stride = [...view.stride];
    for (const s of stride) {
      if (typeof s !== 'number' || !Number.isSafeInteger(s)) throw new RangeError(`${pre}${name}.stride must hold integers, got [${stride.join(', ')}]`);
    }
  }
  const offset = view.offset ?? 0;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`${pre}${name}.offset must be a whole number >= 0, got ${describeValue(offset)}`);
  }
  if (size > 0) {
    let lo = offset;
    let hi = offset;
    for (let i = 0; i < shape.length; i++) {
      const reach = (shape[i]! - 1) * stride[i]!;
      if (reach < 0) lo += reach;
      else hi += reach;
    }
    if (lo < 0 || hi >= data.length) {
      throw new RangeError(`${pre}${name} (shape [${shape.join(', ')}], stride [${stride.join(', ')}], offset ${offset}) reaches outside its ${data.length} data elements`);
    }
  }
  return { data, shape, stride, offset, size };
}
