import { createFftPlan, rfft } from '../kernels/fft.js';
import { describeValue } from './chunks.js';

/** Keyword options of `freqz`/`sosfreqz`/`groupDelay`. */
export interface FrequencyResponseOptions {
  whole?: boolean;
  fs?: number;
  includeNyquist?: boolean;
}

/** The frequencies of a response: radians/sample, plus the count when they are a uniform grid. */
export interface FrequencyGrid {
  /** Radians per sample. */
  readonly w: Float64Array;
  /** The number of points when `worN` was an integer (the grid an FFT can serve), else null. */
  readonly n: number | null;
  readonly whole: boolean;
  readonly includeNyquist: boolean;
  readonly fs: number;
}

/** Reads a coefficient vector (a number is a one-element vector, as numpy's atleast_1d). */
export function coefficients(fn: string, name: string, value: unknown): Float64Array {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new TypeError(`${fn}: ${name} must not be NaN`);
    return Float64Array.of(value);
  }
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<number>).length !== 'number' || value instanceof DataView) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers (polynomial coefficients), got ${describeValue(value)}`);
  }
  const a = value as ArrayLike<unknown>;
  if (a.length === 0) throw new RangeError(`${fn}: ${name} must have at least one coefficient`);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number, got ${describeValue(v)}`);
    out[i] = v;
  }
  return out;
}

/** numpy.linspace(0, stop, num, endpoint). */
function linspace(stop: number, num: number, endpoint: boolean): Float64Array {
  const out = new Float64Array(num);
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? stop / div : Number.NaN;
  for (let i = 0; i < num; i++) out[i] = div > 0 ? i * step : i * stop;
  if (endpoint && num > 1) out[num - 1] = stop;
  return out;
}

/**
 * SciPy's frequency grid of `freqz`/`group_delay`: an integer `worN` gives `worN` points from 0
 * to Nyquist (or to `fs` with `whole`), an array is taken in the units of `fs`.
 */
export function frequencyGrid(fn: string, worN: unknown, options: unknown, defaultN = 512): FrequencyGrid {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`${fn}: options must be an object such as { fs: 48000 }, got ${describeValue(options)}`);
  }
  const o = (options ?? {}) as FrequencyResponseOptions;
  const whole = o.whole ?? false;
  if (typeof whole !== 'boolean') throw new TypeError(`${fn}: whole must be a boolean, got ${describeValue(whole)}`);
  const includeNyquist = o.includeNyquist ?? false;
  if (typeof includeNyquist !== 'boolean') throw new TypeError(`${fn}: includeNyquist must be a boolean, got ${describeValue(includeNyquist)}`);
  const fs = o.fs ?? 2 * Math.PI;
  if (typeof fs !== 'number' || !Number.isFinite(fs) || fs <= 0) throw new RangeError(`${fn}: fs must be a finite positive number, got ${String(fs)}`);
  const spec = worN ?? defaultN;
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec)) {
      throw new TypeError(`${fn}: worN must be an integer (a number of frequencies) or an array of frequencies, got ${spec}`);
    }
    if (spec < 0) throw new RangeError(`${fn}: worN must be nonnegative, got ${spec}`);
    const last = whole ? 2 * Math.PI : Math.PI;
    return { w: linspace(last, spec, includeNyquist && !whole), n: spec, whole, includeNyquist, fs };
  }
  const f = coefficients(fn, 'worN', spec);
  const w = new Float64Array(f.length);
  for (let i = 0; i < f.length; i++) w[i] = (2 * Math.PI * f[i]!) / fs;
  return { w, n: null, whole, includeNyquist, fs };
}

/** The grid back in the units of `fs` (SciPy's `w * fs / (2 pi)`). */
export function gridInFs(grid: FrequencyGrid): Float64Array {
  const out = new Float64Array(grid.w.length);
  for (let i = 0; i < out.length; i++) out[i] = (grid.w[i]! * grid.fs) / (2 * Math.PI);
  return out;
}

/** Evaluates `sum_k c[k] z^k` (numpy.polynomial's polyval, Horner) at z = e^{-i w}: into re/im. */
export function polyvalUnitCircle(c: Float64Array, w: Float64Array, re: Float64Array, im: Float64Array): void {
  const m = c.length;
  for (let j = 0; j < w.length; j++) {
    const zr = Math.cos(w[j]!);
    const zi = -Math.sin(w[j]!);
    let hr = c[m - 1]!;
    let hi = 0;
    for (let k = m - 2; k >= 0; k--) {
      const tr = hr * zr - hi * zi + c[k]!;
      hi = hr * zi + hi * zr;
      hr = tr;
    }
    re[j] = hr;
    im[j] = hi;
  }
}

/** numpy's complex division (Smith's algorithm), in place into `re`/`im` (`re + i im` divided by `c + i d`). */
export function divideInPlace(re: Float64Array, im: Float64Array, dr: Float64Array, di: Float64Array): void {
  for (let j = 0; j < re.length; j++) {
    const a = re[j]!;
    const b = im[j]!;
    const c = dr[j]!;
    const d = di[j]!;
    if (Math.abs(c) >= Math.abs(d)) {
      if (c === 0 && d === 0) {
        re[j] = a / Math.abs(c);
        im[j] = b / Math.abs(d);
        continue;
      }
      const r = d / c;
      const den = c + d * r;
      re[j] = (a + b * r) / den;
      im[j] = (b - a * r) / den;
    } else {
      const r = c / d;
      const den = c * r + d;
      re[j] = (a * r + b) / den;
      im[j] = (b * r - a) / den;
    }
  }
}

/**
 * `H(e^{i w}) = B / A` on the grid, as `scipy.signal.freqz` computes it: by FFT when `a` is a
 * constant and the grid is `n >= len(b)` uniform points, else by polynomial evaluation.
 */
export function transferResponse(b: Float64Array, a: Float64Array, grid: FrequencyGrid): { re: Float64Array; im: Float64Array } {
  const count = grid.w.length;
  const re = new Float64Array(count);
  const im = new Float64Array(count);
  const N = grid.n;
  const fftGrid = N !== null && N > 0 && a.length === 1 && N >= b.length && !(grid.includeNyquist && !grid.whole);
  if (fftGrid && N * b.length > 4096) {
    const nfft = grid.whole ? N : 2 * N;
    const plan = createFftPlan(nfft);
    const buf = new Float64Array(nfft);
    buf.set(b);
    const spec = rfft(plan, buf, new Float64Array(2 * plan.bins));
    const a0 = a[0]!;
    for (let k = 0; k < N; k++) {
      // Bins above nfft / 2 of a real signal's spectrum are conjugates of the mirrored ones.
      const m = k < plan.bins ? k : nfft - k;
      const sign = k < plan.bins ? 1 : -1;
      re[k] = spec[2 * m]! / a0;
      im[k] = (sign * spec[2 * m + 1]!) / a0;
    }
    return { re, im };
  }
  polyvalUnitCircle(b, grid.w, re, im);
  const dr = new Float64Array(count);
  const di = new Float64Array(count);
  polyvalUnitCircle(a, grid.w, dr, di);
  divideInPlace(re, im, dr, di);
  return { re, im };
}
