import type { FloatArray } from '@ringflow/core';
import { bitReverse, ditStages, radix4Stages } from '../internal/convolution-transform.js';

/**
 * Fast Fourier transforms: real-input `rfft`/`irfft` (numpy's convention) and complex
 * `complexFft`/`complexIfft` on interleaved arrays, for any length.
 *
 * Power-of-two lengths run an iterative radix-4 decimation-in-time transform (a radix-8 first
 * pass when log2(n) is odd), with the bit-reversal permutation fused into the first pass and
 * per-stage contiguous twiddle tables. A real transform of even length n runs one complex
 * transform of length n/2 plus a split pass. Other lengths use Bluestein's chirp-z algorithm on
 * top of a power-of-two transform of length >= 2n-1. Plans hold every table and scratch array:
 * the transforms themselves never allocate.
 */

/** A Float32Array or Float64Array (core's type): the sample arrays the spectral kernels accept. */
export type { FloatArray };

/**
 * A precomputed plan for the real-input transforms {@link rfft} and {@link irfft} of length `n`.
 *
 * @remarks
 * Create it once with {@link createFftPlan} (which allocates every table and scratch array), then
 * call the transforms any number of times: they allocate nothing. A plan holds scratch memory, so a
 * plan must not be used by two transforms at once; since JavaScript runs one call at a time per
 * thread this only matters if a plan's object is shared by reference between re-entrant callers.
 * The fields are read-only; everything else in the object is private.
 */
export interface FftPlan {
  /** Discriminant: a real-input plan. */
  readonly kind: 'real';
  /** Transform length in samples (the real signal's length). */
  readonly n: number;
  /** Number of complex bins of the one-sided spectrum: `Math.floor(n / 2) + 1`. */
  readonly bins: number;
}

/**
 * A precomputed plan for the complex transforms {@link complexFft} and {@link complexIfft} of
 * length `n`.
 *
 * @remarks
 * Create it once with {@link createComplexFftPlan}; the transforms allocate nothing. Same sharing
 * rules as {@link FftPlan}.
 */
export interface ComplexFftPlan {
  /** Discriminant: a complex plan. */
  readonly kind: 'complex';
  /** Transform length in complex points (the arrays hold `2 * n` numbers). */
  readonly n: number;
}

// ---------------------------------------------------------------------------------------------
// Internal engines.

/** Power-of-two complex transform (forward, unnormalised) working in `out`. */
interface Pow2Engine {
  readonly type: 'pow2';
  /** Length in complex points. */
  readonly m: number;
  /** Radix of the fused first pass: 1 (m = 1, a copy), 2 (m = 2), 4 (even log2) or 8 (odd log2). */
  readonly first: 1 | 2 | 4 | 8;
  /** Bit-reversed source index (in complex points) of each first-pass group. */
  readonly firstIndex: Int32Array;
  /** Radix-4 stages after the first pass: quarter length L of each stage. */
  readonly stageQuarter: Int32Array;
  /** Per stage, for k = 0..L-1: w1re, w1im, w2re, w2im, w3re, w3im (w_r = e^{-2 pi i r k / 4L}). */
  readonly twiddles: Float64Array;
  /** Working array and result, interleaved complex, natural order after a transform. */
  readonly out: Float64Array;
}

/** Bluestein chirp-z transform of any length N via a power-of-two engine of length M >= 2N-1. */
interface BluesteinEngine {
  readonly type: 'bluestein';
  /** Length in complex points. */
  readonly m: number;
  readonly inner: Pow2Engine;
  /** c[k] = e^{-i pi k^2 / N}, interleaved, k = 0..N-1. */
  readonly chirp: Float64Array;
  /** FFT of the conjugate chirp filter, length M, divided by M. */
  readonly filter: Float64Array;
  /** Scratch, length 2M. */
  readonly buf: Float64Array;
  /** Result, interleaved complex, length 2N. */
  readonly out: Float64Array;
}

type Engine = Pow2Engine | BluesteinEngine;

interface RealPlanInternal extends FftPlan {
  /** For even n: engine of length n/2 (real split). For odd n: engine of length n. */
  readonly engine: Engine;
  /** Even n: cos/sin(2 pi k / n) for k = 0..n/4 (interleaved). Empty for odd n. */
  readonly split: Float64Array;
  /** Scratch, interleaved complex: length n (even n) or 2n (odd n). */
  readonly buf: Float64Array;
}

interface ComplexPlanInternal extends ComplexFftPlan {
  readonly engine: Engine;
}

const SQRT1_2 = Math.SQRT1_2;

const isPowerOfTwo = (n: number): boolean => (n & (n - 1)) === 0;

function checkLength(n: unknown, what: string): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    throw new RangeError(`${what}: length must be a positive integer, got ${String(n)}`);
  }
  if (n > 2 ** 27) {
    throw new RangeError(`${what}: length ${n} exceeds the maximum of 2^27`);
  }
}

function createPow2Engine(m: number): Pow2Engine {
  let log2 = 0;
  while (1 << log2 < m) log2++;
  const first: 1 | 2 | 4 | 8 = m <= 2 ? (m as 1 | 2) : log2 % 2 === 1 ? 8 : 4;
  const groups = m / first;
  const firstIndex = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    // Bit-reverse g * first over log2 bits.
    firstIndex[g] = bitReverse(g * first, log2);
  }
  const { quarters, twiddles } = radix4Stages(first, m);
  return {
    type: 'pow2',
    m,
    first,
    firstIndex,
    stageQuarter: quarters,
    twiddles,
    out: new Float64Array(2 * m),
  };
}

/**
 * Forward transform of the interleaved complex `src` (length >= 2m; imaginary parts multiplied
 * by `si`, so si = -1 transforms the conjugate) into `e.out`.
 */
function runPow2(e: Pow2Engine, src: FloatArray, si: number): void {
  const w = e.out;
  const m = e.m;
  const idx = e.firstIndex;
  const groups = idx.length;
  if (e.first === 8) {
    // Positions 8g..8g+7 receive the 8-point DFT of y[r] = x[b + r m/8] (b = rev(8g)), computed
    // as two 4-point DFTs (even and odd r) and one radix-2 step with the constants of W8.
    const e1 = m >> 2; // m/8 complex points, in floats
    for (let g = 0, o = 0; g < groups; g++, o += 16) {
      const b = idx[g]! << 1;
      const y0r = src[b]!;
      const y0i = si * src[b + 1]!;
      const y1r = src[b + e1]!;
      const y1i = si * src[b + e1 + 1]!;
      const y2r = src[b + 2 * e1]!;
      const y2i = si * src[b + 2 * e1 + 1]!;
      const y3r = src[b + 3 * e1]!;
      const y3i = si * src[b + 3 * e1 + 1]!;
      const y4r = src[b + 4 * e1]!;
      const y4i = si * src[b + 4 * e1 + 1]!;
      const y5r = src[b + 5 * e1]!;
      const y5i = si * src[b + 5 * e1 + 1]!;
      const y6r = src[b + 6 * e1]!;
      const y6i = si * src[b + 6 * e1 + 1]!;
      const y7r = src[b + 7 * e1]!;
      const y7i = si * src[b + 7 * e1 + 1]!;
      // E = DFT4(y0, y2, y4, y6)
      let s0r = y0r + y4r;
      let s0i = y0i + y4i;
      let s1r = y0r - y4r;
      let s1i = y0i - y4i;
      let s2r = y2r + y6r;
      let s2i = y2i + y6i;
      let s3r = y2r - y6r;
      let s3i = y2i - y6i;
      const e0r = s0r + s2r;
      const e0i = s0i + s2i;
      const e2r = s0r - s2r;
      const e2i = s0i - s2i;
      const e1r = s1r + s3i;
      const e1i = s1i - s3r;
      const e3r = s1r - s3i;
      const e3i = s1i + s3r;
      // O = DFT4(y1, y3, y5, y7)
      s0r = y1r + y5r;
      s0i = y1i + y5i;
      s1r = y1r - y5r;
      s1i = y1i - y5i;
      s2r = y3r + y7r;
      s2i = y3i + y7i;
      s3r = y3r - y7r;
      s3i = y3i - y7i;
      const o0r = s0r + s2r;
      const o0i = s0i + s2i;
      const o2r = s0r - s2r;
      const o2i = s0i - s2i;
      const o1r = s1r + s3i;
      const o1i = s1i - s3r;
      const o3r = s1r - s3i;
      const o3i = s1i + s3r;
      // t_k = W8^k O_k
      const t1r = SQRT1_2 * (o1r + o1i);
      const t1i = SQRT1_2 * (o1i - o1r);
      const t3r = SQRT1_2 * (o3i - o3r);
      const t3i = -SQRT1_2 * (o3r + o3i);
      w[o] = e0r + o0r;
      w[o + 1] = e0i + o0i;
      w[o + 2] = e1r + t1r;
      w[o + 3] = e1i + t1i;
      w[o + 4] = e2r + o2i;
      w[o + 5] = e2i - o2r;
      w[o + 6] = e3r + t3r;
      w[o + 7] = e3i + t3i;
      w[o + 8] = e0r - o0r;
      w[o + 9] = e0i - o0i;
      w[o + 10] = e1r - t1r;
      w[o + 11] = e1i - t1i;
      w[o + 12] = e2r - o2i;
      w[o + 13] = e2i + o2r;
      w[o + 14] = e3r - t3r;
      w[o + 15] = e3i - t3i;
    }
  } else if (e.first === 4) {
    // Positions 4g..4g+3 hold x[b], x[b + m/2], x[b + m/4], x[b + 3m/4] (b = rev(4g)): a
    // radix-4 butterfly of four length-1 transforms, no twiddles.
    const h = m >> 1; // m/4 complex points, in floats
    for (let g = 0, o = 0; g < groups; g++, o += 8) {
      const b = idx[g]! << 1;
      const f0r = src[b]!;
      const f0i = si * src[b + 1]!;
      const f2r = src[b + m]!;
      const f2i = si * src[b + m + 1]!;
      const f1r = src[b + h]!;
      const f1i = si * src[b + h + 1]!;
      const f3r = src[b + m + h]!;
      const f3i = si * src[b + m + h + 1]!;
      const a0r = f0r + f2r;
      const a0i = f0i + f2i;
      const a1r = f0r - f2r;
      const a1i = f0i - f2i;
      const a2r = f1r + f3r;
      const a2i = f1i + f3i;
      const a3r = f1r - f3r;
      const a3i = f1i - f3i;
      w[o] = a0r + a2r;
      w[o + 1] = a0i + a2i;
      w[o + 2] = a1r + a3i;
      w[o + 3] = a1i - a3r;
      w[o + 4] = a0r - a2r;
      w[o + 5] = a0i - a2i;
      w[o + 6] = a1r - a3i;
      w[o + 7] = a1i + a3r;
    }
  } else if (e.first === 2) {
    for (let g = 0, o = 0; g < groups; g++, o += 4) {
      const b = idx[g]! << 1;
      const ar = src[b]!;
      const ai = si * src[b + 1]!;
      const br = src[b + m]!;
      const bi = si * src[b + m + 1]!;
      w[o] = ar + br;
      w[o + 1] = ai + bi;
      w[o + 2] = ar - br;
      w[o + 3] = ai - bi;
    }
  } else {
    w[0] = src[0]!;
    w[1] = si * src[1]!;
    return;
  }

  ditStages(w, 2 * m, e.stageQuarter, e.twiddles);
}

function createBluesteinEngine(n: number): BluesteinEngine {
  let M = 1;
  while (M < 2 * n - 1) M *= 2;
  const inner = createPow2Engine(M);
  const chirp = new Float64Array(2 * n);
  const twoN = 2 * n;
  for (let k = 0; k < n; k++) {
    // Reduce k^2 modulo 2n exactly (BigInt: k^2 can exceed 2^53) so the angle stays small.
    const k2 = Number((BigInt(k) * BigInt(k)) % BigInt(twoN));
    const angle = (-Math.PI * k2) / n;
    chirp[2 * k] = Math.cos(angle);
    chirp[2 * k + 1] = Math.sin(angle);
  }
  const b = new Float64Array(2 * M);
  for (let k = 0; k < n; k++) {
    const cr = chirp[2 * k]!;
    const ci = -chirp[2 * k + 1]!;
    b[2 * k] = cr;
    b[2 * k + 1] = ci;
    if (k > 0) {
      b[2 * (M - k)] = cr;
      b[2 * (M - k) + 1] = ci;
    }
  }
  runPow2(inner, b, 1);
  const filter = new Float64Array(2 * M);
  for (let i = 0; i < 2 * M; i++) filter[i] = inner.out[i]! / M;
  return {
    type: 'bluestein',
    m: n,
    inner,
    chirp,
    filter,
    buf: new Float64Array(2 * M),
    out: new Float64Array(2 * n),
  };
}

function runBluestein(e: BluesteinEngine, src: FloatArray, si: number): void {
  const n = e.m;
  const c = e.chirp;
  const buf = e.buf;
  for (let k = 0; k < n; k++) {
    const xr = src[2 * k]!;
    const xi = si * src[2 * k + 1]!;
    const cr = c[2 * k]!;
    const ci = c[2 * k + 1]!;
    buf[2 * k] = xr * cr - xi * ci;
    buf[2 * k + 1] = xr * ci + xi * cr;
  }
  buf.fill(0, 2 * n);
  const inner = e.inner;
  runPow2(inner, buf, 1);
  // buf = conj(A .* B) so that a forward transform of it is conj(M * (a (*) b)); B holds 1/M.
  const A = inner.out;
  const B = e.filter;
  const len = buf.length;
  for (let i = 0; i < len; i += 2) {
    const ar = A[i]!;
    const ai = A[i + 1]!;
    const br = B[i]!;
    const bi = B[i + 1]!;
    buf[i] = ar * br - ai * bi;
    buf[i + 1] = -(ar * bi + ai * br);
  }
  runPow2(inner, buf, 1);
  const y = inner.out;
  const out = e.out;
  for (let k = 0; k < n; k++) {
    const yr = y[2 * k]!;
    const yi = -y[2 * k + 1]!;
    const cr = c[2 * k]!;
    const ci = c[2 * k + 1]!;
    out[2 * k] = yr * cr - yi * ci;
    out[2 * k + 1] = yr * ci + yi * cr;
  }
}

function createEngine(m: number): Engine {
  return isPowerOfTwo(m) ? createPow2Engine(m) : createBluesteinEngine(m);
}

function runEngine(e: Engine, src: FloatArray, si: number): Float64Array {
  if (e.type === 'pow2') runPow2(e, src, si);
  else runBluestein(e, src, si);
  return e.out;
}

// ---------------------------------------------------------------------------------------------
// Argument checks (cheap: a few comparisons per call).

function checkFloatArray(a: unknown, fn: string, name: string): asserts a is FloatArray {
  if (!(a instanceof Float64Array) && !(a instanceof Float32Array)) {
    const got = Array.isArray(a) ? 'a plain Array' : a === null ? 'null' : typeof a === 'object' ? (a.constructor?.name ?? 'object') : typeof a;
    throw new TypeError(
      `${fn}: ${name} must be a Float32Array or Float64Array, got ${got}` +
        (Array.isArray(a) ? ` (wrap it: Float64Array.from(${name}))` : ''),
    );
  }
}

function realPlan(plan: FftPlan, fn: string): RealPlanInternal {
  if (plan === null || typeof plan !== 'object' || plan.kind !== 'real' || !('engine' in plan)) {
    throw new TypeError(`${fn}: plan must come from createFftPlan(n)`);
  }
  return plan as RealPlanInternal;
}

function complexPlan(plan: ComplexFftPlan, fn: string): ComplexPlanInternal {
  if (plan === null || typeof plan !== 'object' || plan.kind !== 'complex' || !('engine' in plan)) {
    throw new TypeError(`${fn}: plan must come from createComplexFftPlan(n)`);
  }
  return plan as ComplexPlanInternal;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/**
 * Creates a plan for real-input transforms ({@link rfft}, {@link irfft}) of length `n`.
 *
 * @remarks
 * Any positive integer length works. Powers of two are fastest (radix-4 on n/2 complex points);
 * other even lengths run the same split around a Bluestein transform of n/2 points, odd lengths a
 * Bluestein transform of n points (a few times slower than the neighbouring power of two, and
 * still O(n log n)). Allocates all tables and scratch (about 5n float64 for powers of two, up to
 * about 20n for other lengths); call it outside realtime code. The returned plan is then reused
 * for any number of transforms.
 *
 * @param n - Transform length in samples: a positive integer up to 2^27.
 * @returns The plan, with `n` and `bins = Math.floor(n / 2) + 1`.
 * @throws RangeError if `n` is not a positive integer or exceeds 2^27.
 *
 * @example
 * ```ts
 * import { createFftPlan, rfft } from '@ringflow/operators';
 * const plan = createFftPlan(1024);
 * const spectrum = new Float64Array(2 * plan.bins);
 * rfft(plan, new Float64Array(1024).fill(1), spectrum); // spectrum[0] === 1024
 * ```
 */
export function createFftPlan(n: number): FftPlan {
  checkLength(n, 'createFftPlan');
  const even = n % 2 === 0;
  const m = even ? n / 2 : n;
  const split = new Float64Array(even ? 2 * (Math.floor(m / 2) + 1) : 0);
  if (even) {
    for (let k = 0; k <= m / 2; k++) {
      split[2 * k] = Math.cos((2 * Math.PI * k) / n);
      split[2 * k + 1] = Math.sin((2 * Math.PI * k) / n);
    }
  }
  const plan: RealPlanInternal = {
    kind: 'real',
    n,
    bins: Math.floor(n / 2) + 1,
    engine: createEngine(m),
    split,
    buf: new Float64Array(2 * m),
  };
  return plan;
}

/**
 * Creates a plan for complex transforms ({@link complexFft}, {@link complexIfft}) of length `n`.
 *
 * @remarks
 * Any positive integer length works: powers of two run radix-4, other lengths Bluestein.
 * Allocates all tables and scratch; the transforms then allocate nothing.
 *
 * @param n - Transform length in complex points: a positive integer up to 2^27.
 * @returns The plan.
 * @throws RangeError if `n` is not a positive integer or exceeds 2^27.
 *
 * @example
 * ```ts
 * import { createComplexFftPlan, complexFft } from '@ringflow/operators';
 * const plan = createComplexFftPlan(8);
 * const x = new Float64Array(16); x[2] = 1; // delta at index 1
 * const X = new Float64Array(16);
 * complexFft(plan, x, X); // X[2k] + i X[2k+1] = exp(-2 pi i k / 8)
 * ```
 */
export function createComplexFftPlan(n: number): ComplexFftPlan {
  checkLength(n, 'createComplexFftPlan');
  const plan: ComplexPlanInternal = { kind: 'complex', n, engine: createEngine(n) };
  return plan;
}

/**
 * Forward FFT of a real signal, one-sided: numpy.fft.rfft.
 *
 * @remarks
 * Computes X[k] = sum_j x[j] e^{-2 pi i j k / n} for k = 0..floor(n/2), unnormalised.
 * Layout: `output` is interleaved complex `[re0, im0, re1, im1, ...]`; only its first
 * `2 * plan.bins` entries are written. Math runs in float64 whatever the array types
 * (float32 output is rounded once at the end). Allocates nothing; `input` is not modified.
 *
 * @param plan - From {@link createFftPlan}(n).
 * @param input - n real samples (exactly `plan.n` elements).
 * @param output - At least `2 * plan.bins` elements: receives the spectrum.
 * @returns `output`.
 * @throws TypeError if an array is not a Float32Array/Float64Array or the plan is not a real plan.
 * @throws RangeError if `input.length !== n` or `output` is too short.
 *
 * @example
 * ```ts
 * import { createFftPlan, rfft } from '@ringflow/operators';
 * const plan = createFftPlan(4);
 * const X = rfft(plan, Float64Array.of(1, 2, 3, 4), new Float64Array(6));
 * // X = [10, 0, -2, 2, -2, 0]
 * ```
 */
export function rfft<T extends FloatArray>(plan: FftPlan, input: FloatArray, output: T): T {
  const p = realPlan(plan, 'rfft');
  checkFloatArray(input, 'rfft', 'input');
  checkFloatArray(output, 'rfft', 'output');
  const n = p.n;
  if (input.length !== n) {
    throw new RangeError(`rfft: input has ${input.length} samples, the plan needs exactly ${n}`);
  }
  if (output.length < 2 * p.bins) {
    throw new RangeError(
      `rfft: output has ${output.length} elements, needs at least ${2 * p.bins} (${p.bins} interleaved complex bins)`,
    );
  }
  if (n % 2 === 1) {
    const buf = p.buf;
    for (let j = 0; j < n; j++) {
      buf[2 * j] = input[j]!;
      buf[2 * j + 1] = 0;
    }
    const z = runEngine(p.engine, buf, 1);
    const len = 2 * p.bins;
    for (let i = 0; i < len; i++) output[i] = z[i]!;
    // The DC bin of a real signal is real: no rounding noise in its imaginary part (as numpy).
    output[1] = 0;
    return output;
  }
  // The real signal read as m = n/2 interleaved complex points z[j] = x[2j] + i x[2j+1].
  const z = runEngine(p.engine, input, 1);
  const m = n >> 1;
  const z0r = z[0]!;
  const z0i = z[1]!;
  output[0] = z0r + z0i;
  output[1] = 0;
  output[2 * m] = z0r - z0i;
  output[2 * m + 1] = 0;
  const sp = p.split;
  const half = m >> 1;
  for (let k = 1; k <= half; k++) {
    const a = 2 * k;
    const b = 2 * (m - k);
    const ar = z[a]!;
    const ai = z[a + 1]!;
    const br = z[b]!;
    const bi = z[b + 1]!;
    // Fe = (Z[k] + conj Z[m-k]) / 2, Fo = (Z[k] - conj Z[m-k]) / 2i, X[k] = Fe + W^k Fo,
    // X[m-k] = conj(Fe - W^k Fo), W = e^{-2 pi i / n}.
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai - bi);
    const or = 0.5 * (ai + bi);
    const oi = -0.5 * (ar - br);
    const c = sp[a]!;
    const s = -sp[a + 1]!;
    const tr = or * c - oi * s;
    const ti = or * s + oi * c;
    output[a] = er + tr;
    output[a + 1] = ei + ti;
    output[b] = er - tr;
    output[b + 1] = ti - ei;
  }
  return output;
}

/**
 * Inverse of {@link rfft}: numpy.fft.irfft(X, n), normalised by 1/n.
 *
 * @remarks
 * Reads `plan.bins` interleaved complex bins `[re0, im0, re1, im1, ...]` and writes n real
 * samples x[j] = (1/n) sum_k X[k] e^{2 pi i j k / n} over the Hermitian-completed spectrum. As in
 * numpy, the imaginary parts of bin 0 and (for even n) of the Nyquist bin are ignored. Math in
 * float64; allocates nothing; `input` is not modified. Only the first n entries of `output` are
 * written.
 *
 * @param plan - From {@link createFftPlan}(n).
 * @param input - Exactly `2 * plan.bins` elements: the one-sided spectrum.
 * @param output - At least `plan.n` elements: receives the signal.
 * @returns `output`.
 * @throws TypeError if an array is not a Float32Array/Float64Array or the plan is not a real plan.
 * @throws RangeError if `input.length !== 2 * bins` or `output` is too short.
 *
 * @example
 * ```ts
 * import { createFftPlan, irfft } from '@ringflow/operators';
 * const plan = createFftPlan(4);
 * const x = irfft(plan, Float64Array.of(10, 0, -2, 2, -2, 0), new Float64Array(4));
 * // x = [1, 2, 3, 4]
 * ```
 */
export function irfft<T extends FloatArray>(plan: FftPlan, input: FloatArray, output: T): T {
  const p = realPlan(plan, 'irfft');
  checkFloatArray(input, 'irfft', 'input');
  checkFloatArray(output, 'irfft', 'output');
  const n = p.n;
  if (input.length !== 2 * p.bins) {
    throw new RangeError(
      `irfft: input has ${input.length} elements, the plan needs exactly ${2 * p.bins} (${p.bins} interleaved complex bins)`,
    );
  }
  if (output.length < n) {
    throw new RangeError(`irfft: output has ${output.length} elements, needs at least ${n}`);
  }
  const buf = p.buf;
  const scale = 1 / n;
  if (n % 2 === 1) {
    // Conjugate of the Hermitian-completed spectrum; Re(FFT(conj X)) = Re(conj(n * ifft X)).
    buf[0] = input[0]!;
    buf[1] = 0;
    for (let k = 1; k < p.bins; k++) {
      const xr = input[2 * k]!;
      const xi = input[2 * k + 1]!;
      buf[2 * k] = xr;
      buf[2 * k + 1] = -xi;
      buf[2 * (n - k)] = xr;
      buf[2 * (n - k) + 1] = xi;
    }
    const z = runEngine(p.engine, buf, 1);
    for (let j = 0; j < n; j++) output[j] = z[2 * j]! * scale;
    return output;
  }
  const m = n >> 1;
  // Build conj(Z) with Z[k] = Fe[k] + i Fo[k], Fe = X[k] + conj X[m-k],
  // Fo = (X[k] - conj X[m-k]) conj(W^k); then z = conj(FFT(conj Z)) / n.
  const x0 = input[0]!;
  const xm = input[2 * m]!;
  buf[0] = x0 + xm;
  buf[1] = -(x0 - xm);
  const sp = p.split;
  const half = m >> 1;
  for (let k = 1; k <= half; k++) {
    const a = 2 * k;
    const b = 2 * (m - k);
    const ar = input[a]!;
    const ai = input[a + 1]!;
    const br = input[b]!;
    const bi = input[b + 1]!;
    const er = ar + br;
    const ei = ai - bi;
    const dr = ar - br;
    const di = ai + bi;
    const c = sp[a]!;
    const s = sp[a + 1]!; // conj(W^k) = cos + i sin
    const or = dr * c - di * s;
    const oi = dr * s + di * c;
    // Z[k] = (er - oi) + i (ei + or); Z[m-k] = conj(Fe) + i conj(Fo) = (er + oi) + i (or - ei).
    buf[a] = er - oi;
    buf[a + 1] = -(ei + or);
    buf[b] = er + oi;
    buf[b + 1] = -(or - ei);
  }
  const z = runEngine(p.engine, buf, 1);
  for (let j = 0; j < m; j++) {
    output[2 * j] = z[2 * j]! * scale;
    output[2 * j + 1] = -z[2 * j + 1]! * scale;
  }
  return output;
}

/**
 * Forward complex FFT: numpy.fft.fft, unnormalised.
 *
 * @remarks
 * X[k] = sum_j x[j] e^{-2 pi i j k / n}. Layout: interleaved complex `[re0, im0, re1, im1, ...]`
 * in and out (2n numbers each). Math in float64; allocates nothing. `input` and `output` may be
 * the same array (the transform works in the plan's scratch).
 *
 * @param plan - From {@link createComplexFftPlan}(n).
 * @param input - Exactly `2 * n` elements.
 * @param output - At least `2 * n` elements: receives the spectrum.
 * @returns `output`.
 * @throws TypeError if an array is not a Float32Array/Float64Array or the plan is not a complex plan.
 * @throws RangeError if `input.length !== 2 * n` or `output` is too short.
 *
 * @example
 * ```ts
 * import { createComplexFftPlan, complexFft } from '@ringflow/operators';
 * const plan = createComplexFftPlan(2);
 * complexFft(plan, Float64Array.of(1, 0, 0, 1), new Float64Array(4)); // [1, 1, 1, -1]
 * ```
 */
export function complexFft<T extends FloatArray>(plan: ComplexFftPlan, input: FloatArray, output: T): T {
  return complexTransform(plan, input, output, 1, 'complexFft');
}

/**
 * Inverse complex FFT: numpy.fft.ifft, normalised by 1/n.
 *
 * @remarks
 * x[j] = (1/n) sum_k X[k] e^{2 pi i j k / n}. Same layout, allocation and aliasing rules as
 * {@link complexFft}.
 *
 * @param plan - From {@link createComplexFftPlan}(n).
 * @param input - Exactly `2 * n` elements: the spectrum.
 * @param output - At least `2 * n` elements: receives the signal.
 * @returns `output`.
 * @throws TypeError if an array is not a Float32Array/Float64Array or the plan is not a complex plan.
 * @throws RangeError if `input.length !== 2 * n` or `output` is too short.
 *
 * @example
 * ```ts
 * import { createComplexFftPlan, complexIfft } from '@ringflow/operators';
 * const plan = createComplexFftPlan(2);
 * complexIfft(plan, Float64Array.of(1, 1, 1, -1), new Float64Array(4)); // [1, 0, 0, 1]
 * ```
 */
export function complexIfft<T extends FloatArray>(plan: ComplexFftPlan, input: FloatArray, output: T): T {
  return complexTransform(plan, input, output, -1, 'complexIfft');
}

function complexTransform<T extends FloatArray>(
  plan: ComplexFftPlan,
  input: FloatArray,
  output: T,
  sign: number,
  fn: string,
): T {
  const p = complexPlan(plan, fn);
  checkFloatArray(input, fn, 'input');
  checkFloatArray(output, fn, 'output');
  const len = 2 * p.n;
  if (input.length !== len) {
    throw new RangeError(`${fn}: input has ${input.length} elements, the plan needs exactly ${len} (${p.n} interleaved complex points)`);
  }
  if (output.length < len) {
    throw new RangeError(`${fn}: output has ${output.length} elements, needs at least ${len}`);
  }
  // Inverse: conj(FFT(conj x)) / n.
  const z = runEngine(p.engine, input, sign);
  if (sign === 1) {
    for (let i = 0; i < len; i++) output[i] = z[i]!;
  } else {
    const scale = 1 / p.n;
    for (let i = 0; i < len; i += 2) {
      output[i] = z[i]! * scale;
      output[i + 1] = -z[i + 1]! * scale;
    }
  }
  return output;
}
