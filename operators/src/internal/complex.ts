/** A complex number; design-time helper (allocates, never used inside a process call). */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

export const c = (re: number, im = 0): Complex => ({ re, im });
export const add = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
export const sub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
export const mul = (a: Complex, b: Complex): Complex => ({
  re: a.re * b.re - a.im * b.im,
  im: a.re * b.im + a.im * b.re,
});
export const scale = (a: Complex, s: number): Complex => ({ re: a.re * s, im: a.im * s });
export const neg = (a: Complex): Complex => ({ re: -a.re, im: -a.im });
export const conj = (a: Complex): Complex => ({ re: a.re, im: -a.im });
export const abs = (a: Complex): number => Math.hypot(a.re, a.im);

/** Complex division with Smith's algorithm (what numpy uses). */
export function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return { re: (a.re + a.im * r) / d, im: (a.im - a.re * r) / d };
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return { re: (a.re * r + a.im) / d, im: (a.im * r - a.re) / d };
}

/** Principal square root. */
export function sqrt(a: Complex): Complex {
  if (a.re === 0 && a.im === 0) return { re: 0, im: a.im };
  const t = Math.sqrt((Math.abs(a.re) + Math.hypot(a.re, a.im)) / 2);
  if (a.re >= 0) return { re: t, im: a.im / (2 * t) };
  return { re: Math.abs(a.im) / (2 * t), im: a.im >= 0 ? t : -t };
}

/** Product of all values (left to right, as numpy.prod). */
export function prod(values: readonly Complex[]): Complex {
  let p: Complex = { re: 1, im: 0 };
  for (const v of values) p = mul(p, v);
  return p;
}

/** Coefficients of the monic polynomial with the given roots, as numpy.poly (complex result). */
export function poly(roots: readonly Complex[]): Complex[] {
  let a: Complex[] = [c(1)];
  for (const r of roots) {
    const next: Complex[] = new Array<Complex>(a.length + 1).fill(c(0));
    // convolve(a, [1, -r])
    for (let i = 0; i < a.length; i++) {
      const ai = a[i]!;
      next[i] = add(next[i]!, ai);
      next[i + 1] = add(next[i + 1]!, mul(ai, neg(r)));
    }
    a = next;
  }
  return a;
}
