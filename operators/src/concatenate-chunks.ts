import type { OperatorFunction } from 'rxjs';
import type { Chunk, TypedArray } from '@ringflow/core';
import { ChunkJoiner } from './internal/chunk-joiner.js';
import { positiveInteger } from './internal/chunks.js';
import { operate } from './internal/operate.js';

/**
 * Joins every `count` consecutive chunks into one chunk with core's `concatenate`.
 *
 * @remarks
 * Groups are cut by number of chunks, not of samples (use `batch` for fixed sample counts). A group
 * is emitted when its `count`-th chunk arrives; at completion the last, partial group (1 to
 * `count - 1` chunks) is emitted too. Every emitted array is fresh (allocated by `concatenate`, even
 * for `count` 1), of the first chunk's class; chunks of another class error the stream with
 * `concatenate`'s TypeError. `[frames, channels]` chunks are joined along frames (the first chunk
 * fixes the layout; another one is a RangeError). The pending chunks of a group are kept (not
 * copied, unless they are strided views) until the group is emitted, so the producer must not
 * reuse them meanwhile.
 *
 * Timeline (`concatenateChunks(2)`):
 * ```
 * in:  [ab] [c] [de] [f] [g] |
 * out:      [abc]    [def]   [g]|
 * ```
 *
 * @param count - Chunks per group, a positive integer.
 * @returns An operator from chunks to joined chunks.
 * @throws TypeError/RangeError when `count` is not a positive integer.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { concatenateChunks } from '@ringflow/operators';
 * of(new Float32Array([1]), new Float32Array([2, 3]), new Float32Array([4]))
 *   .pipe(concatenateChunks(2))
 *   .subscribe((c) => console.log(c)); // Float32Array [1, 2, 3], then Float32Array [4]
 * ```
 */
export function concatenateChunks<C extends Chunk<TypedArray>>(count: number): OperatorFunction<C, C> {
  positiveInteger('concatenateChunks', 'count', count);
  return operate<C, C>((subscriber) => {
    const joiner = new ChunkJoiner<C>('concatenateChunks');
    return {
      next(chunk) {
        if (joiner.add(chunk) < count) return;
        subscriber.next(joiner.take()!);
      },
      complete() {
        const rest = joiner.take();
        if (rest !== undefined) subscriber.next(rest);
        subscriber.complete();
      },
      finalize() {
        joiner.clear();
      },
    };
  });
}
