// Small dense linear algebra for filter design: a linear solve (lfilter_zi), least squares
// (filtfilt's Gustafsson method) and the eigenvalues of a real Hessenberg matrix (polynomial roots,
// as numpy.roots computes them through the companion matrix). Design-time code: allocates freely.

/** A dense matrix as rows. */
export type Matrix = number[][];

/**
 * Solves `A x = b` by Gaussian elimination with partial pivoting (what LAPACK's `gesv`, behind
 * `numpy.linalg.solve`, does). Throws a RangeError naming `what` for a singular matrix.
 */
export function solve(what: string, A: Matrix, b: readonly number[]): Float64Array {
  const n = A.length;
  const m = A.map((row) => Float64Array.from(row));
  const x = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (m[pivot]![col] === 0) throw new RangeError(`${what}: the linear system is singular`);
    if (pivot !== col) {
      [m[pivot], m[col]] = [m[col]!, m[pivot]!];
      [x[pivot], x[col]] = [x[col]!, x[pivot]!];
    }
    const rowC = m[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = m[r]!;
      const f = row[col]! / rowC[col]!;
      if (f === 0) continue;
      for (let k = col; k < n; k++) row[k] = row[k]! - f * rowC[k]!;
      x[r] = x[r]! - f * x[col]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r]!;
    let s = x[r]!;
    for (let k = r + 1; k < n; k++) s -= row[k]! * x[k]!;
    x[r] = s / row[r]!;
  }
  return x;
}

/**
 * Least-squares solution of `A x ~ b` for each column of `B` (A is rows x cols, rows >= cols, full
 * column rank), by Householder QR. Returns one solution per right-hand side.
 */
export function lstsq(what: string, A: Matrix, B: readonly Float64Array[]): Float64Array[] {
  const rows = A.length;
  const cols = A[0]?.length ?? 0;
  if (rows < cols) throw new RangeError(`${what}: the least-squares system has fewer equations than unknowns`);
  const q = A.map((row) => Float64Array.from(row));
  const rhs = B.map((b) => Float64Array.from(b));
  const diag = new Float64Array(cols);
  for (let k = 0; k < cols; k++) {
    let norm = 0;
    for (let i = k; i < rows; i++) norm = Math.hypot(norm, q[i]![k]!);
    if (norm === 0) throw new RangeError(`${what}: the least-squares system is rank deficient`);
    const alpha = q[k]![k]! > 0 ? -norm : norm;
    // v = x - alpha e1, stored in column k below the diagonal
    q[k]![k] = q[k]![k]! - alpha;
    let vv = 0;
    for (let i = k; i < rows; i++) vv += q[i]![k]! * q[i]![k]!;
    diag[k] = alpha;
    if (vv === 0) continue;
    for (let j = k + 1; j < cols; j++) {
      let s = 0;
      for (let i = k; i < rows; i++) s += q[i]![k]! * q[i]![j]!;
      const f = (2 * s) / vv;
      for (let i = k; i < rows; i++) q[i]![j] = q[i]![j]! - f * q[i]![k]!;
    }
    for (const b of rhs) {
      let s = 0;
      for (let i = k; i < rows; i++) s += q[i]![k]! * b[i]!;
      const f = (2 * s) / vv;
      for (let i = k; i < rows; i++) b[i] = b[i]! - f * q[i]![k]!;
    }
  }
  return rhs.map((b) => {
    const x = new Float64Array(cols);
    for (let r = cols - 1; r >= 0; r--) {
      let s = b[r]!;
      for (let k = r + 1; k < cols; k++) s -= q[r]![k]! * x[k]!;
      x[r] = s / diag[r]!;
    }
    return x;
  });
}

/**
 * Eigenvalues of a real upper Hessenberg matrix (balanced first, then the Francis double-shift
 * QR iteration of EISPACK's `hqr`), as `{ re, im }` arrays; complex ones come in conjugate pairs.
 * Throws a RangeError naming `what` if the iteration does not converge.
 */
export function hessenbergEigenvalues(what: string, H: Matrix): { re: Float64Array; im: Float64Array } {
  const n = H.length;
  // 1-based copy, as in the reference algorithm
  const a: Float64Array[] = [new Float64Array(n + 1)];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n + 1);
    for (let j = 0; j < n; j++) row[j + 1] = H[i]![j]!;
    a.push(row);
  }
  balance(a, n);
  const wr = new Float64Array(n + 1);
  const wi = new Float64Array(n + 1);
  let anorm = 0;
  for (let i = 1; i <= n; i++) for (let j = Math.max(i - 1, 1); j <= n; j++) anorm += Math.abs(a[i]![j]!);
  let nn = n;
  let t = 0;
  let p = 0;
  let q = 0;
  let r = 0;
  let s = 0;
  let w = 0;
  let x = 0;
  let y = 0;
  let z = 0;
  while (nn >= 1) {
    let its = 0;
    let l: number;
    do {
      for (l = nn; l >= 2; l--) {
        s = Math.abs(a[l - 1]![l - 1]!) + Math.abs(a[l]![l]!);
        if (s === 0) s = anorm;
        if (Math.abs(a[l]![l - 1]!) + s === s) {
          a[l]![l - 1] = 0;
          break;
        }
      }
      x = a[nn]![nn]!;
      if (l === nn) {
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
      } else {
        y = a[nn - 1]![nn - 1]!;
        w = a[nn]![nn - 1]! * a[nn - 1]![nn]!;
        if (l === nn - 1) {
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + (p >= 0 ? Math.abs(z) : -Math.abs(z));
            wr[nn - 1] = wr[nn] = x + z;
            if (z !== 0) wr[nn] = x - w / z;
            wi[nn - 1] = wi[nn] = 0;
          } else {
            wr[nn - 1] = wr[nn] = x + p;
            wi[nn] = z;
            wi[nn - 1] = -z;
          }
          nn -= 2;
        } else {
          if (its === 60) throw new RangeError(`${what}: the eigenvalue iteration did not converge`);
          if (its === 10 || its === 20 || its === 40) {
            t += x;
            for (let i = 1; i <= nn; i++) a[i]![i] = a[i]![i]! - x;
            s = Math.abs(a[nn]![nn - 1]!) + Math.abs(a[nn - 1]![nn - 2]!);
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = a[m]![m]!;
            r = x - z;
            s = y - z;
            p = (r * s - w) / a[m + 1]![m]! + a[m]![m + 1]!;
            q = a[m + 1]![m + 1]! - z - r - s;
            r = a[m + 2]![m + 1]!;
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(a[m]![m - 1]!) * (Math.abs(q) + Math.abs(r));
            const v = Math.abs(p) * (Math.abs(a[m - 1]![m - 1]!) + Math.abs(z) + Math.abs(a[m + 1]![m + 1]!));
            if (u + v === v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            a[i]![i - 2] = 0;
            if (i !== m + 2) a[i]![i - 3] = 0;
          }
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = a[k]![k - 1]!;
              q = a[k + 1]![k - 1]!;
              r = 0;
              if (k !== nn - 1) r = a[k + 2]![k - 1]!;
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            const norm = Math.sqrt(p * p + q * q + r * r);
            s = p >= 0 ? norm : -norm;
            if (s !== 0) {
              if (k === m) {
                if (l !== m) a[k]![k - 1] = -a[k]![k - 1]!;
              } else {
                a[k]![k - 1] = -s * x;
              }
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = a[k]![j]! + q * a[k + 1]![j]!;
                if (k !== nn - 1) {
                  p += r * a[k + 2]![j]!;
                  a[k + 2]![j] = a[k + 2]![j]! - p * z;
                }
                a[k + 1]![j] = a[k + 1]![j]! - p * y;
                a[k]![j] = a[k]![j]! - p * x;
              }
              const mmin = nn < k + 3 ? nn : k + 3;
              for (let i = l; i <= mmin; i++) {
                p = x * a[i]![k]! + y * a[i]![k + 1]!;
                if (k !== nn - 1) {
                  p += z * a[i]![k + 2]!;
                  a[i]![k + 2] = a[i]![k + 2]! - p * r;
                }
                a[i]![k + 1] = a[i]![k + 1]! - p * q;
                a[i]![k] = a[i]![k]! - p;
              }
            }
          }
        }
      }
    } while (l < nn - 1);
  }
  return { re: wr.subarray(1), im: wi.subarray(1) };
}

/** Balances a (1-based) matrix in place by powers of two (similarity transform, keeps the Hessenberg form). */
function balance(a: Float64Array[], n: number): void {
  const RADIX = 2;
  const sqrdx = RADIX * RADIX;
  let done = false;
  while (!done) {
    done = true;
    for (let i = 1; i <= n; i++) {
      let r = 0;
      let c = 0;
      for (let j = 1; j <= n; j++) {
        if (j !== i) {
          c += Math.abs(a[j]![i]!);
          r += Math.abs(a[i]![j]!);
        }
      }
      if (c !== 0 && r !== 0) {
        let g = r / RADIX;
        let f = 1;
        const s = c + r;
        while (c < g) {
          f *= RADIX;
          c *= sqrdx;
        }
        g = r * RADIX;
        while (c > g) {
          f /= RADIX;
          c /= sqrdx;
        }
        if ((c + r) / f < 0.95 * s) {
          done = false;
          g = 1 / f;
          for (let j = 1; j <= n; j++) a[i]![j] = a[i]![j]! * g;
          for (let j = 1; j <= n; j++) a[j]![i] = a[j]![i]! * f;
        }
      }
    }
  }
}
