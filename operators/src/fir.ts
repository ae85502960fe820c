import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import type { DspOperatorOptions, LiveParameter } from './internal/float-chunks.js';
import { liveFilter } from './internal/live-filter.js';
import { withContext } from './internal/float-chunks.js';
import { createFirState, firMethod, processFir, setFirTaps, type FirMethod, type FirState } from './kernels/fir.js';

/** Options of {@link fir}: `method`, plus `reuse` and `nan` (see `DspOperatorOptions`). */
export interface FirOptions extends DspOperatorOptions {
  /**
   * `'auto'` (default: per chunk, direct or overlap-save FFT, whichever the measured cost model
   * says is cheaper for the tap count and the chunk length), `'direct'` or `'fft'`.
   */
  readonly method?: FirMethod;
}

/**
 * Filters a stream of sample chunks with a finite impulse response, keeping the delay line from
 * chunk to chunk; long filters run as streaming overlap-save FFT convolution.
 *
 * @remarks
 * `y[n] = sum_k taps[k] x[n - k]`: the concatenated output equals `scipy.signal.lfilter(taps, 1, x)`
 * over the concatenated input (zero initial history), whatever the chunking, with no latency. One
 * output chunk per non-empty input chunk, same length, same class (Float32Array in, Float32Array
 * out, computed in float64 and rounded once) and same layout: `[frames, channels]` chunks are
 * filtered per channel (each channel has its own delay line, bit-exact equal to filtering that
 * channel alone). Empty chunks are skipped. Each subscription has its own delay line.
 *
 * Method: `'direct'` costs O(taps) per sample; `'fft'` runs overlap-save blocks (FFT size chosen per
 * chunk length), O(log) per sample, equal to the direct form within float64 rounding (bound in
 * `processFir`); `'auto'` (default) decides per chunk by a measured cost model, so a 2047-tap
 * filter over 4096-frame chunks runs by FFT (~70x fewer operations) and a 15-tap one directly.
 * Chunks as long as the filter or longer make the FFT path efficient; tiny chunks with long filters
 * still work (same results), at a higher cost per sample.
 *
 * Live parameters: `taps` may be an Observable of tap arrays. Each value is validated on arrival (an
 * invalid one errors the stream) and applies from the next chunk boundary. With the same tap count
 * the delay line is kept, so the first outputs after the switch are the new taps applied to the
 * real past input; with a different count the delay line restarts from zeros. A chunk before the
 * first value errors the stream (use `BehaviorSubject` or `startWith`). Parameter errors error the
 * stream; unsubscribing unsubscribes from the parameter.
 *
 * NaN: propagates (each NaN input poisons the next `taps.length` outputs; with the FFT path a whole
 * block) unless `nan: 'error'`, which errors the stream with a RangeError at the first NaN.
 *
 * Ownership: fresh output chunks, unless `reuse: true` (views of one buffer per subscription,
 * overwritten by the next emission: copy to keep). Inputs are neither modified nor kept. No
 * allocation per chunk with `reuse: true` once the chunk lengths repeat.
 *
 * Timeline (`fir([1, 1])`, numbers are samples):
 * ```
 * in:  [1 0] [0 2]  [0]|
 * out: [1 1] [0 2]  [2]|
 * ```
 *
 * @param taps - the impulse response (non-empty, finite numbers), or an Observable of them
 * @param options - `method` (default `'auto'`), `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from float chunks to filtered float chunks of the same layout
 * @throws RangeError (empty taps) / TypeError (non-finite taps, bad options) at creation
 * @see {@link sosfilt} and {@link lfilter} for IIR filters
 * @example
 * ```ts
 * import { fir, firwin, fromSamples } from '@ringflow/operators';
 * fromSamples(new Float64Array(48_000).fill(1), 4096)
 *   .pipe(fir(firwin(2047, 0.1))) // by FFT, chosen automatically
 *   .subscribe((chunk) => console.log(chunk.at(-1))); // about 1 once the filter is full
 * ```
 */
export function fir<C extends Chunk>(taps: LiveParameter<ArrayLike<number>>, options?: FirOptions): OperatorFunction<C, C> {
  const method = withContext('fir', () => firMethod(options?.method));
  return liveFilter<C, ArrayLike<number>>('fir', taps, options, {
    create: (value, channels) => createFirState(value, { channels, method }),
    swap: (current, next) => setFirTaps(current as FirState, next),
    process(state, input, output) {
      processFir(state as FirState, input, output);
    },
  });
}
