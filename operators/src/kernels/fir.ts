import { assertFloatArray, assertRoom, type FloatArray } from '../internal/float-array.js';

/**
 * State of a streaming FIR filter (see {@link createFirState}).
 *
 * @remarks
 * `taps` is a float64 copy of the coefficients; `history` holds the last `taps.length` inputs twice
 * (a mirrored delay line, so the inner loop needs no wrap-around test); `position` is the write index.
 */
export interface FirState {
  readonly taps: Float64Array;
  readonly history: Float64Array;
  position: number;
}

function copyTaps(taps: ArrayLike<number>): Float64Array {
  if (taps === null || typeof taps !== 'object' || typeof taps.length !== 'number') {
    throw new TypeError('taps must be an array-like of numbers');
  }
  if (taps.length === 0) throw new RangeError('taps must not be empty');
  const out = new Float64Array(taps.length);
  for (let i = 0; i < taps.length; i++) {
    const v = taps[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`taps[${i}] must be a finite number, got ${String(v)}`);
    out[i] = v;
  }
  return out;
}

/**
 * Creates the state of a streaming FIR filter, the kernel behind `fir(taps)`.
 *
 * @remarks
 * Equivalent to `scipy.signal.lfilter(taps, 1, x)` over the whole stream, whatever the chunking (the
 * delay line starts at zero). The taps are copied to float64. Allocates once, here.
 *
 * @param taps - the impulse response (non-empty; TypeError for NaN/infinite values)
 * @returns a new state
 * @example
 * ```ts
 * import { createFirState, firwin, processFir } from '@ringflow/operators';
 * const state = createFirState(firwin(63, 0.25));
 * const y = new Float32Array(512);
 * processFir(state, new Float32Array(512), y);
 * ```
 */
export function createFirState(taps: ArrayLike<number>): FirState {
  const t = copyTaps(taps);
  return { taps: t, history: new Float64Array(2 * t.length), position: 0 };
}

/**
 * Filters one chunk with the FIR state, continuing from its delay line.
 *
 * @remarks
 * Direct-form convolution in float64: `y[n] = sum_k taps[k] x[n-k]`. Writes `input.length` samples to
 * `output` (which may alias `input`; a float32 output rounds the float64 result). Cost `O(taps)` per
 * sample. No allocation; safe in an AudioWorklet `process()` on the thread that owns the state.
 *
 * @param state - from {@link createFirState}; updated
 * @param input - samples to filter
 * @param output - receives `input.length` samples (RangeError when shorter)
 * @returns the number of samples written (`input.length`)
 * @example
 * ```ts
 * import { createFirState, processFir } from '@ringflow/operators';
 * const state = createFirState([0.25, 0.5, 0.25]);
 * const y = new Float64Array(4);
 * processFir(state, new Float64Array([1, 0, 0, 0]), y); // y = [0.25, 0.5, 0.25, 0]
 * ```
 */
export function processFir(state: FirState, input: FloatArray, output: FloatArray): number {
  assertFloatArray('input', input);
  assertFloatArray('output', output);
  const n = input.length;
  assertRoom(output, n);
  const taps = state.taps;
  const hist = state.history;
  const len = taps.length;
  let pos = state.position;
  for (let i = 0; i < n; i++) {
    const x = input[i]!;
    hist[pos] = x;
    hist[pos + len] = x;
    // hist[pos + len - k] holds x[n - k] for k = 0 .. len-1
    let acc = 0;
    const base = pos + len;
    for (let k = 0; k < len; k++) acc += taps[k]! * hist[base - k]!;
    output[i] = acc;
    pos = pos + 1 === len ? 0 : pos + 1;
  }
  state.position = pos;
  return n;
}

/**
 * Clears the delay line of a FIR state (as if no sample had been filtered).
 *
 * @remarks
 * Keeps the taps. No allocation.
 *
 * @param state - the state to reset
 * @example
 * ```ts
 * import { createFirState, resetFir } from '@ringflow/operators';
 * const state = createFirState([0.5, 0.5]);
 * resetFir(state);
 * ```
 */
export function resetFir(state: FirState): void {
  state.history.fill(0);
  state.position = 0;
}

/**
 * Replaces the taps of a FIR state for a live parameter change, keeping its delay line when the tap
 * count matches.
 *
 * @remarks
 * With the same length the taps are overwritten in place and the history carries over (continuous
 * output); otherwise a new state with an empty history is returned. Validation allocates a scratch
 * copy: call from control code, not per sample.
 *
 * @param state - the running state
 * @param taps - the new impulse response
 * @returns `state` (updated) when the length matches, else a new state
 * @example
 * ```ts
 * import { createFirState, firwin, setFirTaps } from '@ringflow/operators';
 * let state = createFirState(firwin(31, 0.2));
 * state = setFirTaps(state, firwin(31, 0.3));
 * ```
 */
export function setFirTaps(state: FirState, taps: ArrayLike<number>): FirState {
  const t = copyTaps(taps);
  if (t.length !== state.taps.length) return { taps: t, history: new Float64Array(2 * t.length), position: 0 };
  state.taps.set(t);
  return state;
}
