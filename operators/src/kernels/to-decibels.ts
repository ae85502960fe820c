import { assertFloatArray } from '../internal/validate.js';
import type { FloatArray } from './fft.js';

/** Options of {@link processToDecibels}. */
export interface ToDecibelsOptions {
  /**
   * `false` (default): the input is an amplitude (magnitude), dB = 20 log10.
   * `true`: the input is a power, dB = 10 log10.
   */
  power?: boolean;
  /**
   * The value that maps to 0 dB, in input units (> 0), or `'max'`: the largest |value| of this
   * call's input. Default `1`.
   */
  ref?: number | 'max';
  /**
   * Floor in input units (> 0): values below it count as `amin`. Default `1e-5` for amplitudes,
   * `1e-10` for powers; both are -100 dB relative to 1.
   */
  amin?: number;
  /**
   * If set (>= 0): clip the output below `max(output) - topDb`, the maximum taken over this call.
   * Default: no clipping.
   */
  topDb?: number;
}

/**
 * Converts amplitudes (or powers) to decibels: librosa's `amplitude_to_db` (or `power_to_db`)
 * with `top_db=None` by default.
 *
 * @remarks
 * Amplitude: `out = 20 log10(max(|x|, amin)) - 20 log10(max(ref, amin))`; power (`power: true`):
 * `out = 10 log10(max(|x|, amin)) - 10 log10(max(ref, amin))`. The sign of the input is dropped.
 * With the defaults (`ref = 1`, `amin = 1e-5` / `1e-10`) the floor is -100 dB. `ref: 'max'` and
 * `topDb` use this call's input only (per frame when called per frame, unlike librosa which uses
 * the whole array). Units: dB relative to `ref`. Computed in float64; allocates nothing; any
 * thread. `output` may be the same array as `input` (element-wise, read before written).
 *
 * @param input - Amplitudes or powers.
 * @param output - At least `input.length` elements.
 * @param options - See {@link ToDecibelsOptions}.
 * @returns `output`.
 * @throws TypeError if an array is not a Float32Array/Float64Array.
 * @throws RangeError if `output` is too short, or `ref`, `amin` or `topDb` is out of range.
 *
 * @example
 * ```ts
 * import { processToDecibels } from '@ringflow/operators';
 * processToDecibels(Float64Array.of(1, 0.1, 0), new Float64Array(3)); // [0, -20, -100]
 * ```
 */
export function processToDecibels<T extends FloatArray>(input: FloatArray, output: T, options?: ToDecibelsOptions): T {
  assertFloatArray('processToDecibels: input', input);
  assertFloatArray('processToDecibels: output', output);
  const len = input.length;
  if (output.length < len) {
    throw new RangeError(`processToDecibels: output has ${output.length} elements, needs at least ${len}`);
  }
  const power = options?.power === true;
  const factor = power ? 10 : 20;
  const amin = options?.amin ?? (power ? 1e-10 : 1e-5);
  if (!(amin > 0) || !Number.isFinite(amin)) {
    throw new RangeError(`processToDecibels: amin must be a finite number > 0, got ${String(amin)}`);
  }
  const refOpt = options?.ref ?? 1;
  let ref: number;
  if (refOpt === 'max') {
    ref = 0;
    for (let i = 0; i < len; i++) ref = Math.max(ref, Math.abs(input[i]!));
  } else {
    if (!(refOpt > 0) || !Number.isFinite(refOpt)) {
      throw new RangeError(`processToDecibels: ref must be a finite number > 0 or 'max', got ${String(refOpt)}`);
    }
    ref = refOpt;
  }
  const topDb = options?.topDb;
  if (topDb !== undefined && !(topDb >= 0)) {
    throw new RangeError(`processToDecibels: topDb must be >= 0, got ${String(topDb)}`);
  }
  const offset = factor * Math.log10(Math.max(ref, amin));
  let max = -Infinity;
  for (let i = 0; i < len; i++) {
    const v = factor * Math.log10(Math.max(Math.abs(input[i]!), amin)) - offset;
    output[i] = v;
    if (v > max) max = v;
  }
  if (topDb !== undefined) {
    // Clip against the float64 maximum (re-read from output only for the comparison).
    const lo = max - topDb;
    for (let i = 0; i < len; i++) if (output[i]! < lo) output[i] = lo;
  }
  return output;
}
