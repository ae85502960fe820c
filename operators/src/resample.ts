import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { FloatChunks, resolveDspOptions, withContext, type DspOperatorOptions } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';
import {
  createResampleState,
  flushResample,
  processResample,
  resampleFlushLength,
  resampleOutputLength,
  type ResampleOptions,
  type ResampleState,
} from './kernels/resample.js';

/** Options of {@link resample}: the kernel's `window` plus `reuse`/`nan` (the channels come with the chunks). */
export interface ResampleOperatorOptions extends Omit<ResampleOptions, 'channels'>, DspOperatorOptions {}

/**
 * Changes the sample rate of a stream by the rational factor `up / down` with a polyphase FIR,
 * streaming, with the tail flushed at completion.
 *
 * @remarks
 * The concatenated output of a whole stream equals `scipy.signal.resample_poly(x, up, down)` (default
 * `window=('kaiser', 5.0)`, `padtype='constant'`), tail included, in any chunking (to ~1e-12 relative):
 * `ceil(n * up / down)` samples for `n` input samples, not delayed (the filter is centred). The
 * price is latency: an output sample is emitted once the `half_len / up` input samples after it have
 * arrived (`half_len = 10 * max(up, down)` after reducing `up/down` by their gcd, e.g. 10 input
 * samples for 2:1, 1600/160 = 10 for 160:147); the last ones are computed with zeros at completion,
 * as SciPy pads, and emitted as one final chunk before completing. Each input chunk gives the outputs
 * it completes (possibly none: empty outputs are not emitted). `window` may also be explicit taps, as
 * in `resample_poly(..., window=array)`. Math in float64; Float32Array in, Float32Array out. Non-float
 * chunks or a class change error the stream with a TypeError. NaN spreads to the outputs whose filter
 * span covers it (`nan: 'error'` errors the stream instead). State per subscription.
 *
 * Multichannel: `[frames, channels]` chunks are resampled channel by channel (each with its own
 * history; the numbers of each channel are those it gets alone, `resample_poly(x, up, down, axis=0)`)
 * and emitted as `[frames, channels]`; counts above are in frames. The first chunk fixes the layout.
 *
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep; the flushed tail is always fresh). Inputs are not kept.
 *
 * Timeline (`resample(2, 1, { window: [0.25, 0.5, 0.25] })`: linear interpolation, `half_len` 1,
 * so an output waits for the next input sample; the tail is computed with a zero after the end):
 * ```
 * in:  [2 4]     [6]     |
 * out: [2 3 4]   [5 6]   ([3]|)
 * ```
 *
 * Timeline (`resample(1, 2, { window: [0.25, 0.5, 0.25] })`):
 * ```
 * in:  [2 4 6]   [8 10]  |
 * out: [2]       [6]     ([7]|)
 * ```
 *
 * @param up - upsampling factor, a positive integer
 * @param down - downsampling factor, a positive integer
 * @param options - `window` (name, `[name, parameter]` or taps), `reuse`, `nan`
 * @returns an operator from sample chunks to resampled sample chunks
 * @throws RangeError at creation when `up` or `down` is not a positive integer; TypeError/RangeError
 *   for a bad window or options
 * @example
 * ```ts
 * import { fromSamples, resample } from '@ringflow/operators';
 * fromSamples(new Float32Array(44_100), 441)
 *   .pipe(resample(160, 147)) // 44.1 kHz -> 48 kHz
 *   .subscribe((chunk) => console.log(chunk.length)); // about 480 per chunk, 48 000 in all
 * ```
 */
export function resample<C extends Chunk>(up: number, down: number, options?: ResampleOperatorOptions): OperatorFunction<C, C> {
  const opts = resolveDspOptions('resample', options, ['window']);
  const kernelOptions: ResampleOptions = {};
  if (options?.window !== undefined) kernelOptions.window = options.window;
  withContext('resample', () => createResampleState(up, down, kernelOptions));

  return operate<C, C>((subscriber) => {
    const chunks = new FloatChunks('resample', opts, { multichannel: true });
    let state: ResampleState | undefined;
    return {
      next(chunk) {
        const input = chunks.accept(chunk);
        const channels = chunks.channels;
        state ??= createResampleState(up, down, { ...kernelOptions, channels });
        const frames = input.length / channels;
        const count = resampleOutputLength(state, frames);
        // Room for the most this chunk length can give, so a reused buffer stops growing.
        const out = chunks.output(count * channels, (Math.ceil((frames * state.up) / state.down) + 1) * channels);
        const written = processResample(state, input, out);
        if (written > 0) subscriber.next(chunks.emit(out) as C);
      },
      complete() {
        const count = state === undefined ? 0 : resampleFlushLength(state);
        if (count > 0) {
          const tail = new (chunks.Type ?? Float64Array)(count * chunks.channels);
          flushResample(state!, tail);
          subscriber.next(chunks.emit(tail) as C);
        }
        subscriber.complete();
      },
    };
  });
}
