import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { gatherChannel, Scratch } from './internal/channels.js';
import { cachedPlan } from './internal/fft-plans.js';
import { FloatChunks, resolveDspOptions, type DspOperatorOptions } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';
import { rfft, type FftPlan } from './kernels/fft.js';
import type { SpectrumOf } from './types.js';

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
 * Multichannel: a `[n, channels]` frame gives a `[channels, 2 * bins]` chunk (see `SpectrumOf`):
 * row `c` is channel `c`'s interleaved complex spectrum, equal to `fft` of that channel alone
 * (`numpy.fft.rfft(x, axis=0).T`, re and im interleaved). `magnitude` turns it into `[channels,
 * bins]`; `ifft` turns it back into a `[n, channels]` frame. The first chunk fixes the layout.
 *
 * Ownership: fresh spectra unless `reuse: true` (views of one buffer per subscription, overwritten
 * by the next emission: copy to keep). Input frames are neither modified nor kept.
 *
 * Timeline (`fft()`, each chunk is a frame):
 * ```
 * in:  [1 2 3 4]          [1 1]     |
 * out: [10 0 -2 2 -2 0]   [2 0 0 0] |
 * ```
 *
 * Timeline (`fft()`, a stereo frame):
 * ```
 * in:  [1 1; 2 0; 3 0; 4 0]                  |
 * out: [10 0 -2 2 -2 0; 1 0 1 0 1 0]         |
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
export function fft<C extends Chunk>(options?: FftOptions): OperatorFunction<C, SpectrumOf<C>> {
  const opts = resolveDspOptions('fft', options, []);
  return operate<C, SpectrumOf<C>>((subscriber) => {
    const chunks = new FloatChunks('fft', opts, { multichannel: true });
    const plans = new Map<number, FftPlan>();
    const frameScratch = new Scratch();
    const specScratch = new Scratch();
    return {
      next(chunk) {
        const x = chunks.accept(chunk);
        const channels = chunks.channels;
        const n = x.length / channels;
        if (n === 0) throw new RangeError('fft: a frame must have at least 1 sample, got an empty chunk');
        const plan = cachedPlan(plans, n);
        const width = 2 * plan.bins;
        const out = chunks.output(channels * width);
        if (!chunks.isMultichannel) {
          subscriber.next(rfft(plan, x, out) as SpectrumOf<C>);
          return;
        }
        const frame = frameScratch.get(x, n);
        const spectrum = specScratch.get(out, width);
        for (let c = 0; c < channels; c++) {
          gatherChannel(x, channels, c, frame);
          out.set(rfft(plan, frame, spectrum), c * width);
        }
        subscriber.next(chunks.emitRows(out, width) as SpectrumOf<C>);
      },
    };
  });
}
