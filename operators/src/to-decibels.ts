import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { resolveDspOptions, type DspOperatorOptions } from './internal/float-chunks.js';
import { perChunk } from './internal/per-chunk.js';
import { processToDecibels, type ToDecibelsOptions } from './kernels/to-decibels.js';

/** Options of {@link toDecibels}: the kernel's `power`, `ref`, `amin`, `topDb`, plus `reuse`/`nan`. */
export interface ToDecibelsOperatorOptions extends ToDecibelsOptions, DspOperatorOptions {}

/**
 * Converts each chunk of amplitudes (or powers) to decibels, like librosa's `amplitude_to_db`
 * (`power_to_db` with `power: true`).
 *
 * @remarks
 * Amplitudes: `20 log10(max(|x|, amin) / max(ref, amin))`; powers (`power: true`): `10 log10(...)`.
 * Defaults `ref = 1`, `amin = 1e-5` (amplitude) or `1e-10` (power): a -100 dB floor. `ref: 'max'`
 * and `topDb` (clip below `max - topDb`) use each chunk on its own, i.e. per frame after
 * `magnitude()` (librosa uses the whole array). Computed in float64, stored in the input's class
 * (Float32Array in, Float32Array out); one output chunk of the same length per non-empty input
 * chunk; stateless. NaN gives NaN (`nan: 'error'` errors the stream instead). Non-float chunks or a
 * class change error the stream with a TypeError.
 *
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep). Inputs are neither modified nor kept.
 *
 * Timeline:
 * ```
 * in:  [1 0.1 0]      [10]|
 * out: [0 -20 -100]   [20]|
 * ```
 *
 * @param options - `power`, `ref`, `amin`, `topDb`, `reuse`, `nan`
 * @returns an operator from float chunks to chunks of decibels
 * @throws RangeError at creation for `ref <= 0`, `amin <= 0` or `topDb < 0`; TypeError for other bad options
 * @example
 * ```ts
 * import { batch, fft, fromSamples, magnitude, toDecibels } from '@ringflow/operators';
 * fromSamples(new Float32Array(2048).fill(1), 256)
 *   .pipe(batch(1024), fft(), magnitude(), toDecibels({ ref: 'max', topDb: 80 }))
 *   .subscribe((db) => console.log(db[0])); // 0 (the DC bin is the maximum)
 * ```
 */
export function toDecibels<T extends FloatArray>(options?: ToDecibelsOperatorOptions): OperatorFunction<T, T> {
  const opts = resolveDspOptions('toDecibels', options);
  const kernelOptions: ToDecibelsOptions = {};
  if (options?.power !== undefined) {
    if (typeof options.power !== 'boolean') throw new TypeError(`toDecibels: power must be a boolean, got ${typeof options.power}`);
    kernelOptions.power = options.power;
  }
  if (options?.ref !== undefined) kernelOptions.ref = options.ref;
  if (options?.amin !== undefined) kernelOptions.amin = options.amin;
  if (options?.topDb !== undefined) kernelOptions.topDb = options.topDb;
  // The kernel validates its options before touching data: run it once on nothing, now.
  try {
    processToDecibels(new Float64Array(0), new Float64Array(0), kernelOptions);
  } catch (error) {
    if (error instanceof Error) {
      const Ctor = error instanceof RangeError ? RangeError : TypeError;
      throw new Ctor(error.message.replace(/^processToDecibels/, 'toDecibels'), { cause: error });
    }
    throw error;
  }
  return perChunk<T>('toDecibels', opts, () => (input, chunks) =>
    input.length === 0 ? undefined : processToDecibels(input, chunks.output(input.length), kernelOptions),
  );
}
