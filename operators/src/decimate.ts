import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { FloatChunks, resolveDspOptions, withContext, type DspOperatorOptions } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';
import { createDecimateState, decimateOutputLength, processDecimate, type DecimateOptions, type DecimateState } from './kernels/decimate.js';

/** Options of {@link decimate}: the kernel's `ftype` and `n`, plus `reuse`/`nan`. */
export interface DecimateOperatorOptions extends Omit<DecimateOptions, 'channels'>, DspOperatorOptions {}

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
 * Multichannel: `[frames, channels]` chunks are filtered channel by channel (each with its own
 * memory; each channel's numbers are those it gets alone, `decimate(x, q, axis=0)`) and emitted as
 * `[frames, channels]`; the counts above are in frames. The first chunk fixes the layout.
 *
 * Ownership: fresh chunks unless `reuse: true` (views of one buffer per subscription, overwritten by
 * the next emission: copy to keep). Inputs are not kept.
 *
 * Timeline (`decimate(2, { ftype: 'fir', n: 2 })`: the 3-tap Hamming FIR `[0.046, 0.908, 0.046]`,
 * then input samples 0, 2, 4, ...):
 * ```
 * in:  [1 0 0 0]      [2]     [0 0 0] |
 * out: [0.046 0.046]  [0.092] [0.092] |
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
export function decimate<C extends Chunk>(q: number, options?: DecimateOperatorOptions): OperatorFunction<C, C> {
  const opts = resolveDspOptions('decimate', options, ['ftype', 'n']);
  const kernelOptions: DecimateOptions = {};
  if (options?.ftype !== undefined) kernelOptions.ftype = options.ftype;
  if (options?.n !== undefined) kernelOptions.n = options.n;
  withContext('decimate', () => createDecimateState(q, kernelOptions));
  return operate<C, C>((subscriber) => {
    const chunks = new FloatChunks('decimate', opts, { multichannel: true });
    let state: DecimateState | undefined;
    return {
      next(chunk) {
        const input = chunks.accept(chunk);
        const channels = chunks.channels;
        state ??= createDecimateState(q, { ...kernelOptions, channels });
        const count = decimateOutputLength(state, input.length / channels);
        const out = chunks.output(count * channels);
        processDecimate(state, input, out);
        if (count > 0) subscriber.next(chunks.emit(out) as C);
      },
    };
  });
}
