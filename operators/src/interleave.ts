import { Observable, type OperatorFunction } from 'rxjs';
import { toInterleaved, type TypedArray } from '@ringflow/core';
import { describeValue, positiveInteger } from './internal/chunks.js';

/**
 * Turns planar chunks (one array per channel, as Web Audio uses) into interleaved `[frames, channels]` chunks.
 *
 * @remarks
 * Each input is an array of `channels` chunks of one class and one length (frames); the output
 * chunk holds `[c0[0], c1[0], ..., c0[1], c1[1], ...]` and has `frames * channels` elements.
 * Emitted arrays are fresh (core's `toInterleaved`); the input arrays are not kept. A wrong channel
 * count, unequal lengths or mixed classes error the stream (RangeError/TypeError).
 * Inverse of {@link deinterleave}.
 *
 * Timeline (`channels` 2, `L` and `R` planes):
 * ```
 * in:  [[ab],[AB]]   [[c],[C]]  |
 * out: [aAbB]        [cC]       |
 * ```
 *
 * @param channels - Number of channels each input array must hold, a positive integer.
 * @returns An operator from arrays of planar chunks to interleaved chunks.
 * @throws TypeError/RangeError when `channels` is not a positive integer.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { interleave } from '@ringflow/operators';
 * of([new Float32Array([1, 2]), new Float32Array([-1, -2])])
 *   .pipe(interleave(2))
 *   .subscribe((c) => console.log(c)); // Float32Array [1, -1, 2, -2]
 * ```
 */
export function interleave<T extends TypedArray>(channels: number): OperatorFunction<readonly T[], T> {
  positiveInteger('interleave', 'channels', channels);
  return (source) =>
    new Observable<T>((subscriber) =>
      source.subscribe({
        next(planes) {
          try {
            if (!Array.isArray(planes)) {
              throw new TypeError(`interleave: expected an array of ${channels} channel chunks, got ${describeValue(planes)}`);
            }
            if (planes.length !== channels) {
              throw new RangeError(`interleave: expected ${channels} channel chunks, got ${planes.length}`);
            }
            subscriber.next(toInterleaved(planes));
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          subscriber.complete();
        },
      }),
    );
}
