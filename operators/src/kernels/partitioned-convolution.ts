import { createFftPlan, rfft, type FftPlan } from './fft.js';
import { CONVOLUTION_COST } from './overlap-save.js';

/**
 * Uniformly partitioned FFT convolution for chunks of a fixed length `B`, the engine behind
 * `fir(taps)` when every chunk has the same (short) length: the taps are cut into `P = ceil(M / B)`
 * partitions of `B`, and each chunk costs one real FFT and one inverse FFT of `N = 2B` (rounded up
 * to a power of two) plus `P` spectrum multiply-adds, instead of FFTs of at least `M + B` points.
 *
 * @remarks
 * Plain data, allocated once by {@link createPartitionedConvolution}: the taps' partition spectra
 * (`spectra`, `P` blocks of `N/2 + 1` interleaved bins), and per channel a frequency-domain delay
 * line (`fdl`: the spectra of the windows of the last `2B` inputs ending at each of the last `P`
 * block boundaries, newest at `head`). The window's last `2B - 1` samples are all a kept output
 * depends on, so older samples never matter. `valid` is false until the delay line has been filled
 * (or after a chunk of another length broke the block alignment); `processFir` then rebuilds it from
 * the time-domain history. Output: the last `B` samples of `irfft(sum_p X[j - p] H[p])`, the linear
 * convolution exact up to float64 rounding.
 */
export interface PartitionedConvolution {
  /** Block (chunk) length B. */
  readonly block: number;
  /** FFT size N (a power of two >= 2B). */
  readonly size: number;
  /** Partitions P. */
  readonly partitions: number;
  readonly taps: number;
  readonly channels: number;
  readonly plan: FftPlan;
  readonly spectra: Float64Array;
  readonly fdl: Float64Array;
  head: number;
  valid: boolean;
  readonly time: Float64Array;
  readonly work: Float64Array;
  readonly result: Float64Array;
}

/** Samples of history the partitioned engine needs per channel: `(P + 1) B` (at least the taps plus one block). */
export function partitionedHistory(taps: number, block: number): number {
  return (Math.ceil(taps / block) + 1) * block;
}

/**
 * Allocates the partitioned engine for `taps`, chunks of `block` frames and `channels` channels.
 *
 * @param taps - the impulse response (float64)
 * @param block - the chunk length B (>= 1)
 * @param channels - interleaved channels
 * @returns the engine (its delay line not yet valid)
 * @example
 * ```ts
 * import { createPartitionedConvolution } from '@ringflow/operators/kernels';
 * const engine = createPartitionedConvolution(new Float64Array(2047).fill(0.001), 128, 2); // 16 partitions, FFTs of 256
 * ```
 */
export function createPartitionedConvolution(taps: Float64Array, block: number, channels: number): PartitionedConvolution {
  let size = 1;
  while (size < 2 * block) size *= 2;
  const partitions = Math.ceil(taps.length / block);
  const plan = createFftPlan(size);
  const bins2 = 2 * plan.bins;
  const engine: PartitionedConvolution = {
    block,
    size,
    partitions,
    taps: taps.length,
    channels,
    plan,
    spectra: new Float64Array(partitions * bins2),
    fdl: new Float64Array(channels * partitions * bins2),
    head: 0,
    valid: false,
    time: new Float64Array(size),
    work: new Float64Array(bins2),
    result: new Float64Array(size),
  };
  setPartitionedTaps(engine, taps);
  return engine;
}

/**
 * Recomputes the partition spectra for new taps of the same length (live parameter change). No
 * allocation (uses the engine's buffers); the delay line of input spectra stays valid.
 *
 * @param engine - the engine
 * @param taps - the new taps
 * @example
 * ```ts
 * import { createPartitionedConvolution, setPartitionedTaps } from '@ringflow/operators/kernels';
 * const engine = createPartitionedConvolution(new Float64Array(300).fill(0.01), 64, 1);
 * setPartitionedTaps(engine, new Float64Array(300).fill(0.02));
 * ```
 */
export function setPartitionedTaps(engine: PartitionedConvolution, taps: Float64Array): void {
  if (taps.length !== engine.taps) throw new RangeError(`setPartitionedTaps: the engine is for ${engine.taps} taps, got ${taps.length}`);
  const { block, time, work, plan, spectra } = engine;
  for (let p = 0; p < engine.partitions; p++) {
    time.fill(0);
    for (let k = 0; k < block && p * block + k < taps.length; k++) time[k] = taps[p * block + k]!;
    rfft(plan, time, work);
    spectra.set(work, p * work.length);
  }
}

/**
 * Estimated ns per chunk of `block` frames (one channel) for the partitioned engine, on the same
 * scale as the overlap-save cost model (`CONVOLUTION_COST`, plus `multiplyAdd` per bin and partition).
 *
 * @param taps - number of taps
 * @param block - chunk length
 * @returns the estimate
 * @example
 * ```ts
 * import { partitionedCost } from '@ringflow/operators/kernels';
 * partitionedCost(2047, 128); // far below one overlap-save block of 4096
 * ```
 */
export function partitionedCost(taps: number, block: number): number {
  let size = 1;
  while (size < 2 * block) size *= 2;
  const partitions = Math.ceil(taps / block);
  return CONVOLUTION_COST.fft * size * Math.log2(size) + CONVOLUTION_COST.point * size + CONVOLUTION_COST.block + CONVOLUTION_COST.multiplyAdd * partitions * (size / 2 + 1);
}
