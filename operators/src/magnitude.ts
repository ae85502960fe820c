import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { resolveDspOptions, type DspOperatorOptions } from './internal/float-chunks.js';
import { perChunk } from './internal/per-chunk.js';
import { processMagnitude } from './kernels/magnitude.js';

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
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep). Inputs are neither modified nor kept.
 *
 * Timeline:
 * ```
 * in:  [3 4 0 -2] [1 0]|
 * out: [5 2]      [1]  |
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
export function magnitude<T extends FloatArray>(options?: MagnitudeOperatorOptions): OperatorFunction<T, T> {
  const opts = resolveDspOptions('magnitude', options);
  const power = options?.power ?? false;
  if (typeof power !== 'boolean') throw new TypeError(`magnitude: power must be a boolean, got ${typeof power}`);
  const kernelOptions = { power };
  return perChunk<T>('magnitude', opts, () => (input, chunks) => {
    if (input.length % 2 !== 0) {
      throw new RangeError(`magnitude: a spectrum must hold interleaved [re, im] pairs (even length), got ${input.length} values`);
    }
    if (input.length === 0) return undefined;
    return processMagnitude(input, chunks.output(input.length / 2), kernelOptions);
  });
}
