import { type Complex, abs, add, c, conj, poly, scale, sub } from '../internal/complex.js';

const TOL = 100 * Number.EPSILON;
const isReal = (v: Complex): boolean => v.im === 0;

/** scipy.signal._filter_design._cplxreal: split into complex (positive imaginary halves) and real. */
function cplxreal(values: readonly Complex[]): { zc: Complex[]; zr: Complex[] } {
  if (values.length === 0) return { zc: [], zr: [] };
  const sorted = [...values].sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  const zr: Complex[] = [];
  const rest: Complex[] = [];
  for (const v of sorted) {
    if (Math.abs(v.im) <= TOL * abs(v)) zr.push(c(v.re));
    else rest.push(v);
  }
  if (rest.length === 0) return { zc: [], zr };
  const zp = rest.filter((v) => v.im > 0);
  const zn = rest.filter((v) => v.im < 0);
  if (zp.length !== zn.length) throw new RangeError('array contains a complex value with no matching conjugate');
  // runs of (nearly) equal real parts are sorted by |imag|, in both halves
  let start = 0;
  while (start < zp.length) {
    let stop = start;
    while (stop + 1 < zp.length && zp[stop + 1]!.re - zp[stop]!.re <= TOL * abs(zp[stop]!)) stop++;
    if (stop > start) {
      for (const chunk of [zp, zn]) {
        const run = chunk.slice(start, stop + 1).sort((a, b) => Math.abs(a.im) - Math.abs(b.im));
        chunk.splice(start, run.length, ...run);
      }
    }
    start = stop + 1;
  }
  const zc: Complex[] = [];
  for (let i = 0; i < zp.length; i++) {
    const a = zp[i]!;
    const b = zn[i]!;
    if (abs(sub(a, conj(b))) > TOL * abs(b)) {
      throw new RangeError('array contains a complex value with no matching conjugate');
    }
    zc.push(scale(add(a, conj(b)), 0.5));
  }
  return { zc, zr };
}

function idxWorst(p: readonly Complex[]): number {
  let best = 0;
  let bestValue = Infinity;
  for (let i = 0; i < p.length; i++) {
    const d = Math.abs(1 - abs(p[i]!));
    if (d < bestValue) {
      bestValue = d;
      best = i;
    }
  }
  return best;
}

function nearestIdx(from: readonly Complex[], to: Complex, which: 'real' | 'complex' | 'any'): number {
  const order = from.map((_, i) => i).sort((i, j) => abs(sub(from[i]!, to)) - abs(sub(from[j]!, to)));
  for (const i of order) {
    const real = isReal(from[i]!);
    if (which === 'any' || (which === 'real' && real) || (which === 'complex' && !real)) return i;
  }
  throw new RangeError(`no ${which} zero left to pair with a pole`);
}

function take(values: Complex[], index: number): Complex {
  return values.splice(index, 1)[0]!;
}

function singleSos(z: readonly Complex[], p: readonly Complex[]): number[] {
  const row = [0, 0, 0, 0, 0, 0];
  const b = poly(z);
  const a = poly(p);
  for (let i = 0; i < b.length; i++) row[3 - b.length + i] = b[i]!.re;
  for (let i = 0; i < a.length; i++) row[6 - a.length + i] = a[i]!.re;
  return row;
}

/**
 * Converts zeros, poles and gain of a digital filter to second-order sections, as
 * `scipy.signal.zpk2sos(z, p, k)` with its default pairing `'nearest'`.
 *
 * @remarks
 * A port of SciPy's algorithm: complex roots must come in conjugate pairs (tolerance 100 eps); the
 * poles closest to the unit circle go to the last section, each paired with its nearest zeros, and the
 * gain is applied to the first section. Rows are `[b0, b1, b2, a0, a1, a2]` with `a0 = 1`. Design-time
 * helper: allocates.
 *
 * @param z - zeros (`{ re, im }`)
 * @param p - poles (`{ re, im }`)
 * @param k - overall gain
 * @returns the second-order sections, one `number[]` of 6 coefficients per row
 * @example
 * ```ts
 * import { zpk2sos } from '@ringflow/operators';
 * const sos = zpk2sos([{ re: -1, im: 0 }], [{ re: 0.5, im: 0 }], 0.25); // [[0.25, 0.25, 0, 1, -0.5, 0]]
 * ```
 */
export function zpk2sos(
  z: readonly { re: number; im: number }[],
  p: readonly { re: number; im: number }[],
  k: number,
): number[][] {
  if (typeof k !== 'number' || !Number.isFinite(k)) throw new TypeError(`gain k must be a finite number, got ${String(k)}`);
  for (const v of [...z, ...p]) {
    if (!Number.isFinite(v.re) || !Number.isFinite(v.im)) throw new TypeError('zeros and poles must be finite');
  }
  if (z.length === 0 && p.length === 0) return [[k, 0, 0, 1, 0, 0]];
  const zz: Complex[] = z.map((v) => c(v.re, v.im));
  const pp: Complex[] = p.map((v) => c(v.re, v.im));
  while (pp.length < zz.length) pp.push(c(0));
  while (zz.length < pp.length) zz.push(c(0));
  const nSections = Math.floor((pp.length + 1) / 2);
  if (pp.length % 2 === 1) {
    pp.push(c(0));
    zz.push(c(0));
  }
  const zs = cplxreal(zz);
  const ps = cplxreal(pp);
  const zl = [...zs.zc, ...zs.zr];
  const pl = [...ps.zc, ...ps.zr];
  const sos: number[][] = new Array<number[]>(nSections);
  const countReal = (v: readonly Complex[]): number => v.filter(isReal).length;
  for (let si = nSections - 1; si >= 0; si--) {
    const p1 = take(pl, idxWorst(pl));
    if (isReal(p1) && countReal(pl) === 0) {
      const z1 = take(zl, nearestIdx(zl, p1, 'real'));
      sos[si] = singleSos([z1, c(0)], [p1, c(0)]);
    } else if (pl.length + 1 === zl.length && !isReal(p1) && countReal(pl) === 1 && countReal(zl) === 1) {
      const z1 = take(zl, nearestIdx(zl, p1, 'complex'));
      sos[si] = singleSos([z1, conj(z1)], [p1, conj(p1)]);
    } else {
      let p2: Complex;
      if (isReal(p1)) {
        const realIdx = pl.flatMap((v, i) => (isReal(v) ? [i] : []));
        const local = idxWorst(realIdx.map((i) => pl[i]!));
        p2 = take(pl, realIdx[local]!);
      } else {
        p2 = conj(p1);
      }
      if (zl.length > 0) {
        const z1 = take(zl, nearestIdx(zl, p1, 'any'));
        if (!isReal(z1)) {
          sos[si] = singleSos([z1, conj(z1)], [p1, p2]);
        } else if (zl.length > 0) {
          const z2 = take(zl, nearestIdx(zl, p1, 'real'));
          sos[si] = singleSos([z1, z2], [p1, p2]);
        } else {
          sos[si] = singleSos([z1], [p1, p2]);
        }
      } else {
        sos[si] = singleSos([], [p1, p2]);
      }
    }
  }
  const first = sos[0]!;
  for (let i = 0; i < 3; i++) first[i] = first[i]! * k;
  return sos;
}
