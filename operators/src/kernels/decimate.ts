import { cheby1 } from '../design/cheby1.js';
import { firwin } from '../design/firwin.js';
import { assertFloatArray, assertRoom, type FloatArray } from '../internal/float-array.js';
import { createSosfiltState, type SosfiltState } from './sosfilt.js';

/** Options of {@link createDecimateState}. */
export interface DecimateOptions {
  /** Anti-alias filter: `'iir'` (default, Chebyshev I, ripple 0.05 dB) or `'fir'` (Hamming-window FIR). */
  ftype?: 'iir' | 'fir';
  /** Filter order: default 8 for `'iir'`, `20 * q` for `'fir'` (the FIR then has `n + 1` taps). */
  n?: number;
}

/**
 * State of a streaming decimator (see {@link createDecimateState}).
 *
 * @remarks
 * For `'iir'`, `sos` runs on every input sample; for `'fir'`, `taps`/`history` form a mirrored delay
 * line and the convolution is only evaluated at the kept samples. `phase` is the input count modulo `q`.
 */
export interface DecimateState {
  readonly q: number;
  readonly ftype: 'iir' | 'fir';
  readonly sos: SosfiltState | null;
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
 * is delayed by the filter's group delay (`n / 2` input samples for `'fir'`). Samples kept are input
 * indices 0, q, 2q, ... Allocates once, here.
 *
 * @param q - decimation factor, a positive integer (`'fir'` needs q >= 2)
 * @param options - `ftype` and `n`
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
  if (ftype === 'iir') {
    return {
      q,
      ftype,
      sos: createSosfiltState(cheby1(n, 0.05, 0.8 / q)),
      taps: new Float64Array(0),
      history: new Float64Array(0),
      position: 0,
      phase: 0,
    };
  }
  if (q < 2) throw new RangeError("q must be >= 2 for ftype 'fir' (its cutoff 1/q must be below Nyquist)");
  const taps = firwin(n + 1, 1 / q, { window: 'hamming' });
  return { q, ftype, sos: null, taps, history: new Float64Array(2 * taps.length), position: 0, phase: 0 };
}

/**
 * Number of samples {@link processDecimate} will write for the next `inputLength` input samples.
 *
 * @param state - the decimator state
 * @param inputLength - length of the next input chunk
 * @returns the exact number of output samples (`ceil(n / q)` over a whole stream of `n` samples)
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
 * Writes `decimateOutputLength(state, input.length)` samples to `output` (RangeError when shorter).
 * Math in float64 (SciPy computes float32 input in float32; results agree to ~1e-5 relative). No
 * allocation; safe in an AudioWorklet `process()` on the thread that owns the state.
 *
 * @param state - from {@link createDecimateState}; updated
 * @param input - the next input samples
 * @param output - receives the kept samples; must not alias `input`
 * @returns the number of samples written
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
  assertRoom(output, decimateOutputLength(state, input.length));
  const q = state.q;
  let phase = state.phase;
  let w = 0;
  const sos = state.sos;
  if (sos !== null) {
    const c = sos.coefficients;
    const z = sos.memory;
    const sections = sos.sections;
    for (let i = 0; i < input.length; i++) {
      let x = input[i]!;
      for (let s = 0, k = 0, m = 0; s < sections; s++, k += 6, m += 2) {
        const y = c[k]! * x + z[m]!;
        z[m] = c[k + 1]! * x - c[k + 4]! * y + z[m + 1]!;
        z[m + 1] = c[k + 2]! * x - c[k + 5]! * y;
        x = y;
      }
      if (phase === 0) output[w++] = x;
      phase = phase + 1 === q ? 0 : phase + 1;
    }
  } else {
    const taps = state.taps;
    const hist = state.history;
    const len = taps.length;
    let pos = state.position;
    for (let i = 0; i < input.length; i++) {
      const x = input[i]!;
      hist[pos] = x;
      hist[pos + len] = x;
      if (phase === 0) {
        let acc = 0;
        const base = pos + len;
        for (let k = 0; k < len; k++) acc += taps[k]! * hist[base - k]!;
        output[w++] = acc;
      }
      pos = pos + 1 === len ? 0 : pos + 1;
      phase = phase + 1 === q ? 0 : phase + 1;
    }
    state.position = pos;
  }
  state.phase = phase;
  return w;
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
  state.sos?.memory.fill(0);
  state.history.fill(0);
  state.position = 0;
  state.phase = 0;
}
