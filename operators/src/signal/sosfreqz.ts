import { frequencyGrid, gridInFs, transferResponse } from '../internal/frequency-response.js';
import { inContext } from '../internal/in-context.js';
import { createSosfiltState, type SosInput } from '../kernels/sosfilt.js';
import type { FrequencyResponse } from './freqz.js';

/** Options of {@link sosfreqz}: SciPy's keyword parameters, camelCased. */
export interface SosfreqzOptions {
  /** Frequencies from 0 to `fs` instead of 0 to Nyquist. Default `false`. */
  whole?: boolean;
  /** Sampling frequency (default `2 * pi`: radians/sample). */
  fs?: number;
}

/**
 * Frequency response of a filter in second-order sections, as `scipy.signal.sosfreqz(sos,
 * worN=512, whole=False, fs=2*pi)`.
 *
 * @remarks
 * The product of each section's {@link freqz} response: accurate for high orders, where the
 * expanded transfer function would lose precision. `sos` is what `butter(..., { output: 'sos' })`
 * returns (rows `[b0, b1, b2, a0, a1, a2]`, a flat array of 6n values, or an `[n, 6]` view); rows
 * with `a0 != 1` are normalised (SciPy rejects them). Allocates the results.
 *
 * @param sos - the sections
 * @param worN - number of frequencies (default 512) or the frequencies themselves (units of `fs`)
 * @param options - `whole`, `fs`
 * @returns `{ w, h: { re, im } }`
 * @throws TypeError/RangeError naming `sosfreqz` for bad sections, `worN` or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const sos = [[0.2, 0.4, 0.2, 1, -0.37, 0.2]];
 * const { w, h } = signal.sosfreqz(sos, 1024, { fs: 48_000 });
 * ```
 */
export function sosfreqz(sos: SosInput, worN?: number | ArrayLike<number>, options?: SosfreqzOptions): FrequencyResponse {
  const rows = inContext('sosfreqz', () => createSosfiltState(sos)).coefficients;
  if (options !== undefined && options !== null && typeof options === 'object' && 'includeNyquist' in options) {
    throw new TypeError('sosfreqz: includeNyquist is not an option of sosfreqz (SciPy: freqz only)');
  }
  const grid = frequencyGrid('sosfreqz', worN, options);
  const count = grid.w.length;
  const re = new Float64Array(count).fill(1);
  const im = new Float64Array(count);
  for (let s = 0; s < rows.length / 6; s++) {
    const h = transferResponse(rows.subarray(6 * s, 6 * s + 3), rows.subarray(6 * s + 3, 6 * s + 6), grid);
    for (let j = 0; j < count; j++) {
      const r = re[j]! * h.re[j]! - im[j]! * h.im[j]!;
      im[j] = re[j]! * h.im[j]! + im[j]! * h.re[j]!;
      re[j] = r;
    }
  }
  return { w: gridInFs(grid), h: { re, im } };
}
