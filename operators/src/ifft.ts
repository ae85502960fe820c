import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { copyFrom, scatterChannel, Scratch } from './internal/channels.js';
import { positiveInteger } from './internal/chunks.js';
import { cachedPlan } from './internal/fft-plans.js';
import { FloatChunks, resolveDspOptions, type DspOperatorOptions } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';
import { irfft, type FftPlan } from './kernels/fft.js';
import type { SpectrumOf } from './types.js';

/** Options of {@link ifft}. */
export interface IfftOptions extends DspOperatorOptions {
  /**
   * Length of each output frame in samples (numpy's `n`). Default `2 * (bins - 1)` (an even length,
   * numpy's default). Give it to recover odd lengths: the input must then have `floor(size / 2) + 1`
   * bins (else the stream errors with a RangeError).
   */
  readonly size?: number;
}

/**
 * Transforms each one-sided spectrum back into a real frame, like `numpy.fft.irfft`.
 *
 * @remarks
 * Each input chunk is one spectrum of `bins` complex values interleaved `[re0, im0, re1, im1, ...]`
 * (the layout `fft` emits, so its length must be even); its output is one frame of `size` real
 * samples (default `2 * (bins - 1)`), normalised by `1 / size` so `ifft` undoes `fft`. As in numpy,
 * the imaginary parts of bin 0 and (even sizes) of the Nyquist bin are ignored. The plan is cached
 * per size. Math in float64; Float32Array in, Float32Array out. Other classes (TypeError), an odd
 * length, a single bin without `size`, or a bin count that does not fit `size` (RangeError) error
 * the stream. NaN anywhere in a spectrum makes the whole frame NaN (or errors with `nan: 'error'`).
 *
 * Multichannel: a `[channels, 2 * bins]` chunk (what `fft` emits for a multichannel frame, one
 * spectrum per row) gives a `[size, channels]` frame, each channel the `ifft` of its row.
 *
 * Ownership: fresh frames unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep). Input spectra are neither modified nor kept.
 *
 * Timeline (`ifft()`):
 * ```
 * in:  [10 0 -2 2 -2 0] |
 * out: [1 2 3 4]        |
 * ```
 *
 * Timeline (`ifft()`, two channels):
 * ```
 * in:  [10 0 -2 2 -2 0; 1 0 1 0 1 0]  |
 * out: [1 1; 2 0; 3 0; 4 0]           |
 * ```
 *
 * @param options - `size`, `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from interleaved spectra to real frames
 * @throws TypeError/RangeError at creation for a bad `size` or options
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { fft, ifft } from '@ringflow/operators';
 * of(Float64Array.of(1, 2, 3, 4, 5))
 *   .pipe(fft(), ifft({ size: 5 }))
 *   .subscribe((x) => console.log(x)); // [1, 2, 3, 4, 5] (to rounding)
 * ```
 */
export function ifft<C extends Chunk>(options?: IfftOptions): OperatorFunction<C, SpectrumOf<C>> {
  const opts = resolveDspOptions('ifft', options, ['size']);
  const size = options?.size === undefined ? undefined : positiveInteger('ifft', 'size', options.size);
  return operate<C, SpectrumOf<C>>((subscriber) => {
    const chunks = new FloatChunks('ifft', opts, { multichannel: 'rows' });
    const plans = new Map<number, FftPlan>();
    const rowScratch = new Scratch();
    const frameScratch = new Scratch();
    return {
      next(chunk) {
        const spectra = chunks.accept(chunk);
        const channels = chunks.channels;
        const width = spectra.length / channels;
        if (width % 2 !== 0 || width === 0) {
          throw new RangeError(`ifft: a spectrum must hold interleaved [re, im] pairs (an even, non-zero length), got ${width} values`);
        }
        const bins = width / 2;
        let n: number;
        if (size === undefined) {
          if (bins < 2) throw new RangeError('ifft: a spectrum of 1 bin needs the size option (1)');
          n = 2 * (bins - 1);
        } else {
          if (Math.floor(size / 2) + 1 !== bins) {
            throw new RangeError(`ifft: size ${size} needs ${Math.floor(size / 2) + 1} bins, got ${bins}`);
          }
          n = size;
        }
        const plan = cachedPlan(plans, n);
        const out = chunks.output(n * channels);
        if (!chunks.isMultichannel) {
          subscriber.next(irfft(plan, spectra, out) as SpectrumOf<C>);
          return;
        }
        const row = rowScratch.get(spectra, width);
        const frame = frameScratch.get(out, n);
        for (let c = 0; c < channels; c++) {
          copyFrom(spectra, c * width, row);
          scatterChannel(irfft(plan, row, frame), out, channels, c);
        }
        subscriber.next(chunks.emit(out) as SpectrumOf<C>);
      },
    };
  });
}
