import { coefficients, divideInPlace, frequencyGrid, gridInFs, polyvalUnitCircle } from '../internal/frequency-response.js';

/** Options of {@link groupDelay}: SciPy's keyword parameters, camelCased. */
export interface GroupDelayOptions {
  /** Frequencies from 0 to `fs` instead of 0 to Nyquist. Default `false`. */
  whole?: boolean;
  /** Sampling frequency (default `2 * pi`: radians/sample). */
  fs?: number;
}

/** Result of {@link groupDelay}: SciPy's `w, gd`. */
export interface GroupDelayResult {
  /** Frequencies, in the units of `fs`. */
  w: Float64Array;
  /** Group delay in samples at each frequency. */
  gd: Float64Array;
}

/**
 * Group delay of a digital filter, as `scipy.signal.group_delay(system, w=512, whole=False, fs=2*pi)`.
 *
 * @remarks
 * `-d(arg H)/dw` in samples, by SciPy's formula `Re(B'A~ / (B A~))`-style polynomial ratio
 * (`c = b * reverse(a)`, `gd = Re(sum k c_k z^k / sum c_k z^k) - (len(a) - 1)`). Where it is
 * singular (not finite) the delay is set to 0, as SciPy does (SciPy also warns). Allocates.
 *
 * @param system - `[b, a]`: numerator and denominator coefficients
 * @param w - number of frequencies (default 512) or the frequencies (units of `fs`)
 * @param options - `whole`, `fs`
 * @returns `{ w, gd }`
 * @throws TypeError/RangeError naming `groupDelay` for a bad system, `w` or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const { w, gd } = signal.groupDelay([[1, 1, 1, 1, 1], [1]], 64); // a 5-tap boxcar: 2 samples
 * ```
 */
export function groupDelay(
  system: readonly [ArrayLike<number> | number, ArrayLike<number> | number],
  w?: number | ArrayLike<number>,
  options?: GroupDelayOptions,
): GroupDelayResult {
  if (!Array.isArray(system) || system.length !== 2) {
    throw new TypeError('groupDelay: system must be a [b, a] pair of coefficient arrays');
  }
  const b = coefficients('groupDelay', 'b', system[0]);
  const a = coefficients('groupDelay', 'a', system[1]);
  if (options !== undefined && options !== null && typeof options === 'object' && 'includeNyquist' in options) {
    throw new TypeError('groupDelay: includeNyquist is not an option of groupDelay (SciPy: freqz only)');
  }
  const grid = frequencyGrid('groupDelay', w, options);
  // c = convolve(b, a[::-1])
  const c = new Float64Array(b.length + a.length - 1);
  for (let i = 0; i < b.length; i++) for (let j = 0; j < a.length; j++) c[i + j] = c[i + j]! + b[i]! * a[a.length - 1 - j]!;
  const cr = c.map((v, k) => v * k);
  const count = grid.w.length;
  const nr = new Float64Array(count);
  const ni = new Float64Array(count);
  const dr = new Float64Array(count);
  const di = new Float64Array(count);
  polyvalUnitCircle(cr, grid.w, nr, ni);
  polyvalUnitCircle(c, grid.w, dr, di);
  divideInPlace(nr, ni, dr, di);
  const gd = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const v = nr[j]! - a.length + 1;
    gd[j] = Number.isFinite(v) ? v : 0;
  }
  return { w: gridInFs(grid), gd };
}
