// The shared part of scipy.signal's order-selection functions (buttord, cheb1ord, cheb2ord,
// ellipord): argument checks, band classification, prewarping, the band-stop edge optimisation and
// the natural frequency ratio.
import { describeValue } from './chunks.js';
import { ellipk, ellipkm1 } from './elliptic.js';
import { fminbound } from './fminbound.js';
import { sampleRateOption } from './iir-design.js';
import { booleanOption, signalOptions } from './options.js';
import { namedResult } from './named-result.js';

/** Options of the order-selection functions. */
export interface FilterOrderOptions {
  /** Analog design (edges in rad/s) instead of digital (default `false`). */
  readonly analog?: boolean;
  /** Sample rate in Hz: edges in Hz (digital only); default normalised to Nyquist. */
  readonly fs?: number;
}

/** What the order-selection functions return (SciPy's `(ord, wn)`), also iterable as `[ord, wn]`. */
export interface FilterOrderResult extends Iterable<number | Float64Array> {
  /** The lowest order that meets the specification. */
  readonly ord: number;
  /** The natural (critical) frequency or `[low, high]` to pass to the design function with `ord`. */
  readonly wn: number | Float64Array;
}

/** The family whose order is estimated. */
export type OrderFamily = 'butter' | 'cheby' | 'ellip';

/** Validated specification: filter type 1 lowpass, 2 highpass, 3 bandstop, 4 bandpass (SciPy's numbering). */
export interface OrderSpec {
  readonly what: string;
  readonly type: 1 | 2 | 3 | 4;
  readonly analog: boolean;
  readonly fs: number | undefined;
  readonly gpass: number;
  readonly gstop: number;
  /** Prewarped passband edges (mutable for the band-stop optimisation). */
  readonly passb: number[];
  readonly stopb: number[];
}

function edges(what: string, name: string, v: unknown): number[] {
  const list = typeof v === 'number' ? [v] : v !== null && typeof v === 'object' && typeof (v as ArrayLike<number>).length === 'number' ? Array.from(v as ArrayLike<number>) : undefined;
  if (list === undefined || (list.length !== 1 && list.length !== 2)) {
    throw new TypeError(`${what}: ${name} must be a number or [low, high], got ${describeValue(v)}`);
  }
  for (const x of list) if (typeof x !== 'number' || !Number.isFinite(x) || !(x > 0)) throw new RangeError(`${what}: ${name} must hold positive finite frequencies, got ${String(x)}`);
  return list;
}

/** Parses and prewarps an order specification, as the first half of SciPy's `buttord` & co. */
export function orderSpec(what: string, wp: unknown, ws: unknown, gpass: unknown, gstop: unknown, options: FilterOrderOptions | undefined): OrderSpec {
  const opts = signalOptions(what, options, ['analog', 'fs']);
  const analog = booleanOption(what, 'analog', opts.analog, false);
  const fs = sampleRateOption(what, opts.fs);
  if (typeof gpass !== 'number' || !Number.isFinite(gpass)) throw new TypeError(`${what}: gpass must be a finite number of dB, got ${describeValue(gpass)}`);
  if (typeof gstop !== 'number' || !Number.isFinite(gstop)) throw new TypeError(`${what}: gstop must be a finite number of dB, got ${describeValue(gstop)}`);
  if (gpass <= 0) throw new RangeError(`${what}: gpass should be larger than 0, got ${gpass}`);
  if (gstop <= 0) throw new RangeError(`${what}: gstop should be larger than 0, got ${gstop}`);
  if (gpass > gstop) throw new RangeError(`${what}: gpass should be smaller than gstop, got ${gpass} > ${gstop}`);
  let p = edges(what, 'wp', wp);
  let s = edges(what, 'ws', ws);
  if (p.length !== s.length) throw new RangeError(`${what}: wp and ws must both be numbers or both be [low, high]`);
  if (fs !== undefined) {
    if (analog) throw new TypeError(`${what}: fs cannot be given for an analog filter`);
    p = p.map((v) => (2 * v) / fs);
    s = s.map((v) => (2 * v) / fs);
  }
  if (!analog) {
    for (const v of [...p, ...s]) if (!(v < 1)) throw new RangeError(`${what}: digital band edges must be below ${fs === undefined ? '1 (Nyquist)' : `fs/2 (${fs / 2})`}`);
  }
  if (p.length === 2 && (!(p[0]! < p[1]!) || !(s[0]! < s[1]!))) throw new RangeError(`${what}: band edges must be [low, high] with low < high`);
  const base = p.length === 1 ? 1 : 3;
  const t = (p[0]! >= s[0]! ? base + 1 : base) as 1 | 2 | 3 | 4;
  if (t === 3 && !(p[0]! < s[0]! && s[1]! < p[1]!)) throw new RangeError(`${what}: a band-stop specification needs wp[0] < ws[0] < ws[1] < wp[1]`);
  if (t === 4 && !(s[0]! < p[0]! && p[1]! < s[1]!)) throw new RangeError(`${what}: a band-pass specification needs ws[0] < wp[0] < wp[1] < ws[1]`);
  const warp = (v: number): number => (analog ? v * 1 : Math.tan((Math.PI * v) / 2));
  return { what, type: t, analog, fs, gpass, gstop, passb: p.map(warp), stopb: s.map(warp) };
}

function natFor(passb: readonly number[], stopb: readonly number[]): number {
  const nat = stopb.map((sb) => (sb * (passb[0]! - passb[1]!)) / (sb ** 2 - passb[0]! * passb[1]!));
  return Math.min(...nat.map(Math.abs));
}

/** Order estimate for a natural frequency ratio (the `n` of SciPy's `band_stop_obj`, unrounded). */
export function orderFor(family: OrderFamily, nat: number, gpass: number, gstop: number): number {
  if (family === 'butter') {
    const GSTOP = 10 ** (0.1 * Math.abs(gstop));
    const GPASS = 10 ** (0.1 * Math.abs(gpass));
    return Math.log10((GSTOP - 1) / (GPASS - 1)) / (2 * Math.log10(nat));
  }
  if (family === 'cheby') {
    const GSTOP = 10 ** (0.1 * Math.abs(gstop));
    const GPASS = 10 ** (0.1 * Math.abs(gpass));
    return Math.acosh(Math.sqrt((GSTOP - 1) / (GPASS - 1))) / Math.acosh(nat);
  }
  const GSTOP = 10 ** (0.1 * gstop);
  const GPASS = 10 ** (0.1 * gpass);
  const arg1 = Math.sqrt((GPASS - 1) / (GSTOP - 1));
  const arg0 = 1 / nat;
  return (ellipk(arg0 ** 2) * ellipk(1 - arg1 ** 2)) / (ellipk(1 - arg0 ** 2) * ellipk(arg1 ** 2));
}

/**
 * The natural frequency ratio of a specification (SciPy's `nat`), after moving the band-stop
 * passband edges to minimise the order (`fminbound` on `band_stop_obj`, as SciPy does).
 */
export function naturalRatio(spec: OrderSpec, family: OrderFamily): number {
  const { passb, stopb } = spec;
  if (spec.type === 1) return Math.min(...stopb.map((s, i) => Math.abs(s / passb[i]!)));
  if (spec.type === 2) return Math.min(...stopb.map((s, i) => Math.abs(passb[i]! / s)));
  if (spec.type === 3) {
    const objective = (ind: 0 | 1) => (wp: number): number => {
      const trial = [...passb];
      trial[ind] = wp;
      return orderFor(family, natFor(trial, stopb), spec.gpass, spec.gstop);
    };
    passb[0] = fminbound(objective(0), passb[0]!, stopb[0]! - 1e-12);
    passb[1] = fminbound(objective(1), stopb[1]! + 1e-12, passb[1]!);
    return natFor(passb, stopb);
  }
  const nat = stopb.map((sb) => (sb ** 2 - passb[0]! * passb[1]!) / (sb * (passb[0]! - passb[1]!)));
  return Math.min(...nat.map(Math.abs));
}

/** Undoes the prewarp of natural frequencies and packs SciPy's `(ord, wn)`. */
export function orderResult(spec: OrderSpec, ord: number, wn: readonly number[]): FilterOrderResult {
  const unwarped = wn.map((w) => (spec.analog ? w : (2 / Math.PI) * Math.atan(w)));
  const scaled = spec.fs === undefined ? unwarped : unwarped.map((w) => (w * spec.fs!) / 2);
  const out = scaled.length === 1 ? scaled[0]! : Float64Array.from(scaled);
  return namedResult({ ord, wn: out }, ['ord', 'wn']);
}

/** The ellipk-based order of `ellipord` (with SciPy's expm1 form for the ripple ratio). */
export function ellipOrder(nat: number, gpass: number, gstop: number): number {
  const pow10m1 = (x: number): number => Math.expm1(Math.LN10 * x);
  const arg1Sq = pow10m1(0.1 * gpass) / pow10m1(0.1 * gstop);
  const arg0 = 1 / nat;
  return Math.ceil((ellipk(arg0 ** 2) * ellipkm1(arg1Sq)) / (ellipkm1(arg0 ** 2) * ellipk(arg1Sq)));
}
