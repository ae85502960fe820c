import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { booleanOption } from './internal/chunks.js';
import { FloatChunks, resolveDspOptions, type DspOperatorOptions } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';
import type { SpectrumOf } from './types.js';
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
 * Multichannel: a 2-D chunk keeps its shape. With the default `ref` every value is converted on
 * its own, so any 2-D chunk works (`[channels, bins]` spectra from `magnitude`, `[blocks,
 * channels]` levels from `rms`); with `ref: 'max'` or `topDb` it is read as `[channels, values]`
 * rows (what `magnitude` emits for a multichannel frame) and each row (each channel's frame) uses
 * its own maximum.
 *
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep). Inputs are neither modified nor kept.
 *
 * Timeline (`toDecibels()`):
 * ```
 * in:  [1 0.1 0]      [10]|
 * out: [0 -20 -100]   [20]|
 * ```
 *
 * Timeline (`toDecibels({ ref: 'max' })`, two channels):
 * ```
 * in:  [1 0.1; 10 100] |
 * out: [0 -20; -20 0]  |
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
export function toDecibels<C extends Chunk>(options?: ToDecibelsOperatorOptions): OperatorFunction<C, SpectrumOf<C>> {
  const opts = resolveDspOptions('toDecibels', options, ['power', 'ref', 'amin', 'topDb']);
  const kernelOptions: ToDecibelsOptions = {};
  if (options?.power !== undefined) kernelOptions.power = booleanOption('toDecibels', 'power', options.power, false);
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
  // Without 'max' or topDb every value is converted on its own: one kernel call for all rows.
  const perRow = kernelOptions.ref === 'max' || kernelOptions.topDb !== undefined;
  return operate<C, SpectrumOf<C>>((subscriber) => {
    const chunks = new FloatChunks('toDecibels', opts, { multichannel: perRow ? 'rows' : true });
    return {
      next(chunk) {
        const input = chunks.accept(chunk);
        if (input.length === 0) return;
        const out = chunks.output(input.length);
        if (!perRow || !chunks.isMultichannel) {
          processToDecibels(input, out, kernelOptions);
          subscriber.next(chunks.emit(out) as SpectrumOf<C>);
          return;
        }
        const width = chunks.rowLength;
        for (let start = 0; start < input.length; start += width) {
          processToDecibels(input.subarray(start, start + width), out.subarray(start, start + width), kernelOptions);
        }
        subscriber.next(chunks.emitRows(out, width) as SpectrumOf<C>);
      },
    };
  });
}
