import { assertFloatArray } from '../internal/validate.js';
import { createFftPlan, irfft, type FftPlan, type FloatArray } from './fft.js';
import { resolveStftOptions, type StftOptions, type StftScaling } from './stft.js';

/** Options of {@link createIstftState}: the same as the STFT's, so one object can configure both. */
export type IstftOptions = StftOptions;

/**
 * State of the streaming inverse STFT: parameters, FFT plan, and the overlap-add accumulators.
 *
 * @remarks
 * Created by {@link createIstftState}; used by {@link processIstft}, {@link flushIstft} and
 * {@link resetIstft}. The listed fields are read-only; the rest is private.
 */
export interface IstftState {
  /** Frame length in samples. */
  readonly size: number;
  /** Samples between frames; also the samples emitted per {@link processIstft} call. */
  readonly hop: number;
  /** FFT length in samples (>= size). */
  readonly fftSize: number;
  /** Complex bins each input spectrum holds: `Math.floor(fftSize / 2) + 1`. */
  readonly bins: number;
  /** The window samples (length `size`). Do not modify. */
  readonly window: Float64Array;
  /** The scaling the spectra were made with. */
  readonly scaling: StftScaling;
}

interface IstftStateInternal extends IstftState {
  readonly plan: FftPlan;
  /** irfft output (length fftSize). */
  readonly frame: Float64Array;
  /** window * scale (scale = sum(window) for 'spectrum', else 1). */
  readonly synth: Float64Array;
  /** window^2. */
  readonly window2: Float64Array;
  /** Overlap-add accumulators for samples [t, t + size) where t is the next sample to emit. */
  readonly acc: Float64Array;
  readonly norm: Float64Array;
}

/** Where the sum of squared windows is at most this, SciPy (and we) leave the sample undivided. */
const NOLA_EPS = 1e-10;

/**
 * Creates the state of a streaming inverse STFT (weighted overlap-add, `scipy.signal.istft`).
 *
 * @remarks
 * Each frame's irfft (truncated to `size` samples) is multiplied by the window and added at its
 * position (frame f starts at sample f * hop); the sum is divided by the sum of the squared
 * windows at each sample where that sum exceeds 1e-10 (elsewhere left as is, i.e. 0), exactly as
 * `scipy.signal.istft(..., boundary=False)`. With `scaling: 'spectrum'` the frames are first
 * multiplied by `sum(window)`, undoing the STFT's scaling. Use the same options as the STFT.
 * Allocates the window, FFT plan and accumulators (about 4 * size + fftSize float64); call it
 * outside realtime code.
 *
 * @param options - `size`, `hop`, `window`, `fftSize`, `scaling`: see {@link StftOptions}.
 * @returns The state, with empty accumulators.
 * @throws RangeError / TypeError as `createStftState`.
 *
 * @example
 * ```ts
 * import { createIstftState, processIstft } from '@ringflow/operators';
 * const istft = createIstftState({ size: 512, hop: 128 });
 * const out = processIstft(istft, new Float64Array(2 * istft.bins), new Float64Array(128));
 * ```
 */
export function createIstftState(options: IstftOptions): IstftState {
  const { size, hop, fftSize, window, scaling } = resolveStftOptions(options, 'createIstftState');
  let scale = 1;
  if (scaling === 'spectrum') {
    scale = 0;
    for (let i = 0; i < size; i++) scale += window[i]!;
  }
  const synth = new Float64Array(size);
  const window2 = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    synth[i] = window[i]! * scale;
    window2[i] = window[i]! * window[i]!;
  }
  const plan = createFftPlan(fftSize);
  const state: IstftStateInternal = {
    size,
    hop,
    fftSize,
    bins: plan.bins,
    window,
    scaling,
    plan,
    frame: new Float64Array(fftSize),
    synth,
    window2,
    acc: new Float64Array(size),
    norm: new Float64Array(size),
  };
  return state;
}

function internal(state: IstftState, fn: string): IstftStateInternal {
  const s = state as IstftStateInternal;
  if (s === null || typeof s !== 'object' || !(s.acc instanceof Float64Array)) {
    throw new TypeError(`${fn}: state must come from createIstftState(options)`);
  }
  return s;
}

/** Writes acc[0..count) / norm into output[offset..), then shifts the accumulators by `count`. */
function emit(s: IstftStateInternal, output: FloatArray, offset: number, count: number): void {
  const acc = s.acc;
  const norm = s.norm;
  for (let i = 0; i < count; i++) {
    const d = norm[i]!;
    output[offset + i] = d > NOLA_EPS ? acc[i]! / d : acc[i]!;
  }
  const size = s.size;
  acc.copyWithin(0, count);
  norm.copyWithin(0, count);
  acc.fill(0, size - count);
  norm.fill(0, size - count);
}

/**
 * Adds one spectrum frame to the overlap-add and emits the `hop` samples that are now final.
 *
 * @remarks
 * Streaming: the f-th call (f = 0, 1, ...) takes the spectrum of the frame that starts at input
 * sample f * hop and writes output samples [f * hop, (f + 1) * hop): no later frame touches them.
 * So output sample t is the reconstruction of input sample t, available once the frame starting
 * at floor(t / hop) * hop has arrived; relative to the input stream the latency is `size - hop`
 * samples plus framing (the frame needed for sample t ends at t + size - (t mod hop)). When
 * `hop > size`, samples not covered by any frame are 0. After the last frame, {@link flushIstft}
 * emits the remaining `size - hop` samples. Reconstruction of an unmodified STFT is exact (to
 * rounding) wherever the sum of squared windows exceeds 1e-10, e.g. everywhere but sample 0 for a
 * periodic Hann window. Layout: `spectrum` holds `bins` interleaved complex bins. Math in float64;
 * allocates nothing; any thread, including an AudioWorklet.
 *
 * @param state - From {@link createIstftState}.
 * @param spectrum - Exactly `2 * state.bins` elements.
 * @param output - At least `state.hop` elements; receives `hop` samples.
 * @returns `output`.
 * @throws TypeError if an array is not a Float32Array/Float64Array.
 * @throws RangeError if `spectrum.length !== 2 * bins` or `output` is shorter than `hop`.
 *
 * @example
 * ```ts
 * import { createStftState, createIstftState, processStft, processIstft } from '@ringflow/operators';
 * const options = { size: 8, hop: 4 };
 * const stft = createStftState(options);
 * const istft = createIstftState(options);
 * const spectrum = processStft(stft, new Float64Array(8).fill(1), new Float64Array(2 * stft.bins));
 * const out = processIstft(istft, spectrum, new Float64Array(4)); // samples 0..3
 * ```
 */
export function processIstft<T extends FloatArray>(state: IstftState, spectrum: FloatArray, output: T): T {
  const s = internal(state, 'processIstft');
  assertFloatArray('processIstft: spectrum', spectrum);
  assertFloatArray('processIstft: output', output);
  const { size, hop } = s;
  if (spectrum.length !== 2 * s.bins) {
    throw new RangeError(`processIstft: spectrum has ${spectrum.length} elements, the state needs exactly ${2 * s.bins}`);
  }
  if (output.length < hop) {
    throw new RangeError(`processIstft: output has ${output.length} elements, needs at least hop = ${hop}`);
  }
  const frame = irfft(s.plan, spectrum, s.frame);
  const acc = s.acc;
  const norm = s.norm;
  const synth = s.synth;
  const w2 = s.window2;
  for (let i = 0; i < size; i++) {
    acc[i]! += frame[i]! * synth[i]!;
    norm[i]! += w2[i]!;
  }
  const count = hop < size ? hop : size;
  emit(s, output, 0, count);
  for (let i = count; i < hop; i++) output[i] = 0;
  return output;
}

/**
 * Emits the samples still pending after the last frame and resets the state.
 *
 * @remarks
 * Writes `max(size - hop, 0)` samples: the tail of the last frame, normalised like the rest.
 * After F frames, the F calls of {@link processIstft} plus this flush give
 * `(F - 1) * hop + size` samples when `hop <= size`, the length `scipy.signal.istft` returns.
 * The state is then empty and ready for a new stream. Allocates nothing.
 *
 * @param state - From {@link createIstftState}.
 * @param output - At least `max(size - hop, 0)` elements.
 * @returns The number of samples written.
 * @throws RangeError if `output` is too short.
 *
 * @example
 * ```ts
 * import { createIstftState, flushIstft } from '@ringflow/operators';
 * const istft = createIstftState({ size: 8, hop: 2 });
 * const written = flushIstft(istft, new Float64Array(6)); // 6
 * ```
 */
export function flushIstft(state: IstftState, output: FloatArray): number {
  const s = internal(state, 'flushIstft');
  assertFloatArray('flushIstft: output', output);
  const count = Math.max(s.size - s.hop, 0);
  if (output.length < count) {
    throw new RangeError(`flushIstft: output has ${output.length} elements, needs at least size - hop = ${count}`);
  }
  emit(s, output, 0, count);
  resetIstft(s);
  return count;
}

/**
 * Clears the overlap-add accumulators, so the next frame starts a new stream.
 *
 * @remarks
 * Allocates nothing.
 *
 * @param state - From {@link createIstftState}.
 *
 * @example
 * ```ts
 * import { createIstftState, resetIstft } from '@ringflow/operators';
 * const istft = createIstftState({ size: 8, hop: 2 });
 * resetIstft(istft);
 * ```
 */
export function resetIstft(state: IstftState): void {
  const s = internal(state, 'resetIstft');
  s.acc.fill(0);
  s.norm.fill(0);
}
