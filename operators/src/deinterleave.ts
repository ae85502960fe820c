import { Observable, type OperatorFunction } from 'rxjs';
import { toPlanar, type TypedArray } from '@ringflow/core';
import { positiveInteger } from './internal/chunks.js';

/**
 * Splits interleaved `[frames, channels]` chunks into planar chunks (one array per channel, as Web Audio uses).
 *
 * @remarks
 * Each input chunk must hold a whole number of frames (`length % channels === 0`, else the stream
 * errors with a RangeError); each output is an array of `channels` fresh arrays of the input's
 * class, `length / channels` samples each (core's `toPlanar`). The input is not kept.
 * Inverse of {@link interleave}.
 *
 * Timeline (`channels` 2):
 * ```
 * in:  [aAbB]         [cC]        |
 * out: [[ab],[AB]]    [[c],[C]]   |
 * ```
 *
 * @param channels - Number of interleaved channels, a positive integer.
 * @returns An operator from interleaved chunks to arrays of planar chunks.
 * @throws TypeError/RangeError when `channels` is not a positive integer.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { deinterleave } from '@ringflow/operators';
 * of(new Float32Array([1, -1, 2, -2]))
 *   .pipe(deinterleave(2))
 *   .subscribe(([left, right]) => console.log(left, right)); // [1, 2] [-1, -2]
 * ```
 */
export function deinterleave<T extends TypedArray>(channels: number): OperatorFunction<T, T[]> {
  positiveInteger('deinterleave', 'channels', channels);
  return (source) =>
    new Observable<T[]>((subscriber) =>
      source.subscribe({
        next(chunk) {
          try {
            subscriber.next(toPlanar(chunk, channels));
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
