import { checkChannels } from './as-ndarray.js';
import { checkNotDetached, describe } from './internal/elements.js';
import { lengthOf } from './internal/intrinsics.js';
import type { MultichannelChunk, TypedArray } from './types.js';

/**
 * Views interleaved samples as a `[frames, channels]` multichannel chunk, without copying.
 *
 * @remarks
 * Unlike `asNdarray`, one channel gives a `[frames, 1]` chunk, not a 1-D view: the result is always
 * multichannel, so operators keep its shape. Any thread; allocates the small view object only.
 *
 * @param data - Interleaved samples `[l0, r0, l1, r1, ...]`.
 * @param channels - Number of channels (a positive integer dividing `lengthOf(data)`).
 * @returns `{ data, shape: [frames, channels], stride: [channels, 1], offset: 0 }`.
 * @throws TypeError when `data` is not a TypedArray (or is detached); RangeError when `channels` is not a positive integer dividing its length.
 *
 * @example
 * ```ts
 * import { asMultichannel } from '@ringflow/core';
 * const stereo = asMultichannel(new Float32Array([1, -1, 2, -2, 3, -3]), 2);
 * console.log(stereo.shape); // [3, 2]: 3 frames of 2 channels
 * ```
 */
export function asMultichannel<T extends TypedArray>(data: T, channels: number): MultichannelChunk<T> {
  if (!ArrayBuffer.isView(data) || data instanceof DataView) {
    throw new TypeError(`asMultichannel: expected a TypedArray, got ${describe(data)}`);
  }
  checkNotDetached(data, 'asMultichannel');
  checkChannels(channels, lengthOf(data), 'asMultichannel');
  return { data, shape: [lengthOf(data) / channels, channels], stride: [channels, 1], offset: 0 };
}

/**
 * Whether `value` is a multichannel chunk: an ndarray-shaped `{data, shape, stride, offset}` over a
 * TypedArray whose shape has two dimensions.
 *
 * @remarks Checks the shape only, not that the view fits its data (operators check that).
 *
 * @example
 * ```ts
 * import { asMultichannel, isMultichannel } from '@ringflow/core';
 * isMultichannel(asMultichannel(new Float32Array(4), 2)); // true
 * isMultichannel(new Float32Array(4)); // false
 * ```
 */
export function isMultichannel(value: unknown): value is MultichannelChunk<TypedArray> {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return false;
  const v = value as Partial<MultichannelChunk<TypedArray>>;
  return ArrayBuffer.isView(v.data) && !(v.data instanceof DataView) && Array.isArray(v.shape) && v.shape.length === 2;
}
