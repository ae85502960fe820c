// The IIR design chain of scipy.signal.iirfilter: an analog prototype, prewarped frequency
// transformation (lp2lp/lp2hp/lp2bp/lp2bs in zpk form), bilinear transform for digital filters, and
// the output form (zpk, ba, sos). Design-time code (allocates).
import { type Complex, add, c, div, mul, neg, prod, scale, sqrt, sub } from './complex.js';
import { besselap, buttap, cheb1ap, cheb2ap, ellipap, type BesselNorm, type Zpk } from './analog-prototypes.js';
import { describeValue } from './chunks.js';
import { assertInteger } from './validate.js';
import { zpk2sosRows } from '../design/zpk2sos.js';

export { buttap, cheb1ap } from './analog-prototypes.js';
export type { Zpk } from './analog-prototypes.js';

/** Band type of an IIR design. */
export type FilterType = 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';

/** The band type names SciPy accepts (its `band_dict`), including the short aliases. */
export type BandType =
  | FilterType
  | 'low'
  | 'lp'
  | 'l'
  | 'high'
  | 'hp'
  | 'h'
  | 'band'
  | 'pass'
  | 'bp'
  | 'stop'
  | 'bs'
  | 'bands';

const BAND_ALIASES: Readonly<Record<string, FilterType>> = {
  band: 'bandpass',
  bandpass: 'bandpass',
  pass: 'bandpass',
  bp: 'bandpass',
  bs: 'bandstop',
  bandstop: 'bandstop',
  bands: 'bandstop',
  stop: 'bandstop',
  l: 'lowpass',
  low: 'lowpass',
  lowpass: 'lowpass',
  lp: 'lowpass',
  high: 'highpass',
  highpass: 'highpass',
  h: 'highpass',
  hp: 'highpass',
};

/** Resolves a band type name (SciPy's aliases included); TypeError naming `what` otherwise. */
export function bandType(what: string, btype: unknown, name = 'btype'): FilterType {
  const t = typeof btype === 'string' ? BAND_ALIASES[btype.toLowerCase()] : undefined;
  if (t === undefined) {
    throw new TypeError(`${what}: ${name} must be one of 'lowpass', 'highpass', 'bandpass', 'bandstop' (or SciPy's aliases), got ${describeValue(btype)}`);
  }
  return t;
}

/** The IIR families of `iirfilter`'s `ftype`. */
export type IirFamily = 'butter' | 'cheby1' | 'cheby2' | 'ellip' | 'bessel';

/** Everything `iirfilter` needs, validated. */
export interface IirSpec {
  readonly family: IirFamily;
  readonly order: number;
  readonly wn: readonly number[];
  readonly btype: FilterType;
  readonly analog: boolean;
  readonly fs: number | undefined;
  readonly rp?: number | undefined;
  readonly rs?: number | undefined;
  readonly norm?: BesselNorm | undefined;
}

/** Largest filter order accepted (designs beyond it are numerically meaningless and slow). */
export const MAX_ORDER = 1000;

/** Checks `order` as SciPy does for the analog prototypes (a non-negative integer), with `min` as the floor. */
export function checkOrder(order: unknown, min = 1, what?: string): asserts order is number {
  const prefix = what === undefined ? '' : `${what}: `;
  try {
    assertInteger('order', order, min);
  } catch (error) {
    if (error instanceof TypeError) throw new TypeError(prefix + error.message);
    throw new RangeError(prefix + (error as Error).message);
  }
  if (order > MAX_ORDER) throw new RangeError(`${prefix}order must be <= ${MAX_ORDER}, got ${order}`);
}

/** Validates critical frequencies (digital: normalised to Nyquist unless `fs`; analog: rad/s). */
export function criticalFrequencies(
  what: string,
  cutoff: unknown,
  btype: FilterType,
  analog: boolean,
  fs: number | undefined,
  name = 'Wn',
): number[] {
  const pre = what === '' ? '' : `${what}: `;
  let raw: number[];
  if (typeof cutoff === 'number') raw = [cutoff];
  else if (cutoff !== null && typeof cutoff === 'object' && typeof (cutoff as ArrayLike<unknown>).length === 'number') {
    raw = Array.from(cutoff as ArrayLike<number>);
  } else {
    throw new TypeError(`${pre}${name} must be a number or [low, high], got ${describeValue(cutoff)}`);
  }
  for (const w of raw) {
    if (typeof w !== 'number' || !Number.isFinite(w)) throw new TypeError(`${pre}${name} must hold finite numbers, got ${String(w)}`);
  }
  const band = btype === 'bandpass' || btype === 'bandstop';
  if (band && raw.length !== 2) {
    throw new RangeError(`${pre}a ${btype} filter needs two critical frequencies [low, high], got ${raw.length}`);
  }
  if (!band && raw.length !== 1) {
    throw new RangeError(`${pre}a ${btype} filter needs a single critical frequency, got ${raw.length}`);
  }
  if (fs !== undefined && analog) throw new TypeError(`${pre}fs cannot be given for an analog filter`);
  const wn = fs === undefined ? raw : raw.map((w) => (2 * w) / fs);
  for (let i = 0; i < wn.length; i++) {
    const w = wn[i]!;
    if (!(w > 0)) throw new RangeError(`${pre}critical frequencies must be > 0, got ${raw[i]}`);
    if (!analog && !(w < 1)) {
      const limit = fs === undefined ? '1 (Nyquist)' : `fs/2 (fs=${fs} -> fs/2=${fs / 2})`;
      throw new RangeError(`${pre}digital filter critical frequencies must be 0 < ${name} < ${limit}, got ${raw[i]}`);
    }
  }
  if (band && !(wn[0]! < wn[1]!)) {
    throw new RangeError(`${pre}${name}[0] must be less than ${name}[1], got [${raw.join(', ')}]`);
  }
  return wn;
}

/** Validates an optional sample rate in Hz (a positive finite number). */
export function sampleRateOption(what: string, fs: unknown, name = 'fs'): number | undefined {
  if (fs === undefined || fs === null) return undefined;
  if (typeof fs !== 'number' || !Number.isFinite(fs) || !(fs > 0)) {
    throw new RangeError(`${what}: ${name} must be a positive finite number (Hz), got ${describeValue(fs)}`);
  }
  return fs;
}

/** The analog prototype of a spec. */
export function prototype(what: string, spec: Pick<IirSpec, 'family' | 'order' | 'rp' | 'rs' | 'norm'>): Zpk {
  const { family, order } = spec;
  switch (family) {
    case 'butter':
      return buttap(order);
    case 'cheby1':
      return cheb1ap(order, positiveDb(what, 'rp', spec.rp));
    case 'cheby2':
      return cheb2ap(order, positiveDb(what, 'rs', spec.rs));
    case 'ellip':
      return ellipap(order, positiveDb(what, 'rp', spec.rp), positiveDb(what, 'rs', spec.rs));
    case 'bessel':
      return besselap(order, spec.norm ?? 'phase');
  }
}

function positiveDb(what: string, name: string, v: unknown): number {
  if (v === undefined) throw new TypeError(`${what}: ${name} (dB) must be given`);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${what}: ${name} must be a finite number of dB, got ${describeValue(v)}`);
  if (!(v > 0)) throw new RangeError(`${what}: ${name} must be > 0 dB, got ${v}`);
  return v;
}

/** The designed filter in zpk form (digital unless `analog`), as `iirfilter(..., output='zpk')`. */
export function iirZpk(what: string, spec: IirSpec): Zpk {
  const proto = prototype(what, spec);
  const fs = 2;
  const warped = spec.analog ? [...spec.wn] : spec.wn.map((w) => 2 * fs * Math.tan((Math.PI * w) / fs));
  let zpk: Zpk;
  if (spec.btype === 'lowpass') zpk = lp2lpZpk(proto, warped[0]!);
  else if (spec.btype === 'highpass') zpk = lp2hpZpk(proto, warped[0]!);
  else {
    const bw = warped[1]! - warped[0]!;
    const wo = Math.sqrt(warped[0]! * warped[1]!);
    zpk = spec.btype === 'bandpass' ? lp2bpZpk(proto, wo, bw) : lp2bsZpk(proto, wo, bw);
  }
  return spec.analog ? zpk : bilinearZpk(zpk, fs);
}

/**
 * Digital IIR design from an analog low-pass prototype as second-order sections, as
 * `scipy.signal.iirfilter(..., output='sos')`, with the main entry's option names (`type`,
 * `sampleRate`); used by the main entry's `butter` and `cheby1`.
 */
export function iirDesignSos(
  proto: Zpk,
  cutoff: number | readonly number[],
  type: FilterType | undefined,
  sampleRate: number | undefined,
): number[][] {
  const btype: FilterType = type ?? 'lowpass';
  if (!(['lowpass', 'highpass', 'bandpass', 'bandstop'] as const).includes(btype)) {
    throw new TypeError(`type must be one of lowpass, highpass, bandpass, bandstop, got ${String(type)}`);
  }
  if (sampleRate !== undefined && (typeof sampleRate !== 'number' || !(sampleRate > 0) || !Number.isFinite(sampleRate))) {
    throw new RangeError(`sampleRate must be a positive finite number (Hz), got ${String(sampleRate)}`);
  }
  const wn = criticalFrequencies('', cutoff, btype, false, sampleRate, 'cutoff');
  const warped = wn.map((w) => 4 * Math.tan((Math.PI * w) / 2));
  let zpk: Zpk;
  if (btype === 'lowpass') zpk = lp2lpZpk(proto, warped[0]!);
  else if (btype === 'highpass') zpk = lp2hpZpk(proto, warped[0]!);
  else {
    const bw = warped[1]! - warped[0]!;
    const wo = Math.sqrt(warped[0]! * warped[1]!);
    zpk = btype === 'bandpass' ? lp2bpZpk(proto, wo, bw) : lp2bsZpk(proto, wo, bw);
  }
  const d = bilinearZpk(zpk, 2);
  return zpk2sosRows(d.z, d.p, d.k, 'nearest', false);
}

function relativeDegree(s: Zpk): number {
  const degree = s.p.length - s.z.length;
  if (degree < 0) throw new RangeError('improper transfer function: it must have at least as many poles as zeros');
  return degree;
}

/** Low-pass to low-pass frequency transformation (scipy.signal.lp2lp_zpk). */
export function lp2lpZpk(s: Zpk, wo: number): Zpk {
  const degree = relativeDegree(s);
  return { z: s.z.map((v) => scale(v, wo)), p: s.p.map((v) => scale(v, wo)), k: s.k * wo ** degree };
}

/** Low-pass to high-pass frequency transformation (scipy.signal.lp2hp_zpk). */
export function lp2hpZpk(s: Zpk, wo: number): Zpk {
  const degree = relativeDegree(s);
  const w = c(wo);
  const z = s.z.map((v) => div(w, v));
  for (let i = 0; i < degree; i++) z.push(c(0));
  const k = s.k * div(prod(s.z.map(neg)), prod(s.p.map(neg))).re;
  return { z, p: s.p.map((v) => div(w, v)), k };
}

function bandTransform(values: readonly Complex[], wo: number): Complex[] {
  const wo2 = c(wo * wo);
  const plus: Complex[] = [];
  const minus: Complex[] = [];
  for (const v of values) {
    const r = sqrt(sub(mul(v, v), wo2));
    plus.push(add(v, r));
    minus.push(sub(v, r));
  }
  return [...plus, ...minus];
}

/** Low-pass to band-pass frequency transformation (scipy.signal.lp2bp_zpk). */
export function lp2bpZpk(s: Zpk, wo: number, bw: number): Zpk {
  const degree = relativeDegree(s);
  const z = bandTransform(s.z.map((v) => c((v.re * bw) / 2, (v.im * bw) / 2)), wo);
  for (let i = 0; i < degree; i++) z.push(c(0));
  return { z, p: bandTransform(s.p.map((v) => c((v.re * bw) / 2, (v.im * bw) / 2)), wo), k: s.k * bw ** degree };
}

/** Low-pass to band-stop frequency transformation (scipy.signal.lp2bs_zpk). */
export function lp2bsZpk(s: Zpk, wo: number, bw: number): Zpk {
  const degree = relativeDegree(s);
  const h = c(bw / 2);
  const z = bandTransform(s.z.map((v) => div(h, v)), wo);
  for (let i = 0; i < degree; i++) z.push(c(0, wo));
  for (let i = 0; i < degree; i++) z.push(c(0, -wo));
  const k = s.k * div(prod(s.z.map(neg)), prod(s.p.map(neg))).re;
  return { z, p: bandTransform(s.p.map((v) => div(h, v)), wo), k };
}

/** Bilinear transform of an analog zpk filter to a digital one (scipy.signal.bilinear_zpk). */
export function bilinearZpk(s: Zpk, fs: number): Zpk {
  const degree = relativeDegree(s);
  const fs2 = c(2 * fs);
  const z = s.z.map((v) => div(add(fs2, v), sub(fs2, v)));
  const p = s.p.map((v) => div(add(fs2, v), sub(fs2, v)));
  for (let i = 0; i < degree; i++) z.push(c(-1));
  const k = s.k * div(prod(s.z.map((v) => sub(fs2, v))), prod(s.p.map((v) => sub(fs2, v)))).re;
  return { z, p, k };
}
