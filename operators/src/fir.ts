import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import type { DspOperatorOptions, LiveParameter } from './internal/float-chunks.js';
import { liveFilter } from './internal/live-filter.js';
import { createFirState, processFir, type FirState } from './kernels/fir.js';

/** Options of {@link fir}: `reuse` and `nan` (see `DspOperatorOptions`). */
export type FirOptions = DspOperatorOptions;

/**
 * Filters a stream of sample chunks with a finite impulse response, keeping the delay line from
 * chunk to chunk.
 *
 * @remarks
 * `y[n] = sum_k taps[k] x[n - k]`: the concatenated output equals `scipy.signal.lfilter(taps, 1, x)`
 * over the concatenated input (zero initial history), whatever the chunking; computed in float64
 * (direct form, O(taps) per sample). One output chunk per non-empty input chunk, same length, same
 * class (Float32Array in, Float32Array out, rounded once); other classes, or a change of class
 * mid-stream, error the stream with a TypeError. Empty chunks are skipped. Each subscription has its
 * own delay line.
 *
 * Live parameters: `taps` may be an Observable of tap arrays. Each value is validated on arrival (an
 * invalid one errors the stream) and applies from the next chunk boundary. With the same tap count
 * the delay line is kept, so the first outputs after the switch are the new taps applied to the
 * real past input; with a different count the delay line restarts from zeros. A chunk before the
 * first value errors the stream (use `BehaviorSubject` or `startWith`). Parameter errors error the
 * stream; unsubscribing unsubscribes from the parameter.
 *
 * NaN: propagates (each NaN input poisons the next `taps.length` outputs) unless `nan: 'error'`,
 * which errors the stream with a RangeError at the first NaN.
 *
 * Ownership: fresh output chunks, unless `reuse: true` (views of one buffer per subscription,
 * overwritten by the next emission: copy to keep). Inputs are neither modified nor kept.
 *
 * Timeline (`fir([1, 1])`, numbers are samples):
 * ```
 * in:  [1 0] [0 2]  [0]|
 * out: [1 1] [0 2]  [2]|
 * ```
 *
 * @param taps - the impulse response (non-empty, finite numbers), or an Observable of them
 * @param options - `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from float chunks to filtered float chunks
 * @throws RangeError (empty taps) / TypeError (non-finite taps, bad options) at creation
 * @example
 * ```ts
 * import { fir, firwin, fromSamples } from '@ringflow/operators';
 * fromSamples(new Float64Array(1000).fill(1), 100)
 *   .pipe(fir(firwin(31, 0.25)))
 *   .subscribe((chunk) => console.log(chunk.at(-1))); // about 1 once the filter is full
 * ```
 */
export function fir<T extends FloatArray>(taps: LiveParameter<ArrayLike<number>>, options?: FirOptions): OperatorFunction<T, T> {
  return liveFilter<T, ArrayLike<number>>('fir', taps, options, {
    create: (value) => createFirState(value),
    swap(current, next) {
      const c = current as FirState;
      const n = next as FirState;
      if (c.taps.length !== n.taps.length) return n;
      c.taps.set(n.taps);
      return c;
    },
    process(state, input, output) {
      processFir(state as FirState, input, output);
    },
  });
}
