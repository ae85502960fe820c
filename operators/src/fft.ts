import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { resolveDspOptions, type DspOperatorOptions } from './internal/float-chunks.js';
import { perChunk } from './internal/per-chunk.js';
import { cachedPlan } from './internal/fft-plans.js';
import { rfft, type FftPlan } from './kernels/fft.js';

/** Options of {@link fft}: `reuse` and `nan` (see `DspOperatorOptions`). */
export type FftOptions = DspOperatorOptions;

/**
 * Transforms each real input chunk (one frame) into its one-sided spectrum, like `numpy.fft.rfft`.
 *
 * @remarks
 * Each input chunk of `n` samples is one frame; its output is `2 * (floor(n / 2) + 1)` numbers, the
 * `n/2 + 1` complex bins interleaved `[re0, im0, re1, im1, ...]`, unnormalised
 * (`X[k] = sum_j x[j] e^{-2 pi i j k / n}`), bin `k` at `k / n` cycles per sample. Any frame length
 * works (powers of two are fastest; others use Bluestein); the FFT plan is cached per frame length
 * (the 8 most recent lengths per subscription). Math in float64; Float32Array frames give
 * Float32Array spectra (rounded once), Float64Array frames Float64Array spectra. Other classes, a
 * class change mid-stream (TypeError) or an empty frame (RangeError) error the stream. NaN in a frame
 * makes that whole spectrum NaN (`nan: 'error'` errors the stream instead). Stateless between frames:
 * to frame a sample stream, put `slidingWindow` or `batch` before it, or use `stft`.
 *
 * Ownership: fresh spectra unless `reuse: true` (views of one buffer per subscription, overwritten
 * by the next emission: copy to keep). Input frames are neither modified nor kept.
 *
 * Timeline (`[1 2 3 4]` is a frame):
 * ```
 * in:  [1 2 3 4]          [1 1]     |
 * out: [10 0 -2 2 -2 0]   [2 0 0 0] |
 * ```
 *
 * @param options - `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from frames to interleaved complex spectra
 * @throws TypeError at creation for bad options
 * @example
 * ```ts
 * import { batch, fft, fromSamples, magnitude } from '@ringflow/operators';
 * fromSamples(new Float32Array(4096), 128)
 *   .pipe(batch(1024), fft(), magnitude())
 *   .subscribe((bins) => console.log(bins.length)); // 513, 4 times
 * ```
 */
export function fft<T extends FloatArray>(options?: FftOptions): OperatorFunction<T, T> {
  const opts = resolveDspOptions('fft', options);
  return perChunk<T>('fft', opts, () => {
    const plans = new Map<number, FftPlan>();
    return (frame, chunks) => {
      if (frame.length === 0) throw new RangeError('fft: a frame must have at least 1 sample, got an empty chunk');
      const plan = cachedPlan(plans, frame.length);
      return rfft(plan, frame, chunks.output(2 * plan.bins));
    };
  });
}
