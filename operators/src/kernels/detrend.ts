/**
 * Detrending kernels: remove the mean or the least-squares line from a range of samples, in place.
 * The algorithm behind `signal.detrend` and the per-segment detrending of `welch`, `csd`,
 * `spectrogram`, `stft` and the streaming `welch` operator.
 */

/** What to remove: SciPy's `type` (`'constant'`/`'c'` or `'linear'`/`'l'`), or `false` for nothing. */
export type DetrendType = 'constant' | 'linear' | false;

/** Compensated (Neumaier) sum of `x[start..end)`. */
function sum(x: Float64Array, start: number, end: number): number {
  let s = 0;
  let c = 0;
  for (let i = start; i < end; i++) {
    const v = x[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Subtracts the mean of `x[start..end)` from it, in place. Allocates nothing.
 *
 * @param x - samples
 * @param start - first index
 * @param end - one past the last index
 */
export function detrendConstantInPlace(x: Float64Array, start = 0, end = x.length): void {
  const n = end - start;
  if (n <= 0) return;
  const mean = sum(x, start, end) / n;
  for (let i = start; i < end; i++) x[i] = x[i]! - mean;
}

/**
 * Subtracts the least-squares line through `x[start..end)` from it, in place (SciPy's
 * `detrend(type='linear')` on one piece). Allocates nothing.
 *
 * @remarks
 * Computed in centred form (`y - mean(y) - slope (t - mean(t))`), the same residual as SciPy's
 * `lstsq` of `[t / N, 1]`, without its conditioning loss for long pieces.
 *
 * @param x - samples
 * @param start - first index
 * @param end - one past the last index
 */
export function detrendLinearInPlace(x: Float64Array, start = 0, end = x.length): void {
  const n = end - start;
  if (n <= 0) return;
  if (n === 1) {
    x[start] = 0;
    return;
  }
  const mean = sum(x, start, end) / n;
  const tm = (n - 1) / 2;
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += (i - tm) * (x[start + i]! - mean);
  // sum_{i<n} (i - (n-1)/2)^2 = n (n^2 - 1) / 12
  const slope = sxy / ((n * (n * n - 1)) / 12);
  for (let i = 0; i < n; i++) x[start + i] = x[start + i]! - mean - slope * (i - tm);
}

/**
 * Applies a {@link DetrendType} to `x[start..end)` in place. Allocates nothing.
 *
 * @param type - `'constant'`, `'linear'` or `false` (nothing)
 * @param x - samples
 * @param start - first index
 * @param end - one past the last index
 */
export function detrendInPlace(type: DetrendType, x: Float64Array, start = 0, end = x.length): void {
  if (type === 'constant') detrendConstantInPlace(x, start, end);
  else if (type === 'linear') detrendLinearInPlace(x, start, end);
}
