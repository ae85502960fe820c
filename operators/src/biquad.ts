import { map, type OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { biquadCoefficients as biquadSection, type BiquadOptions } from './design/biquad-coefficients.js';
import { isLive, withContext, type LiveParameter } from './internal/float-chunks.js';
import { sosfilt, type SosfiltOptions } from './sosfilt.js';

/** Options of the {@link biquad} operator: `zi`, `reuse` and `nan`, as for `sosfilt`. */
export type BiquadFilterOptions = SosfiltOptions;

/**
 * Filters a stream of sample chunks through one RBJ-cookbook biquad (lowpass, highpass, bandpass,
 * notch, allpass, peaking, shelves), keeping the filter memory from chunk to chunk.
 *
 * @remarks
 * `biquad(params)` is `sosfilt([section])` with the section designed from `params` (`type`,
 * `frequency` in Hz, `sampleRate` in Hz, `q`, `gain` in dB; the RBJ Audio EQ Cookbook formulas), so
 * everything said for `sosfilt` holds: SciPy's `sosfilt` numbers, chunking independence, one
 * same-length same-class same-layout chunk per input chunk (`[frames, channels]` filtered per
 * channel), state per subscription, `zi` (`'step'` or `[[z0, z1]]` / `[[[...], [...]]]` per
 * channel), NaN policy, `reuse`.
 *
 * Live parameters: `params` may be an Observable (say a `BehaviorSubject` driven by a UI knob or a
 * worker's control channel). Each value is designed and validated on arrival (an invalid one, e.g.
 * a frequency at or above Nyquist, errors the stream) and applies from the next chunk boundary,
 * keeping the memory (a biquad is always one section), so sweeps do not click.
 *
 * Timeline (`p`, `q`: parameter sets):
 * ```
 * params: p------q----
 * in:     -a--b----c-|
 * out:    -a'-b'---c'|   (c' uses q, continuing from b's memory)
 * ```
 *
 * @param params - the filter design (`type`, `frequency`, `sampleRate`, `q`, `gain`), or an Observable of designs
 * @param options - `zi` (default zeros), `reuse` (default `false`), `nan` (default `'propagate'`)
 * @returns an operator from float chunks to filtered float chunks of the same layout
 * @throws RangeError at creation for a fixed design with `frequency` outside (0, sampleRate/2),
 *   `q <= 0` or `sampleRate <= 0`; TypeError for an unknown type or non-finite numbers
 * @example
 * ```ts
 * import { BehaviorSubject, Subject } from 'rxjs';
 * import { biquad } from '@ringflow/operators';
 * const params = new BehaviorSubject({ type: 'lowpass' as const, frequency: 1000, sampleRate: 48_000 });
 * const input = new Subject<Float32Array>();
 * input.pipe(biquad(params)).subscribe((chunk) => console.log(chunk.length));
 * input.next(new Float32Array(128)); // 1 kHz lowpass
 * params.next({ type: 'lowpass', frequency: 2000, sampleRate: 48_000 });
 * input.next(new Float32Array(128)); // 2 kHz, continuing from the memory left by the first chunk
 * ```
 */
export function biquad<C extends Chunk>(params: LiveParameter<BiquadOptions>, options?: BiquadFilterOptions): OperatorFunction<C, C> {
  if (isLive(params)) {
    return sosfilt<C>(params.pipe(map((p) => [withContext('biquad', () => biquadSection(p))])), options);
  }
  if (params === null || typeof params !== 'object') {
    throw new TypeError('biquad: expected { type, frequency, sampleRate, q?, gain? } or an Observable of them');
  }
  return sosfilt<C>([withContext('biquad', () => biquadSection(params))], options);
}
