import { describeValue } from './chunks.js';
import { assertFloatArray, assertRoom, type FloatArray } from './float-array.js';

/** Largest channel count a kernel accepts. */
export const MAX_CHANNELS = 1024;

/** Validates a kernel's `channels` option (default 1): a whole number from 1 to {@link MAX_CHANNELS}. */
export function channelCount(what: string, channels: unknown): number {
  if (channels === undefined) return 1;
  const pre = what === '' ? '' : `${what}: `;
  if (typeof channels !== 'number') throw new TypeError(`${pre}channels must be a number, got ${describeValue(channels)}`);
  if (!Number.isInteger(channels) || channels < 1 || channels > MAX_CHANNELS) {
    throw new RangeError(`${pre}channels must be a whole number from 1 to ${MAX_CHANNELS}, got ${channels}`);
  }
  return channels;
}

/** Throws a RangeError unless `length` samples are a whole number of frames of `channels` samples. */
export function checkFrames(length: number, channels: number): void {
  if (length % channels !== 0) {
    throw new RangeError(`input of ${length} samples is not a whole number of ${channels}-channel frames`);
  }
}

/**
 * The checks every channel-aware kernel's process call starts with: float arrays in and out, room
 * for the input's length, whole frames. Returns the number of samples.
 */
export function checkBlock(input: FloatArray, output: FloatArray, channels: number): number {
  assertFloatArray('input', input);
  assertFloatArray('output', output);
  const n = input.length;
  assertRoom(output, n);
  checkFrames(n, channels);
  return n;
}


/** `dst[f] = src[f * channels + c]` for every frame `f` of `dst` (no allocation). */
export function gatherChannel(src: FloatArray, channels: number, c: number, dst: FloatArray): void {
  for (let f = 0, i = c; f < dst.length; f++, i += channels) dst[f] = src[i]!;
}

/** `dst[f * channels + c] = src[f]` for every frame `f` of `src` (no allocation). */
export function scatterChannel(src: FloatArray, dst: FloatArray, channels: number, c: number): void {
  for (let f = 0, i = c; f < src.length; f++, i += channels) dst[i] = src[f]!;
}

/** `dst[i] = src[start + i]` for every `i` of `dst` (a row copy without a `subarray` view). */
export function copyFrom(src: FloatArray, start: number, dst: FloatArray): void {
  for (let i = 0; i < dst.length; i++) dst[i] = src[start + i]!;
}

/**
 * A scratch array per subscription: `get(like, n)` returns an array of `like`'s class and exactly
 * `n` elements, reallocated only when the class or the length changes (allocation-free in steady
 * state).
 */
export class Scratch {
  #array: FloatArray | undefined;

  get(like: FloatArray, n: number): FloatArray {
    const a = this.#array;
    if (a !== undefined && a.length === n && a.constructor === like.constructor) return a;
    return (this.#array = new (like.constructor as new (n: number) => FloatArray)(n));
  }
}
