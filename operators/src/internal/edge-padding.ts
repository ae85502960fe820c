import { describeValue } from './chunks.js';
import { extendSignal } from './signal-extension.js';

/** How `filtfilt`/`sosfiltfilt` extend the signal at both ends: SciPy's `padtype`. */
export type Padtype = 'odd' | 'even' | 'constant' | null;

/**
 * SciPy's `_validate_pad`: the extension length (`padlen`, default `3 * ntaps`; 0 when `padtype` is
 * null) and the check that the signal is longer than it (`x.shape[axis] > padlen`, a RangeError
 * naming `what` otherwise).
 */
export function padEdge(what: string, padtype: unknown, padlen: unknown, length: number, ntaps: number): { edge: number; padtype: Padtype } {
  if (padtype !== 'odd' && padtype !== 'even' && padtype !== 'constant' && padtype !== null) {
    throw new TypeError(`${what}: padtype must be 'even', 'odd', 'constant' or null, got ${describeValue(padtype)}`);
  }
  let edge: number;
  if (padtype === null) edge = 0;
  else if (padlen === undefined || padlen === null) edge = 3 * ntaps;
  else {
    if (typeof padlen !== 'number' || !Number.isSafeInteger(padlen) || padlen < 0) {
      throw new RangeError(`${what}: padlen must be a whole number >= 0, got ${describeValue(padlen)}`);
    }
    edge = padlen;
  }
  if (length <= edge) {
    throw new RangeError(`${what}: the length of the input vector x (${length}) must be greater than padlen, which is ${edge}`);
  }
  return { edge, padtype };
}

/**
 * `x` extended by `edge` samples at both ends: odd (point-symmetric), even (mirror) or constant;
 * SciPy's `odd_ext`/`even_ext`/`const_ext` (one implementation with `stft`'s `boundary`).
 */
export function extend(x: Float64Array, edge: number, padtype: Padtype): Float64Array {
  return padtype === null ? x : extendSignal('extend', x, edge, padtype);
}
