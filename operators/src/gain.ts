import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { describeValue, finiteNumber, isFloatArray } from './internal/chunks.js';
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
 * Works on Float32Array and Float64Array chunks (other classes error the stream with a TypeError:
 * scaling integers needs a rounding and clipping policy, convert first). The product is computed in
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
export function gain<T extends FloatArray>(factor: number | GainOptions): OperatorFunction<T, T> {
  let k: number;
  if (typeof factor === 'number') k = finiteNumber('gain', 'factor', factor);
  else if (typeof factor === 'object' && factor !== null) k = 10 ** (finiteNumber('gain', 'decibels', factor.decibels) / 20);
  else throw new TypeError(`gain: expected a factor or { decibels }, got ${describeValue(factor)}`);

  return operate<T, T>((subscriber) => ({
    next(chunk) {
      if (!isFloatArray(chunk)) throw new TypeError(`gain: chunks must be Float32Array or Float64Array, got ${describeValue(chunk)}`);
      const n = chunk.length;
      const out = new (chunk.constructor as new (n: number) => T)(n);
      for (let i = 0; i < n; i++) out[i] = chunk[i]! * k;
      subscriber.next(out);
    },
  }));
}
