import type { OperatorFunction } from 'rxjs';
import type { NumericArray } from '@ringflow/core';
import { meter, type MeterArray, type MeterOptions } from './internal/meter.js';

/** Options of {@link peak}. */
export type PeakOptions = MeterOptions;

/**
 * Peak absolute level (`max |x|`) per chunk, or per block of `blockSize` frames, for each channel.
 *
 * @remarks
 * Same framing as `rms`: without `blockSize`, one output chunk of `channels` values per non-empty
 * input chunk; with `blockSize`, blocks of the concatenated input independently of its chunking,
 * each input chunk emitting the blocks it completed (`[blocks, channels]`), the last partial block
 * dropped unless `partial: 'emit'`. A NaN sample makes its block's peak NaN. Output is Float32Array
 * for Float32Array input, Float64Array otherwise; fresh arrays; input is not kept.
 *
 * Timeline (`{ blockSize: 2 }`):
 * ```
 * in:  [3 -4 0] [0 1] |
 * out: [4]      [0]   |
 * ```
 *
 * @param options - `blockSize` (frames), `channels` (default 1), `partial`.
 * @returns An operator from chunks to chunks of peak levels.
 * @throws TypeError/RangeError at creation for bad options.
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { peak } from '@ringflow/operators';
 * of(new Float32Array([0.5, -0.25, 1, -2])).pipe(peak({ channels: 2 }))
 *   .subscribe((p) => console.log(p)); // Float32Array [1, 2]: left, right
 * ```
 */
export function peak<T extends NumericArray>(options?: PeakOptions): OperatorFunction<T, MeterArray<T>> {
  return meter<T>(
    'peak',
    options,
    (acc, x) => {
      const a = Math.abs(x);
      return a > acc || Number.isNaN(a) ? a : acc;
    },
    (acc) => acc,
  );
}
