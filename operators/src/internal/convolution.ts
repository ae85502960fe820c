// The whole-array convolution behind signal.convolve, fftconvolve and oaconvolve: the streaming FIR
// kernel (direct or overlap-save FFT) run over the signal followed by `taps - 1` zeros, then cut to
// SciPy's `mode`.
import { createFirState, processFir, type FirMethod } from '../kernels/fir.js';
import { describeValue } from './chunks.js';
import { signalOptions } from './options.js';
import { mapLanes, readSignal, type SignalOutput } from './signal-array.js';

/** Output size of a convolution, as SciPy's `mode`. */
export type ConvolveMode = 'full' | 'same' | 'valid';

/** The full linear convolution of `x` and `h` (length `x.length + h.length - 1`, both non-empty). */
export function convolveFull(x: Float64Array, h: Float64Array, method: FirMethod): Float64Array {
  // convolution commutes: the shorter array is the filter
  const [signal, taps] = x.length >= h.length ? [x, h] : [h, x];
  const n = signal.length + taps.length - 1;
  const padded = new Float64Array(n);
  padded.set(signal);
  const out = new Float64Array(n);
  processFir(createFirState(taps, { method }), padded, out);
  return out;
}

/** The part of a full convolution that SciPy's `mode` keeps (centred, as `_centered`), as a view. */
export function applyMode(full: Float64Array, n1: number, n2: number, mode: ConvolveMode): Float64Array {
  const keep = mode === 'full' ? full.length : mode === 'same' ? n1 : Math.abs(n1 - n2) + 1;
  const start = Math.floor((full.length - keep) / 2);
  return full.subarray(start, start + keep);
}

/**
 * The shared body of convolve/fftconvolve/oaconvolve: `in1` 1-D or `[frames, channels]` (each
 * channel convolved along frames), `in2` 1-D.
 */
export function convolveArrays<X>(what: string, in1: unknown, in2: unknown, options: { mode?: ConvolveMode; method?: FirMethod } | undefined, keys: readonly string[], method: FirMethod): SignalOutput<X> {
  const opts = signalOptions(what, options, keys);
  const mode = opts.mode ?? 'full';
  if (mode !== 'full' && mode !== 'same' && mode !== 'valid') {
    throw new TypeError(`${what}: mode must be 'full', 'same' or 'valid', got ${describeValue(mode)}`);
  }
  const chosen = opts.method ?? method;
  if (chosen !== 'auto' && chosen !== 'direct' && chosen !== 'fft') {
    throw new TypeError(`${what}: method must be 'auto', 'direct' or 'fft', got ${describeValue(chosen)}`);
  }
  const sig = readSignal(what, in1, 0, 'in1');
  const kernel = readSignal(what, in2, 0, 'in2');
  if (kernel.ndim !== 1) {
    throw new RangeError(`${what}: in2 must be 1-D (each channel of a [frames, channels] in1 is convolved with it); N-D convolution is not supported`);
  }
  const h = kernel.lane(0);
  const n1 = sig.length;
  const n2 = h.length;
  if (n1 === 0 || n2 === 0) return mapLanes<X>(sig, 0, () => new Float64Array(0));
  const keep = mode === 'full' ? n1 + n2 - 1 : mode === 'same' ? n1 : Math.abs(n1 - n2) + 1;
  return mapLanes<X>(sig, keep, (lane) => applyMode(convolveFull(lane, h, chosen), n1, n2, mode));
}
