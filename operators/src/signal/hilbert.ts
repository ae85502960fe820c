import type { NdarrayLike } from '@ringflow/core';
import { describeValue } from '../internal/chunks.js';
import { assemble, readLanes } from '../internal/signal-input.js';
import { complexIfft, createComplexFftPlan, createFftPlan, rfft } from '../kernels/fft.js';
import type { Complex, ComplexArray, Matrix, Ndarray2D } from './types.js';

/** Options of {@link hilbert}: SciPy's keyword parameters. */
export interface HilbertOptions {
  /** Number of Fourier components (SciPy's `N`; default: the input's length). Zero-pads or truncates. */
  N?: number;
  /** Axis of 2-D input (default 0: along frames of `[frames, channels]`). */
  axis?: number;
}

/**
 * The analytic signal, as `scipy.signal.hilbert(x, N=None, axis=-1)`.
 *
 * @remarks
 * `x + i H(x)` where `H` is the Hilbert transform, computed as SciPy does: FFT (of `x` zero-padded
 * or truncated to `N`), double the positive frequencies, zero the negative ones, inverse FFT. The
 * real part equals `x`; the magnitude is the envelope. Any length (the package's FFT handles every
 * size). Returns `{ re, im }` Float64Arrays (or `[frames, channels]` Matrices for 2-D input); real
 * input only (SciPy: "x must be real"). Allocates.
 *
 * @param x - real signal (1-D or a `[frames, channels]` view)
 * @param options - `N`, `axis`
 * @returns the analytic signal `{ re, im }`
 * @throws TypeError/RangeError naming `hilbert` for complex or bad input, or `N <= 0`
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 400 }, (_, i) => (1 + 0.5 * Math.sin(0.01 * i)) * Math.cos(0.3 * i));
 * const z = signal.hilbert(x);
 * const envelope = z.re.map((re, i) => Math.hypot(re, z.im[i]!));
 * ```
 */
export function hilbert(x: ArrayLike<number>, options?: HilbertOptions): ComplexArray;
export function hilbert(x: Ndarray2D, options?: HilbertOptions): Complex<Matrix>;
export function hilbert(x: ArrayLike<number> | NdarrayLike, options?: HilbertOptions): ComplexArray | Complex<Matrix>;
export function hilbert(x: ArrayLike<number> | NdarrayLike, options?: HilbertOptions): ComplexArray | Complex<Matrix> {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`hilbert: options must be an object such as { N: 1024 }, got ${describeValue(options)}`);
  }
  const lanes = readLanes('hilbert', x, options?.axis, { complex: false });
  const N = options?.N ?? lanes.length;
  if (typeof N !== 'number' || !Number.isInteger(N)) throw new TypeError(`hilbert: N must be an integer, got ${describeValue(N)}`);
  if (N <= 0) throw new RangeError(`hilbert: N must be positive, got ${N}`);
  const plan = createFftPlan(N);
  const cplan = createComplexFftPlan(N);
  const buf = new Float64Array(N);
  const spec = new Float64Array(2 * plan.bins);
  const full = new Float64Array(2 * N);
  const z = new Float64Array(2 * N);
  const re: Float64Array[] = [];
  const im: Float64Array[] = [];
  for (const lane of lanes.re) {
    buf.fill(0);
    buf.set(lane.length > N ? lane.subarray(0, N) : lane);
    rfft(plan, buf, spec);
    full.fill(0);
    // h[0] = 1; h[1 .. ceil(N/2) - 1] = 2; h[N/2] = 1 for even N; the rest 0.
    full[0] = spec[0]!;
    full[1] = spec[1]!;
    const positive = N % 2 === 0 ? N / 2 : (N + 1) / 2;
    for (let k = 1; k < positive; k++) {
      full[2 * k] = 2 * spec[2 * k]!;
      full[2 * k + 1] = 2 * spec[2 * k + 1]!;
    }
    if (N % 2 === 0) {
      full[N] = spec[N]!;
      full[N + 1] = spec[N + 1]!;
    }
    complexIfft(cplan, full, z);
    const r = new Float64Array(N);
    const i = new Float64Array(N);
    for (let j = 0; j < N; j++) {
      r[j] = z[2 * j]!;
      i[j] = z[2 * j + 1]!;
    }
    re.push(r);
    im.push(i);
  }
  return {
    re: assemble(lanes, re, [N], Float64Array),
    im: assemble(lanes, im, [N], Float64Array),
  } as ComplexArray | Complex<Matrix>;
}
