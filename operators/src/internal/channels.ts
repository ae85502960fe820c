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
