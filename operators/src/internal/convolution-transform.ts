// The FFT pair behind overlap-save and partitioned convolution: a real FFT of N = 2m points with no
// bit-reversal permutation anywhere. The forward transform is a decimation-in-frequency radix-4
// complex FFT of the m points z[j] = x[2j] + i x[2j+1] (the real block read as interleaved
// complex), which leaves the spectrum in bit-reversed order; the real split, the spectral product
// and the inverse split run in that order (a bin k and its partner m - k sit at mirrored positions
// of the same octave of bit-reversed positions); the inverse is a decimation-in-time radix-4 FFT
// that reads bit-reversed input and writes natural order. The decimation-in-frequency stages are
// the transposes of the decimation-in-time ones (the DFT matrix is symmetric), so one twiddle table
// serves both. Everything runs in float64 in place; nothing allocates after creation.

/** Plan of the permutation-free real FFT pair for blocks of `n` samples (a power of two >= 8). */
export interface ConvolutionTransform {
  /** Real block length N. */
  readonly n: number;
  /** Complex points m = N / 2. */
  readonly m: number;
  /** Radix of the outermost pass: 8 when log2(m) is odd, else 4. */
  readonly first: 4 | 8;
  /** Quarter lengths of the radix-4 stages (innermost first). */
  readonly quarters: Int32Array;
  /** Per stage, for k < L: w1re, w1im, w2re, w2im, w3re, w3im (w_r = e^{-2 pi i r k / 4L}). */
  readonly twiddles: Float64Array;
  /** Per bit-reversed position p: cos and sin of 2 pi rev(p) / N (the split's twiddle). */
  readonly split: Float64Array;
}

/** Smallest block the transform handles; shorter blocks use `rfft`/`irfft`. */
export const MIN_TRANSFORM_SIZE = 8;

/** `j` with its lowest `bits` bits in reverse order. */
export function bitReverse(j: number, bits: number): number {
  let r = 0;
  for (let b = 0; b < bits; b++) r |= ((j >>> b) & 1) << (bits - 1 - b);
  return r;
}

/**
 * The radix-4 stages of an m-point transform whose outermost pass has radix `first`: the quarter
 * length L of each stage (innermost first) and, per stage and k < L, the twiddles w1, w2, w3
 * (interleaved re, im; w_r = e^{-2 pi i r k / 4L}). Shared by both FFT engines.
 */
export function radix4Stages(first: number, m: number): { quarters: Int32Array; twiddles: Float64Array } {
  const quarters: number[] = [];
  let total = 0;
  for (let L = first; L * 4 <= m; L *= 4) {
    quarters.push(L);
    total += L;
  }
  const twiddles = new Float64Array(6 * total);
  let t = 0;
  for (const L of quarters) {
    const step = (-2 * Math.PI) / (4 * L);
    for (let k = 0; k < L; k++) {
      for (let r = 1; r <= 3; r++) {
        twiddles[t++] = Math.cos(step * r * k);
        twiddles[t++] = Math.sin(step * r * k);
      }
    }
  }
  return { quarters: Int32Array.from(quarters), twiddles };
}

/** Allocates the tables for blocks of `n` samples (`n` a power of two >= 8). */
export function createConvolutionTransform(n: number): ConvolutionTransform {
  const m = n >> 1;
  let log2 = 0;
  while (1 << log2 < m) log2++;
  const first: 4 | 8 = log2 % 2 === 1 ? 8 : 4;
  const { quarters, twiddles } = radix4Stages(first, m);
  const split = new Float64Array(2 * m);
  for (let p = 0; p < m; p++) {
    const angle = (2 * Math.PI * bitReverse(p, log2)) / n;
    split[2 * p] = Math.cos(angle);
    split[2 * p + 1] = Math.sin(angle);
  }
  return { n, m, first, quarters, twiddles, split };
}

// Offsets (in complex points) of the bit-reversed order of 8 and 4 points.
const REV8 = Int32Array.of(0, 4, 2, 6, 1, 5, 3, 7);
const REV4 = Int32Array.of(0, 2, 1, 3);
const ID8 = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
const ID4 = Int32Array.of(0, 1, 2, 3);
const SQRT1_2 = Math.SQRT1_2;

/**
 * The outermost pass over groups of 8 (or 4) points, in place: each group's DFT, reading point
 * `read[r]` of the group as input r and writing output k to point `write[k]`. The inverse reads
 * bit-reversed and writes natural order; the forward the other way round.
 */
function outerPass(t: ConvolutionTransform, w: Float64Array, read: Int32Array, write: Int32Array): void {
  const len = 2 * t.m;
  if (t.first === 8) {
    const r0 = 2 * read[0]!, r1 = 2 * read[1]!, r2 = 2 * read[2]!, r3 = 2 * read[3]!;
    const r4 = 2 * read[4]!, r5 = 2 * read[5]!, r6 = 2 * read[6]!, r7 = 2 * read[7]!;
    const o0 = 2 * write[0]!, o1 = 2 * write[1]!, o2 = 2 * write[2]!, o3 = 2 * write[3]!;
    const o4 = 2 * write[4]!, o5 = 2 * write[5]!, o6 = 2 * write[6]!, o7 = 2 * write[7]!;
    for (let g = 0; g < len; g += 16) {
      const y0r = w[g + r0]!, y0i = w[g + r0 + 1]!, y1r = w[g + r1]!, y1i = w[g + r1 + 1]!;
      const y2r = w[g + r2]!, y2i = w[g + r2 + 1]!, y3r = w[g + r3]!, y3i = w[g + r3 + 1]!;
      const y4r = w[g + r4]!, y4i = w[g + r4 + 1]!, y5r = w[g + r5]!, y5i = w[g + r5 + 1]!;
      const y6r = w[g + r6]!, y6i = w[g + r6 + 1]!, y7r = w[g + r7]!, y7i = w[g + r7 + 1]!;
      // E = DFT4(y0, y2, y4, y6), O = DFT4(y1, y3, y5, y7), X_k = E_k + W8^k O_k
      let s0r = y0r + y4r, s0i = y0i + y4i, s1r = y0r - y4r, s1i = y0i - y4i;
      let s2r = y2r + y6r, s2i = y2i + y6i, s3r = y2r - y6r, s3i = y2i - y6i;
      const e0r = s0r + s2r, e0i = s0i + s2i, e2r = s0r - s2r, e2i = s0i - s2i;
      const e1r = s1r + s3i, e1i = s1i - s3r, e3r = s1r - s3i, e3i = s1i + s3r;
      s0r = y1r + y5r; s0i = y1i + y5i; s1r = y1r - y5r; s1i = y1i - y5i;
      s2r = y3r + y7r; s2i = y3i + y7i; s3r = y3r - y7r; s3i = y3i - y7i;
      const f0r = s0r + s2r, f0i = s0i + s2i, f2r = s0r - s2r, f2i = s0i - s2i;
      const f1r = s1r + s3i, f1i = s1i - s3r, f3r = s1r - s3i, f3i = s1i + s3r;
      const t1r = SQRT1_2 * (f1r + f1i), t1i = SQRT1_2 * (f1i - f1r);
      const t3r = SQRT1_2 * (f3i - f3r), t3i = -SQRT1_2 * (f3r + f3i);
      w[g + o0] = e0r + f0r; w[g + o0 + 1] = e0i + f0i;
      w[g + o1] = e1r + t1r; w[g + o1 + 1] = e1i + t1i;
      w[g + o2] = e2r + f2i; w[g + o2 + 1] = e2i - f2r;
      w[g + o3] = e3r + t3r; w[g + o3 + 1] = e3i + t3i;
      w[g + o4] = e0r - f0r; w[g + o4 + 1] = e0i - f0i;
      w[g + o5] = e1r - t1r; w[g + o5 + 1] = e1i - t1i;
      w[g + o6] = e2r - f2i; w[g + o6 + 1] = e2i + f2r;
      w[g + o7] = e3r - t3r; w[g + o7 + 1] = e3i - t3i;
    }
  } else {
    const r0 = 2 * read[0]!, r1 = 2 * read[1]!, r2 = 2 * read[2]!, r3 = 2 * read[3]!;
    const o0 = 2 * write[0]!, o1 = 2 * write[1]!, o2 = 2 * write[2]!, o3 = 2 * write[3]!;
    for (let g = 0; g < len; g += 8) {
      const y0r = w[g + r0]!, y0i = w[g + r0 + 1]!, y1r = w[g + r1]!, y1i = w[g + r1 + 1]!;
      const y2r = w[g + r2]!, y2i = w[g + r2 + 1]!, y3r = w[g + r3]!, y3i = w[g + r3 + 1]!;
      const a0r = y0r + y2r, a0i = y0i + y2i, a1r = y0r - y2r, a1i = y0i - y2i;
      const a2r = y1r + y3r, a2i = y1i + y3i, a3r = y1r - y3r, a3i = y1i - y3i;
      w[g + o0] = a0r + a2r; w[g + o0 + 1] = a0i + a2i;
      w[g + o1] = a1r + a3i; w[g + o1 + 1] = a1i - a3r;
      w[g + o2] = a0r - a2r; w[g + o2 + 1] = a0i - a2i;
      w[g + o3] = a1r - a3i; w[g + o3 + 1] = a1i + a3r;
    }
  }
}

/** Forward complex FFT of the m points in `w`, in place, leaving bin k at position rev(k). */
export function forwardBitReversed(t: ConvolutionTransform, w: Float64Array): void {
  const tw = t.twiddles;
  const quarters = t.quarters;
  const len = 2 * t.m;
  let toff = tw.length;
  for (let s = quarters.length - 1; s >= 0; s--) {
    const L = quarters[s]!;
    toff -= 6 * L;
    const q = 2 * L;
    const span = 4 * q;
    for (let base = 0; base < len; base += span) {
      for (let k = 0, i0 = base, tt = toff; k < L; k++, i0 += 2, tt += 6) {
        const i1 = i0 + q;
        const i2 = i1 + q;
        const i3 = i2 + q;
        const x0r = w[i0]!, x0i = w[i0 + 1]!, x1r = w[i1]!, x1i = w[i1 + 1]!;
        const x2r = w[i2]!, x2i = w[i2 + 1]!, x3r = w[i3]!, x3i = w[i3 + 1]!;
        const s02r = x0r + x2r, s02i = x0i + x2i, d02r = x0r - x2r, d02i = x0i - x2i;
        const s13r = x1r + x3r, s13i = x1i + x3i, d13r = x1r - x3r, d13i = x1i - x3i;
        // the transpose of the decimation-in-time butterfly: DFT4, then the twiddles on the outputs
        const u1r = s02r - s13r, u1i = s02i - s13i;
        const u2r = d02r + d13i, u2i = d02i - d13r;
        const u3r = d02r - d13i, u3i = d02i + d13r;
        const w1r = tw[tt]!, w1i = tw[tt + 1]!, w2r = tw[tt + 2]!, w2i = tw[tt + 3]!, w3r = tw[tt + 4]!, w3i = tw[tt + 5]!;
        w[i0] = s02r + s13r;
        w[i0 + 1] = s02i + s13i;
        w[i1] = u1r * w2r - u1i * w2i;
        w[i1 + 1] = u1r * w2i + u1i * w2r;
        w[i2] = u2r * w1r - u2i * w1i;
        w[i2 + 1] = u2r * w1i + u2i * w1r;
        w[i3] = u3r * w3r - u3i * w3i;
        w[i3 + 1] = u3r * w3i + u3i * w3r;
      }
    }
  }
  outerPass(t, w, t.first === 8 ? ID8 : ID4, t.first === 8 ? REV8 : REV4);
}

/** Forward complex FFT of m points stored in bit-reversed order in `w`, in place, natural-order result. */
export function forwardFromBitReversed(t: ConvolutionTransform, w: Float64Array): void {
  outerPass(t, w, t.first === 8 ? REV8 : REV4, t.first === 8 ? ID8 : ID4);
  ditStages(w, 2 * t.m, t.quarters, t.twiddles);
}

/**
 * The radix-4 decimation-in-time stages over `len` interleaved floats in `w`, in place, after an
 * outermost pass of transforms of `quarters[0]` points (tables from {@link radix4Stages}). Shared
 * by both FFT engines.
 */
export function ditStages(w: Float64Array, len: number, quarters: Int32Array, tw: Float64Array): void {
  let toff = 0;
  for (let s = 0; s < quarters.length; s++) {
    const L = quarters[s]!;
    const q = 2 * L;
    const span = 4 * q;
    for (let base = 0; base < len; base += span) {
      for (let k = 0, i0 = base, tt = toff; k < L; k++, i0 += 2, tt += 6) {
        const i1 = i0 + q;
        const i2 = i1 + q;
        const i3 = i2 + q;
        const w1r = tw[tt]!, w1i = tw[tt + 1]!, w2r = tw[tt + 2]!, w2i = tw[tt + 3]!, w3r = tw[tt + 4]!, w3i = tw[tt + 5]!;
        const t0r = w[i0]!, t0i = w[i0 + 1]!;
        // position i1 holds the transform of x[4j+2], i2 of x[4j+1], i3 of x[4j+3]
        const x2r = w[i1]!, x2i = w[i1 + 1]!, x1r = w[i2]!, x1i = w[i2 + 1]!, x3r = w[i3]!, x3i = w[i3 + 1]!;
        const t1r = x1r * w1r - x1i * w1i, t1i = x1r * w1i + x1i * w1r;
        const t2r = x2r * w2r - x2i * w2i, t2i = x2r * w2i + x2i * w2r;
        const t3r = x3r * w3r - x3i * w3i, t3i = x3r * w3i + x3i * w3r;
        const a0r = t0r + t2r, a0i = t0i + t2i, a1r = t0r - t2r, a1i = t0i - t2i;
        const a2r = t1r + t3r, a2i = t1i + t3i, a3r = t1r - t3r, a3i = t1i - t3i;
        w[i0] = a0r + a2r;
        w[i0 + 1] = a0i + a2i;
        w[i1] = a1r + a3i;
        w[i1 + 1] = a1i - a3r;
        w[i2] = a0r - a2r;
        w[i2 + 1] = a0i - a2i;
        w[i3] = a1r - a3i;
        w[i3 + 1] = a1i + a3r;
      }
    }
    toff += 6 * L;
  }
}

/**
 * A filter's spectrum in the transform's order and scale, from its `rfft` (numpy's order, `N/2 + 1`
 * interleaved bins): position p holds X[rev(p)] / (2N), except position 0, which holds the real
 * X[0] and X[m] / (2N). `out` needs N elements.
 */
export function filterSpectrum(t: ConvolutionTransform, spectrum: Float64Array, out: Float64Array): void {
  const m = t.m;
  const scale = 1 / (2 * t.n);
  let bits = 0;
  while (1 << bits < m) bits++;
  out[0] = spectrum[0]! * scale;
  out[1] = spectrum[2 * m]! * scale;
  for (let p = 1; p < m; p++) {
    const k = bitReverse(p, bits);
    out[2 * p] = spectrum[2 * k]! * scale;
    out[2 * p + 1] = spectrum[2 * k + 1]! * scale;
  }
}

/**
 * The spectral half of a convolution: `w` holds a block's bit-reversed complex FFT (from
 * {@link forwardBitReversed}); multiplies its real spectrum by `filter` (from {@link filterSpectrum})
 * and leaves the conjugate of the packed inverse's input, ready for {@link forwardFromBitReversed}.
 */
export function multiplySpectrum(t: ConvolutionTransform, w: Float64Array, filter: Float64Array): void {
  const m = t.m;
  const sp = t.split;
  {
    // DC and Nyquist (both real), then k = m / 2 (alone at position 1)
    const z0r = w[0]!, z0i = w[1]!;
    const y0 = (z0r + z0i) * filter[0]!;
    const ym = (z0r - z0i) * filter[1]!;
    w[0] = 2 * (y0 + ym);
    w[1] = -2 * (y0 - ym);
    const ar = w[2]!, ai = -w[3]!, hr = filter[2]!, hi = filter[3]!;
    w[2] = 4 * (ar * hr - ai * hi);
    w[3] = 4 * (ar * hi + ai * hr);
  }
  for (let lo = 2; lo < m; lo *= 2) {
    for (let p = lo, q = 2 * lo - 1; p < q; p++, q--) {
      const a = 2 * p;
      const b = 2 * q;
      const ur = w[a]!, ui = w[a + 1]!, vr = w[b]!, vi = w[b + 1]!;
      // 2 Fe, 2 Fo and T = W^k 2 Fo
      const er = ur + vr, ei = ui - vi, or = ui + vi, oi = vr - ur;
      const c = sp[a]!, s = sp[a + 1]!;
      const tr = or * c + oi * s, ti = oi * c - or * s;
      // A = 2 X[k], B = 2 conj X[m - k]; Y1 = A H[k], cY2 = B conj H[m - k] (H scaled by 1 / 2N)
      const Ar = er + tr, Ai = ei + ti, Br = er - tr, Bi = ei - ti;
      const h1r = filter[a]!, h1i = filter[a + 1]!, h2r = filter[b]!, h2i = filter[b + 1]!;
      const y1r = Ar * h1r - Ai * h1i, y1i = Ar * h1i + Ai * h1r;
      const y2r = Br * h2r + Bi * h2i, y2i = Bi * h2r - Br * h2i;
      const fr = y1r + y2r, fi = y1i + y2i, dr = y1r - y2r, di = y1i - y2i;
      // Fo' = D conj(W^k); conj Z'[k] = conj(Fe' + i Fo'), conj Z'[m - k] = Fe' - i Fo'
      const gr = dr * c - di * s, gi = dr * s + di * c;
      w[a] = fr - gi;
      w[a + 1] = -(fi + gr);
      w[b] = fr + gi;
      w[b + 1] = fi - gr;
    }
  }
}
