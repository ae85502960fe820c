import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { resolveDspOptions, withContext, type DspOperatorOptions } from './internal/float-chunks.js';
import { perChunk } from './internal/per-chunk.js';
import { createDecimateState, decimateOutputLength, processDecimate, type DecimateOptions } from './kernels/decimate.js';

/** Options of {@link decimate}: the kernel's `ftype` and `n`, plus `reuse`/`nan`. */
export interface DecimateOperatorOptions extends DecimateOptions, DspOperatorOptions {}

/**
 * Lowers the sample rate by the integer factor `q` after an anti-alias filter, streaming.
 *
 * @remarks
 * The concatenated output equals `scipy.signal.decimate(x, q, n, ftype, zero_phase=False)` over the
 * concatenated input, in any chunking: `'iir'` (default) filters with an order-8 Chebyshev I (ripple
 * 0.05 dB, cutoff `0.8 / q` of Nyquist), `'fir'` with a Hamming-window FIR of `20 * q + 1` taps, then
 * keeps input samples 0, q, 2q, ... (`ceil(n / q)` outputs for `n` inputs). Streaming cannot be
 * zero-phase (SciPy's default `zero_phase=True` filters the whole signal forwards and backwards), so
 * the output is delayed by the filter's group delay (`10 * q` input samples for the default `'fir'`).
 * No flush: there is no pending output at completion. Each input chunk gives the samples it keeps
 * (empty outputs are not emitted). Math in float64; Float32Array in, Float32Array out. Non-float
 * chunks or a class change error the stream with a TypeError. NaN propagates (forever with `'iir'`);
 * `nan: 'error'` errors the stream instead. State per subscription.
 *
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep). Inputs are not kept.
 *
 * Timeline (`decimate(3)`; `x'` is `x` after the anti-alias filter):
 * ```
 * in:  [a b c d] [e] [f g h]|
 * out: [a' d']       [g']   |
 * ```
 *
 * @param q - the decimation factor, a positive integer (`'fir'` needs `q >= 2`)
 * @param options - `ftype` (`'iir'` or `'fir'`), `n` (filter order), `reuse`, `nan`
 * @returns an operator from sample chunks to decimated sample chunks
 * @throws RangeError at creation for a bad `q` or `n`; TypeError for a bad `ftype` or options
 * @example
 * ```ts
 * import { decimate, fromSamples } from '@ringflow/operators';
 * fromSamples(new Float32Array(48_000), 480)
 *   .pipe(decimate(4)) // 48 kHz -> 12 kHz
 *   .subscribe((chunk) => console.log(chunk.length)); // 120
 * ```
 */
export function decimate<T extends FloatArray>(q: number, options?: DecimateOperatorOptions): OperatorFunction<T, T> {
  const opts = resolveDspOptions('decimate', options);
  const kernelOptions: DecimateOptions = {};
  if (options?.ftype !== undefined) kernelOptions.ftype = options.ftype;
  if (options?.n !== undefined) kernelOptions.n = options.n;
  withContext('decimate', () => createDecimateState(q, kernelOptions));
  return perChunk<T>('decimate', opts, () => {
    const state = createDecimateState(q, kernelOptions);
    return (input, chunks) => {
      const count = decimateOutputLength(state, input.length);
      const out = chunks.output(count);
      processDecimate(state, input, out);
      return count > 0 ? out : undefined;
    };
  });
}
