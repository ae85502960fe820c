/**
 * The largest eigenvalues and their eigenvectors of a real symmetric tridiagonal matrix, the way
 * LAPACK's `dstebz` + `dstein` find them (what `scipy.linalg.eigh_tridiagonal(select='i')` calls):
 * bisection on Sturm sequence counts for the eigenvalues, then inverse iteration with a pivoted
 * tridiagonal LU for each eigenvector, reorthogonalised against the vectors of nearby eigenvalues.
 *
 * @remarks
 * O(n) memory and O(k n (bits + iterations)) time for the top `k` of `n` eigenpairs, instead of the
 * O(n^3) of a dense solver. Allocates its results and scratch; a design-time helper.
 *
 * @param d - the diagonal (length n)
 * @param e - the off-diagonal (length n - 1)
 * @param k - how many of the largest eigenpairs (1 <= k <= n)
 * @returns the eigenvalues in decreasing order and the unit eigenvectors (one Float64Array each)
 */
export function eighTridiagonalTop(
  d: Float64Array,
  e: Float64Array,
  k: number,
): { values: Float64Array; vectors: Float64Array[] } {
  const n = d.length;
  let emax = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = (i > 0 ? Math.abs(e[i - 1]!) : 0) + (i < n - 1 ? Math.abs(e[i]!) : 0);
    lo = Math.min(lo, d[i]! - r);
    hi = Math.max(hi, d[i]! + r);
    if (i < n - 1) emax = Math.max(emax, e[i]! * e[i]!);
  }
  const tnorm = Math.max(Math.abs(lo), Math.abs(hi));
  const pivmin = Math.max(emax * Number.MIN_VALUE * 2 ** 60, Number.MIN_VALUE * 2 ** 60);
  const e2 = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n - 1; i++) e2[i] = e[i]! * e[i]!;
  /** Number of eigenvalues smaller than x (Sturm sequence count). */
  const below = (x: number): number => {
    let count = 0;
    let q = d[0]! - x;
    if (Math.abs(q) < pivmin) q = -pivmin;
    if (q < 0) count++;
    for (let i = 1; i < n; i++) {
      q = d[i]! - x - e2[i - 1]! / q;
      if (Math.abs(q) < pivmin) q = -pivmin;
      if (q < 0) count++;
    }
    return count;
  };
  const span = hi - lo;
  lo -= 2 * Number.EPSILON * tnorm * n + 2 * pivmin + span * 1e-12;
  hi += 2 * Number.EPSILON * tnorm * n + 2 * pivmin + span * 1e-12;
  const values = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const index = n - 1 - j; // 0-based ascending index of the wanted eigenvalue
    let a = lo;
    let b = j > 0 ? values[j - 1]! + Number.EPSILON * tnorm * 4 + pivmin : hi;
    if (below(b) <= index) b = hi;
    for (let it = 0; it < 200; it++) {
      const mid = 0.5 * (a + b);
      if (mid === a || mid === b) break;
      if (b - a <= 2 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b)) + pivmin) break;
      if (below(mid) > index) b = mid;
      else a = mid;
    }
    values[j] = 0.5 * (a + b);
  }

  // Inverse iteration.
  const vectors: Float64Array[] = [];
  const dl = new Float64Array(n);
  const dd = new Float64Array(n);
  const du = new Float64Array(n);
  const du2 = new Float64Array(n);
  const swap = new Uint8Array(n);
  const tiny = Number.EPSILON * Math.max(tnorm, Number.MIN_VALUE);
  let seed = 0x2545f491;
  const random = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return ((seed >>> 0) / 4294967296) * 2 - 1;
  };
  for (let j = 0; j < k; j++) {
    const lambda = values[j]!;
    // LU with partial pivoting of T - lambda I (LAPACK dgttrf).
    for (let i = 0; i < n; i++) {
      dd[i] = d[i]! - lambda;
      dl[i] = i < n - 1 ? e[i]! : 0;
      du[i] = i < n - 1 ? e[i]! : 0;
      du2[i] = 0;
    }
    for (let i = 0; i < n - 1; i++) {
      if (Math.abs(dd[i]!) >= Math.abs(dl[i]!)) {
        swap[i] = 0;
        if (dd[i] === 0) dd[i] = tiny;
        const f = dl[i]! / dd[i]!;
        dl[i] = f;
        dd[i + 1] = dd[i + 1]! - f * du[i]!;
      } else {
        swap[i] = 1;
        const f = dd[i]! / dl[i]!;
        dd[i] = dl[i]!;
        dl[i] = f;
        const t = du[i]!;
        du[i] = dd[i + 1]!;
        dd[i + 1] = t - f * dd[i + 1]!;
        if (i < n - 2) {
          du2[i] = du[i + 1]!;
          du[i + 1] = -f * du[i + 1]!;
        }
      }
    }
    if (dd[n - 1] === 0) dd[n - 1] = tiny;
    let x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = random();
    for (let iteration = 0; iteration < 5; iteration++) {
      // Solve (T - lambda I) y = x in place.
      for (let i = 0; i < n - 1; i++) {
        if (swap[i] === 0) {
          x[i + 1] = x[i + 1]! - dl[i]! * x[i]!;
        } else {
          const t = x[i]!;
          x[i] = x[i + 1]!;
          x[i + 1] = t - dl[i]! * x[i]!;
        }
      }
      x[n - 1] = x[n - 1]! / dd[n - 1]!;
      if (n > 1) x[n - 2] = (x[n - 2]! - du[n - 2]! * x[n - 1]!) / dd[n - 2]!;
      for (let i = n - 3; i >= 0; i--) x[i] = (x[i]! - du[i]! * x[i + 1]! - du2[i]! * x[i + 2]!) / dd[i]!;
      // Reorthogonalise against vectors of close eigenvalues (dstein's cluster rule).
      for (let p = 0; p < vectors.length; p++) {
        if (Math.abs(values[p]! - lambda) > 1e-3 * tnorm) continue;
        const v = vectors[p]!;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += v[i]! * x[i]!;
        for (let i = 0; i < n; i++) x[i] = x[i]! - dot * v[i]!;
      }
      let norm = 0;
      let max = 0;
      for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(x[i]!));
      if (max === 0 || !Number.isFinite(max)) {
        x = new Float64Array(n);
        for (let i = 0; i < n; i++) x[i] = random();
        continue;
      }
      for (let i = 0; i < n; i++) {
        x[i] = x[i]! / max;
        norm += x[i]! * x[i]!;
      }
      norm = Math.sqrt(norm);
      for (let i = 0; i < n; i++) x[i] = x[i]! / norm;
    }
    vectors.push(x);
  }
  return { values, vectors };
}
