import type { OperatorFunction } from 'rxjs';
import { toPlanar, type Chunk, type TypedArray } from '@ringflow/core';
import { positiveInteger } from './internal/chunks.js';
import { operate } from './internal/operate.js';
import { StreamLayout } from './internal/stream-layout.js';

/**
 * Splits `[frames, channels]` chunks into planar chunks (one array per channel, as Web Audio uses).
 *
 * @remarks
 * Each input is a `MultichannelChunk` (any strides); each output is an array of one fresh array
 * per channel, of the input's class, `frames` samples each. With `channels` given, the chunks must
 * have that many channels (else RangeError), and 1-D chunks are read as raw interleaved samples
 * (`length % channels === 0`, else RangeError), as from a ring read without `channels`; without it,
 * a 1-D chunk is mono and gives one plane. The first chunk fixes the layout (a 1-D chunk in a
 * multichannel stream is a RangeError). The input is not kept. Inverse of {@link interleave}.
 *
 * Timeline (`deinterleave()`):
 * ```
 * in:  [aA; bB]       [cC;]       |
 * out: [[ab] [AB]]    [[c] [C]]   |
 * ```
 *
 * Timeline (`deinterleave(2)`, raw interleaved samples):
 * ```
 * in:  [aAbB]         [cC]        |
 * out: [[ab] [AB]]    [[c] [C]]   |
 * ```
 *
 * @param channels - The channel count the chunks must have, a positive integer (optional for
 *   multichannel chunks, which carry it).
 * @returns An operator from chunks to arrays of planar chunks.
 * @throws TypeError/RangeError when `channels` is not a positive integer.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { asMultichannel } from '@ringflow/core';
 * import { deinterleave } from '@ringflow/operators';
 * of(asMultichannel(new Float32Array([1, -1, 2, -2]), 2))
 *   .pipe(deinterleave())
 *   .subscribe(([left, right]) => console.log(left, right)); // [1, 2] [-1, -2]
 * ```
 */
export function deinterleave<T extends TypedArray>(channels?: number): OperatorFunction<Chunk<T>, T[]> {
  if (channels !== undefined) positiveInteger('deinterleave', 'channels', channels);
  return operate<Chunk<T>, T[]>((subscriber) => {
    const layout = new StreamLayout<T>('deinterleave', { twoDimensional: 'frames' });
    return {
      next(chunk) {
        const samples = layout.accept(chunk);
        if (layout.isMultichannel) {
          if (channels !== undefined && layout.channels !== channels) {
            throw new RangeError(`deinterleave: expected ${channels} channels, got [frames, ${layout.channels}] chunks`);
          }
          subscriber.next(toPlanar(samples, layout.channels));
        } else {
          subscriber.next(toPlanar(samples, channels ?? 1));
        }
      },
    };
  });
}
