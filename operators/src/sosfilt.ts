import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import type { DspOperatorOptions, LiveParameter } from './internal/float-chunks.js';
import { liveFilter } from './internal/live-filter.js';
import { createSosfiltState, processSosfilt, type SosInput, type SosfiltState } from './kernels/sosfilt.js';

/** Second-order sections: rows `[b0, b1, b2, a0, a1, a2]` as returned by `butter(...)`, a flat array of rows, or an `[n, 6]` ndarray. */
export type Sos = SosInput;

/** Options of {@link sosfilt}: `reuse` and `nan` (see `DspOperatorOptions`). */
export type SosfiltOptions = DspOperatorOptions;

/**
 * Filters a stream of sample chunks through a cascade of second-order sections (IIR), keeping the
 * filter memory from chunk to chunk.
 *
 * @remarks
 * The concatenated output equals `scipy.signal.sosfilt(sos, x)` over the concatenated input (zero
 * initial state), whatever the chunking (computed in float64, transposed direct form II; relative
 * error ~1e-13 against SciPy). One output chunk per non-empty input chunk, same length, same class:
 * Float32Array in, Float32Array out (rounded once), Float64Array in, Float64Array out; other classes,
 * or a chunk whose class differs from the first one, error the stream with a TypeError. Empty chunks
 * are skipped. Each subscription has its own filter memory.
 *
 * Live parameters: `sos` may be an Observable of section arrays. Each value is validated when it
 * arrives (an invalid one errors the stream) and takes effect at the next chunk boundary (a chunk is
 * never split). With the same number of sections the memory is kept (continuous output, like
 * `sosfilt(sos2, x2, zi=zf)` in SciPy), with a different number it restarts from zero. A chunk that
 * arrives before the first value errors the stream: start the Observable with a value
 * (`BehaviorSubject`, `startWith`). An error of the parameter Observable errors the stream; its
 * completion keeps the last value. Unsubscribing also unsubscribes from the parameter Observable.
 *
 * NaN: propagates as in SciPy by default (the memory is then NaN for good); `nan: 'error'` errors
 * the stream with a RangeError at the first NaN input sample instead.
 *
 * Ownership: emitted chunks are fresh unless `reuse: true`, where they are views of one buffer per
 * subscription (grown to the largest chunk): copy an emitted chunk before the next one arrives if
 * you keep it. Input chunks are neither modified nor kept.
 *
 * Timeline (`p`, `q`: coefficient sets; `a'` is `a` filtered):
 * ```
 * sos:  p-----q------
 * in:   -a--b---c--|
 * out:  -a'-b'--c'-|    (c' filtered with q, from the memory left by b)
 * ```
 *
 * @param sos - the sections (e.g. `butter(4, 1000, { sampleRate: 48000 })`), or an Observable of them
 * @param options - `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from float chunks to filtered float chunks
 * @throws RangeError/TypeError at creation for invalid fixed sections (no rows, a row without 6
 *   values, `a0 = 0`, non-finite values) or options
 * @example
 * ```ts
 * import { butter, fromSamples, sosfilt } from '@ringflow/operators';
 * const x = new Float32Array(48_000).map(() => Math.random() - 0.5);
 * fromSamples(x, 128)
 *   .pipe(sosfilt(butter(4, 1000, { type: 'highpass', sampleRate: 48_000 })))
 *   .subscribe((chunk) => console.log(chunk.length)); // 128, 128, ...
 * ```
 */
export function sosfilt<T extends FloatArray>(sos: LiveParameter<Sos>, options?: SosfiltOptions): OperatorFunction<T, T> {
  return liveFilter<T, Sos>('sosfilt', sos, options, {
    create: (value) => createSosfiltState(value),
    swap(current, next) {
      const c = current as SosfiltState;
      const n = next as SosfiltState;
      if (c.sections !== n.sections) return n;
      c.coefficients.set(n.coefficients);
      return c;
    },
    process(state, input, output) {
      processSosfilt(state as SosfiltState, input, output);
    },
  });
}
