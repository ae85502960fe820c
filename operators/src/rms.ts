import type { OperatorFunction } from 'rxjs';
import type { NumericArray } from '@ringflow/core';
import { meter, type MeterArray, type MeterOptions } from './internal/meter.js';

/** Options of {@link rms}. */
export type RmsOptions = MeterOptions;

/**
 * Root mean square level per chunk, or per block of `blockSize` frames, for each channel.
 *
 * @remarks
 * `sqrt(sum(x^2) / frames)` accumulated in float64. Without `blockSize`, every non-empty input
 * chunk (a whole number of `channels`-sample interleaved frames, else the stream errors with a
 * RangeError) gives one output chunk of `channels` values; empty chunks give nothing. With
 * `blockSize`, the concatenated input is measured in blocks of `blockSize` frames, independently of
 * its chunking (frames may even straddle chunks): each input chunk gives one output chunk holding
 * the blocks it completed (`[blocks, channels]` interleaved), or nothing. The last partial block is
 * dropped unless `partial: 'emit'`. Output is Float32Array for Float32Array input, Float64Array for
 * anything else (integer input is measured in its own units). Output chunks are fresh; input is not kept.
 *
 * Timeline (`{ blockSize: 2 }`):
 * ```
 * in:  [3 4 0] [0 1] |
 * out: [3.54]  [0]   |
 * ```
 *
 * @param options - `blockSize` (frames), `channels` (default 1), `partial`.
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
export function rms<T extends NumericArray>(options?: RmsOptions): OperatorFunction<T, MeterArray<T>> {
  return meter<T>(
    'rms',
    options,
    (acc, x) => acc + x * x,
    (acc, frames) => Math.sqrt(acc / frames),
  );
}
