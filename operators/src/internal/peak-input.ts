import { describeValue } from './chunks.js';
import { readLanes } from './signal-input.js';

/** SciPy's `_arg_x_as_expected`: a 1-D float64 copy of `x`. */
export function peakSignal(fn: string, x: unknown): Float64Array {
  if (typeof x === 'number') throw new RangeError(`${fn}: x must be a 1-D array, got a number`);
  const lanes = readLanes(fn, x, undefined, { complex: false });
  if (lanes.shape.length !== 1) throw new RangeError(`${fn}: x must be a 1-D array, got shape [${lanes.shape.join(', ')}]`);
  return lanes.re[0]!;
}

/** SciPy's `_arg_peaks_as_expected`: integer indices (Int32Array). */
export function peakIndices(fn: string, peaks: unknown, name = 'peaks'): Int32Array {
  if (peaks === null || typeof peaks !== 'object' || typeof (peaks as ArrayLike<unknown>).length !== 'number' || peaks instanceof DataView) {
    throw new RangeError(`${fn}: ${name} must be a 1-D array of indices, got ${describeValue(peaks)}`);
  }
  const a = peaks as ArrayLike<unknown>;
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (Array.isArray(v)) throw new RangeError(`${fn}: ${name} must be a 1-D array`);
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new TypeError(`${fn}: cannot safely cast ${name} to integer indices (${name}[${i}] is ${describeValue(v)})`);
    }
    if (v < -(2 ** 31) || v >= 2 ** 31) throw new RangeError(`${fn}: ${name}[${i}] = ${v} is not a valid index`);
    out[i] = v;
  }
  return out;
}

/** SciPy's `_arg_wlen_as_expected`: -1 for none, else the window length rounded up (> 1). */
export function peakWindowLength(fn: string, wlen: unknown): number {
  if (wlen === undefined || wlen === null) return -1;
  if (typeof wlen !== 'number') throw new TypeError(`${fn}: wlen must be a number, got ${describeValue(wlen)}`);
  if (!(wlen > 1)) throw new RangeError(`${fn}: wlen must be larger than 1, was ${wlen}`);
  return Math.ceil(wlen);
}
