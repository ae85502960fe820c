import { firwin as firwinDesign, type PassZero } from '../design/firwin.js';
import type { WindowSpec } from '../design/windows.js';
import { withContext } from '../internal/float-chunks.js';
import { signalOptions } from '../internal/options.js';

/** Options of {@link firwin}: SciPy's keyword arguments in camelCase. */
export interface FirwinOptions {
  /** Transition width: selects a Kaiser window for it (overrides `window`), as SciPy's `width`. */
  readonly width?: number;
  /** Window (default `'hamming'`): a name, `[name, parameter]` or the samples. */
  readonly window?: WindowSpec;
  /** DC gain 1 (`true`, default) or a band type name checked against the cutoff count. */
  readonly passZero?: PassZero;
  /** Scale so the centre of the first passband has unit gain (default `true`). */
  readonly scale?: boolean;
  /** Sample rate in Hz (default 2: cutoffs normalised to Nyquist). */
  readonly fs?: number;
}

/**
 * Designs a linear-phase FIR filter by the window method, as `scipy.signal.firwin(numtaps, cutoff,
 * width, window, pass_zero, scale, fs)`.
 *
 * @remarks
 * Ideal band response (bands alternate from a passband at DC when `passZero`), times the window,
 * optionally scaled. A filter that passes Nyquist (highpass, bandstop, ...) needs an odd `numtaps`,
 * as in SciPy. The taps feed `lfilter(taps, [1], x)`, `filtfilt`, `convolve`, or the `fir` operator
 * for streams. Design-time: allocates.
 *
 * @param numtaps - number of taps (filter order + 1)
 * @param cutoff - band edge(s): normalised to Nyquist, or in Hz with `fs`
 * @param options - `width`, `window`, `passZero`, `scale`, `fs`
 * @returns a new Float64Array of `numtaps` taps
 * @throws TypeError/RangeError (naming `firwin`) for bad numbers or options
 * @example
 * ```ts
 * import { firwin } from '@ringflow/operators/signal';
 * const taps = firwin(101, [300, 3400], { passZero: false, fs: 16000 });
 * ```
 */
export function firwin(numtaps: number, cutoff: number | ArrayLike<number>, options?: FirwinOptions): Float64Array {
  const opts = signalOptions('firwin', options, ['width', 'window', 'passZero', 'scale', 'fs']);
  return withContext('firwin', () => firwinDesign(numtaps, cutoff, opts));
}
