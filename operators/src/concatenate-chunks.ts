import { Observable, type OperatorFunction } from 'rxjs';
import type { TypedArray } from '@ringflow/core';
import { joinChunks, positiveInteger } from './internal/chunks.js';

/**
 * Joins every `count` consecutive chunks into one chunk with core's `concatenate`.
 *
 * @remarks
 * Groups are cut by number of chunks, not of samples (use `batch` for fixed sample counts). A group
 * is emitted when its `count`-th chunk arrives; at completion the last, partial group (1 to
 * `count - 1` chunks) is emitted too. Every emitted array is fresh (allocated by `concatenate`, even
 * for `count` 1), of the first chunk's class; chunks of another class error the stream with
 * `concatenate`'s TypeError. The pending chunks of a group are kept (not copied) until the group is
 * emitted, so the producer must not reuse them meanwhile.
 *
 * Timeline (`count` 2):
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
export function concatenateChunks<T extends TypedArray>(count: number): OperatorFunction<T, T> {
  positiveInteger('concatenateChunks', 'count', count);
  return (source) =>
    new Observable<T>((subscriber) => {
      let group: T[] = [];
      return source.subscribe({
        next(chunk) {
          try {
            group.push(chunk);
            if (group.length < count) return;
            const items = group;
            group = [];
            subscriber.next(joinChunks(items as [T, ...T[]]));
          } catch (error) {
            group = [];
            subscriber.error(error);
          }
        },
        error(error) {
          group = [];
          subscriber.error(error);
        },
        complete() {
          try {
            if (group.length > 0) {
              const items = group;
              group = [];
              subscriber.next(joinChunks(items as [T, ...T[]]));
            }
            subscriber.complete();
          } catch (error) {
            subscriber.error(error);
          }
        },
      });
    });
}
