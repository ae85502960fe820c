import { checkChannels } from './as-ndarray.js';
import { checkNotDetached, describe } from './internal/elements.js';
import { lengthOf } from './internal/intrinsics.js';
import type { TypedArray } from './types.js';

/**
 * Splits interleaved `[frames, channels]` samples into one array per channel (planar, as Web Audio uses).
 *
 * @remarks
 * With `out` given (one array per channel, each at least `frames` long) it allocates nothing and
 * fills `out[c][0..frames)`, so it can run in an AudioWorklet; otherwise it allocates the channel
 * arrays. Any thread.
 *
 * @param interleaved - Samples `[l0, r0, l1, r1, ...]`.
 * @param channels - Number of channels (divides `lengthOf(interleaved)`).
 * @param out - Optional destination arrays, one per channel, of the same class.
 * @returns The planar channels (`out` when given).
 * @throws RangeError when `channels` does not divide the length or `out` has the wrong shape; TypeError for mismatched classes.
 *
 * @example
 * ```ts
 * import { toPlanar } from '@ringflow/core';
 * const [left, right] = toPlanar(new Float32Array([1, -1, 2, -2]), 2); // [1, 2] and [-1, -2]
 * ```
 */
export function toPlanar<T extends TypedArray>(interleaved: T, channels: number, out?: T[]): T[] {
  if (!ArrayBuffer.isView(interleaved) || interleaved instanceof DataView) {
    throw new TypeError(`toPlanar: expected a TypedArray, got ${describe(interleaved)}`);
  }
  checkNotDetached(interleaved, 'toPlanar');
  checkChannels(channels, lengthOf(interleaved), 'toPlanar');
  const frames = lengthOf(interleaved) / channels;
  const Type = interleaved.constructor as new (n: number) => T;
  const planes = out ?? Array.from({ length: channels }, () => new Type(frames));
  if (planes.length !== channels) throw new RangeError(`toPlanar: expected ${channels} output channels, got ${planes.length}`);
  // Validate every output channel before writing any, so a bad `out` is left untouched.
  for (let c = 0; c < channels; c++) {
    const plane = planes[c] as unknown as Float64Array;
    if (!(plane instanceof Type)) throw new TypeError(`toPlanar: output channel ${c} must be a ${Type.name}, got ${describe(plane)}`);
    if (lengthOf(plane) < frames) throw new RangeError(`toPlanar: output channel ${c} holds ${lengthOf(plane)} samples, needs ${frames}`);
  }
  for (let c = 0; c < channels; c++) {
    const plane = planes[c] as unknown as Float64Array;
    const src = interleaved as unknown as Float64Array;
    for (let f = 0, i = c; f < frames; f++, i += channels) plane[f] = src[i]!;
  }
  return planes;
}
