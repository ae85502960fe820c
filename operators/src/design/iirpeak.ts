import type { BaResult } from './filter-forms.js';
import { notchPeak, type IirnotchOptions } from './iirnotch.js';

/** Options of {@link iirpeak}. */
export type IirpeakOptions = IirnotchOptions;

/**
 * Designs a second-order IIR peak (resonator, band-pass) filter, as `scipy.signal.iirpeak(w0, Q, fs)`.
 *
 * @remarks
 * Unit gain at `w0`, `-3 dB` bandwidth `w0 / Q`. Returns `(b, a)` as SciPy does. Design-time:
 * allocates.
 *
 * @param w0 - frequency to keep: normalised to Nyquist (0..1), or in Hz with `fs`
 * @param Q - quality factor (> 0)
 * @param options - `fs` (default 2)
 * @returns `{ b, a }` (also iterable as `[b, a]`)
 * @throws RangeError for `w0` outside [0, fs/2] or `Q <= 0`
 * @example
 * ```ts
 * import { iirpeak } from '@ringflow/operators/signal';
 * const [b, a] = iirpeak(1000, 10, { fs: 48000 });
 * ```
 */
export function iirpeak(w0: number, Q: number, options?: IirpeakOptions): BaResult {
  return notchPeak('iirpeak', w0, Q, options, 'peak');
}
