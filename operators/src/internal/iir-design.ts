import { type Complex, add, c, div, mul, neg, prod, scale, sqrt, sub } from './complex.js';
import { assertInteger } from './validate.js';
import { zpk2sos } from '../design/zpk2sos.js';

/** Band type of an IIR design. */
export type FilterType = 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';

/** Zeros, poles and gain. */
export interface Zpk {
  z: Complex[];
  p: Complex[];
  k: number;
}

const TYPES: readonly FilterType[] = ['lowpass', 'highpass', 'bandpass', 'bandstop'];

/** Checks `order` as SciPy does for the analog prototypes (but rejects 0: a filter needs an order). */
export function checkOrder(order: number): void {
  assertInteger('order', order, 1);
}

/**
 * Digital IIR design from an analog low-pass prototype, as `scipy.signal.iirfilter(..., output='sos')`:
 * prewarp, lp2lp/lp2hp/lp2bp/lp2bs, bilinear, zpk2sos (pairing 'nearest').
 */
export function iirDesignSos(
  proto: Zpk,
  cutoff: number | readonly number[],
  type: FilterType | undefined,
  sampleRate: number | undefined,
): number[][] {
  const btype: FilterType = type ?? 'lowpass';
  if (!TYPES.includes(btype)) {
    throw new TypeError(`type must be one of ${TYPES.join(', ')}, got ${String(type)}`);
  }
  const wnRaw = typeof cutoff === 'number' ? [cutoff] : Array.from(cutoff);
  if (sampleRate !== undefined && (typeof sampleRate !== 'number' || !(sampleRate > 0) || !Number.isFinite(sampleRate))) {
    throw new RangeError(`sampleRate must be a positive finite number (Hz), got ${String(sampleRate)}`);
  }
  for (const w of wnRaw) {
    if (typeof w !== 'number' || Number.isNaN(w)) throw new TypeError(`cutoff must be numbers, got ${String(w)}`);
  }
  const band = btype === 'bandpass' || btype === 'bandstop';
  if (band && wnRaw.length !== 2) {
    throw new RangeError(`a ${btype} filter needs two cutoff frequencies [low, high], got ${wnRaw.length}`);
  }
  if (!band && wnRaw.length !== 1) {
    throw new RangeError(`a ${btype} filter needs a single cutoff frequency, got ${wnRaw.length}`);
  }
  const wn = sampleRate === undefined ? wnRaw : wnRaw.map((w) => (2 * w) / sampleRate);
  const nyq = sampleRate === undefined ? 'Nyquist (1)' : `sampleRate/2 (${sampleRate / 2} Hz)`;
  for (let i = 0; i < wn.length; i++) {
    const w = wn[i]!;
    if (!(w > 0 && w < 1)) {
      throw new RangeError(`cutoff frequencies must be > 0 and < ${nyq}, got ${wnRaw[i]}`);
    }
  }
  if (band && !(wn[0]! < wn[1]!)) {
    throw new RangeError(`bandpass/bandstop cutoff must be [low, high] with low < high, got [${wnRaw.join(', ')}]`);
  }
  const fs = 2;
  const warped = wn.map((w) => 2 * fs * Math.tan((Math.PI * w) / fs));
  let zpk: Zpk;
  if (btype === 'lowpass') zpk = lp2lp(proto, warped[0]!);
  else if (btype === 'highpass') zpk = lp2hp(proto, warped[0]!);
  else {
    const bw = warped[1]! - warped[0]!;
    const wo = Math.sqrt(warped[0]! * warped[1]!);
    zpk = btype === 'bandpass' ? lp2bp(proto, wo, bw) : lp2bs(proto, wo, bw);
  }
  const d = bilinear(zpk, fs);
  return zpk2sos(d.z, d.p, d.k);
}

function lp2lp(s: Zpk, wo: number): Zpk {
  const degree = s.p.length - s.z.length;
  return { z: s.z.map((v) => scale(v, wo)), p: s.p.map((v) => scale(v, wo)), k: s.k * wo ** degree };
}

function lp2hp(s: Zpk, wo: number): Zpk {
  const degree = s.p.length - s.z.length;
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

function lp2bp(s: Zpk, wo: number, bw: number): Zpk {
  const degree = s.p.length - s.z.length;
  const z = bandTransform(s.z.map((v) => scale(v, bw / 2)), wo);
  for (let i = 0; i < degree; i++) z.push(c(0));
  return { z, p: bandTransform(s.p.map((v) => scale(v, bw / 2)), wo), k: s.k * bw ** degree };
}

function lp2bs(s: Zpk, wo: number, bw: number): Zpk {
  const degree = s.p.length - s.z.length;
  const h = c(bw / 2);
  const z = bandTransform(s.z.map((v) => div(h, v)), wo);
  for (let i = 0; i < degree; i++) z.push(c(0, wo));
  for (let i = 0; i < degree; i++) z.push(c(0, -wo));
  const k = s.k * div(prod(s.z.map(neg)), prod(s.p.map(neg))).re;
  return { z, p: bandTransform(s.p.map((v) => div(h, v)), wo), k };
}

function bilinear(s: Zpk, fs: number): Zpk {
  const degree = s.p.length - s.z.length;
  const fs2 = c(2 * fs);
  const z = s.z.map((v) => div(add(fs2, v), sub(fs2, v)));
  const p = s.p.map((v) => div(add(fs2, v), sub(fs2, v)));
  for (let i = 0; i < degree; i++) z.push(c(-1));
  const k = s.k * div(prod(s.z.map((v) => sub(fs2, v))), prod(s.p.map((v) => sub(fs2, v)))).re;
  return { z, p, k };
}

/** Analog Butterworth prototype, as `scipy.signal.buttap`. */
export function buttap(order: number): Zpk {
  const p: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const t = (Math.PI * m) / (2 * order);
    p.push(c(-Math.cos(t), -Math.sin(t)));
  }
  return { z: [], p, k: 1 };
}

/** Analog Chebyshev type I prototype, as `scipy.signal.cheb1ap`. */
export function cheb1ap(order: number, ripple: number): Zpk {
  const eps = Math.sqrt(10 ** (0.1 * ripple) - 1);
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

