import type { OperatorFunction } from 'rxjs';
import type { Chunk, NumericArray } from '@ringflow/core';
import { meter, type MeterOptions, type MeterOutput } from './internal/meter.js';

/** Options of {@link peak}. */
export type PeakOptions = MeterOptions;

/**
 * Peak absolute level (`max |x|`) per chunk, or per block of `blockSize` frames, for each channel.
 *
 * @remarks
 * Same framing and layout as `rms`: without `blockSize`, one level per channel per non-empty input
 * chunk; with `blockSize`, blocks of the concatenated input independently of its chunking, each
 * input chunk emitting the blocks it completed, the last partial block dropped unless
 * `partial: 'emit'`. Mono 1-D input gives 1-D levels, `[frames, channels]` input
 * `[blocks, channels]` levels. A NaN sample makes its block's peak NaN. Output is Float32Array
 * for Float32Array input, Float64Array otherwise; fresh arrays; input is not kept.
 *
 * Timeline (`peak()`):
 * ```
 * in:  [3 -4 0] [0 1] |
 * out: [4]      [1]   |
 * ```
 *
 * Timeline (`peak({ blockSize: 2, partial: 'emit' })`):
 * ```
 * in:  [3 -4 0] [0 1] |
 * out: [4]      [0]   ([1]|)
 * ```
 *
 * @param options - `blockSize` (frames), `channels` (checked against the chunks), `partial`.
 * @returns An operator from chunks to chunks of peak levels.
 * @throws TypeError/RangeError at creation for bad options.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { asMultichannel } from '@ringflow/core';
 * import { peak } from '@ringflow/operators';
 * of(asMultichannel(new Float32Array([0.5, -0.25, 1, -2]), 2)).pipe(peak())
 *   .subscribe((p) => console.log(p.data)); // Float32Array [1, 2]: left, right
 * ```
 */
export function peak<C extends Chunk<NumericArray>>(options?: PeakOptions): OperatorFunction<C, MeterOutput<C>> {
  return meter<C>(
    'peak',
    options,
    (acc, x) => {
      const a = Math.abs(x);
      return a > acc || Number.isNaN(a) ? a : acc;
    },
    (acc) => acc,
  );
}
