import { Observable, type OperatorFunction } from 'rxjs';
import type { TypedArray } from '@ringflow/core';
import { joinChunks } from './internal/chunks.js';

/**
 * Joins all chunks of a finite stream into one chunk, emitted when the source completes.
 *
 * @remarks
 * The chunks are kept (not copied) until completion, then joined once with core's `concatenate`
 * into a fresh array of the first chunk's class (a TypeError errors the stream on mixed classes).
 * A source that completes without chunks completes without emitting. Memory grows with the stream:
 * meant for tests, notebooks and short signals. On error nothing is emitted and the chunks are
 * released.
 *
 * Timeline:
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
export function collect<T extends TypedArray>(): OperatorFunction<T, T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let chunks: T[] = [];
      return source.subscribe({
        next(chunk) {
          chunks.push(chunk);
        },
        error(error) {
          chunks = [];
          subscriber.error(error);
        },
        complete() {
          try {
            if (chunks.length > 0) {
              const all = joinChunks(chunks as [T, ...T[]]);
              chunks = [];
              subscriber.next(all);
            }
            subscriber.complete();
          } catch (error) {
            chunks = [];
            subscriber.error(error);
          }
        },
      });
    });
}
