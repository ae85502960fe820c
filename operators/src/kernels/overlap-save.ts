import { createConvolutionTransform, filterSpectrum, forwardBitReversed, forwardFromBitReversed, MIN_TRANSFORM_SIZE, multiplySpectrum, type ConvolutionTransform } from '../internal/convolution-transform.js';
import { createFftPlan, irfft, rfft, type FftPlan } from './fft.js';

/**
 * One block size of the overlap-save FFT convolution engine behind `fir(taps, { method: 'fft' })`,
 * `signal.fftconvolve` and `signal.oaconvolve`.
 *
 * @remarks
 * For taps `h` of length `M` and an FFT size `size = N` (a power of two, `N >= M`), each block takes
 * `N` samples in `time` (the `M - 1` samples before the block, then up to `step = N - M + 1` new ones,
 * zeros after), and {@link convolveBlock} leaves in `result[M - 1 + j]` the convolution output for the
 * `j`-th new sample: `sum_k h[k] x[n - k]`, exact up to float64 rounding (no wrap-around reaches
 * those positions). Plain data; the plan and every buffer are allocated once, by
 * {@link createOverlapSaveBlock}. Blocks of 8 samples or more run a real FFT pair with no
 * bit-reversal pass (the spectrum product is taken in bit-reversed order, see `transform`);
 * `spectrum` keeps the taps' spectrum in numpy's `rfft` order for inspection.
 */
export interface OverlapSaveBlock {
  /** FFT size N (a power of two). */
  readonly size: number;
  /** Taps M. */
  readonly taps: number;
  /** New samples per block: N - M + 1. */
  readonly step: number;
  readonly plan: FftPlan;
  /** The taps' spectrum, interleaved complex, N/2 + 1 bins. */
  readonly spectrum: Float64Array;
  /** Block input (N samples): written by the caller. */
  readonly time: Float64Array;
  /** Scratch spectrum. */
  readonly work: Float64Array;
  /** Block output (N samples): the valid outputs are `result[M - 1 ..]`. */
  readonly result: Float64Array;
  /** The permutation-free FFT pair (internal; undefined below 8 samples, where `plan` runs). */
  readonly transform: ConvolutionTransform | undefined;
  /** The taps' spectrum in the transform's bit-reversed order and scale (internal). */
  readonly filter: Float64Array;
}

/** Largest FFT size the engine picks by itself (memory: about 80 bytes per point per block size). */
export const MAX_FFT_SIZE = 1 << 18;

/**
 * Allocates an overlap-save block of FFT size `size` for `taps` (computes their spectrum).
 *
 * @param taps - the impulse response (float64)
 * @param size - FFT size, a power of two >= taps.length
 * @returns the block
 * @throws RangeError when `size` is not a power of two or is shorter than the taps
 * @example
 * ```ts
 * import { createOverlapSaveBlock, convolveBlock } from '@ringflow/operators/kernels';
 * const block = createOverlapSaveBlock(Float64Array.of(0.5, 0.5), 8);
 * block.time.set([0, 1, 2, 3, 4, 5, 6, 7]); // time[0] is the sample before the block
 * convolveBlock(block); // block.result[1 ..] = [0.5, 1.5, 2.5, ...]
 * ```
 */
export function createOverlapSaveBlock(taps: Float64Array, size: number): OverlapSaveBlock {
  if (!Number.isInteger(size) || size < 1 || (size & (size - 1)) !== 0 || size > 1 << 27) {
    throw new RangeError(`overlap-save FFT size must be a power of two up to 2^27, got ${size}`);
  }
  if (size < taps.length) throw new RangeError(`overlap-save FFT size ${size} is shorter than the ${taps.length} taps`);
  const plan = createFftPlan(size);
  const block: OverlapSaveBlock = {
    size,
    taps: taps.length,
    step: size - taps.length + 1,
    plan,
    spectrum: new Float64Array(2 * plan.bins),
    time: new Float64Array(size),
    work: new Float64Array(2 * plan.bins),
    result: new Float64Array(size),
    transform: size >= MIN_TRANSFORM_SIZE ? createConvolutionTransform(size) : undefined,
    filter: new Float64Array(size >= MIN_TRANSFORM_SIZE ? size : 0),
  };
  setBlockTaps(block, taps);
  return block;
}

/**
 * Recomputes a block's spectrum for new taps of the same length (a live parameter change).
 *
 * @remarks
 * No allocation (uses the block's `time` buffer as scratch, so call it between blocks).
 *
 * @param block - the block to update
 * @param taps - the new taps (`block.taps` of them)
 * @example
 * ```ts
 * import { createOverlapSaveBlock, setBlockTaps } from '@ringflow/operators/kernels';
 * const block = createOverlapSaveBlock(Float64Array.of(1, 0), 4);
 * setBlockTaps(block, Float64Array.of(0, 1));
 * ```
 */
export function setBlockTaps(block: OverlapSaveBlock, taps: Float64Array): void {
  if (taps.length !== block.taps) throw new RangeError(`setBlockTaps: the block is for ${block.taps} taps, got ${taps.length}`);
  const time = block.time;
  time.fill(0);
  for (let i = 0; i < taps.length; i++) time[i] = taps[i]!;
  rfft(block.plan, time, block.spectrum);
  if (block.transform !== undefined) filterSpectrum(block.transform, block.spectrum, block.filter);
}

/**
 * Convolves the block: `result = irfft(rfft(time) * spectrum)`. No allocation.
 *
 * @param block - the block, with `time` filled
 * @example
 * ```ts
 * import { createOverlapSaveBlock, convolveBlock } from '@ringflow/operators/kernels';
 * const block = createOverlapSaveBlock(Float64Array.of(1), 4);
 * block.time.set([1, 2, 3, 4]);
 * convolveBlock(block); // result = [1, 2, 3, 4]
 * ```
 */
export function convolveBlock(block: OverlapSaveBlock): void {
  const w = block.work;
  const t = block.transform;
  if (t !== undefined) {
    // w = conj(packed inverse input); the forward transform of it is the conjugate of the result
    w.set(block.time);
    forwardBitReversed(t, w);
    multiplySpectrum(t, w, block.filter);
    forwardFromBitReversed(t, w);
    const result = block.result;
    for (let j = 0; j < block.size; j += 2) {
      result[j] = w[j]!;
      result[j + 1] = -w[j + 1]!;
    }
    return;
  }
  const h = block.spectrum;
  rfft(block.plan, block.time, w);
  for (let i = 0; i < w.length; i += 2) {
    const xr = w[i]!;
    const xi = w[i + 1]!;
    const hr = h[i]!;
    const hi = h[i + 1]!;
    w[i] = xr * hr - xi * hi;
    w[i + 1] = xr * hi + xi * hr;
  }
  irfft(block.plan, w, block.result);
}

/**
 * The measured cost model that `fir(..., { method: 'auto' })` and `signal.convolve(..., { method:
 * 'auto' })` choose by (nanoseconds; Node 20 on the project's reference machine, see
 * docs/decisions/0015-fft-convolution.md and `npm run bench -- fir`).
 *
 * @remarks
 * Direct form: `direct * taps` per output sample. One overlap-save block of FFT size N:
 * `fft * N * log2(N) + point * N + block` (forward and inverse real FFTs, the spectrum product, the
 * copies in and out). The ratios matter, not the absolute values.
 */
export const CONVOLUTION_COST = {
  /** ns per tap per output sample, direct form. */
  direct: 2,
  /** ns per N log2 N of one block (rfft + irfft). */
  fft: 2.6,
  /** ns per point of one block (product, copies). */
  point: 0.5,
  /** ns of fixed overhead per block. */
  block: 900,
  /** ns per complex multiply-add of one bin (the partitioned engine's spectrum products). */
  multiplyAdd: 4,
} as const;

/** Estimated ns to filter `frames` samples of one channel directly with `taps` taps. */
export function directCost(taps: number, frames: number): number {
  return CONVOLUTION_COST.direct * taps * frames;
}

/** Estimated ns to filter `frames` samples of one channel by overlap-save blocks of FFT size `size`. */
export function fftCost(taps: number, frames: number, size: number): number {
  const step = size - taps + 1;
  if (step < 1) return Infinity;
  const blocks = Math.ceil(frames / step);
  return blocks * (CONVOLUTION_COST.fft * size * Math.log2(size) + CONVOLUTION_COST.point * size + CONVOLUTION_COST.block);
}

/**
 * The cheapest overlap-save FFT size for `frames` samples through `taps` taps by the cost model
 * (a power of two from the taps' length up to `MAX_FFT_SIZE` (2^18), or beyond when the taps need it).
 *
 * @param taps - number of taps (>= 1)
 * @param frames - samples per channel to filter in one call (>= 1)
 * @returns the FFT size
 * @example
 * ```ts
 * import { bestFftSize } from '@ringflow/operators/kernels';
 * bestFftSize(2047, 48_000); // 16384 with the reference cost model
 * ```
 */
export function bestFftSize(taps: number, frames: number): number {
  let size = 1;
  while (size < taps + 1) size *= 2;
  const limit = Math.max(MAX_FFT_SIZE, size);
  let best = size;
  let bestCost = fftCost(taps, frames, size);
  // no block longer than all the samples (plus history) is ever cheaper
  for (let n = size * 2; n <= limit && n / 2 < frames + taps - 1; n *= 2) {
    const cost = fftCost(taps, frames, n);
    if (cost < bestCost) {
      best = n;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * What the cost model picks for `frames` samples through `taps` taps: `0` for the direct form, else
 * the overlap-save FFT size.
 *
 * @param taps - number of taps
 * @param frames - samples per channel in one call
 * @returns 0 (direct) or an FFT size
 * @example
 * ```ts
 * import { chooseConvolution } from '@ringflow/operators/kernels';
 * chooseConvolution(31, 128); // 0: 31 taps are cheaper directly
 * ```
 */
export function chooseConvolution(taps: number, frames: number): number {
  if (taps < 2 || frames < 1) return 0;
  const size = bestFftSize(taps, frames);
  return fftCost(taps, frames, size) < directCost(taps, frames) ? size : 0;
}
