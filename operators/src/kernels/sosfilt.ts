import { sosfiltZi } from '../design/sosfilt-zi.js';
import type { FloatArray } from '../internal/float-array.js';
import { sosCoefficients, type SosInput } from '../internal/sos-input.js';
import { readState } from '../internal/state-input.js';
import { channelCount, checkBlock } from '../internal/channels.js';

export type { SosInput } from '../internal/sos-input.js';

/**
 * State of a streaming cascade of second-order sections (see {@link createSosfiltState}).
 *
 * @remarks
 * Plain data: `coefficients` holds the normalised rows (`a0 = 1`) as 6 consecutive float64 values per
 * section (`b0 b1 b2 a0 a1 a2`); `memory` the two transposed-direct-form-II delays per section and
 * channel, channel after channel (`memory[(c * sections + s) * 2 + j]`).
 */
export interface SosfiltState {
  readonly sections: number;
  /** Interleaved channels per frame (1 for mono). */
  readonly channels: number;
  readonly coefficients: Float64Array;
  readonly memory: Float64Array;
}

/** Options of {@link createSosfiltState}. */
export interface SosfiltStateOptions {
  /** Interleaved channels of the samples to filter (default 1); each channel has its own memory. */
  readonly channels?: number;
}

/**
 * Creates the state of a streaming IIR filter made of second-order sections, the kernel behind
 * `sosfilt(sos)` and `signal.sosfilt`.
 *
 * @remarks
 * Equivalent to `scipy.signal.sosfilt(sos, x)` applied to the whole stream, whatever the chunking. Rows
 * are `[b0, b1, b2, a0, a1, a2]` (as returned by `butter`); a row with `a0 != 1` is normalised (SciPy
 * rejects it). The memory starts at zero (`zi = 0`; see {@link setSosfiltState} and
 * {@link primeSosfilt}). With `channels`, the input is interleaved frames and each channel is
 * filtered on its own, exactly as if it were alone. Allocates once, here.
 *
 * @param sos - the sections, e.g. from `butter(...)`
 * @param options - `channels` (default 1)
 * @returns a new state
 * @throws RangeError when there are no sections, a row does not have 6 values, `a0 = 0`, or an ndarray
 *   view's shape does not fit its data; TypeError for NaN/infinite coefficients
 * @example
 * ```ts
 * import { butter, createSosfiltState, processSosfilt } from '@ringflow/operators';
 * const state = createSosfiltState(butter(4, 0.2), { channels: 2 });
 * const y = new Float64Array(512); // 256 stereo frames
 * processSosfilt(state, new Float64Array(512).fill(1), y);
 * ```
 */
export function createSosfiltState(sos: SosInput, options?: SosfiltStateOptions): SosfiltState {
  const coefficients = sosCoefficients('', sos, true);
  const channels = channelCount('', options?.channels);
  const sections = coefficients.length / 6;
  return { sections, channels, coefficients, memory: new Float64Array(sections * 2 * channels) };
}

/**
 * Filters one chunk through the sections, continuing from the state's memory.
 *
 * @remarks
 * Transposed direct form II per section, in float64, in the same operation order as SciPy's
 * `sosfilt`. Input and output hold interleaved frames of `state.channels` samples (RangeError when the
 * length is not a whole number of frames). Writes `input.length` samples to the start of `output`
 * (which may be the input itself, for in-place filtering, and of the other float type: float32
 * output rounds the float64 result). No allocation; safe in an AudioWorklet `process()` on the
 * thread that owns the state.
 *
 * @param state - from {@link createSosfiltState}; updated
 * @param input - samples to filter
 * @param output - receives the filtered samples; `output.length >= input.length` (RangeError otherwise)
 * @returns the number of samples written (`input.length`)
 * @example
 * ```ts
 * import { butter, createSosfiltState, processSosfilt } from '@ringflow/operators';
 * const state = createSosfiltState(butter(2, 1000, { sampleRate: 48000 }));
 * const block = new Float32Array(128);
 * processSosfilt(state, block, block); // in place
 * ```
 */
export function processSosfilt(state: SosfiltState, input: FloatArray, output: FloatArray): number {
  const channels = state.channels;
  const n = checkBlock(input, output, channels);
  const c = state.coefficients;
  const z = state.memory;
  const sections = state.sections;
  for (let ch = 0; ch < channels; ch++) {
    const base = ch * sections * 2;
    for (let i = ch; i < n; i += channels) output[i] = cascadeSample(c, z, base, sections, input[i]!);
  }
  return n;
}

/**
 * One sample `x` through a cascade of second-order sections in transposed direct form II (SciPy's
 * `sosfilt`): coefficients `c` (6 per section, `a0` normalised to 1), delays `z[m0 ..]` (2 per
 * section, updated). The per-sample step shared by `processSosfilt` and `processDecimate`.
 */
export function cascadeSample(c: Float64Array, z: Float64Array, m0: number, sections: number, x: number): number {
  for (let s = 0, k = 0, m = m0; s < sections; s++, k += 6, m += 2) {
    const y = c[k]! * x + z[m]!;
    z[m] = c[k + 1]! * x - c[k + 4]! * y + z[m + 1]!;
    z[m + 1] = c[k + 2]! * x - c[k + 5]! * y;
    x = y;
  }
  return x;
}

/**
 * Clears the memory of a sosfilt state (as if no sample had been filtered).
 *
 * @remarks
 * Keeps the coefficients. No allocation.
 *
 * @param state - the state to reset
 * @example
 * ```ts
 * import { butter, createSosfiltState, resetSosfilt } from '@ringflow/operators';
 * const state = createSosfiltState(butter(2, 0.1));
 * resetSosfilt(state);
 * ```
 */
export function resetSosfilt(state: SosfiltState): void {
  state.memory.fill(0);
}

/**
 * Replaces the coefficients of a sosfilt state for a live parameter change, keeping its memory.
 *
 * @remarks
 * With the same number of sections the delays carry over, so the output stays continuous (no reset
 * click); with a different number of sections a new state (same channels) with zeroed memory is
 * returned instead. The validation allocates a scratch copy of the coefficients: call it from
 * control code, not per sample. For click-free sweeps prefer small steps; transposed direct form II
 * tolerates coefficient changes well.
 *
 * @param state - the running state
 * @param sos - the new sections
 * @returns `state` itself (updated in place) when the section count matches, else a new state
 * @example
 * ```ts
 * import { butter, createSosfiltState, setSosfiltCoefficients } from '@ringflow/operators';
 * let state = createSosfiltState(butter(4, 500, { sampleRate: 48000 }));
 * state = setSosfiltCoefficients(state, butter(4, 800, { sampleRate: 48000 }));
 * ```
 */
export function setSosfiltCoefficients(state: SosfiltState, sos: SosInput): SosfiltState {
  const coefficients = sosCoefficients('', sos, true);
  const sections = coefficients.length / 6;
  if (sections !== state.sections) {
    return { sections, channels: state.channels, coefficients, memory: new Float64Array(sections * 2 * state.channels) };
  }
  state.coefficients.set(coefficients);
  return state;
}

/**
 * Sets the memory of a sosfilt state explicitly: SciPy's `zi`.
 *
 * @remarks
 * `zi` has SciPy's shape for the state's layout: `[sections, 2]` for mono, `[sections, 2, channels]`
 * for interleaved channels (what `scipy.signal.sosfilt(sos, x, axis=0, zi=zi)` takes for `x` of shape
 * `[frames, channels]`), as nested arrays, a flat row-major array or an ndarray view. Allocates a
 * scratch copy: call from control code.
 *
 * @param state - the state to set
 * @param zi - the delays
 * @throws RangeError when the shape does not match; TypeError for non-finite values
 * @example
 * ```ts
 * import { butter, createSosfiltState, setSosfiltState } from '@ringflow/operators';
 * const state = createSosfiltState(butter(2, 0.1));
 * setSosfiltState(state, [[0.1, -0.05]]);
 * ```
 */
export function setSosfiltState(state: SosfiltState, zi: unknown): void {
  writeSosfiltState('setSosfiltState', state, zi);
}

/** {@link setSosfiltState} with errors prefixed by `what` (for the operators). */
export function writeSosfiltState(what: string, state: SosfiltState, zi: unknown): void {
  const { sections, channels } = state;
  const dims = channels === 1 ? [sections, 2] : [sections, 2, channels];
  const values = readState(what, zi, dims);
  for (let s = 0; s < sections; s++) {
    for (let j = 0; j < 2; j++) {
      for (let ch = 0; ch < channels; ch++) state.memory[(ch * sections + s) * 2 + j] = values[(s * 2 + j) * channels + ch]!;
    }
  }
}

/**
 * Reads the memory of a sosfilt state in SciPy's layout (`zf`): `[sections, 2]` row-major for mono,
 * `[sections, 2, channels]` for interleaved channels.
 *
 * @param state - the state to read
 * @returns a new Float64Array of `sections * 2 * channels` values
 * @example
 * ```ts
 * import { butter, createSosfiltState, sosfiltState } from '@ringflow/operators';
 * const zf = sosfiltState(createSosfiltState(butter(2, 0.1))); // [0, 0]
 * ```
 */
export function sosfiltState(state: SosfiltState): Float64Array {
  const { sections, channels } = state;
  const out = new Float64Array(sections * 2 * channels);
  for (let s = 0; s < sections; s++) {
    for (let j = 0; j < 2; j++) {
      for (let ch = 0; ch < channels; ch++) out[(s * 2 + j) * channels + ch] = state.memory[(ch * sections + s) * 2 + j]!;
    }
  }
  return out;
}

/**
 * Starts a sosfilt state from the steady state of a step: `sosfilt_zi(sos) * x0` for each channel,
 * SciPy's recipe for filtering without a start-up transient (the `zi: 'step'` option).
 *
 * @remarks
 * `frame` holds the first sample of each channel (`frame[c]`, `state.channels` values). Computes
 * `sosfiltZi` of the state's coefficients, which allocates: call it once, before the first chunk
 * (or let the `sosfilt` operator do it with `zi: 'step'`).
 *
 * @param state - the state to set
 * @param frame - the first value of each channel
 * @example
 * ```ts
 * import { butter, createSosfiltState, primeSosfilt, processSosfilt } from '@ringflow/operators';
 * const state = createSosfiltState(butter(4, 0.1));
 * const x = new Float64Array(64).fill(2);
 * primeSosfilt(state, [x[0]!]);
 * const y = new Float64Array(64);
 * processSosfilt(state, x, y); // y is 2 throughout
 * ```
 */
export function primeSosfilt(state: SosfiltState, frame: ArrayLike<number>): void {
  const { sections, channels } = state;
  if (frame.length !== channels) throw new RangeError(`primeSosfilt: frame must hold ${channels} values (one per channel), got ${frame.length}`);
  const zi = sosfiltZi(state.coefficients);
  for (let ch = 0; ch < channels; ch++) {
    const x0 = frame[ch]!;
    for (let s = 0; s < sections; s++) {
      state.memory[(ch * sections + s) * 2] = zi[s]![0]! * x0;
      state.memory[(ch * sections + s) * 2 + 1] = zi[s]![1]! * x0;
    }
  }
}
