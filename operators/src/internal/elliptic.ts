// Complete elliptic integral of the first kind and the Jacobian elliptic functions, ported from
// Cephes (the code behind scipy.special.ellipk, ellipkm1 and ellipj), for the elliptic filter design.

const MACHEP = 1.11022302462515654042e-16;

const P = [
  1.37982864606273237150e-4, 2.28025724005875567385e-3, 7.97404013220415179367e-3, 9.85821379021226008714e-3,
  6.87489687449949877925e-3, 6.18901033637687613229e-3, 8.79078273952743772254e-3, 1.49380448916805252718e-2,
  3.08851465246711995998e-2, 9.65735902811690126535e-2, 1.38629436111989062502e0,
];
const Q = [
  2.94078955048598507511e-5, 9.14184723865917226571e-4, 5.94058303753167793257e-3, 1.54850516649762399335e-2,
  2.39089602715924892727e-2, 3.01204715227604046988e-2, 3.73774314173823228969e-2, 4.88280347570998239232e-2,
  7.03124996963957469739e-2, 1.24999999999870820058e-1, 4.99999999999999999821e-1,
];
const C1 = 1.3862943611198906188; // log(4)

function polevl(x: number, coef: readonly number[]): number {
  let ans = coef[0]!;
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i]!;
  return ans;
}

/** Cephes `ellpk(m1)`: K(m) with m = 1 - m1 (scipy.special.ellipkm1(m1)). */
export function ellipkm1(m1: number): number {
  if (Number.isNaN(m1) || m1 < 0) return Number.NaN;
  if (m1 > 1) {
    if (m1 === Infinity) return 0;
    return ellipkm1(1 / m1) / Math.sqrt(m1);
  }
  if (m1 > MACHEP) return polevl(m1, P) - Math.log(m1) * polevl(m1, Q);
  if (m1 === 0) return Infinity;
  return C1 - 0.5 * Math.log(m1);
}

/** Complete elliptic integral of the first kind K(m), as scipy.special.ellipk(m). */
export function ellipk(m: number): number {
  return ellipkm1(1 - m);
}

/** Jacobian elliptic functions sn, cn, dn and the amplitude of `u` for parameter `m` (scipy.special.ellipj). */
export function ellipj(u: number, m: number): { sn: number; cn: number; dn: number; ph: number } {
  if (Number.isNaN(m) || m < 0 || m > 1) return { sn: NaN, cn: NaN, dn: NaN, ph: NaN };
  if (m < 1e-9) {
    const t = Math.sin(u);
    const b = Math.cos(u);
    const ai = 0.25 * m * (u - t * b);
    return { sn: t - ai * b, cn: b + ai * t, ph: u - ai, dn: 1 - 0.5 * m * t * t };
  }
  if (m >= 0.9999999999) {
    let ai = 0.25 * (1 - m);
    const b = Math.cosh(u);
    const t = Math.tanh(u);
    const phi = 1 / b;
    const twon = b * Math.sinh(u);
    const sn = t + (ai * (twon - u)) / (b * b);
    const ph = 2 * Math.atan(Math.exp(u)) - Math.PI / 2 + (ai * (twon - u)) / b;
    ai *= t * phi;
    return { sn, ph, cn: phi - ai * (twon - u), dn: phi + ai * (twon + u) };
  }
  const a = new Float64Array(9);
  const c = new Float64Array(9);
  a[0] = 1;
  let b = Math.sqrt(1 - m);
  c[0] = Math.sqrt(m);
  let twon = 1;
  let i = 0;
  while (Math.abs(c[i]! / a[i]!) > MACHEP) {
    if (i > 7) break;
    const ai = a[i]!;
    ++i;
    c[i] = (ai - b) / 2;
    const t = Math.sqrt(ai * b);
    a[i] = (ai + b) / 2;
    b = t;
    twon *= 2;
  }
  let phi = twon * a[i]! * u;
  let prev = phi;
  do {
    const t = (c[i]! * Math.sin(phi)) / a[i]!;
    prev = phi;
    phi = (Math.asin(t) + phi) / 2;
  } while (--i);
  const t = Math.cos(phi);
  return { sn: Math.sin(phi), cn: t, dn: t / Math.cos(phi - prev), ph: phi };
}
