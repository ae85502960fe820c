import { Observable, type OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { FloatChunks, resolveDspOptions, withContext, type DspOperatorOptions } from './internal/float-chunks.js';
import {
  createResampleState,
  flushResample,
  processResample,
  resampleFlushLength,
  resampleOutputLength,
  type ResampleOptions,
} from './kernels/resample.js';

/** Options of {@link resample}: the kernel's `window` plus `reuse`/`nan`. */
export interface ResampleOperatorOptions extends ResampleOptions, DspOperatorOptions {}

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
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep; the flushed tail is always fresh). Inputs are not kept.
 *
 * Timeline (`resample(2, 1)`, chunk lengths; `half_len` = 20, so outputs lag by 10 input samples):
 * ```
 * in:  [12]  [2]  |
 * out: [4]   [4]  ([20]|)     (28 = 2 * 14 samples in all)
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
export function resample<T extends FloatArray>(up: number, down: number, options?: ResampleOperatorOptions): OperatorFunction<T, T> {
  const opts = resolveDspOptions('resample', options);
  const kernelOptions: ResampleOptions = {};
  if (options?.window !== undefined) kernelOptions.window = options.window;
  withContext('resample', () => createResampleState(up, down, kernelOptions));

  return (source) =>
    new Observable<T>((subscriber) => {
      const chunks = new FloatChunks('resample', opts);
      const state = createResampleState(up, down, kernelOptions);
      let Type: (new (n: number) => FloatArray) | undefined;
      const sub = source.subscribe({
        next(chunk) {
          try {
            const input = chunks.accept(chunk);
            Type ??= input.constructor as new (n: number) => FloatArray;
            const count = resampleOutputLength(state, input.length);
            // Room for the most this chunk length can give, so a reused buffer stops growing.
            const out = chunks.output(count, Math.ceil((input.length * state.up) / state.down) + 1);
            const written = processResample(state, input, out);
            if (written > 0) subscriber.next(out as T);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          try {
            const count = resampleFlushLength(state);
            if (count > 0) {
              const tail = new (Type ?? Float64Array)(count);
              flushResample(state, tail);
              subscriber.next(tail as T);
            }
            subscriber.complete();
          } catch (error) {
            subscriber.error(error);
          }
        },
      });
      return () => sub.unsubscribe();
    });
}
