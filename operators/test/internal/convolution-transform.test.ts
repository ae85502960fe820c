// The permutation-free FFT pair of the overlap-save engine, against the plain rfft/irfft pair.
import { describe, expect, it } from 'vitest';
import { bitReverse, createConvolutionTransform, filterSpectrum, forwardBitReversed, forwardFromBitReversed, multiplySpectrum } from '../../src/internal/convolution-transform.js';
import { createFftPlan, irfft, rfft } from '../../src/kernels/fft.js';
import { noise } from '../helpers/chunking.js';

/** Circular convolution of x and h (length n) through rfft/irfft. */
function circular(x: Float64Array, h: Float64Array): Float64Array {
  const plan = createFftPlan(x.length);
  const X = rfft(plan, x, new Float64Array(2 * plan.bins));
  const H = rfft(plan, h, new Float64Array(2 * plan.bins));
  for (let i = 0; i < X.length; i += 2) {
    const re = X[i]! * H[i]! - X[i + 1]! * H[i + 1]!;
    X[i + 1] = X[i]! * H[i + 1]! + X[i + 1]! * H[i]!;
    X[i] = re;
  }
  return irfft(plan, X, new Float64Array(x.length));
}

describe('the convolution transform', () => {
  it('lays a filter spectrum out in bit-reversed order, scaled by 1 / 2N', () => {
    for (const n of [8, 16, 64, 512, 2048]) {
      const t = createConvolutionTransform(n);
      const x = noise(n, n);
      const plan = createFftPlan(n);
      const X = rfft(plan, x, new Float64Array(2 * plan.bins));
      const got = new Float64Array(n);
      filterSpectrum(t, X, got);
      const m = n / 2;
      const bits = Math.log2(m);
      const scale = 2 * n;
      expect(got[0]! * scale).toBeCloseTo(X[0]!, 10);
      expect(got[1]! * scale).toBeCloseTo(X[2 * m]!, 10);
      for (let p = 1; p < m; p++) {
        const k = bitReverse(p, bits);
        expect(got[2 * p]! * scale, `n ${n}, bin ${k}`).toBeCloseTo(X[2 * k]!, 10);
        expect(got[2 * p + 1]! * scale, `n ${n}, bin ${k}`).toBeCloseTo(X[2 * k + 1]!, 10);
      }
    }
  });

  it('gives the circular convolution of rfft/irfft within float64 rounding', () => {
    for (const n of [8, 16, 32, 128, 1024, 8192]) {
      const t = createConvolutionTransform(n);
      const x = noise(n, 1);
      const h = noise(n, 2).map((v, i) => (i < n / 2 ? v : 0));
      const plan = createFftPlan(n);
      const filter = new Float64Array(n);
      filterSpectrum(t, rfft(plan, h, new Float64Array(2 * plan.bins)), filter);
      const w = Float64Array.from(x);
      forwardBitReversed(t, w);
      multiplySpectrum(t, w, filter);
      forwardFromBitReversed(t, w);
      const want = circular(x, h);
      let err = 0;
      let peak = 0;
      for (let j = 0; j < n; j++) {
        // the transform leaves the conjugate: odd (imaginary) entries negated
        err = Math.max(err, Math.abs((j % 2 === 1 ? -w[j]! : w[j]!) - want[j]!));
        peak = Math.max(peak, Math.abs(want[j]!));
      }
      expect(err / peak, `n ${n}`).toBeLessThan(1e-13);
    }
  });
});
