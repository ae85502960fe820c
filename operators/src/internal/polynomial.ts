// Real polynomials as coefficient arrays, highest power first (numpy's convention): product,
// roots. Design-time helpers (allocate).
import { hessenbergEigenvalues } from './linalg.js';

/** Product of two polynomials, as numpy.polymul (= convolution of the coefficients). */
export function polymul(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  if (a.length === 0 || b.length === 0) return new Float64Array(0);
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    for (let j = 0; j < b.length; j++) out[i + j] = out[i + j]! + ai * b[j]!;
  }
  return out;
}

/**
 * Roots of a real polynomial, as numpy.roots: leading zeros are dropped, trailing zeros give roots at
 * 0, the rest are the eigenvalues of the companion matrix. Returned as `{ re, im }` arrays (order
 * unspecified; conjugate pairs for complex roots).
 */
export function roots(what: string, p: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  let start = 0;
  while (start < p.length && p[start] === 0) start++;
  let end = p.length;
  while (end > start && p[end - 1] === 0) end--;
  if (start >= end) return { re: new Float64Array(0), im: new Float64Array(0) };
  const trailing = p.length - end;
  const n = end - start - 1;
  const re = new Float64Array(n + trailing);
  const im = new Float64Array(n + trailing);
  if (n > 0) {
    const lead = p[start]!;
    const companion: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(n).fill(0);
      if (i === 0) for (let j = 0; j < n; j++) row[j] = -p[start + 1 + j]! / lead;
      else row[i - 1] = 1;
      companion.push(row);
    }
    const eig = hessenbergEigenvalues(what, companion);
    re.set(eig.re);
    im.set(eig.im);
  }
  return { re, im };
}
