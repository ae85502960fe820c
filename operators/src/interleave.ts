import type { OperatorFunction } from 'rxjs';
import { asMultichannel, toInterleaved, type MultichannelChunk, type TypedArray } from '@ringflow/core';
import { checkSameClass, describeValue, positiveInteger, type ChunkConstructor } from './internal/chunks.js';
import { operate } from './internal/operate.js';

/**
 * Turns planar chunks (one array per channel, as Web Audio uses) into `[frames, channels]`
 * multichannel chunks over interleaved samples.
 *
 * @remarks
 * Each input is an array of `channels` chunks of one class and one length (frames); the output
 * is a `MultichannelChunk` (`{ data, shape: [frames, channels], stride: [channels, 1], offset: 0 }`)
 * whose `data` holds `[c0[0], c1[0], ..., c0[1], c1[1], ...]`. Emitted arrays are fresh (core's
 * `toInterleaved`); the input arrays are not kept. A wrong channel count, unequal lengths, mixed
 * classes or a class other than the first chunk's error the stream (RangeError/TypeError). Inverse of {@link deinterleave}.
 *
 * Timeline (`interleave(2)`):
 * ```
 * in:  [[ab] [AB]]   [[c] [C]]  |
 * out: [aA; bB]      [cC;]      |
 * ```
 *
 * @param channels - Number of channels each input array must hold, a positive integer.
 * @returns An operator from arrays of planar chunks to `[frames, channels]` chunks.
 * @throws TypeError/RangeError when `channels` is not a positive integer.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { interleave } from '@ringflow/operators';
 * of([new Float32Array([1, 2]), new Float32Array([-1, -2])])
 *   .pipe(interleave(2))
 *   .subscribe((c) => console.log(c.shape, c.data)); // [2, 2] Float32Array [1, -1, 2, -2]
 * ```
 */
export function interleave<T extends TypedArray>(channels: number): OperatorFunction<readonly T[], MultichannelChunk<T>> {
  positiveInteger('interleave', 'channels', channels);
  return operate<readonly T[], MultichannelChunk<T>>((subscriber) => {
    let Type: ChunkConstructor<TypedArray> | undefined;
    return {
      next(planes) {
        if (!Array.isArray(planes)) {
          throw new TypeError(`interleave: expected an array of ${channels} channel chunks, got ${describeValue(planes)}`);
        }
        if (planes.length !== channels) {
          throw new RangeError(`interleave: expected ${channels} channel chunks, got ${planes.length}`);
        }
        const data = toInterleaved(planes);
        if (Type === undefined) Type = data.constructor as ChunkConstructor<TypedArray>;
        else checkSameClass('interleave', data, Type);
        subscriber.next(asMultichannel(data, channels));
      },
    };
  });
}
