import { Observable, type SchedulerLike } from 'rxjs';
import { concatenate, isNdarrayLike, type BufferLike, type TypedArray } from '@ringflow/core';
import { chunkedSource } from './internal/chunked-source.js';
import { booleanOption, describeValue, isTypedArray, optionsObject, positiveInteger, schedulerOption } from './internal/chunks.js';

/** Options of {@link fromSamples}. */
export interface FromSamplesOptions {
  /**
   * Emit views into the input (`subarray`, no copy) instead of fresh copies (default `false`).
   * Views share memory with the input: a consumer that writes into a chunk changes the input.
   */
  readonly view?: boolean;
  /** Emit one chunk per task on this scheduler (delay 0 between chunks); default synchronous. */
  readonly scheduler?: SchedulerLike;
}

/** The chunk class `fromSamples` emits for an input type: raw bytes and other buffers give `Uint8Array`. */
export type FromSamplesChunk<A> = A extends Uint8Array ? Uint8Array : A extends TypedArray ? A : A extends { readonly data: infer D extends TypedArray } ? D : Uint8Array;

/**
 * Splits an array of samples into a stream of chunks of `chunkSize` elements (the last may be shorter).
 *
 * @remarks
 * A TypedArray is chunked as it is (a Node `Buffer` as a plain `Uint8Array`); other buffer-like input (1-D ndarray views, strided or not,
 * `ArrayBuffer`/`DataView`/`Buffer` as raw bytes `B`) is first gathered into one array with core's
 * `concatenate` (a copy, taken at creation). Plain JS arrays are a TypeError that shows the fix.
 * Chunks are fresh copies (`slice`, safe to keep and modify) unless `view: true`, which emits
 * `subarray` views of the input (no copy; the input is read at subscription time, so later changes
 * to it are seen). An empty input completes without emitting. Synchronous unless a scheduler is given.
 *
 * Timeline (`fromSamples(Float64Array.of(1, 2, 3, 4, 5), 2)`, synchronous):
 * ```
 * out:   ([1 2] [3 4] [5] |)
 * ```
 *
 * @param array - The samples: a TypedArray or other `BufferLike`.
 * @param chunkSize - Elements per chunk, a positive integer.
 * @param options - `view` (emit views instead of copies) and `scheduler`.
 * @returns A cold Observable of chunks of the input's class.
 * @throws TypeError for non-buffer input; RangeError/TypeError for a bad `chunkSize`.
 *
 * @example
 * ```ts
 * import { fromSamples } from '@ringflow/operators';
 * fromSamples(new Float32Array([1, 2, 3, 4, 5]), 2).subscribe((c) => console.log(c)); // [1, 2] [3, 4] [5]
 * ```
 */
export function fromSamples<A extends BufferLike>(array: A, chunkSize: number, options?: FromSamplesOptions): Observable<FromSamplesChunk<A>> {
  positiveInteger('fromSamples', 'chunkSize', chunkSize);
  const opts = optionsObject('fromSamples', options, ['view', 'scheduler']);
  const view = booleanOption('fromSamples', 'view', opts.view, false);
  const scheduler = schedulerOption('fromSamples', opts.scheduler);
  let data: TypedArray;
  if (isTypedArray(array)) {
    // Node's Buffer (whose slice() is a view) and Uint8ClampedArray are raw bytes: plain Uint8Array.
    const bytes = (array instanceof Uint8Array && array.constructor !== Uint8Array) || (array as unknown) instanceof Uint8ClampedArray;
    data = bytes ? new Uint8Array(array.buffer, array.byteOffset, array.byteLength) : array;
  } else {
    if (Array.isArray(array)) {
      throw new TypeError('fromSamples: got a plain Array; wrap the values in a TypedArray (e.g. new Float64Array(values))');
    }
    try {
      // An empty ndarray view or empty raw bytes: no chunks (concatenate refuses to join nothing).
      const empty = isNdarrayLike(array) ? array.shape[0] === 0 : (array as ArrayBufferView | ArrayBuffer).byteLength === 0;
      data = empty ? new Uint8Array(0) : concatenate(array);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) {
        throw new (error.constructor as typeof TypeError)(`fromSamples: ${error.message}`);
      }
      throw new TypeError(`fromSamples: expected a TypedArray or buffer-like data, got ${describeValue(array)}`);
    }
  }
  const samples = data as unknown as Float64Array;
  const init = () => (count: number, start: number) =>
    (view ? samples.subarray(start, start + count) : samples.slice(start, start + count)) as unknown as FromSamplesChunk<A>;
  return chunkedSource(samples.length, chunkSize, init, scheduler, 0) as Observable<FromSamplesChunk<A>>;
}
