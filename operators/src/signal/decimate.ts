import { cheby1 } from '../design/cheby1.js';
import { firwin } from '../design/firwin.js';
import { createDecimateState, decimateOutputLength, processDecimate } from '../kernels/decimate.js';
import { describeValue } from '../internal/chunks.js';
import { withContext } from '../internal/float-chunks.js';
import { booleanOption, signalOptions } from '../internal/options.js';
import { mapLanes, readSignal, type SignalInput, type SignalOutput } from '../internal/signal-array.js';
import { resamplePoly } from './resample-poly.js';
import { sosfiltfilt } from './sosfiltfilt.js';

/** Options of {@link decimate}. */
export interface DecimateOptions {
  /** Filter order (default 8 for `'iir'`, `20 * q` for `'fir'`). */
  readonly n?: number;
  /** Anti-alias filter: `'iir'` (default, Chebyshev I, 0.05 dB ripple) or `'fir'` (Hamming window). */
  readonly ftype?: 'iir' | 'fir';
  /** Axis to decimate along (default 0: along frames for `[frames, channels]` input). */
  readonly axis?: number;
  /** Filter forward and backward (no delay; default `true`, as SciPy), else one causal pass. */
  readonly zeroPhase?: boolean;
}

/**
 * Downsamples by an integer factor after an anti-alias filter, as `scipy.signal.decimate(x, q, n,
 * ftype, axis, zero_phase)`.
 *
 * @remarks
 * `'iir'`: `cheby1(n, 0.05, 0.8 / q)` as SOS, then `sosfiltfilt` (zero phase, the default) or
 * `sosfilt`, keeping every `q`-th sample from the first. `'fir'`: `firwin(n + 1, 1 / q, 'hamming')`,
 * then `resamplePoly(x, 1, q, { window: taps })` (zero phase) or `lfilter(taps, 1, x)[::q]`. The
 * causal paths are the kernel of the streaming `decimate` operator; the zero-phase ones need the
 * whole signal (a stream cannot see the future). Input 1-D or `[frames, channels]` (along `axis`,
 * default frames; SciPy's default `-1`); float32 kept.
 *
 * @param x - the signal
 * @param q - downsampling factor (positive integer; `'fir'` needs q >= 2)
 * @param options - `n`, `ftype`, `axis`, `zeroPhase`
 * @returns the decimated signal, `ceil(len / q)` samples along the axis
 * @example
 * ```ts
 * import { decimate } from '@ringflow/operators/signal';
 * const y = decimate(new Float64Array(4800), 4); // 1200 samples
 * ```
 */
export function decimate<X extends SignalInput>(x: X, q: number, options?: DecimateOptions): SignalOutput<X> {
  const opts = signalOptions('decimate', options, ['n', 'ftype', 'axis', 'zeroPhase']);
  const ftype = opts.ftype ?? 'iir';
  if (ftype !== 'iir' && ftype !== 'fir') throw new TypeError(`decimate: ftype must be 'iir' or 'fir', got ${describeValue(ftype)}`);
  const zeroPhase = booleanOption('decimate', 'zeroPhase', opts.zeroPhase, true);
  const n = opts.n;
  // validates q and n as the streaming kernel does
  withContext('decimate', () => createDecimateState(q, n === undefined ? { ftype } : { ftype, n }));
  const axis = opts.axis ?? 0;
  const sig = readSignal('decimate', x, axis);
  const nOut = Math.ceil(sig.length / q);
  if (zeroPhase) {
    if (ftype === 'fir') {
      const taps = firwin((n ?? 20 * q) + 1, 1 / q, { window: 'hamming' });
      return resamplePoly(x, 1, q, { axis, window: taps }) as SignalOutput<X>;
    }
    const sos = cheby1(n ?? 8, 0.05, 0.8 / q);
    const y = sosfiltfilt(sos, x, { axis });
    const ySig = readSignal('decimate', y, axis);
    return mapLanes<X>(ySig, nOut, (lane) => {
      const out = new Float64Array(nOut);
      for (let i = 0; i < nOut; i++) out[i] = lane[i * q]!;
      return out;
    });
  }
  return mapLanes<X>(sig, nOut, (lane) => {
    const state = createDecimateState(q, n === undefined ? { ftype } : { ftype, n });
    const out = new Float64Array(decimateOutputLength(state, lane.length));
    processDecimate(state, lane, out);
    return out;
  });
}
