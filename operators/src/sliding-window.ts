import type { OperatorFunction } from 'rxjs';
import type { Chunk, TypedArray } from '@ringflow/core';
import { getWindow, type WindowSpec } from './design/windows.js';
import { booleanOption, chunkSizeOption, describeValue, MAX_CHUNK_SIZE, optionsObject, positiveInteger } from './internal/chunks.js';
import { Framer } from './internal/framer.js';
import { operate } from './internal/operate.js';
import { StreamLayout } from './internal/stream-layout.js';

/** Options of {@link slidingWindow}. */
export interface SlidingWindowOptions {
  /** Frame length in frames (samples of a mono stream), a positive integer. */
  readonly size: number;
  /**
   * Frames between the starts of consecutive frames, a positive integer (default `size`): less than
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
 * Frame `k` holds input frames `[k*hop, k*hop + size)` of the concatenated input, times the window
 * when one is given, so the frames do not depend on how the input was chunked. A frame is emitted as
 * soon as its last sample arrives (synchronously, in the source's `next`); one input chunk may give
 * several frames or none. Samples that never complete a frame at completion are dropped (no padding).
 * Frames have the input's class; windowing multiplies in float64 and rounds once on store (so a
 * Float32Array frame is `fround(x * w)`). All chunks must share the first chunk's class.
 *
 * Multichannel: `size` and `hop` count frames; `[frames, channels]` input gives `[size, channels]`
 * frames, every channel multiplied by the same window value at each frame. The first chunk fixes
 * the layout (a 1-D chunk in a multichannel stream, or another channel count, is a RangeError).
 *
 * Emitted frames are fresh unless `reuse: true` (one frame buffer, overwritten for each frame).
 * Allocation otherwise: one `size` buffer per subscription plus each emitted frame; input chunks are
 * not kept.
 *
 * Timeline (`slidingWindow({ size: 4, hop: 2 })`):
 * ```
 * in:  [abc] [def]          [g] [h]      |
 * out:       [abcd][cdef]       [efgh]   |
 * ```
 *
 * Timeline (`slidingWindow({ size: 2, hop: 3, window: [0.5, 1] })`):
 * ```
 * in:  [2 4 6 8] [10 12 14] |
 * out: [1 4]     [4 10]     |
 * ```
 *
 * @param options - `size`, `hop`, `window`, `reuse`.
 * @returns An operator from chunks to frames of `size` frames, of the input's layout.
 * @throws TypeError/RangeError at creation for a bad size, hop or window (unknown name, wrong
 *   length, non-finite values) or an unknown option name.
 *
 * @example
 * ```ts
 * import { slidingWindow, fromSamples } from '@ringflow/operators';
 * fromSamples(new Float64Array(1024), 100)
 *   .pipe(slidingWindow({ size: 256, hop: 128, window: 'hann' }))
 *   .subscribe((frame) => console.log(frame.length)); // 256, 7 times
 * ```
 */
export function slidingWindow<C extends Chunk<TypedArray>>(options: SlidingWindowOptions): OperatorFunction<C, C> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`slidingWindow: expected options { size, hop, window }, got ${describeValue(options)}`);
  }
  optionsObject('slidingWindow', options, ['size', 'hop', 'window', 'reuse']);
  const size = chunkSizeOption('slidingWindow', 'size', options.size);
  const hop = options.hop === undefined ? size : positiveInteger('slidingWindow', 'hop', options.hop);
  const reuse = booleanOption('slidingWindow', 'reuse', options.reuse, false);
  const coefficients = resolveWindow(options.window, size);

  return operate<C, C>((subscriber) => {
    const layout = new StreamLayout('slidingWindow', { twoDimensional: 'frames' });
    let framer: Framer | undefined; // gathers frames of the chunks' class
    let reuseOut: Float64Array | undefined;
    let channels = 1;

    /** Emits one completed frame (windowed when asked); returns false once the subscriber is gone. */
    const emit = (buf: Float64Array): boolean => {
      const Type = layout.Type as unknown as Float64ArrayConstructor;
      const out = reuse ? (reuseOut ??= new Type(buf.length)) : new Type(buf.length);
      if (coefficients === undefined) out.set(buf);
      else if (channels === 1) for (let j = 0; j < size; j++) out[j] = buf[j]! * coefficients[j]!;
      else {
        for (let j = 0, i = 0; j < size; j++) {
          const w = coefficients[j]!;
          for (let c = 0; c < channels; c++, i++) out[i] = buf[i]! * w;
        }
      }
      subscriber.next(layout.emit(out) as C);
      return !subscriber.closed;
    };

    return {
      next(chunk) {
        const input = layout.accept(chunk) as unknown as Float64Array;
        if (framer === undefined) {
          if (coefficients !== undefined && !(input instanceof Float32Array || input instanceof Float64Array)) {
            throw new TypeError(`slidingWindow: a window needs Float32Array or Float64Array chunks, got ${describeValue(input)}`);
          }
          channels = layout.channels;
          if (size * channels > MAX_CHUNK_SIZE) throw new RangeError(`slidingWindow: ${size} frames of ${channels} channels exceed 2^28 samples per frame`);
          const Type = layout.Type as unknown as Float64ArrayConstructor;
          framer = new Framer(new Type(size * channels), hop * channels);
        }
        framer.push(input, emit);
      },
    };
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
