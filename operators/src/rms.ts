import type { OperatorFunction } from 'rxjs';
import type { Chunk, NumericArray } from '@ringflow/core';
import { meter, type MeterOptions, type MeterOutput } from './internal/meter.js';

/** Options of {@link rms}. */
export type RmsOptions = MeterOptions;

/**
 * Root mean square level per chunk, or per block of `blockSize` frames, for each channel.
 *
 * @remarks
 * `sqrt(sum(x^2) / frames)` accumulated in float64, per channel. Without `blockSize`, every
 * non-empty input chunk gives one output chunk of one level per channel; empty chunks give
 * nothing. With `blockSize`, the concatenated input is measured in blocks of `blockSize` frames,
 * independently of its chunking: each input chunk gives one output chunk holding the blocks it
 * completed, or nothing. The last partial block is dropped unless `partial: 'emit'`.
 *
 * Layout: mono 1-D input gives 1-D levels (one per block); `[frames, channels]` input gives
 * `[blocks, channels]` levels, each channel measured on its own. The first chunk fixes the layout
 * (a 1-D chunk in a multichannel stream, or another channel count, errors with a RangeError).
 * Output is Float32Array for Float32Array input, Float64Array for anything else (integer input is
 * measured in its own units). Output chunks are fresh; input is not kept.
 *
 * Timeline (`rms()`):
 * ```
 * in:  [3 4 0] [0 1]   |
 * out: [2.887] [0.7071]|
 * ```
 *
 * Timeline (`rms({ blockSize: 2 })`):
 * ```
 * in:  [3 4 0] [0 1] |
 * out: [3.536] [0]   |
 * ```
 *
 * Timeline (`rms({ blockSize: 2 })`, stereo):
 * ```
 * in:  [3 1; 4 1]   [0 2; 0 2; 5 5] |
 * out: [3.536 1;]   [0 2;]          |
 * ```
 *
 * @param options - `blockSize` (frames), `channels` (checked against the chunks), `partial`.
 * @returns An operator from chunks to chunks of levels.
 * @throws TypeError/RangeError at creation for bad options.
 *
 * @example
 * ```ts
 * import { oscillator, rms } from '@ringflow/operators';
 * oscillator({ frequency: 1000, sampleRate: 48_000, length: 48_000 })
 *   .pipe(rms({ blockSize: 4800 }))
 *   .subscribe((levels) => console.log(levels)); // about 0.7071 per block
 * ```
 */
export function rms<C extends Chunk<NumericArray>>(options?: RmsOptions): OperatorFunction<C, MeterOutput<C>> {
  return meter<C>(
    'rms',
    options,
    (acc, x) => acc + x * x,
    (acc, frames) => Math.sqrt(acc / frames),
  );
}
