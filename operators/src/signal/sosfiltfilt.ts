import { sosfiltZi } from '../design/sosfilt-zi.js';
import { createSosfiltState, primeSosfilt, processSosfilt } from '../kernels/sosfilt.js';
import { extend, padEdge, type Padtype } from '../internal/edge-padding.js';
import { withContext } from '../internal/float-chunks.js';
import { signalOptions } from '../internal/options.js';
import { mapLanes, readSignal, type SignalInput, type SignalOutput } from '../internal/signal-array.js';
import type { SosInput } from '../internal/sos-input.js';

/** Options of {@link sosfiltfilt}. */
export interface SosfiltfiltOptions {
  /** Axis to filter along (default 0: along frames for `[frames, channels]` input). */
  readonly axis?: number;
  /** Edge extension: `'odd'` (default), `'even'`, `'constant'` or `null` (none). */
  readonly padtype?: Padtype;
  /**
   * Extension length; default, as SciPy: `3 * (2 * n_sections + 1 - min(z2, p2))` where `z2`/`p2`
   * count the sections with `b2 = 0` / `a2 = 0`. Must be below the signal length.
   */
  readonly padlen?: number;
}

/**
 * Applies second-order sections forward and backward (zero phase), as `scipy.signal.sosfiltfilt(sos,
 * x, axis, padtype, padlen)`.
 *
 * @remarks
 * SciPy's algorithm: extend the edges (`'odd'` by default), filter forward from `sosfiltZi(sos) *
 * x[0]`, filter the reversed result from `sosfiltZi(sos) * y[-1]`, reverse, drop the extension.
 * The signal must be longer than `padlen`. Uses the `sosfilt` kernel. Input 1-D or `[frames,
 * channels]` (along `axis`, default frames); float32 kept. The preferred zero-phase filter for IIR
 * designs (numerically safe at any order).
 *
 * @param sos - the sections
 * @param x - the signal
 * @param options - `axis`, `padtype`, `padlen`
 * @returns the filtered signal, same layout and length
 * @throws RangeError (naming `sosfiltfilt`) when the signal is not longer than `padlen`
 * @example
 * ```ts
 * import { butter, sosfiltfilt } from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i / 30) + Math.sin(i));
 * const y = sosfiltfilt(butter(8, 0.1), x); // the slow sine, undelayed
 * ```
 */
export function sosfiltfilt<X extends SignalInput>(sos: SosInput, x: X, options?: SosfiltfiltOptions): SignalOutput<X> {
  const opts = signalOptions('sosfiltfilt', options, ['axis', 'padtype', 'padlen']);
  const proto = withContext('sosfiltfilt', () => createSosfiltState(sos));
  const sig = readSignal('sosfiltfilt', x, opts.axis ?? 0);
  const c = proto.coefficients;
  let z2 = 0;
  let p2 = 0;
  for (let s = 0; s < c.length; s += 6) {
    if (c[s + 2] === 0) z2++;
    if (c[s + 5] === 0) p2++;
  }
  const ntaps = 2 * proto.sections + 1 - Math.min(z2, p2);
  const { edge, padtype } = padEdge('sosfiltfilt', opts.padtype === undefined ? 'odd' : opts.padtype, opts.padlen, sig.length, ntaps);
  withContext('sosfiltfilt', () => sosfiltZi(c));
  return mapLanes<X>(sig, sig.length, (lane) => {
    const ext = extend(lane, edge, padtype);
    const y = new Float64Array(ext.length);
    const pass = (input: Float64Array): void => {
      const state = createSosfiltState(c);
      primeSosfilt(state, [input[0]!]);
      processSosfilt(state, input, y);
    };
    pass(ext);
    y.reverse();
    pass(Float64Array.from(y));
    y.reverse();
    return edge > 0 ? y.slice(edge, y.length - edge) : y;
  });
}
