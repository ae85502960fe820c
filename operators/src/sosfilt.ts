import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import type { DspOperatorOptions, LiveParameter } from './internal/float-chunks.js';
import { liveFilter, type InitialState } from './internal/live-filter.js';
import { createSosfiltState, primeSosfilt, processSosfilt, setSosfiltCoefficients, writeSosfiltState, type SosInput, type SosfiltState } from './kernels/sosfilt.js';

/** Second-order sections: rows `[b0, b1, b2, a0, a1, a2]` as returned by `butter(...)`, a flat array of rows, or an `[n, 6]` ndarray. */
export type Sos = SosInput;

export type { InitialState } from './internal/live-filter.js';

/** Options of {@link sosfilt}: `zi`, plus `reuse` and `nan` (see `DspOperatorOptions`). */
export interface SosfiltOptions extends DspOperatorOptions {
  /**
   * Initial memory: zeros (default), `'step'` (the steady state for each channel's first sample,
   * `sosfilt_zi(sos) * x[0]`: no start-up transient), or an explicit state in SciPy's shape:
   * `[n_sections, 2]` for a mono stream, `[n_sections, 2, channels]` for `[frames, channels]`
   * chunks (nested arrays, flat row-major, or an ndarray view).
   */
  readonly zi?: InitialState;
}

/**
 * Filters a stream of sample chunks through a cascade of second-order sections (IIR), keeping the
 * filter memory from chunk to chunk.
 *
 * @remarks
 * The concatenated output equals `scipy.signal.sosfilt(sos, x, axis=0, zi=...)` over the
 * concatenated input, whatever the chunking (computed in float64, transposed direct form II;
 * relative error ~1e-13 against SciPy). One output chunk per non-empty input chunk, same length,
 * same class (Float32Array in, Float32Array out, rounded once) and same layout: `[frames, channels]`
 * chunks are filtered per channel, each with its own memory (bit-exact equal to filtering that
 * channel alone); a later chunk of another layout or class errors the stream. Empty chunks are
 * skipped. Each subscription has its own filter memory.
 *
 * Initial state: `zi: 'step'` starts each channel from the steady state for its first sample (what
 * `sosfiltfilt` does at its edges; a DC or slowly varying input then has no start-up transient),
 * or `zi` gives the memory explicitly (a shape that does not fit the stream errors it with a
 * RangeError at the first chunk).
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
 * Timeline (`sosfilt([[1, 0, 0, 1, -0.5, 0]])`, one section `1 / (1 - 0.5 z^-1)`; numbers are samples):
 * ```
 * in:  [4 0] [0]  [2]|
 * out: [4 2] [1]  [2.5]|
 * ```
 *
 * Live coefficients (`p`, `q`: coefficient sets; `a'` is `a` filtered):
 * ```
 * sos:  p-----q------
 * in:   -a--b---c--|
 * out:  -a'-b'--c'-|    (c' filtered with q, from the memory left by b)
 * ```
 *
 * @param sos - the sections (e.g. `butter(4, 1000, { sampleRate: 48000 })`), or an Observable of them
 * @param options - `zi` (default zeros), `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from float chunks to filtered float chunks of the same layout
 * @throws RangeError/TypeError at creation for invalid fixed sections (no rows, a row without 6
 *   values, `a0 = 0`, non-finite values, an ndarray shape that does not fit its data) or options
 * @see {@link lfilter} for `(b, a)` filters, {@link biquad} for one designed section
 * @example
 * ```ts
 * import { butter, fromSamples, sosfilt } from '@ringflow/operators';
 * const x = new Float32Array(48_000).map(() => Math.random() - 0.5);
 * fromSamples(x, 128)
 *   .pipe(sosfilt(butter(4, 1000, { type: 'highpass', sampleRate: 48_000 }), { zi: 'step' }))
 *   .subscribe((chunk) => console.log(chunk.length)); // 128, 128, ...
 * ```
 */
export function sosfilt<C extends Chunk>(sos: LiveParameter<Sos>, options?: SosfiltOptions): OperatorFunction<C, C> {
  return liveFilter<C, Sos>(
    'sosfilt',
    sos,
    options,
    {
      create: (value, channels) => createSosfiltState(value, { channels }),
      swap: (current, next) => setSosfiltCoefficients(current as SosfiltState, next),
      process(state, input, output) {
        processSosfilt(state as SosfiltState, input, output);
      },
      prime: (state, frame) => primeSosfilt(state as SosfiltState, frame),
      setState: (state, zi) => writeSosfiltState('sosfilt', state as SosfiltState, zi),
    },
    options?.zi,
  );
}
