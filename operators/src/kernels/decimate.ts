import { cheby1 } from '../design/cheby1.js';
import { firwin } from '../design/firwin.js';
import { assertFloatArray, assertRoom, type FloatArray } from '../internal/float-array.js';
import { cascadeSample, createSosfiltState, type SosfiltState } from './sosfilt.js';

/** Options of {@link createDecimateState}. */
export interface DecimateOptions {
  /** Anti-alias filter: `'iir'` (default, Chebyshev I, ripple 0.05 dB) or `'fir'` (Hamming-window FIR). */
  ftype?: 'iir' | 'fir';
  /** Filter order: default 8 for `'iir'`, `20 * q` for `'fir'` (the FIR then has `n + 1` taps). */
  n?: number;
  /**
   * Interleaved channels per frame (default 1): each channel is filtered on its own (its own
   * memory), and input and output are interleaved `[frames, channels]` samples.
   */
  channels?: number;
}

/**
 * State of a streaming decimator (see {@link createDecimateState}).
 *
 * @remarks
 * For `'iir'`, the sections of `sos` run on every input frame, with `memory` (2 values per section
 * per channel); for `'fir'`, `taps`/`history` form a mirrored delay line per channel (blocks of
 * `2 * taps.length`) and the convolution is only evaluated at the kept frames. `phase` is the
 * input frame count modulo `q`.
 */
export interface DecimateState {
  readonly q: number;
  readonly ftype: 'iir' | 'fir';
  /** Interleaved channels per frame. */
  readonly channels: number;
  /** The anti-alias sections for `'iir'` (its own `memory` is not used: see {@link DecimateState.memory}). */
  readonly sos: SosfiltState | null;
  /** `'iir'`: the filter memory of every channel, `2 * sections` values each. */
  readonly memory: Float64Array;
  readonly taps: Float64Array;
  readonly history: Float64Array;
  position: number;
  phase: number;
}

/**
 * Creates the state of a streaming decimator by `q`, the kernel behind `decimate(q)`.
 *
 * @remarks
 * Matches `scipy.signal.decimate(x, q, n, ftype, zero_phase=False)` over the whole stream, in any
 * chunking: `'iir'` is `sosfilt(cheby1(n, 0.05, 0.8 / q, output='sos'), x)[::q]`, `'fir'` is
 * `lfilter(firwin(n + 1, 1 / q, window='hamming'), 1, x)[::q]`. Streaming cannot be zero-phase (SciPy's
 * default `zero_phase=True` runs the filter forwards and backwards over the whole signal): the output
 * is delayed by the filter's group delay (`n / 2` input samples for `'fir'`). Frames kept are input
 * indices 0, q, 2q, ... With `channels`, input and output are interleaved frames and every channel
 * gets the numbers it would get alone (`decimate(x, q, axis=0)` on `[frames, channels]`).
 * Allocates once, here.
 *
 * @param q - decimation factor, a positive integer (`'fir'` needs q >= 2)
 * @param options - `ftype`, `n` and `channels` (default 1)
 * @returns a new state
 * @example
 * ```ts
 * import { createDecimateState, processDecimate, decimateOutputLength } from '@ringflow/operators';
 * const state = createDecimateState(4);
 * const input = new Float32Array(1000);
 * const out = new Float32Array(decimateOutputLength(state, input.length));
 * processDecimate(state, input, out);
 * ```
 */
export function createDecimateState(q: number, options?: DecimateOptions): DecimateState {
  if (typeof q !== 'number') throw new TypeError(`q must be a number, got ${typeof q}`);
  if (!Number.isInteger(q) || q < 1) throw new RangeError(`q must be a positive integer, got ${q}`);
  const ftype = options?.ftype ?? 'iir';
  if (ftype !== 'iir' && ftype !== 'fir') throw new TypeError(`ftype must be 'iir' or 'fir', got ${String(ftype)}`);
  const n = options?.n ?? (ftype === 'iir' ? 8 : 20 * q);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${String(n)}`);
  const channels = options?.channels ?? 1;
  if (typeof channels !== 'number' || !Number.isSafeInteger(channels) || channels < 1) {
    throw new RangeError(`channels must be a positive integer, got ${String(channels)}`);
  }
  if (ftype === 'iir') {
    const sos = createSosfiltState(cheby1(n, 0.05, 0.8 / q));
    return {
      q,
      ftype,
      channels,
      sos,
      memory: new Float64Array(2 * sos.sections * channels),
      taps: new Float64Array(0),
      history: new Float64Array(0),
      position: 0,
      phase: 0,
    };
  }
  if (q < 2) throw new RangeError("q must be >= 2 for ftype 'fir' (its cutoff 1/q must be below Nyquist)");
  const taps = firwin(n + 1, 1 / q, { window: 'hamming' });
  return { q, ftype, channels, sos: null, memory: new Float64Array(0), taps, history: new Float64Array(2 * taps.length * channels), position: 0, phase: 0 };
}

/**
 * Number of frames {@link processDecimate} will write for the next `inputLength` input frames.
 *
 * @param state - the decimator state
 * @param inputLength - frames in the next input chunk (its samples for a mono stream)
 * @returns the exact number of output frames (`ceil(n / q)` over a whole stream of `n` frames)
 * @example
 * ```ts
 * import { createDecimateState, decimateOutputLength } from '@ringflow/operators';
 * decimateOutputLength(createDecimateState(3), 10); // 4
 * ```
 */
export function decimateOutputLength(state: DecimateState, inputLength: number): number {
  const first = state.phase === 0 ? 0 : state.q - state.phase;
  return inputLength > first ? Math.ceil((inputLength - first) / state.q) : 0;
}

/**
 * Filters and decimates one chunk.
 *
 * @remarks
 * Writes `decimateOutputLength(state, frames)` frames to `output` (RangeError when shorter, or when
 * `input` is not a whole number of `channels`-sample frames). Input and output are interleaved
 * frames. Math in float64 (SciPy computes float32 input in float32; results agree to ~1e-5
 * relative). No allocation; safe in an AudioWorklet `process()` on the thread that owns the state.
 *
 * @param state - from {@link createDecimateState}; updated
 * @param input - the next input samples (interleaved frames)
 * @param output - receives the kept frames; must not alias `input`
 * @returns the number of frames written (samples for a mono stream)
 * @example
 * ```ts
 * import { createDecimateState, processDecimate } from '@ringflow/operators';
 * const state = createDecimateState(2, { ftype: 'fir' });
 * const out = new Float64Array(64);
 * processDecimate(state, new Float64Array(128), out); // 64
 * ```
 */
export function processDecimate(state: DecimateState, input: FloatArray, output: FloatArray): number {
  assertFloatArray('input', input);
  assertFloatArray('output', output);
  const channels = state.channels;
  if (input.length % channels !== 0) {
    throw new RangeError(`input holds ${input.length} samples, not a whole number of ${channels}-channel frames`);
  }
  const frames = input.length / channels;
  assertRoom(output, decimateOutputLength(state, frames) * channels);
  const q = state.q;
  let phase = state.phase;
  let w = 0;
  const sos = state.sos;
  if (sos !== null) {
    const coef = sos.coefficients;
    const z = state.memory;
    const sections = sos.sections;
    for (let i = 0, at = 0; i < frames; i++) {
      for (let ch = 0, m0 = 0; ch < channels; ch++, at++, m0 += 2 * sections) {
        const x = cascadeSample(coef, z, m0, sections, input[at]!);
        if (phase === 0) output[w++] = x;
      }
      phase = phase + 1 === q ? 0 : phase + 1;
    }
  } else {
    const taps = state.taps;
    const hist = state.history;
    const len = taps.length;
    let pos = state.position;
    for (let i = 0, at = 0; i < frames; i++) {
      for (let ch = 0, block = 0; ch < channels; ch++, at++, block += 2 * len) {
        const x = input[at]!;
        hist[block + pos] = x;
        hist[block + pos + len] = x;
        if (phase === 0) {
          let acc = 0;
          const base = block + pos + len;
          for (let k = 0; k < len; k++) acc += taps[k]! * hist[base - k]!;
          output[w++] = acc;
        }
      }
      pos = pos + 1 === len ? 0 : pos + 1;
      phase = phase + 1 === q ? 0 : phase + 1;
    }
    state.position = pos;
  }
  state.phase = phase;
  return w / channels;
}

/**
 * Clears a decimator state for a new stream (filter memory and phase), keeping its filter.
 *
 * @param state - the state to reset
 * @example
 * ```ts
 * import { createDecimateState, resetDecimate } from '@ringflow/operators';
 * const state = createDecimateState(4);
 * resetDecimate(state);
 * ```
 */
export function resetDecimate(state: DecimateState): void {
  state.memory.fill(0);
  state.history.fill(0);
  state.position = 0;
  state.phase = 0;
}
