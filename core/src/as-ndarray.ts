import { checkNotDetached, describe } from './internal/elements.js';
import { lengthOf } from './internal/intrinsics.js';
import type { NdarrayLike, TypedArray } from './types.js';

/**
 * Views a chunk as an ndarray (the `ndarray` package's `{data, shape, stride, offset}` contract), without copying.
 *
 * @remarks
 * `channels = 1` gives a 1-D view of shape `[n]`; more channels give the interleaved
 * `[frames, channels]` view of multichannel audio (C order: `stride = [channels, 1]`). Pass the
 * result's fields to the `ndarray` package to get its methods:
 * `ndarray(v.data, v.shape, v.stride, v.offset)`. Any thread; allocates the small view object.
 *
 * @param data - The samples, interleaved when `channels > 1`.
 * @param channels - Number of interleaved channels (a positive integer dividing `lengthOf(data)`).
 * @returns A plain ndarray-shaped view over `data`.
 * @throws TypeError when `data` is not a TypedArray (or is detached) or `channels` is not a number; RangeError when `channels` is not a positive integer dividing its length.
 *
 * @example
 * ```ts
 * import { asNdarray } from '@ringflow/core';
 * const v = asNdarray(new Float32Array([1, -1, 2, -2]), 2);
 * console.log(v.shape); // [2, 2]: 2 frames of 2 channels
 * ```
 */
export function asNdarray<T extends TypedArray>(data: T, channels = 1): NdarrayLike<T> {
  if (!ArrayBuffer.isView(data) || data instanceof DataView) {
    throw new TypeError(`asNdarray: expected a TypedArray, got ${describe(data)}`);
  }
  checkNotDetached(data, 'asNdarray');
  checkChannels(channels, lengthOf(data), 'asNdarray');
  if (channels === 1) return { data, shape: [lengthOf(data)], stride: [1], offset: 0 };
  return { data, shape: [lengthOf(data) / channels, channels], stride: [channels, 1], offset: 0 };
}

/** @internal Validates a channel count against an interleaved length. */
export function checkChannels(channels: unknown, length: number, what: string): number {
  if (typeof channels !== 'number') throw new TypeError(`${what}: channels must be a number, got ${describe(channels)}`);
  if (!Number.isSafeInteger(channels) || channels <= 0) {
    throw new RangeError(`${what}: channels must be a positive integer, got ${String(channels)}`);
  }
  if (length % channels !== 0) {
    throw new RangeError(`${what}: ${length} samples is not a whole number of ${channels}-channel frames`);
  }
  return channels;
}
