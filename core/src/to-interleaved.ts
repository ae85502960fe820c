import { checkNotDetached, describe } from './internal/elements.js';
import { lengthOf } from './internal/intrinsics.js';
import type { TypedArray } from './types.js';

/**
 * Joins planar channels (one array per channel, as Web Audio uses) into interleaved `[frames, channels]` samples.
 *
 * @remarks
 * All channels must have the same class and length. With `out` given (at least
 * `frames * channels` long) it allocates nothing, so it can run in an AudioWorklet. Any thread.
 *
 * @param planar - One array per channel.
 * @param out - Optional destination of the same class.
 * @returns Interleaved samples `[l0, r0, l1, r1, ...]` (`out` when given).
 * @throws RangeError for no channels, unequal lengths or a short `out`; TypeError for a non-array, mixed classes or a detached channel.
 *
 * @example
 * ```ts
 * import { toInterleaved } from '@ringflow/core';
 * toInterleaved([new Float32Array([1, 2]), new Float32Array([-1, -2])]); // Float32Array [1, -1, 2, -2]
 * ```
 */
export function toInterleaved<T extends TypedArray>(planar: readonly T[], out?: T): T {
  if (!Array.isArray(planar)) {
    throw new TypeError(`toInterleaved: expected an array of channels (one TypedArray each), got ${describe(planar)}`);
  }
  if (planar.length === 0) {
    throw new RangeError(`toInterleaved: expected a non-empty array of channels, got ${describe(planar)}`);
  }
  const first = planar[0]!;
  if (!ArrayBuffer.isView(first) || first instanceof DataView) {
    throw new TypeError(`toInterleaved: channel 0 must be a TypedArray, got ${describe(first)}`);
  }
  checkNotDetached(first, 'toInterleaved: channel 0');
  const Type = first.constructor as new (n: number) => T;
  const frames = lengthOf(first as T);
  const channels = planar.length;
  for (let c = 1; c < channels; c++) {
    const plane = planar[c]!;
    if (!(plane instanceof Type)) throw new TypeError(`toInterleaved: channel ${c} must be a ${Type.name}, got ${describe(plane)}`);
    checkNotDetached(plane, `toInterleaved: channel ${c}`);
    if (lengthOf(plane) !== frames) throw new RangeError(`toInterleaved: channel ${c} has ${lengthOf(plane)} samples, channel 0 has ${frames}`);
  }
  const result = out ?? new Type(frames * channels);
  if (!(result instanceof Type)) throw new TypeError(`toInterleaved: out must be a ${Type.name}, got ${describe(result)}`);
  if (lengthOf(result) < frames * channels) throw new RangeError(`toInterleaved: out holds ${lengthOf(result)} samples, needs ${frames * channels}`);
  const dst = result as unknown as Float64Array;
  for (let c = 0; c < channels; c++) {
    const src = planar[c] as unknown as Float64Array;
    for (let f = 0, i = c; f < frames; f++, i += channels) dst[i] = src[f]!;
  }
  return result;
}
