/**
 * Detrending kernels: remove the mean or the least-squares line from a range of samples, in place.
 * The algorithm behind `signal.detrend` and the per-segment detrending of `welch`, `csd`,
 * `spectrogram`, `stft` and the streaming `welch` operator.
 */

/** What to remove: SciPy's `type` (`'constant'`/`'c'` or `'linear'`/`'l'`), or `false` for nothing. */
export type DetrendType = 'constant' | 'linear' | false;

/**
 * numpy's pairwise summation of `x[start .. start + n)` (blocks of 128 with 8 accumulators,
 * halves above): what `np.mean` sums with, rounding error O(log n), and fast.
 */
function pairwiseSum(x: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res += x[start + i]!;
    return res;
  }
  if (n <= 128) {
    let r0 = x[start]!;
    let r1 = x[start + 1]!;
    let r2 = x[start + 2]!;
    let r3 = x[start + 3]!;
    let r4 = x[start + 4]!;
    let r5 = x[start + 5]!;
    let r6 = x[start + 6]!;
    let r7 = x[start + 7]!;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const j = start + i;
      r0 += x[j]!;
      r1 += x[j + 1]!;
      r2 += x[j + 2]!;
      r3 += x[j + 3]!;
      r4 += x[j + 4]!;
      r5 += x[j + 5]!;
      r6 += x[j + 6]!;
      r7 += x[j + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += x[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, start, n2) + pairwiseSum(x, start + n2, n - n2);
}

function sum(x: Float64Array, start: number, end: number): number {
  return pairwiseSum(x, start, end - start);
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
