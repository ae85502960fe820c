import { type Complex, abs, add, c, conj, poly, scale, sub } from '../internal/complex.js';
import { complexList, type ComplexInput } from '../internal/complex-input.js';
import { describeValue } from '../internal/chunks.js';

/** How {@link zpk2sos} pairs poles with zeros (SciPy's `pairing`). */
export type Pairing = 'nearest' | 'keep_odd' | 'minimal';

/** Options of {@link zpk2sos}. */
export interface Zpk2sosOptions {
  /** Pole/zero pairing (default `'nearest'`, `'minimal'` for analog systems), as SciPy's `pairing`. */
  pairing?: Pairing;
  /** Whether the system is analog (default `false`); analog systems need `pairing: 'minimal'`. */
  analog?: boolean;
}

const TOL = 100 * Number.EPSILON;
const isReal = (v: Complex): boolean => v.im === 0;

/** scipy.signal._filter_design._cplxreal: split into complex (positive imaginary halves) and real. */
export function cplxreal(what: string, values: readonly Complex[]): { zc: Complex[]; zr: Complex[] } {
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
  const unmatched = `${what}: the values hold a complex number without its conjugate`;
  if (zp.length !== zn.length) throw new RangeError(unmatched);
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
    if (abs(sub(a, conj(b))) > TOL * abs(b)) throw new RangeError(unmatched);
    zc.push(scale(add(a, conj(b)), 0.5));
  }
  return { zc, zr };
}

function nearestIdx(from: readonly Complex[], to: Complex, which: 'real' | 'complex' | 'any'): number {
  const order = from.map((_, i) => i).sort((i, j) => abs(sub(from[i]!, to)) - abs(sub(from[j]!, to)));
  for (const i of order) {
    const real = isReal(from[i]!);
    if (which === 'any' || (which === 'real' && real) || (which === 'complex' && !real)) return i;
  }
  throw new RangeError(`zpk2sos: no ${which} zero left to pair with a pole`);
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

/** The port of SciPy's zpk2sos on design-time complex lists (no input validation). */
export function zpk2sosRows(z: readonly Complex[], p: readonly Complex[], k: number, pairing: Pairing, analog: boolean): number[][] {
  if (z.length === 0 && p.length === 0) return analog ? [[0, 0, k, 0, 0, 1]] : [[k, 0, 0, 1, 0, 0]];
  let zz: Complex[] = [...z];
  let pp: Complex[] = [...p];
  let nSections: number;
  if (pairing !== 'minimal') {
    while (pp.length < zz.length) pp.push(c(0));
    while (zz.length < pp.length) zz.push(c(0));
    nSections = Math.floor((pp.length + 1) / 2);
    if (pp.length % 2 === 1 && pairing === 'nearest') {
      pp.push(c(0));
      zz.push(c(0));
    }
  } else {
    if (pp.length < zz.length) throw new RangeError('zpk2sos: with pairing "minimal" the system must have at least as many poles as zeros');
    nSections = Math.floor((pp.length + 1) / 2);
  }
  const zs = cplxreal('zpk2sos', zz);
  const ps = cplxreal('zpk2sos', pp);
  zz = [...zs.zc, ...zs.zr];
  pp = [...ps.zc, ...ps.zr];
  const idxWorst = (values: readonly Complex[]): number => {
    let best = 0;
    let bestValue = Infinity;
    for (let i = 0; i < values.length; i++) {
      const d = analog ? Math.abs(values[i]!.re) : Math.abs(1 - abs(values[i]!));
      if (d < bestValue) {
        bestValue = d;
        best = i;
      }
    }
    return best;
  };
  const sos: number[][] = new Array<number[]>(nSections);
  const countReal = (v: readonly Complex[]): number => v.filter(isReal).length;
  for (let si = nSections - 1; si >= 0; si--) {
    const p1 = take(pp, idxWorst(pp));
    if (isReal(p1) && countReal(pp) === 0) {
      // last remaining real pole
      if (pairing !== 'minimal') {
        const z1 = take(zz, nearestIdx(zz, p1, 'real'));
        sos[si] = singleSos([z1, c(0)], [p1, c(0)]);
      } else if (zz.length > 0) {
        const z1 = take(zz, nearestIdx(zz, p1, 'real'));
        sos[si] = singleSos([z1], [p1]);
      } else {
        sos[si] = singleSos([], [p1]);
      }
    } else if (pp.length + 1 === zz.length && !isReal(p1) && countReal(pp) === 1 && countReal(zz) === 1) {
      // one real pole and one real zero left, with as many poles as zeros: pair with a complex zero
      const z1 = take(zz, nearestIdx(zz, p1, 'complex'));
      sos[si] = singleSos([z1, conj(z1)], [p1, conj(p1)]);
    } else {
      let p2: Complex;
      if (isReal(p1)) {
        const realIdx = pp.flatMap((v, i) => (isReal(v) ? [i] : []));
        p2 = take(pp, realIdx[idxWorst(realIdx.map((i) => pp[i]!))]!);
      } else {
        p2 = conj(p1);
      }
      if (zz.length > 0) {
        const z1 = take(zz, nearestIdx(zz, p1, 'any'));
        if (!isReal(z1)) {
          sos[si] = singleSos([z1, conj(z1)], [p1, p2]);
        } else if (zz.length > 0) {
          const z2 = take(zz, nearestIdx(zz, p1, 'real'));
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

/**
 * Converts zeros, poles and gain to second-order sections, as `scipy.signal.zpk2sos(z, p, k,
 * pairing=..., analog=...)`.
 *
 * @remarks
 * A port of SciPy's algorithm: complex roots must come in conjugate pairs (tolerance 100 eps); the
 * poles closest to the unit circle (analog: to the imaginary axis) go to the last section, each
 * paired with its nearest zeros, and the gain is applied to the first section. Pairings:
 * `'nearest'` (default; an odd count gets an extra pole and zero at the origin), `'keep_odd'` (the
 * odd pole stays in a first-order section), `'minimal'` (no extra roots at the origin; a first-order
 * section is then `[0, b1, b2, 0, a1, a2]`, as in SciPy). Rows are `[b0, b1, b2, a0, a1, a2]`.
 * Zeros and poles may be given as arrays of `{ re, im }`, as `{ re, im }` pairs of arrays, or as
 * real numbers. Design-time helper: allocates.
 *
 * @param z - zeros
 * @param p - poles
 * @param k - overall gain
 * @param options - `pairing`, `analog`
 * @returns the second-order sections, one `number[]` of 6 coefficients per row
 * @throws TypeError for non-finite values or an unknown pairing; RangeError for unmatched conjugates
 * @example
 * ```ts
 * import { zpk2sos } from '@ringflow/operators';
 * const sos = zpk2sos([{ re: -1, im: 0 }], [{ re: 0.5, im: 0 }], 0.25); // [[0.25, 0.25, 0, 1, -0.5, 0]]
 * ```
 */
export function zpk2sos(z: ComplexInput, p: ComplexInput, k: number, options?: Zpk2sosOptions): number[][] {
  if (typeof k !== 'number' || !Number.isFinite(k)) throw new TypeError(`zpk2sos: gain k must be a finite number, got ${describeValue(k)}`);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`zpk2sos: options must be an object, got ${describeValue(options)}`);
  }
  const analog = options?.analog ?? false;
  if (typeof analog !== 'boolean') throw new TypeError(`zpk2sos: analog must be a boolean, got ${describeValue(analog)}`);
  const pairing = options?.pairing ?? (analog ? 'minimal' : 'nearest');
  if (pairing !== 'nearest' && pairing !== 'keep_odd' && pairing !== 'minimal') {
    throw new TypeError(`zpk2sos: pairing must be 'nearest', 'keep_odd' or 'minimal', got ${describeValue(pairing)}`);
  }
  if (analog && pairing !== 'minimal') throw new TypeError('zpk2sos: for an analog system, pairing must be "minimal"');
  return zpk2sosRows(complexList('zpk2sos', 'z', z), complexList('zpk2sos', 'p', p), k, pairing, analog);
}
