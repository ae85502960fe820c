// Analog low-pass prototypes (cutoff 1 rad/s) of the classic IIR families, ported from
// scipy.signal: buttap, cheb1ap, cheb2ap, ellipap, besselap. Design-time code (allocates).
import { type Complex, abs, add, c, conj, div, mul, neg, prod, scale, sub } from './complex.js';
import { ellipj, ellipk, ellipkm1 } from './elliptic.js';

/** Zeros, poles and gain (design-time form: arrays of complex objects). */
export interface Zpk {
  z: Complex[];
  p: Complex[];
  k: number;
}

/** `10 ** x - 1` without cancellation for small x (scipy's `_pow10m1`). */
const pow10m1 = (x: number): number => Math.expm1(Math.LN10 * x);

/** Analog Butterworth prototype, as `scipy.signal.buttap`. */
export function buttap(order: number): Zpk {
  const p: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const t = (Math.PI * m) / (2 * order);
    p.push(c(-Math.cos(t), -Math.sin(t)));
  }
  return { z: [], p, k: 1 };
}

/** Analog Chebyshev type I prototype (`rp` dB of passband ripple), as `scipy.signal.cheb1ap`. */
export function cheb1ap(order: number, rp: number): Zpk {
  if (order === 0) return { z: [], p: [], k: 10 ** (-rp / 20) };
  const eps = Math.sqrt(10 ** (0.1 * rp) - 1);
  const mu = (1 / order) * Math.asinh(1 / eps);
  const p: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const theta = (Math.PI * m) / (2 * order);
    // -sinh(mu + j theta) = -(sinh mu cos theta + j cosh mu sin theta)
    p.push(c(-Math.sinh(mu) * Math.cos(theta), -Math.cosh(mu) * Math.sin(theta)));
  }
  let k = prod(p.map(neg)).re;
  if (order % 2 === 0) k = k / Math.sqrt(1 + eps * eps);
  return { z: [], p, k };
}

/** Analog Chebyshev type II prototype (`rs` dB of stopband attenuation), as `scipy.signal.cheb2ap`. */
export function cheb2ap(order: number, rs: number): Zpk {
  if (order === 0) return { z: [], p: [], k: 1 };
  const de = 1 / Math.sqrt(10 ** (0.1 * rs) - 1);
  const mu = Math.asinh(1 / de) / order;
  const ms: number[] = [];
  if (order % 2 === 1) {
    for (let m = -order + 1; m < 0; m += 2) ms.push(m);
    for (let m = 2; m < order; m += 2) ms.push(m);
  } else {
    for (let m = -order + 1; m < order; m += 2) ms.push(m);
  }
  // z = -conj(1j / sin(m pi / 2N)) = j / sin(m pi / 2N)
  const z = ms.map((m) => c(0, 1 / Math.sin((m * Math.PI) / (2 * order))));
  const p: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const t = (Math.PI * m) / (2 * order);
    const pr = -Math.cos(t);
    const pi = -Math.sin(t);
    p.push(div(c(1), c(Math.sinh(mu) * pr, Math.cosh(mu) * pi)));
  }
  const k = div(prod(p.map(neg)), prod(z.map(neg))).re;
  return { z, p, k };
}

const EPSILON = 2e-16;
const ELLIPDEG_MMAX = 7;

/** Solves the degree equation of elliptic filters (scipy's `_ellipdeg`). */
function ellipdeg(n: number, m1: number): number {
  const K1 = ellipk(m1);
  const K1p = ellipkm1(m1);
  const q1 = Math.exp((-Math.PI * K1p) / K1);
  const q = q1 ** (1 / n);
  let num = 0;
  for (let m = 0; m <= ELLIPDEG_MMAX; m++) num += q ** (m * (m + 1));
  let den = 0;
  for (let m = 1; m <= ELLIPDEG_MMAX + 1; m++) den += q ** (m * m);
  den = 1 + 2 * den;
  return 16 * q * (num / den) ** 4;
}

/** Imaginary part of the inverse Jacobian sn at `j w` (scipy's `_arc_jac_sc1`), by Landen transformations. */
function arcJacSc1(w: number, m: number): number {
  const k = Math.sqrt(m);
  if (k > 1) return Number.NaN;
  if (k === 1) return Math.atan(w);
  const complement = (kx: number): number => Math.sqrt((1 - kx) * (1 + kx));
  const ks = [k];
  let niter = 0;
  while (ks[ks.length - 1] !== 0) {
    const kp = complement(ks[ks.length - 1]!);
    ks.push((1 - kp) / (1 + kp));
    niter++;
    if (niter > 10) throw new RangeError('ellipap: Landen transformation not converging');
  }
  let K = 1;
  for (let i = 1; i < ks.length; i++) K *= 1 + ks[i]!;
  K *= Math.PI / 2;
  // w_n = j v_n stays imaginary: complement(k_n w_n) = sqrt(1 + (k_n v_n)^2)
  let v = w;
  for (let i = 0; i + 1 < ks.length; i++) {
    const kn = ks[i]!;
    const knext = ks[i + 1]!;
    v = (2 * v) / ((1 + knext) * (1 + Math.sqrt(1 + kn * v * (kn * v))));
  }
  return K * (2 / Math.PI) * Math.asinh(v);
}

/**
 * Analog elliptic (Cauer) prototype with `rp` dB passband ripple and `rs` dB stopband attenuation,
 * as `scipy.signal.ellipap`.
 */
export function ellipap(order: number, rp: number, rs: number): Zpk {
  if (order === 0) return { z: [], p: [], k: 10 ** (-rp / 20) };
  if (order === 1) {
    const p = -Math.sqrt(1 / pow10m1(0.1 * rp));
    return { z: [], p: [c(p)], k: -p };
  }
  const epsSq = pow10m1(0.1 * rp);
  const eps = Math.sqrt(epsSq);
  const ck1Sq = epsSq / pow10m1(0.1 * rs);
  if (ck1Sq === 0) throw new RangeError('ellip: cannot design a filter with these rp and rs');
  const val0 = ellipk(ck1Sq);
  const m = ellipdeg(order, ck1Sq);
  const capk = ellipk(m);
  const js: number[] = [];
  for (let j = 1 - (order % 2); j < order; j += 2) js.push(j);
  const sn: number[] = [];
  const cn: number[] = [];
  const dn: number[] = [];
  for (const j of js) {
    const e = ellipj((j * capk) / order, m);
    sn.push(e.sn);
    cn.push(e.cn);
    dn.push(e.dn);
  }
  const zPos = sn.filter((s) => Math.abs(s) > EPSILON).map((s) => c(0, 1 / (Math.sqrt(m) * s)));
  const z = [...zPos, ...zPos.map(conj)];
  const r = arcJacSc1(1 / eps, ck1Sq);
  const v0 = (capk * r) / (order * val0);
  const { sn: sv, cn: cv, dn: dv } = ellipj(v0, 1 - m);
  let p: Complex[] = js.map((_, i) => {
    const s = sn[i]!;
    const cc = cn[i]!;
    const d = dn[i]!;
    const den = 1 - (d * sv) ** 2;
    return c(-(cc * d * sv * cv) / den, -(s * dv) / den);
  });
  if (order % 2 === 1) {
    let energy = 0;
    for (const v of p) energy += v.re * v.re + v.im * v.im;
    const limit = EPSILON * Math.sqrt(energy);
    p = [...p, ...p.filter((v) => Math.abs(v.im) > limit).map(conj)];
  } else {
    p = [...p, ...p.map(conj)];
  }
  let k = div(prod(p.map(neg)), prod(z.map(neg))).re;
  if (order % 2 === 0) k = k / Math.sqrt(1 + epsSq);
  return { z, p, k };
}

/** Normalisations of `besselap`: `'phase'` (SciPy's default), `'delay'`, `'mag'`. */
export type BesselNorm = 'phase' | 'delay' | 'mag';

// Double-double arithmetic (about 32 significant digits) for evaluating the reverse Bessel
// polynomial near its roots: in plain float64 the evaluation loses all precision there beyond order
// ~15, while SciPy (through AMOS's Bessel functions) keeps full precision to high orders.
type DD = [number, number];
const SPLIT = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ta = SPLIT * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const tb = SPLIT * b;
  const bh = tb - (tb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return quickTwoSum(s, e + a[1] + b[1]);
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function ddMulNumber(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

/** Coefficients of the reverse Bessel polynomial theta_n (highest power first), exact. */
function reverseBesselIntegers(n: number): bigint[] {
  const out: bigint[] = [];
  for (let k = n; k >= 0; k--) {
    // a_k = (2n - k)! / (2^(n - k) k! (n - k)!)
    let num = 1n;
    for (let i = BigInt(n - k + 1); i <= BigInt(2 * n - k); i++) num *= i;
    let den = 2n ** BigInt(n - k);
    for (let i = 2n; i <= BigInt(k); i++) den *= i;
    out.push(num / den);
  }
  return out;
}

/** The same coefficients as double-doubles. */
function reverseBesselCoefficients(n: number): DD[] {
  return reverseBesselIntegers(n).map((v) => {
    const hi = Number(v);
    return [hi, Number(v - BigInt(hi))];
  });
}

/** theta(s) and theta'(s) at complex `s`, evaluated in double-double (Horner), rounded to complex doubles. */
function evalWithDerivative(coef: readonly DD[], s: Complex): { f: Complex; fp: Complex } {
  let pr: DD = [0, 0];
  let pi: DD = [0, 0];
  let dr: DD = [0, 0];
  let di: DD = [0, 0];
  for (const co of coef) {
    // d = d s + p; p = p s + c
    const ndr = ddAdd(ddAdd(ddMulNumber(dr, s.re), ddMulNumber(di, -s.im)), pr);
    const ndi = ddAdd(ddAdd(ddMulNumber(dr, s.im), ddMulNumber(di, s.re)), pi);
    const npr = ddAdd(ddAdd(ddMulNumber(pr, s.re), ddMulNumber(pi, -s.im)), co);
    const npi = ddAdd(ddMulNumber(pr, s.im), ddMulNumber(pi, s.re));
    dr = ndr;
    di = ndi;
    pr = npr;
    pi = npi;
  }
  return { f: c(pr[0] + pr[1], pi[0] + pi[1]), fp: c(dr[0] + dr[1], di[0] + di[1]) };
}

/** Initial guesses for the Bessel polynomial zeros (scipy's `_campos_zeros`). */
function camposZeros(n: number): Complex[] {
  if (n === 1) return [c(-1)];
  const pv = (x: number, coef: readonly number[]): number => coef.reduceRight((acc, v) => acc * x + v, 0);
  const s = pv(n, [0, 0, 2, 0, -3, 1]);
  const b3 = pv(n, [16, -8]) / s;
  const b2 = pv(n, [-24, -12, 12]) / s;
  const b1 = pv(n, [8, 24, -12, -2]) / s;
  const b0 = pv(n, [0, -6, 0, 5, -1]) / s;
  const r = pv(n, [0, 0, 2, 1]);
  const a1 = pv(n, [-6, -6]) / r;
  const a2 = 6 / r;
  const out: Complex[] = [];
  for (let k = 1; k <= n; k++) out.push(c(pv(k, [0, a1, a2]), pv(k, [b0, b1, b2, b3])));
  return out;
}

/** `m * 2^e` as an exact BigInt mantissa and exponent, for a finite double. */
function exactParts(v: number): { m: bigint; e: number } {
  if (v === 0) return { m: 0n, e: 0 };
  let e = 0;
  let m = v;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  return { m: BigInt(m), e };
}

/** `big * 2^exp` rounded to a double (no overflow of the intermediate). */
function bigToDouble(big: bigint, exp: number): number {
  const neg = big < 0n;
  let a = neg ? -big : big;
  let shift = 0;
  const bits = a.toString(16).length * 4;
  if (bits > 64) {
    shift = bits - 64;
    a >>= BigInt(shift);
  }
  const v = Number(a) * 2 ** (exp + shift);
  return neg ? -v : v;
}

/**
 * Newton step `theta(s) / theta'(s)` with theta evaluated exactly (BigInt arithmetic on the exact
 * binary value of `s`), so the polish converges to the correctly rounded root at any order.
 */
function exactNewtonStep(coef: readonly bigint[], s: Complex): Complex {
  const re = exactParts(s.re);
  const im = exactParts(s.im);
  const e = Math.min(re.e, im.e, 0);
  const A = re.m << BigInt(re.e - e);
  const B = im.m << BigInt(im.e - e);
  const T = 1n << BigInt(-e);
  const n = coef.length - 1;
  let pr = coef[0]!;
  let pi = 0n;
  let dr = 0n;
  let di = 0n;
  let tk = 1n;
  for (let j = 1; j <= n; j++) {
    // p_j = p_(j-1) s + c_j and d_j = d_(j-1) s + p_(j-1), both kept scaled by T^j
    const ndr = dr * A - di * B + pr * T;
    const ndi = dr * B + di * A + pi * T;
    tk *= T;
    dr = ndr;
    di = ndi;
    const npr = pr * A - pi * B + coef[j]! * tk;
    const npi = pr * B + pi * A;
    pr = npr;
    pi = npi;
  }
  // theta(s) = p / T^n and theta'(s) = d / T^n, T = 2^-e
  const f = c(bigToDouble(pr, n * e), bigToDouble(pi, n * e));
  const fp = c(bigToDouble(dr, n * e), bigToDouble(di, n * e));
  return div(f, fp);
}

/**
 * Roots of the reverse Bessel polynomial theta_n (the delay-normalised Bessel poles), as SciPy's
 * `1 / _bessel_zeros(n)`: Campos-Calderon initial guesses, Aberth-Ehrlich iterations, Newton polish,
 * then symmetrised into exact conjugate pairs; the polynomial is evaluated in double-double.
 */
function besselPoles(n: number): Complex[] {
  const coef = reverseBesselCoefficients(n);
  let x = camposZeros(n).map((v) => div(c(1), v));
  let converged = false;
  for (let iteration = 0; iteration < 50 && !converged; iteration++) {
    const alpha = x.map((v) => {
      const { f, fp } = evalWithDerivative(coef, v);
      return neg(div(f, fp));
    });
    const beta = x.map((v, k) => {
      let s = c(0);
      for (let j = 0; j < x.length; j++) if (j !== k) s = add(s, div(c(1), sub(v, x[j]!)));
      return s;
    });
    x = x.map((v, k) => add(v, div(alpha[k]!, add(c(1), mul(alpha[k]!, beta[k]!)))));
    for (const v of x) {
      if (!Number.isFinite(v.re) || !Number.isFinite(v.im)) throw new RangeError('bessel: root finding failed');
    }
    converged = alpha.every((a, k) => abs(a) <= 1e-15 * abs(x[k]!));
  }
  const exact = reverseBesselIntegers(n);
  x = x.map((v) => {
    let p = v;
    for (let itr = 0; itr < 8; itr++) {
      const next = sub(p, exactNewtonStep(exact, p));
      const done = abs(sub(next, p)) <= 2 * Number.EPSILON * abs(p);
      p = next;
      if (done) break;
    }
    return p;
  });
  const m = x.length;
  return x.map((v, i) => scale(add(v, conj(x[m - 1 - i]!)), 0.5));
}

/** Secant iteration of `scipy.optimize.newton` without a derivative (tol 1.48e-8). */
function secant(func: (x: number) => number, x0: number): number {
  let p0 = x0;
  let p1 = x0 * (1 + 1e-4);
  p1 += p1 >= 0 ? 1e-4 : -1e-4;
  let q0 = func(p0);
  let q1 = func(p1);
  if (Math.abs(q1) < Math.abs(q0)) [p0, p1, q0, q1] = [p1, p0, q1, q0];
  let p = p1;
  for (let itr = 0; itr < 50; itr++) {
    if (q1 === q0) return (p1 + p0) / 2;
    if (Math.abs(q1) > Math.abs(q0)) p = ((-q0 / q1) * p1 + p0) / (1 - q0 / q1);
    else p = ((-q1 / q0) * p0 + p1) / (1 - q1 / q0);
    if (Math.abs(p - p1) <= 1.48e-8) return p;
    p0 = p1;
    q0 = q1;
    p1 = p;
    q1 = func(p1);
  }
  return p;
}

/** (2n)! / (n! 2^n), exactly rounded. */
function besselLastCoefficient(n: number): number {
  let v = 1n;
  for (let i = BigInt(n + 1); i <= BigInt(2 * n); i++) v *= i;
  return Number(v / 2n ** BigInt(n));
}

/** Analog Bessel/Thomson prototype, as `scipy.signal.besselap(N, norm)`. */
export function besselap(order: number, norm: BesselNorm = 'phase'): Zpk {
  if (order === 0) return { z: [], p: [], k: 1 };
  let p = besselPoles(order);
  const aLast = besselLastCoefficient(order);
  let k: number;
  if (norm === 'delay' || norm === 'mag') {
    k = aLast;
    if (norm === 'mag') {
      const poles = p;
      const gain = (w: number): number => Math.abs(k) / abs(prod(poles.map((v) => sub(c(0, w), v))));
      const factor = secant((w) => gain(w) - 1 / Math.sqrt(2), 1.5);
      p = p.map((v) => c(v.re / factor, v.im / factor));
      k = factor ** -order * aLast;
    }
  } else {
    const s = 10 ** (-Math.log10(aLast) / order);
    p = p.map((v) => scale(v, s));
    k = 1;
  }
  return { z: [], p, k };
}
