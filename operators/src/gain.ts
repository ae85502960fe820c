import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { describeValue, finiteNumber } from './internal/chunks.js';
import { FloatChunks } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';

/** The `gain` factor given in decibels: `factor = 10 ** (decibels / 20)`. */
export interface GainOptions {
  /** Gain in dB (amplitude): 0 keeps the level, -6.02 halves it, +20 multiplies by 10. */
  readonly decibels: number;
}

/**
 * Multiplies every sample by a constant factor (given directly or in decibels).
 *
 * @remarks
 * Works on Float32Array and Float64Array chunks, mono or `[frames, channels]` (emitted with the
 * input's shape); other classes error the stream with a TypeError (scaling integers needs a
 * rounding and clipping policy: convert first with `toFloat32`), and so does a chunk of another
 * class than the first one. The product is computed in
 * float64 and stored in the input's class, so float32 stays float32 (rounded once). Each output
 * chunk is a fresh array of the same length; the input is not modified or kept. Stateless, so the
 * output does not depend on chunking.
 *
 * Timeline (`gain(2)`):
 * ```
 * in:  [1 2] [3] |
 * out: [2 4] [6] |
 * ```
 *
 * @param factor - The factor (finite number), or `{ decibels }`.
 * @returns An operator from float chunks to scaled float chunks.
 * @throws TypeError/RangeError at creation for a non-finite factor or decibels.
 *
 * @example
 * ```ts
 * import { gain, oscillator } from '@ringflow/operators';
 * oscillator({ frequency: 440, sampleRate: 48_000, length: 480 })
 *   .pipe(gain({ decibels: -6 }))
 *   .subscribe((chunk) => console.log(Math.max(...chunk))); // about 0.5
 * ```
 */
export function gain<C extends Chunk>(factor: number | GainOptions): OperatorFunction<C, C> {
  let k: number;
  if (typeof factor === 'number') k = finiteNumber('gain', 'factor', factor);
  else if (typeof factor === 'object' && factor !== null) k = 10 ** (finiteNumber('gain', 'decibels', factor.decibels) / 20);
  else throw new TypeError(`gain: expected a factor or { decibels }, got ${describeValue(factor)}`);

  return operate<C, C>((subscriber) => {
    const chunks = new FloatChunks('gain', PLAIN, { multichannel: true });
    return {
      next(chunk) {
        const input = chunks.accept(chunk);
        const n = input.length;
        const out = chunks.output(n);
        for (let i = 0; i < n; i++) out[i] = input[i]! * k;
        subscriber.next(chunks.emit(out) as C);
      },
    };
  });
}

const PLAIN = { reuse: false, nan: 'propagate' } as const;
