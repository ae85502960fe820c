import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { booleanOption } from './internal/chunks.js';
import { FloatChunks, resolveDspOptions, type DspOperatorOptions } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';
import { processMagnitude } from './kernels/magnitude.js';
import type { SpectrumOf } from './types.js';

/** Options of {@link magnitude}. */
export interface MagnitudeOperatorOptions extends DspOperatorOptions {
  /** `true`: emit the power `|z|^2` instead of the magnitude `|z|`. Default `false`. */
  readonly power?: boolean;
}

/**
 * Turns each interleaved complex spectrum into its magnitudes (or powers), bin by bin.
 *
 * @remarks
 * Each input chunk `[re0, im0, re1, im1, ...]` (as `fft`/`stft` emit) gives one chunk of half its
 * length: `|z_k| = sqrt(re_k^2 + im_k^2)` (numpy's `abs`), or `re_k^2 + im_k^2` with `power: true`,
 * in the units of the spectrum (squared for power). Computed in float64, stored in the input's
 * class (Float32Array in, Float32Array out). Stateless. An odd length errors the stream with a
 * RangeError; a non-float chunk or a class change with a TypeError. NaN propagates to its bin
 * (`nan: 'error'` errors the stream instead).
 *
 * Multichannel: a `[channels, 2 * bins]` chunk (what `fft`/`stft` emit for a multichannel frame)
 * gives `[channels, bins]`, row by row.
 *
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep). Inputs are neither modified nor kept.
 *
 * Timeline (`magnitude()`):
 * ```
 * in:  [3 4 0 -2] [1 0]|
 * out: [5 2]      [1]  |
 * ```
 *
 * Timeline (`magnitude({ power: true })`, two channels):
 * ```
 * in:  [3 4 0 -2; 1 0 0 1] |
 * out: [25 4; 1 1]         |
 * ```
 *
 * @param options - `power` (default `false`), `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from interleaved complex chunks to real chunks of half the length
 * @throws TypeError at creation for bad options
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { magnitude } from '@ringflow/operators';
 * of(Float64Array.of(3, 4, 0, -2))
 *   .pipe(magnitude())
 *   .subscribe((m) => console.log(m)); // [5, 2]
 * ```
 */
export function magnitude<C extends Chunk>(options?: MagnitudeOperatorOptions): OperatorFunction<C, SpectrumOf<C>> {
  const opts = resolveDspOptions('magnitude', options, ['power']);
  const power = booleanOption('magnitude', 'power', options?.power, false);
  const kernelOptions = { power };
  return operate<C, SpectrumOf<C>>((subscriber) => {
    const chunks = new FloatChunks('magnitude', opts, { multichannel: 'rows' });
    return {
      next(chunk) {
        const input = chunks.accept(chunk);
        const width = chunks.rowLength;
        if (width % 2 !== 0) {
          throw new RangeError(`magnitude: a spectrum must hold interleaved [re, im] pairs (even length), got ${width} values`);
        }
        if (input.length === 0) return;
        // Rows of complex pairs one after another are complex pairs: one kernel call for all channels.
        const out = processMagnitude(input, chunks.output(input.length / 2), kernelOptions);
        subscriber.next(chunks.emitRows(out, width / 2) as SpectrumOf<C>);
      },
    };
  });
}
