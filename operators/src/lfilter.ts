import { isObservable, type Observable, type OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import type { DspOperatorOptions } from './internal/float-chunks.js';
import { liveFilter, type InitialState } from './internal/live-filter.js';
import { createLfilterState, primeLfilter, processLfilter, setLfilterCoefficients, writeLfilterState, type LfilterState } from './kernels/lfilter.js';

/** Numerator and denominator of a live `lfilter` (an Observable of them replaces `b, a`). */
export interface LfilterCoefficients {
  readonly b: ArrayLike<number>;
  readonly a: ArrayLike<number>;
}

/** Options of {@link lfilter}: `zi`, plus `reuse` and `nan` (see `DspOperatorOptions`). */
export interface LfilterOperatorOptions extends DspOperatorOptions {
  /**
   * Initial memory: zeros (default), `'step'` (`lfilter_zi(b, a) * x[0]` per channel: no start-up
   * transient), or an explicit state in SciPy's shape: `[K]` for a mono stream, `[K, channels]` for
   * `[frames, channels]` chunks, `K = max(len(a), len(b)) - 1`.
   */
  readonly zi?: InitialState;
}

/**
 * Filters a stream of sample chunks with a rational transfer function `b(z) / a(z)` (direct form II
 * transposed, as SciPy), keeping the filter memory from chunk to chunk.
 *
 * @remarks
 * The concatenated output equals `scipy.signal.lfilter(b, a, x, axis=0, zi=...)` over the
 * concatenated input, whatever the chunking: `b` and `a` are normalised by `a[0]` and computed in
 * float64. One output chunk per non-empty input chunk, same length, class and layout;
 * `[frames, channels]` chunks are filtered per channel (bit-exact equal to each channel alone).
 * `zi: 'step'` starts from the steady state for each channel's first sample; an explicit `zi` sets
 * the memory (a shape that does not fit the stream errors it at the first chunk). For IIR filters
 * above order ~8 prefer `sosfilt` (the polynomial form loses precision, as in SciPy); for FIR
 * filters `fir` is faster (it switches to FFT convolution for long filters). Each subscription has
 * its own memory. NaN propagates unless `nan: 'error'`. Fresh output chunks unless `reuse: true`.
 *
 * Live parameters: pass an Observable of `{ b, a }` instead of `b, a` (`lfilter(coefficients$,
 * options)`). Each value is validated on arrival and applies from the next chunk boundary; with the
 * same order the memory is kept, with another order it restarts from zeros. A chunk before the first
 * value errors the stream.
 *
 * Timeline (`lfilter([1], [1, -0.5])`, numbers are samples):
 * ```
 * in:  [4 0] [0]  [2]|
 * out: [4 2] [1]  [2.5]|
 * ```
 *
 * @param b - numerator coefficients (non-empty, finite), or an Observable of `{ b, a }` (then the
 *   options come second)
 * @param a - denominator coefficients (non-empty, finite, `a[0] != 0`)
 * @param options - `zi` (default zeros), `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from float chunks to filtered float chunks of the same layout
 * @throws TypeError/RangeError at creation for bad coefficients or options
 * @see {@link sosfilt}, {@link fir}
 * @example
 * ```ts
 * import { fromSamples, lfilter } from '@ringflow/operators';
 * import { iirnotch } from '@ringflow/operators/signal';
 * const { b, a } = iirnotch(50, 30, { fs: 1000 });
 * fromSamples(new Float64Array(1000), 100)
 *   .pipe(lfilter(b, a, { zi: 'step' }))
 *   .subscribe((chunk) => console.log(chunk.length));
 * ```
 */
export function lfilter<C extends Chunk>(b: ArrayLike<number>, a: ArrayLike<number>, options?: LfilterOperatorOptions): OperatorFunction<C, C>;
export function lfilter<C extends Chunk>(coefficients: Observable<LfilterCoefficients>, options?: LfilterOperatorOptions): OperatorFunction<C, C>;
export function lfilter<C extends Chunk>(
  b: ArrayLike<number> | Observable<LfilterCoefficients>,
  a?: ArrayLike<number> | LfilterOperatorOptions,
  options?: LfilterOperatorOptions,
): OperatorFunction<C, C> {
  const live = isObservable(b);
  const opts = (live ? a : options) as LfilterOperatorOptions | undefined;
  const parameter = live ? b : { b, a: a as ArrayLike<number> };
  return liveFilter<C, LfilterCoefficients>(
    'lfilter',
    parameter,
    opts,
    {
      create: (value, channels) => {
        if (value === null || typeof value !== 'object') throw new TypeError('expected { b, a } coefficient arrays');
        return createLfilterState(value.b, value.a, { channels });
      },
      swap: (current, next) => setLfilterCoefficients(current as LfilterState, next.b, next.a),
      process(state, input, output) {
        processLfilter(state as LfilterState, input, output);
      },
      prime: (state, frame) => primeLfilter(state as LfilterState, frame),
      setState: (state, zi) => writeLfilterState('lfilter', state as LfilterState, zi),
    },
    opts?.zi,
  );
}
