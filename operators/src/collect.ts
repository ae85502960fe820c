import type { OperatorFunction } from 'rxjs';
import type { Chunk, TypedArray } from '@ringflow/core';
import { ChunkJoiner } from './internal/chunk-joiner.js';
import { operate } from './internal/operate.js';

/**
 * Joins all chunks of a finite stream into one chunk, emitted when the source completes.
 *
 * @remarks
 * The chunks are kept (not copied, unless they are strided views) until completion, then joined
 * once with core's `concatenate` into a fresh array of the first chunk's class (a TypeError errors
 * the stream on mixed classes). `[frames, channels]` chunks are joined along frames into one
 * `[frames, channels]` chunk; the first chunk fixes the layout (RangeError for another one). A
 * source that completes without chunks completes without emitting. Memory grows with the stream:
 * meant for tests, notebooks and short signals. On error nothing is emitted and the chunks are
 * released.
 *
 * Timeline (`collect()`):
 * ```
 * in:  [ab] [c] [de] |
 * out:               ([abcde]|)
 * ```
 *
 * @returns An operator from chunks to one joined chunk.
 *
 * @example
 * ```ts
 * import { collect, oscillator } from '@ringflow/operators';
 * oscillator({ frequency: 440, sampleRate: 48_000, length: 4800 })
 *   .pipe(collect())
 *   .subscribe((all) => console.log(all.length)); // 4800
 * ```
 */
export function collect<C extends Chunk<TypedArray>>(): OperatorFunction<C, C> {
  return operate<C, C>((subscriber) => {
    const joiner = new ChunkJoiner<C>('collect');
    return {
      next(chunk) {
        joiner.add(chunk);
      },
      error(error) {
        joiner.clear();
        subscriber.error(error);
      },
      complete() {
        const all = joiner.take();
        if (all !== undefined) subscriber.next(all);
        subscriber.complete();
      },
      finalize() {
        joiner.clear();
      },
    };
  });
}
