// The FFT-path error bound of processFir, measured: for every output, |y_fft[n] - y_direct[n]| <=
// eps log2(N) ||taps||_2 ||x_W||_2, x_W the input within W = taps + N samples of n, N the (largest)
// FFT size used.
import { createFirState, processFir } from '../../src/kernels/fir.js';

const EPS = 2 ** -52;

/** The direct form over the whole signal. */
export function direct(h: Float64Array, x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  processFir(createFirState(h, { method: 'direct' }), x, y);
  return y;
}

/** Feeds `x` in chunks of `chunk` (or of the given lengths, cycled) through the FFT path; returns the output and the largest FFT size used. */
export function viaFft(h: Float64Array, x: Float64Array, chunk: number | readonly number[], channels = 1): { y: Float64Array; size: number; partitioned: boolean } {
  const state = createFirState(h, { method: 'fft', channels });
  const y = new Float64Array(x.length);
  const lengths = typeof chunk === 'number' ? [chunk] : chunk;
  let size = 0;
  let partitioned = false;
  for (let i = 0, k = 0; i < x.length; k++) {
    const end = Math.min(x.length, i + lengths[k % lengths.length]! * channels);
    processFir(state, x.subarray(i, end), y.subarray(i, end));
    if (state.decidedSize === -1) partitioned = true;
    size = Math.max(size, state.partitioned?.size ?? 0, ...state.blocks.map((b) => b.size));
    i = end;
  }
  return { y, size, partitioned };
}

/** Largest |fft - direct| / bound over all outputs (the stated bound holds when <= 1). */
export function boundRatio(h: Float64Array, x: Float64Array, chunk: number | readonly number[]): number {
  const yd = direct(h, x);
  const { y: yf, size: N } = viaFft(h, x, chunk);
  const W = h.length + N;
  let h2 = 0;
  for (const v of h) h2 += v * v;
  h2 = Math.sqrt(h2);
  const sq = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) sq[i + 1] = sq[i]! + x[i]! * x[i]!;
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const xn = Math.sqrt(sq[Math.min(x.length, i + W)]! - sq[Math.max(0, i - W + 1)]!);
    const d = Math.abs(yf[i]! - yd[i]!);
    if (d > 0) worst = Math.max(worst, d / (EPS * Math.log2(N) * h2 * xn));
  }
  return worst;
}
