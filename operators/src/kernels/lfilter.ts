import { lfilterZi } from '../design/lfilter-zi.js';
import { channelCount, checkBlock } from '../internal/channels.js';
import { coefficients } from '../internal/coefficients.js';
import type { FloatArray } from '../internal/float-array.js';
import { readState } from '../internal/state-input.js';

/**
 * State of a streaming rational filter `b(z) / a(z)` (see {@link createLfilterState}).
 *
 * @remarks
 * Plain data: `b` and `a` are normalised by `a[0]` and zero-padded to `order + 1` values; `memory`
 * holds the `order` transposed-direct-form-II delays per channel, channel after channel.
 */
export interface LfilterState {
  /** `max(len(a), len(b)) - 1`. */
  readonly order: number;
  /** Interleaved channels per frame (1 for mono). */
  readonly channels: number;
  readonly b: Float64Array;
  readonly a: Float64Array;
  readonly memory: Float64Array;
}

/** Options of {@link createLfilterState}. */
export interface LfilterStateOptions {
  /** Interleaved channels of the samples to filter (default 1); each channel has its own memory. */
  readonly channels?: number;
}

function normalised(b: unknown, a: unknown): { b: Float64Array; a: Float64Array; order: number } {
  const bb = coefficients('', 'b', b);
  const aa = coefficients('', 'a', a);
  const a0 = aa[0]!;
  if (a0 === 0) throw new RangeError('a[0] must not be 0');
  const order = Math.max(aa.length, bb.length) - 1;
  const bn = new Float64Array(order + 1);
  const an = new Float64Array(order + 1);
  for (let i = 0; i < bb.length; i++) bn[i] = bb[i]! / a0;
  for (let i = 0; i < aa.length; i++) an[i] = aa[i]! / a0;
  return { b: bn, a: an, order };
}

/**
 * Creates the state of a streaming filter `y = lfilter(b, a, x)`, the kernel behind the `lfilter`
 * operator and `signal.lfilter`.
 *
 * @remarks
 * Direct form II transposed, as SciPy's `lfilter`: `b` and `a` are divided by `a[0]` (which must not
 * be 0) and padded with zeros to the same length. Over a whole stream, in any chunking, the output
 * equals `scipy.signal.lfilter(b, a, x)` (zero initial state; see {@link setLfilterState} and
 * {@link primeLfilter}). With `channels`, the input is interleaved frames and each channel is
 * filtered on its own, exactly as if it were alone. High orders in this form are numerically
 * fragile (as in SciPy): prefer second-order sections (`sosfilt`) for IIR filters above order ~8.
 * Allocates once, here.
 *
 * @param b - numerator coefficients (non-empty, finite)
 * @param a - denominator coefficients (non-empty, finite, `a[0] != 0`)
 * @param options - `channels` (default 1)
 * @returns a new state
 * @throws TypeError for non-numbers; RangeError for empty coefficients or `a[0] = 0`
 * @example
 * ```ts
 * import { createLfilterState, processLfilter } from '@ringflow/operators';
 * const state = createLfilterState([0.2], [1, -0.8]); // one-pole low-pass
 * const y = new Float64Array(4);
 * processLfilter(state, Float64Array.of(1, 0, 0, 0), y); // [0.2, 0.16, 0.128, 0.1024]
 * ```
 */
export function createLfilterState(b: ArrayLike<number>, a: ArrayLike<number>, options?: LfilterStateOptions): LfilterState {
  const coef = normalised(b, a);
  const channels = channelCount('', options?.channels);
  return { ...coef, channels, memory: new Float64Array(coef.order * channels) };
}

/**
 * Filters one chunk, continuing from the state's memory.
 *
 * @remarks
 * `y[n] = b[0] x[n] + z[0]`, `z[k] = z[k+1] + b[k+1] x[n] - a[k+1] y[n]`, in float64, in SciPy's
 * operation order. Input and output hold interleaved frames of `state.channels` samples (RangeError
 * when the length is not a whole number of frames). `output` may be `input` (in place) and of the
 * other float type (float32 rounds once). No allocation; safe in an AudioWorklet `process()`.
 *
 * @param state - from {@link createLfilterState}; updated
 * @param input - samples to filter
 * @param output - receives `input.length` samples (RangeError when shorter)
 * @returns the number of samples written
 * @example
 * ```ts
 * import { createLfilterState, processLfilter } from '@ringflow/operators';
 * const state = createLfilterState([1, 1], [1]);
 * const block = Float64Array.of(1, 2, 3);
 * processLfilter(state, block, block); // [1, 3, 5]
 * ```
 */
export function processLfilter(state: LfilterState, input: FloatArray, output: FloatArray): number {
  const channels = state.channels;
  const n = checkBlock(input, output, channels);
  const { b, a, order, memory: z } = state;
  const b0 = b[0]!;
  if (order === 0) {
    for (let i = 0; i < n; i++) output[i] = input[i]! * b0;
    return n;
  }
  const last = order - 1;
  for (let ch = 0; ch < channels; ch++) {
    const base = ch * order;
    for (let i = ch; i < n; i += channels) {
      const x = input[i]!;
      const y = z[base]! + b0 * x;
      for (let k = 0; k < last; k++) z[base + k] = z[base + k + 1]! + x * b[k + 1]! - y * a[k + 1]!;
      z[base + last] = x * b[order]! - y * a[order]!;
      output[i] = y;
    }
  }
  return n;
}

/**
 * Clears the memory of an lfilter state (as if no sample had been filtered). No allocation.
 *
 * @param state - the state to reset
 * @example
 * ```ts
 * import { createLfilterState, resetLfilter } from '@ringflow/operators';
 * const state = createLfilterState([1], [1, -0.5]);
 * resetLfilter(state);
 * ```
 */
export function resetLfilter(state: LfilterState): void {
  state.memory.fill(0);
}

/**
 * Replaces the coefficients of an lfilter state, keeping its memory when the order is the same.
 *
 * @remarks
 * Same order: the delays carry over (continuous output, like `lfilter(b2, a2, x2, zi=zf)`); another
 * order: a new state (same channels) with zeroed memory is returned. Allocates: call from control code.
 *
 * @param state - the running state
 * @param b - new numerator
 * @param a - new denominator
 * @returns `state` (updated) when the order matches, else a new state
 * @example
 * ```ts
 * import { createLfilterState, setLfilterCoefficients } from '@ringflow/operators';
 * let state = createLfilterState([0.1], [1, -0.9]);
 * state = setLfilterCoefficients(state, [0.2], [1, -0.8]);
 * ```
 */
export function setLfilterCoefficients(state: LfilterState, b: ArrayLike<number>, a: ArrayLike<number>): LfilterState {
  const coef = normalised(b, a);
  if (coef.order !== state.order) return { ...coef, channels: state.channels, memory: new Float64Array(coef.order * state.channels) };
  state.b.set(coef.b);
  state.a.set(coef.a);
  return state;
}

/**
 * Sets the memory of an lfilter state explicitly: SciPy's `zi`.
 *
 * @remarks
 * `zi` has SciPy's shape for the state's layout: `[order]` for mono, `[order, channels]` for
 * interleaved channels (what `scipy.signal.lfilter(b, a, x, axis=0, zi=zi)` takes for `x` of shape
 * `[frames, channels]`), as nested arrays, a flat row-major array or an ndarray view. Allocates a
 * scratch copy: call from control code.
 *
 * @param state - the state to set
 * @param zi - the delays
 * @throws RangeError when the shape does not match; TypeError for non-finite values
 * @example
 * ```ts
 * import { createLfilterState, setLfilterState } from '@ringflow/operators';
 * const state = createLfilterState([1, 0.5], [1, -0.5]);
 * setLfilterState(state, [0.25]);
 * ```
 */
export function setLfilterState(state: LfilterState, zi: unknown): void {
  writeLfilterState('setLfilterState', state, zi);
}

/** {@link setLfilterState} with errors prefixed by `what` (for the operators). */
export function writeLfilterState(what: string, state: LfilterState, zi: unknown): void {
  const { order, channels } = state;
  const values = readState(what, zi, channels === 1 ? [order] : [order, channels]);
  for (let k = 0; k < order; k++) for (let ch = 0; ch < channels; ch++) state.memory[ch * order + k] = values[k * channels + ch]!;
}

/**
 * Reads the memory of an lfilter state in SciPy's layout (`zf`): `[order]` for mono,
 * `[order, channels]` row-major for interleaved channels.
 *
 * @param state - the state to read
 * @returns a new Float64Array of `order * channels` values
 * @example
 * ```ts
 * import { createLfilterState, lfilterState } from '@ringflow/operators';
 * const zf = lfilterState(createLfilterState([1, 1], [1])); // [0]
 * ```
 */
export function lfilterState(state: LfilterState): Float64Array {
  const { order, channels } = state;
  const out = new Float64Array(order * channels);
  for (let k = 0; k < order; k++) for (let ch = 0; ch < channels; ch++) out[k * channels + ch] = state.memory[ch * order + k]!;
  return out;
}

/**
 * Starts an lfilter state from the steady state of a step: `lfilter_zi(b, a) * x0` for each channel
 * (the `zi: 'step'` option).
 *
 * @remarks
 * `frame` holds the first sample of each channel. Computes `lfilterZi`, which allocates: call it once,
 * before the first chunk.
 *
 * @param state - the state to set
 * @param frame - the first value of each channel
 * @throws RangeError when the filter has no steady state (a pole at z = 1)
 * @example
 * ```ts
 * import { createLfilterState, primeLfilter, processLfilter } from '@ringflow/operators';
 * const state = createLfilterState([0.2], [1, -0.8]);
 * primeLfilter(state, [5]);
 * const y = new Float64Array(3);
 * processLfilter(state, Float64Array.of(5, 5, 5), y); // [5, 5, 5]
 * ```
 */
export function primeLfilter(state: LfilterState, frame: ArrayLike<number>): void {
  const { order, channels } = state;
  if (frame.length !== channels) throw new RangeError(`primeLfilter: frame must hold ${channels} values (one per channel), got ${frame.length}`);
  const zi = lfilterZi(state.b, state.a);
  for (let ch = 0; ch < channels; ch++) for (let k = 0; k < order; k++) state.memory[ch * order + k] = zi[k]! * frame[ch]!;
}
