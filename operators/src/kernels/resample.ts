import { firwin } from '../design/firwin.js';
import type { WindowName } from '../design/windows.js';
import { assertFloatArray, assertRoom, type FloatArray } from '../internal/float-array.js';

/** Options of {@link createResampleState}. */
export interface ResampleOptions {
  /**
   * Window for the anti-alias FIR design (default `['kaiser', 5]`, as SciPy), or the FIR taps themselves
   * (then `half_len = (taps.length - 1) >> 1`, taps scaled by `up`, as `resample_poly(..., window=array)`).
   */
  window?: WindowName | readonly [WindowName, number] | ArrayLike<number>;
  /**
   * Interleaved channels per frame (default 1): each channel is resampled on its own (its own
   * history), and input and output are interleaved `[frames, channels]` samples.
   */
  channels?: number;
}

/**
 * State of a streaming polyphase resampler (see {@link createResampleState}).
 *
 * @remarks
 * `up`/`down` are reduced by their gcd. `taps` is the anti-alias filter times `up`, centred at
 * `halfLength`. Counters are frame counts since the start of the stream (exact up to 2^53 / up).
 */
export interface ResampleState {
  readonly up: number;
  readonly down: number;
  /** Interleaved channels per frame. */
  readonly channels: number;
  readonly taps: Float64Array;
  readonly halfLength: number;
  /**
   * Mirrored input history, one block of `2 * span` per channel: in channel `c`'s block, slots
   * `n % span` and `n % span + span` both hold input frame `n`.
   */
  readonly history: Float64Array;
  readonly span: number;
  /** Real input frames received. */
  inputCount: number;
  /** Frames in the history (real ones plus the zeros pushed by a flush). */
  pushedCount: number;
  /** Output frames produced. */
  outputCount: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function checkFactor(name: string, v: number): void {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number, got ${typeof v}`);
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
}

/**
 * Creates the state of a streaming polyphase resampler by `up / down`, the kernel behind
 * `resample(up, down)`.
 *
 * @remarks
 * Feeding a whole stream through {@link processResample} in any chunking, then {@link flushResample},
 * produces exactly `scipy.signal.resample_poly(x, up, down)` (default `padtype='constant'`): the same
 * filter (`firwin(2 * half_len + 1, 1 / max(up, down), window=('kaiser', 5.0)) * up`, `half_len = 10 *
 * max(up, down)`), the same delay compensation (the filter is centred, so the output is not delayed) and
 * the same length `ceil(n * up / down)`. The price of zero delay is latency: an output leaves once the
 * `half_len / up` input samples after it have arrived; the flush supplies the zeros SciPy pads with.
 * `up` and `down` are reduced by their gcd; `up = down` passes samples through. With `channels`,
 * input and output are interleaved frames and every channel gets the numbers it would get alone
 * (`resample_poly(x, up, down, axis=0)` on `[frames, channels]`). Allocates once, here.
 *
 * @param up - upsampling factor, a positive integer
 * @param down - downsampling factor, a positive integer
 * @param options - `window` (name, `[name, param]` or explicit taps), `channels` (default 1)
 * @returns a new state
 * @example
 * ```ts
 * import { createResampleState, processResample, flushResample, resampleOutputLength, resampleFlushLength } from '@ringflow/operators';
 * const state = createResampleState(160, 147); // 44.1 kHz -> 48 kHz
 * const input = new Float32Array(441);
 * const out = new Float32Array(resampleOutputLength(state, input.length));
 * const written = processResample(state, input, out);
 * const tail = new Float32Array(resampleFlushLength(state));
 * flushResample(state, tail);
 * ```
 */
export function createResampleState(up: number, down: number, options?: ResampleOptions): ResampleState {
  checkFactor('up', up);
  checkFactor('down', down);
  const channels = options?.channels ?? 1;
  checkFactor('channels', channels);
  const g = gcd(up, down);
  const u = up / g;
  const d = down / g;
  let taps: Float64Array;
  let halfLength: number;
  const window = options?.window ?? (['kaiser', 5] as const);
  if (u === 1 && d === 1) {
    taps = new Float64Array([1]);
    halfLength = 0;
  } else if (typeof window !== 'string' && !(Array.isArray(window) && typeof window[0] === 'string')) {
    const w = window as ArrayLike<number>;
    if (typeof w.length !== 'number' || w.length === 0) throw new RangeError('window taps must not be empty');
    taps = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const v = w[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`window[${i}] must be a finite number, got ${String(v)}`);
      taps[i] = v * u;
    }
    halfLength = (w.length - 1) >> 1;
  } else {
    const maxRate = Math.max(u, d);
    halfLength = 10 * maxRate;
    taps = firwin(2 * halfLength + 1, 1 / maxRate, { window: window as WindowName | readonly [WindowName, number] });
    for (let i = 0; i < taps.length; i++) taps[i] = taps[i]! * u;
  }
  const span = Math.ceil(taps.length / u) + 1;
  return {
    up: u,
    down: d,
    channels,
    taps,
    halfLength,
    history: new Float64Array(2 * span * channels),
    span,
    inputCount: 0,
    pushedCount: 0,
    outputCount: 0,
  };
}

/**
 * Number of frames {@link processResample} will write for the next `inputLength` input frames.
 *
 * @remarks
 * Depends on the state (how many frames came before), so call it per chunk to size the output, or
 * size once with `Math.ceil(maxChunk * up / down) + 1` (an upper bound). Counts frames: for
 * `channels` > 1 the output needs `channels` times as many samples. No allocation.
 *
 * @param state - the resampler state
 * @param inputLength - frames in the next input chunk (its samples for a mono stream)
 * @returns the exact number of output frames
 * @example
 * ```ts
 * import { createResampleState, resampleOutputLength } from '@ringflow/operators';
 * const n = resampleOutputLength(createResampleState(3, 2), 1024);
 * ```
 */
export function resampleOutputLength(state: ResampleState, inputLength: number): number {
  const limit = (state.pushedCount + inputLength) * state.up - state.halfLength;
  return Math.max(0, Math.ceil(limit / state.down) - state.outputCount);
}

/**
 * Number of frames {@link flushResample} will write: the tail still owed for the input so far.
 *
 * @param state - the resampler state
 * @returns the number of tail frames (samples for a mono stream)
 * @example
 * ```ts
 * import { createResampleState, resampleFlushLength } from '@ringflow/operators';
 * const tail = resampleFlushLength(createResampleState(2, 3));
 * ```
 */
export function resampleFlushLength(state: ResampleState): number {
  const total = Math.ceil((state.inputCount * state.up) / state.down);
  return Math.max(0, total - state.outputCount);
}

/** Pushes frame `frame` of `input` (or zeros when `input` is null) into every channel's history. */
function push(state: ResampleState, input: FloatArray | null, frame: number): void {
  const { history, span, channels } = state;
  const slot = state.pushedCount % span;
  for (let c = 0, at = frame * channels, block = 0; c < channels; c++, block += 2 * span) {
    const x = input === null ? 0 : input[at + c]!;
    history[block + slot] = x;
    history[block + slot + span] = x;
  }
  state.pushedCount++;
}

/** Emits every output frame whose inputs are all in the history; returns the new write index. */
function emitReady(state: ResampleState, output: FloatArray, w: number, limit: number): number {
  const { up, down, taps, halfLength, history, span, channels } = state;
  const len = taps.length;
  const available = state.pushedCount * up;
  let t = state.outputCount;
  while (t < limit) {
    const p = t * down + halfLength;
    if (p >= available) break;
    const nhi = Math.floor(p / up);
    const j0 = p - nhi * up;
    for (let c = 0, block = 0; c < channels; c++, block += 2 * span) {
      let idx = block + (nhi % span) + span;
      let acc = 0;
      for (let j = j0; j < len; j += up) acc += taps[j]! * history[idx--]!;
      output[w++] = acc;
    }
    t++;
  }
  state.outputCount = t;
  return w;
}

/**
 * Resamples one chunk, writing the outputs that are complete.
 *
 * @remarks
 * Writes `resampleOutputLength(state, frames)` frames to the start of `output` (RangeError when
 * `output` is shorter, or when `input` is not a whole number of `channels`-sample frames; checked
 * before anything is consumed). Input and output are interleaved frames. Math in float64; a float32
 * output rounds. No allocation; safe in an AudioWorklet `process()` on the thread that owns the state.
 *
 * @param state - from {@link createResampleState}; updated
 * @param input - the next input samples (interleaved frames)
 * @param output - receives the outputs; must not alias `input`
 * @returns the number of frames written (samples for a mono stream)
 * @example
 * ```ts
 * import { createResampleState, processResample } from '@ringflow/operators';
 * const state = createResampleState(1, 2);
 * const out = new Float64Array(64);
 * const n = processResample(state, new Float64Array(128), out);
 * ```
 */
export function processResample(state: ResampleState, input: FloatArray, output: FloatArray): number {
  assertFloatArray('input', input);
  assertFloatArray('output', output);
  if (state.pushedCount !== state.inputCount) throw new RangeError('resampler was flushed: call resetResample first');
  const channels = state.channels;
  if (input.length % channels !== 0) {
    throw new RangeError(`input holds ${input.length} samples, not a whole number of ${channels}-channel frames`);
  }
  const frames = input.length / channels;
  assertRoom(output, resampleOutputLength(state, frames) * channels);
  let w = 0;
  for (let i = 0; i < frames; i++) {
    push(state, input, i);
    state.inputCount++;
    w = emitReady(state, output, w, Infinity);
  }
  return w / channels;
}

/**
 * Ends the stream: writes the remaining outputs (computed with zeros after the last input, as SciPy
 * pads), then resets the state for a new stream.
 *
 * @remarks
 * Writes `resampleFlushLength(state)` frames (RangeError when `output` is shorter). No allocation.
 *
 * @param state - the resampler state; reset afterwards
 * @param output - receives the tail (interleaved frames)
 * @returns the number of frames written
 * @example
 * ```ts
 * import { createResampleState, flushResample, resampleFlushLength } from '@ringflow/operators';
 * const state = createResampleState(3, 2);
 * const tail = new Float64Array(resampleFlushLength(state));
 * flushResample(state, tail);
 * ```
 */
export function flushResample(state: ResampleState, output: FloatArray): number {
  assertFloatArray('output', output);
  const total = Math.ceil((state.inputCount * state.up) / state.down);
  assertRoom(output, (total - state.outputCount) * state.channels);
  let w = emitReady(state, output, 0, total);
  while (state.outputCount < total) {
    push(state, null, 0);
    w = emitReady(state, output, w, total);
  }
  resetResample(state);
  return w / state.channels;
}

/**
 * Clears a resampler state for a new stream (history, counters), keeping its filter.
 *
 * @param state - the state to reset
 * @example
 * ```ts
 * import { createResampleState, resetResample } from '@ringflow/operators';
 * const state = createResampleState(2, 1);
 * resetResample(state);
 * ```
 */
export function resetResample(state: ResampleState): void {
  state.history.fill(0);
  state.inputCount = 0;
  state.pushedCount = 0;
  state.outputCount = 0;
}
