import { assertFloatArray } from '../internal/validate.js';
import type { FloatArray } from './fft.js';

/** Options of {@link processMagnitude}. */
export interface MagnitudeOptions {
  /** `true`: write the power |z|^2 instead of the magnitude |z|. Default `false`. */
  power?: boolean;
}

/**
 * Magnitude (or power) of each bin of an interleaved complex spectrum: numpy's `abs(z)` (or
 * `abs(z) ** 2`).
 *
 * @remarks
 * Layout: `spectrum` is interleaved complex `[re0, im0, re1, im1, ...]` (as written by `rfft`,
 * n/2+1 bins for a real frame of n samples); `output[k] = sqrt(re_k^2 + im_k^2)` (or
 * `re_k^2 + im_k^2` with `power: true`; magnitudes stay exact for tiny or huge values, where the
 * squares would under- or overflow), in the units of the spectrum (power: squared units).
 * Computed in float64, rounded once to the output's type. Only the first `spectrum.length / 2`
 * entries of `output` are written. Allocates nothing; any thread (including an AudioWorklet).
 * `output` must not alias `spectrum` (bin k would overwrite values still to be read).
 *
 * @param spectrum - Interleaved complex values (even length).
 * @param output - At least `spectrum.length / 2` elements.
 * @param options - `power` (default `false`).
 * @returns `output`.
 * @throws TypeError if an array is not a Float32Array/Float64Array.
 * @throws RangeError if `spectrum` has an odd length or `output` is too short.
 *
 * @example
 * ```ts
 * import { processMagnitude } from '@ringflow/operators';
 * processMagnitude(Float64Array.of(3, 4, 0, -2), new Float64Array(2)); // [5, 2]
 * ```
 */
export function processMagnitude<T extends FloatArray>(spectrum: FloatArray, output: T, options?: MagnitudeOptions): T {
  assertFloatArray('processMagnitude: spectrum', spectrum);
  assertFloatArray('processMagnitude: output', output);
  if (spectrum.length % 2 !== 0) {
    throw new RangeError(`processMagnitude: spectrum length must be even (interleaved re, im), got ${spectrum.length}`);
  }
  const bins = spectrum.length >> 1;
  if (output.length < bins) {
    throw new RangeError(`processMagnitude: output has ${output.length} elements, needs at least ${bins}`);
  }
  if (options?.power === true) {
    for (let k = 0; k < bins; k++) {
      const re = spectrum[2 * k]!;
      const im = spectrum[2 * k + 1]!;
      output[k] = re * re + im * im;
    }
  } else {
    for (let k = 0; k < bins; k++) {
      const re = spectrum[2 * k]!;
      const im = spectrum[2 * k + 1]!;
      const p = re * re + im * im;
      // Squares under- or overflow outside about 1e-154..1e154: fall back to the exact hypot.
      output[k] = p > 1e-290 && p < 1e300 ? Math.sqrt(p) : Math.hypot(re, im);
    }
  }
  return output;
}
