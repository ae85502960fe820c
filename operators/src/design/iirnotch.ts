import { finiteNumber } from '../internal/chunks.js';
import { sampleRateOption } from '../internal/iir-design.js';
import { signalOptions } from '../internal/options.js';
import { baResult, type BaResult } from './filter-forms.js';

/** Options of {@link iirnotch} and `iirpeak`. */
export interface IirnotchOptions {
  /** Sample rate in Hz (default 2: `w0` normalised to Nyquist). */
  readonly fs?: number;
}

/** SciPy's `_design_notch_peak_filter`: a second-order notch or peak at `w0` with quality `Q`. */
export function notchPeak(what: string, w0: number, Q: number, options: IirnotchOptions | undefined, ftype: 'notch' | 'peak'): BaResult {
  const opts = signalOptions(what, options, ['fs']);
  const fs = sampleRateOption(what, opts.fs) ?? 2;
  const f = finiteNumber(what, 'w0', w0);
  const q = finiteNumber(what, 'Q', Q);
  const w = (2 * f) / fs;
  if (w > 1 || w < 0) throw new RangeError(`${what}: w0 must lie between 0 and fs/2 (${fs / 2}), got ${f}`);
  if (!(q > 0)) throw new RangeError(`${what}: Q must be > 0, got ${q}`);
  const bw = (w / q) * Math.PI;
  const w0r = w * Math.PI;
  const gb = 1 / Math.sqrt(2);
  const beta = ftype === 'notch' ? (Math.sqrt(1 - gb ** 2) / gb) * Math.tan(bw / 2) : (gb / Math.sqrt(1 - gb ** 2)) * Math.tan(bw / 2);
  const gain = 1 / (1 + beta);
  const b = ftype === 'notch' ? Float64Array.of(gain * 1, gain * (-2 * Math.cos(w0r)), gain * 1) : Float64Array.of((1 - gain) * 1, (1 - gain) * 0, (1 - gain) * -1);
  const a = Float64Array.of(1, -2 * gain * Math.cos(w0r), 2 * gain - 1);
  return baResult(b, a);
}

/**
 * Designs a second-order IIR notch (band-stop) filter, as `scipy.signal.iirnotch(w0, Q, fs)`.
 *
 * @remarks
 * Zero gain at `w0`, `-3 dB` bandwidth `w0 / Q`. Returns `(b, a)` as SciPy does (use `tf2sos` for
 * sections, or the `lfilter` operator to stream it). Design-time: allocates.
 *
 * @param w0 - frequency to remove: normalised to Nyquist (0..1), or in Hz with `fs`
 * @param Q - quality factor (> 0)
 * @param options - `fs` (default 2)
 * @returns `{ b, a }` (also iterable as `[b, a]`)
 * @throws RangeError for `w0` outside [0, fs/2] or `Q <= 0`
 * @example
 * ```ts
 * import { iirnotch, filtfilt } from '@ringflow/operators/signal';
 * const { b, a } = iirnotch(50, 30, { fs: 1000 }); // remove mains hum
 * const y = filtfilt(b, a, new Float64Array(2000));
 * ```
 */
export function iirnotch(w0: number, Q: number, options?: IirnotchOptions): BaResult {
  return notchPeak('iirnotch', w0, Q, options, 'notch');
}
