import { Observable, type OperatorFunction } from 'rxjs';
import type { TypedArray } from '@ringflow/core';
import { getWindow, type WindowSpec } from './design/windows.js';
import { checkSameClass, chunkClass, describeValue, isFloatArray, positiveInteger, type ChunkConstructor } from './internal/chunks.js';
import { Framer } from './internal/framer.js';

/** Options of {@link slidingWindow}. */
export interface SlidingWindowOptions {
  /** Frame length in samples, a positive integer. */
  readonly size: number;
  /**
   * Samples between the starts of consecutive frames, a positive integer (default `size`): less than
   * `size` overlaps frames, `size` tiles them, more than `size` skips `hop - size` samples between frames.
   */
  readonly hop?: number;
  /**
   * Window multiplied into every frame: a name or `[name, parameter]` pair given to
   * `getWindow(spec, size, { periodic: true })` (the periodic form, as for spectral analysis), or `size` values. Default: none (rectangular, the
   * samples are copied unchanged). A window needs float chunks (Float32Array or Float64Array).
   */
  readonly window?: WindowSpec;
  /**
   * Emit the same frame buffer every time (default `false`): no allocation in steady state, but each
   * frame is only valid until the next one; consume or copy it synchronously.
   */
  readonly reuse?: boolean;
}

/**
 * Cuts a stream of chunks into frames of `size` samples starting every `hop` samples, optionally windowed.
 *
 * @remarks
 * Frame `k` holds input samples `[k*hop, k*hop + size)` of the concatenated input, times the window
 * when one is given, so the frames do not depend on how the input was chunked. A frame is emitted as
 * soon as its last sample arrives (synchronously, in the source's `next`); one input chunk may give
 * several frames or none. Samples that never complete a frame at completion are dropped (no padding).
 * Frames have the input's class; windowing multiplies in float64 and rounds once on store (so a
 * Float32Array frame is `fround(x * w)`). All chunks must share the first chunk's class.
 *
 * Emitted frames are fresh unless `reuse: true` (one frame buffer, overwritten for each frame).
 * Allocation otherwise: one `size` buffer per subscription plus each emitted frame; input chunks are
 * not kept.
 *
 * Timeline (`size` 4, `hop` 2, no window):
 * ```
 * in:  [abc] [def]          [g] [h]      |
 * out:       [abcd][cdef]       [efgh]   |
 * ```
 *
 * @param options - `size`, `hop`, `window`, `reuse`.
 * @returns An operator from chunks to frames of `size` samples.
 * @throws TypeError/RangeError at creation for a bad size, hop or window (unknown name, wrong
 *   length, non-finite values).
 *
 * @example
 * ```ts
 * import { slidingWindow, fromSamples } from '@ringflow/operators';
 * fromSamples(new Float64Array(1024), 100)
 *   .pipe(slidingWindow({ size: 256, hop: 128, window: 'hann' }))
 *   .subscribe((frame) => console.log(frame.length)); // 256, 7 times
 * ```
 */
export function slidingWindow<T extends TypedArray>(options: SlidingWindowOptions): OperatorFunction<T, T> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`slidingWindow: expected options { size, hop, window }, got ${describeValue(options)}`);
  }
  const size = positiveInteger('slidingWindow', 'size', options.size);
  const hop = options.hop === undefined ? size : positiveInteger('slidingWindow', 'hop', options.hop);
  const reuse = options.reuse === true;
  const coefficients = resolveWindow(options.window, size);

  return (source) =>
    new Observable<T>((subscriber) => {
      let Type: ChunkConstructor<T> | undefined;
      let framer: Framer | undefined; // gathers frames of the chunks' class
      let reuseOut: Float64Array | undefined;

      /** Emits one completed frame (windowed when asked); returns false once the subscriber is gone. */
      const emit = (buf: Float64Array): boolean => {
        const out = reuse ? (reuseOut ??= new Type!(size) as unknown as Float64Array) : (new Type!(size) as unknown as Float64Array);
        if (coefficients !== undefined) for (let j = 0; j < size; j++) out[j] = buf[j]! * coefficients[j]!;
        else out.set(buf);
        subscriber.next(out as unknown as T);
        return !subscriber.closed;
      };

      return source.subscribe({
        next(chunk) {
          try {
            if (Type === undefined) {
              Type = chunkClass<T>('slidingWindow', chunk);
              if (coefficients !== undefined && !isFloatArray(chunk)) {
                throw new TypeError(`slidingWindow: a window needs Float32Array or Float64Array chunks, got ${describeValue(chunk)}`);
              }
              framer = new Framer(new Type(size) as unknown as Float64Array, hop);
            } else {
              checkSameClass('slidingWindow', chunk, Type as ChunkConstructor<TypedArray>);
            }
            framer!.push(chunk as unknown as Float64Array, emit);
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
      });
    });
}

/** The window coefficients as float64, or undefined for none. */
function resolveWindow(spec: WindowSpec | undefined, size: number): Float64Array | undefined {
  if (spec === undefined) return undefined;
  let out: Float64Array;
  try {
    out = getWindow(spec, size, { periodic: true });
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(`slidingWindow: ${error.message}`);
    if (error instanceof TypeError) throw new TypeError(`slidingWindow: ${error.message}`);
    throw error;
  }
  for (let j = 0; j < out.length; j++) {
    if (!Number.isFinite(out[j])) throw new TypeError(`slidingWindow: window value ${j} must be a finite number, got ${out[j]}`);
  }
  return out;
}
