import { type Complex, c, poly } from '../internal/complex.js';
import { coefficients } from '../internal/coefficients.js';
import { toComplexArray, type ComplexArray } from '../internal/complex-input.js';
import { namedResult } from '../internal/named-result.js';
import { roots } from '../internal/polynomial.js';

export type { ComplexArray, ComplexInput } from '../internal/complex-input.js';

/**
 * A filter as numerator and denominator polynomials (SciPy's `(b, a)`), highest power first. Also
 * iterable as `[b, a]`, so `const [b, a] = butter(4, 0.2, { output: 'ba' })` works like Python's
 * tuple unpacking.
 */
export interface BaResult extends Iterable<Float64Array> {
  readonly b: Float64Array;
  readonly a: Float64Array;
}

/**
 * A filter as zeros, poles and gain (SciPy's `(z, p, k)`); zeros and poles are `{ re, im }` pairs of
 * Float64Arrays. Also iterable as `[z, p, k]`.
 */
export interface ZpkResult extends Iterable<ComplexArray | number> {
  readonly z: ComplexArray;
  readonly p: ComplexArray;
  readonly k: number;
}

/** Wraps numerator and denominator as a {@link BaResult}. */
export function baResult(b: Float64Array, a: Float64Array): BaResult {
  return namedResult({ b, a }, ['b', 'a']);
}

/** Wraps design-time zeros, poles and gain as a {@link ZpkResult}. */
export function zpkResult(z: readonly Complex[], p: readonly Complex[], k: number): ZpkResult {
  return namedResult({ z: toComplexArray(z), p: toComplexArray(p), k }, ['z', 'p', 'k']);
}

const TOL = 100 * Number.EPSILON;

/**
 * Real coefficients of the monic polynomial with the given roots (numpy.poly), or a RangeError when
 * the roots are not closed under conjugation (the coefficients would be complex).
 */
export function realPoly(what: string, values: readonly Complex[]): Float64Array {
  const coefs = poly(values);
  const out = new Float64Array(coefs.length);
  let scale = 0;
  for (const v of coefs) scale = Math.max(scale, Math.hypot(v.re, v.im));
  for (let i = 0; i < coefs.length; i++) {
    const v = coefs[i]!;
    if (Math.abs(v.im) > TOL * Math.max(1, scale) * coefs.length) {
      throw new RangeError(`${what}: the roots do not come in conjugate pairs, so the coefficients would be complex`);
    }
    out[i] = v.re;
  }
  return out;
}

/** `b = k poly(z)`, `a = poly(p)` (scipy.signal.zpk2tf) on design-time values. */
export function zpk2tfParts(what: string, z: readonly Complex[], p: readonly Complex[], k: number): { b: Float64Array; a: Float64Array } {
  const b = realPoly(what, z).map((v) => k * v);
  return { b, a: realPoly(what, p) };
}

/**
 * scipy.signal.normalize for 1-D numerators: drops the denominator's leading zeros, divides by its
 * first coefficient, and drops the numerator's (nearly, |v| <= 1e-14) zero leading coefficients.
 */
export function normalizeTf(what: string, b: unknown, a: unknown): { b: Float64Array; a: Float64Array } {
  let num = coefficients(what, 'b', b);
  let den = coefficients(what, 'a', a);
  let start = 0;
  while (start < den.length && den[start] === 0) start++;
  if (start === den.length) throw new RangeError(`${what}: the denominator a must have at least one nonzero coefficient`);
  den = den.slice(start);
  const d0 = den[0]!;
  num = num.map((v) => v / d0);
  den = den.map((v) => v / d0);
  let lead = 0;
  while (lead < num.length && Math.abs(num[lead]!) <= 1e-14) lead++;
  if (lead === num.length) lead--;
  return { b: num.slice(lead), a: den };
}

/** Zeros, poles and gain of `b / a` (scipy.signal.tf2zpk) as design-time values. */
export function tf2zpkParts(what: string, b: unknown, a: unknown): { z: Complex[]; p: Complex[]; k: number } {
  const n = normalizeTf(what, b, a);
  const k = n.b[0]!;
  const toList = (r: { re: Float64Array; im: Float64Array }): Complex[] => Array.from(r.re, (re, i) => c(re, r.im[i]!));
  const z = k === 0 ? [] : toList(roots(what, n.b.map((v) => v / k)));
  return { z, p: toList(roots(what, n.a)), k };
}
