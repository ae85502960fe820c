import { Observable, type OperatorFunction } from 'rxjs';
import type { TypedArray } from '@ringflow/core';
import { checkSameClass, chunkClass, copyRange, describeValue, optionsObject, positiveInteger, zeroOf, type ChunkConstructor } from './internal/chunks.js';

/** Options of {@link batch}. */
export interface BatchOptions {
  /**
   * The final partial chunk at completion (default `'emit'`): `'emit'` it as it is (shorter than
   * `size`), `'drop'` it, or `'pad'` it with zeros to `size` elements.
   */
  readonly partial?: 'emit' | 'drop' | 'pad';
  /**
   * Emit the same internal buffer every time (default `false`): no allocation in steady state, but
   * each emitted chunk is only valid until the next one; consume or copy it synchronously.
   */
  readonly reuse?: boolean;
}

/**
 * Regroups a stream of chunks of any lengths into chunks of exactly `size` elements.
 *
 * @remarks
 * The output does not depend on how the input was chunked: the concatenation of the input is cut
 * every `size` elements. A chunk is emitted as soon as its last element arrives (synchronously, in
 * the source's `next`), so one input chunk may produce several output chunks, or none. At
 * completion the remaining `1..size-1` elements are emitted, dropped or zero-padded (`partial`).
 * Works for every TypedArray class; all chunks must share the first chunk's class (else the stream
 * errors with a TypeError). Output chunks have the input's class.
 *
 * Emitted arrays are fresh (each one allocated, safe to keep) unless `reuse: true`, where one buffer
 * of `size` elements is filled and emitted again and again (the final `'emit'`ted partial chunk is a
 * view of it). Input chunks are not kept.
 *
 * Timeline (`size` 4):
 * ```
 * in:  [abc] [defghij] [k]  |
 * out:       [abcd][efgh]   [ijk]|    (partial 'emit')
 * out:       [abcd][efgh]   [ijk0]|   (partial 'pad')
 * ```
 *
 * @param size - Elements per output chunk, a positive integer.
 * @param options - `partial` (`'emit'`, `'drop'` or `'pad'`) and `reuse`.
 * @returns An operator from chunks to chunks of `size` elements.
 * @throws TypeError/RangeError for a bad `size` or options.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { batch } from '@ringflow/operators';
 * of(new Float32Array([1, 2, 3]), new Float32Array([4, 5]))
 *   .pipe(batch(2, { partial: 'pad' }))
 *   .subscribe((c) => console.log(c)); // [1, 2], [3, 4], [5, 0]
 * ```
 */
export function batch<T extends TypedArray>(size: number, options?: BatchOptions): OperatorFunction<T, T> {
  positiveInteger('batch', 'size', size);
  const opts = optionsObject('batch', options);
  const partial = opts.partial ?? 'emit';
  if (partial !== 'emit' && partial !== 'drop' && partial !== 'pad') {
    throw new TypeError(`batch: partial must be 'emit', 'drop' or 'pad', got ${describeValue(partial)}`);
  }
  const reuse = opts.reuse === true;

  return (source) =>
    new Observable<T>((subscriber) => {
      let Type: ChunkConstructor<T> | undefined;
      let acc: T | undefined;
      let filled = 0;

      return source.subscribe({
        next(chunk) {
          try {
            if (Type === undefined) Type = chunkClass<T>('batch', chunk);
            else checkSameClass('batch', chunk, Type as ChunkConstructor<TypedArray>);
            const input = chunk as unknown as Float64Array;
            const n = input.length;
            let i = 0;
            // Top up a partly filled buffer first.
            if (filled > 0) {
              const take = Math.min(size - filled, n);
              copyRange(acc as unknown as Float64Array, filled, input, 0, take);
              filled += take;
              i = take;
              if (filled < size) return;
              filled = 0;
              const out = acc!;
              if (!reuse) acc = undefined;
              subscriber.next(out);
              if (subscriber.closed) return;
            }
            // Whole chunks straight from the input.
            while (n - i >= size) {
              let out: T;
              if (reuse) {
                acc ??= new Type(size);
                copyRange(acc as unknown as Float64Array, 0, input, i, i + size);
                out = acc;
              } else {
                out = (input.slice(i, i + size) as unknown) as T;
              }
              i += size;
              subscriber.next(out);
              if (subscriber.closed) return;
            }
            // Keep the rest.
            if (i < n) {
              acc ??= new Type(size);
              copyRange(acc as unknown as Float64Array, 0, input, i, n);
              filled = n - i;
            }
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          if (filled > 0 && acc !== undefined && partial !== 'drop') {
            const buffer = acc as unknown as Float64Array;
            if (partial === 'emit') {
              subscriber.next((reuse ? buffer.subarray(0, filled) : buffer.slice(0, filled)) as unknown as T);
            } else {
              buffer.fill(zeroOf(acc) as number, filled);
              subscriber.next(acc);
            }
          }
          filled = 0;
          subscriber.complete();
        },
      });
    });
}
