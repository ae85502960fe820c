import { assertFloatArray, assertRoom, type FloatArray } from '../internal/float-array.js';

/**
 * State of a streaming cascade of second-order sections (see {@link createSosfiltState}).
 *
 * @remarks
 * Plain data: `coefficients` holds the normalised rows (`a0 = 1`) as 6 consecutive float64 values per
 * section (`b0 b1 b2 a0 a1 a2`), `memory` the two transposed-direct-form-II delays per section.
 */
export interface SosfiltState {
  readonly sections: number;
  readonly coefficients: Float64Array;
  readonly memory: Float64Array;
}

/**
 * Second-order sections in any of the shapes SciPy users hold them: rows `[b0, b1, b2, a0, a1, a2]`
 * (what `butter` returns; SciPy's `sos.tolist()`), a flat array of `6 * n` values in row order
 * (`sos.ravel()`), or a 2-D ndarray-like view of shape `[n, 6]`.
 */
export type SosInput =
  | ArrayLike<ArrayLike<number>>
  | ArrayLike<number>
  | { readonly data: ArrayLike<number>; readonly shape: readonly number[]; readonly stride?: readonly number[]; readonly offset?: number };

/**
 * The rows of `sos` as given: an array of 6-value rows (what `butter` returns, or SciPy's list of
 * lists), a flat array of `6 * n` values in row order (numpy's `sos.ravel()`), or a 2-D
 * ndarray-like view of shape `[n, 6]`.
 */
function rowsOf(sos: unknown): ArrayLike<ArrayLike<number>> {
  if (sos === null || typeof sos !== 'object') {
    throw new TypeError('sos must be an array of [b0, b1, b2, a0, a1, a2] rows');
  }
  const view = sos as { data?: ArrayLike<number>; shape?: readonly number[]; stride?: readonly number[]; offset?: number };
  if (view.data !== undefined && Array.isArray(view.shape)) {
    const [n, six] = view.shape;
    if (view.shape.length !== 2 || six !== 6 || n === undefined) {
      throw new RangeError(`sos as an ndarray must have shape [sections, 6], got [${view.shape.join(', ')}]`);
    }
    const [rowStride = 6, colStride = 1] = view.stride ?? [];
    const data = view.data;
    const offset = view.offset ?? 0;
    return Array.from({ length: n }, (_, r) => Array.from({ length: 6 }, (_, c) => data[offset + r * rowStride + c * colStride]!));
  }
  const list = sos as ArrayLike<unknown>;
  if (typeof list.length !== 'number') throw new TypeError('sos must be an array of [b0, b1, b2, a0, a1, a2] rows');
  if (list.length > 0 && typeof list[0] === 'number') {
    if (list.length % 6 !== 0) {
      throw new RangeError(`a flat sos must hold 6 coefficients per section, got ${list.length} values`);
    }
    const flat = list as ArrayLike<number>;
    return Array.from({ length: list.length / 6 }, (_, r) => Array.from({ length: 6 }, (_, c) => flat[r * 6 + c]!));
  }
  return list as ArrayLike<ArrayLike<number>>;
}

function normalisedRows(input: unknown): Float64Array {
  const sos = rowsOf(input);
  if (sos.length === 0) throw new RangeError('sos must have at least one section');
  const out = new Float64Array(sos.length * 6);
  for (let s = 0; s < sos.length; s++) {
    const row = sos[s];
    if (row === undefined || row === null || typeof row !== 'object' || row.length !== 6) {
      throw new RangeError(`sos row ${s} must have 6 coefficients [b0, b1, b2, a0, a1, a2], got ${row?.length}`);
    }
    for (let i = 0; i < 6; i++) {
      const v = row[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new TypeError(`sos[${s}][${i}] must be a finite number, got ${String(v)}`);
      }
    }
    const a0 = row[3]!;
    if (a0 === 0) throw new RangeError(`sos[${s}][3] (a0) must not be 0`);
    for (let i = 0; i < 6; i++) out[s * 6 + i] = row[i]! / a0;
  }
  return out;
}

/**
 * Creates the state of a streaming IIR filter made of second-order sections, the kernel behind
 * `sosfilt(sos)`.
 *
 * @remarks
 * Equivalent to `scipy.signal.sosfilt(sos, x)` applied to the whole stream, whatever the chunking. Rows
 * are `[b0, b1, b2, a0, a1, a2]` (as returned by `butter`); a row with `a0 != 1` is normalised (SciPy
 * rejects it). The memory starts at zero (`zi = 0`). Allocates once, here.
 *
 * @param sos - the sections, e.g. from `butter(...)`
 * @returns a new state
 * @throws RangeError when there are no sections, a row does not have 6 values or `a0 = 0`;
 *   TypeError for NaN/infinite coefficients
 * @example
 * ```ts
 * import { butter, createSosfiltState, processSosfilt } from '@ringflow/operators';
 * const state = createSosfiltState(butter(4, 0.2));
 * const y = new Float64Array(256);
 * processSosfilt(state, new Float64Array(256).fill(1), y);
 * ```
 */
export function createSosfiltState(sos: SosInput): SosfiltState {
  const coefficients = normalisedRows(sos);
  const sections = coefficients.length / 6;
  return { sections, coefficients, memory: new Float64Array(sections * 2) };
}

/**
 * Filters one chunk through the sections, continuing from the state's memory.
 *
 * @remarks
 * Transposed direct form II per section, in float64, in the same operation order as SciPy's
 * `sosfilt`. Writes `input.length` samples to the start of `output` (which may be the input itself, for
 * in-place filtering, and of the other float type: float32 output rounds the float64 result). No
 * allocation; safe in an AudioWorklet `process()` on the thread that owns the state.
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
  assertFloatArray('input', input);
  assertFloatArray('output', output);
  const n = input.length;
  assertRoom(output, n);
  const c = state.coefficients;
  const z = state.memory;
  const sections = state.sections;
  for (let i = 0; i < n; i++) {
    let x = input[i]!;
    for (let s = 0, k = 0, m = 0; s < sections; s++, k += 6, m += 2) {
      const y = c[k]! * x + z[m]!;
      z[m] = c[k + 1]! * x - c[k + 4]! * y + z[m + 1]!;
      z[m + 1] = c[k + 2]! * x - c[k + 5]! * y;
      x = y;
    }
    output[i] = x;
  }
  return n;
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
 * click); with a different number of sections a new state with zeroed memory is returned instead.
 * The validation allocates a scratch copy of the coefficients: call it from control code, not per
 * sample. For click-free sweeps prefer small steps; transposed direct form II tolerates coefficient
 * changes well.
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
  const coefficients = normalisedRows(sos);
  const sections = coefficients.length / 6;
  if (sections !== state.sections) {
    return { sections, coefficients, memory: new Float64Array(sections * 2) };
  }
  state.coefficients.set(coefficients);
  return state;
}
