import type { MultichannelChunk, NdarrayLike } from '@ringflow/core';
import type { Ndarray2D } from './types.js';
import { describeValue } from '../internal/chunks.js';
import { assemble, readLanes } from '../internal/signal-input.js';
import { detrendConstantInPlace, detrendLinearInPlace } from '../kernels/detrend.js';

/** Options of {@link detrend}: SciPy's keyword parameters, camelCased. */
export interface DetrendOptions {
  /** `'linear'` (default; also `'l'`) removes the least-squares line, `'constant'` (`'c'`) the mean. */
  type?: 'linear' | 'constant' | 'l' | 'c';
  /** Breakpoints for `'linear'`: a separate line is fitted between consecutive ones (default none). */
  bp?: number | ArrayLike<number>;
  /** Axis of 2-D input (default 0: along frames of `[frames, channels]`). */
  axis?: number;
}

/**
 * Removes the linear trend (or the mean) along an axis, as `scipy.signal.detrend(data, axis=-1,
 * type='linear', bp=0)`.
 *
 * @remarks
 * `'linear'` subtracts the least-squares line of each piece between breakpoints `bp` (indices,
 * `0 <= bp <= n`); `'constant'` subtracts the mean (and ignores `bp`, as SciPy does). The result keeps
 * the input's float class, as SciPy keeps float32 (Float32Array in, Float32Array out; plain arrays
 * and other types give Float64Array), computed in float64. `[frames, channels]` input gives the same
 * shape, each channel detrended alone. The same kernel detrends the segments of {@link welch}.
 * Allocates the result.
 *
 * @param x - the signal (1-D or a `[frames, channels]` view)
 * @param options - `type`, `bp`, `axis`
 * @returns the detrended signal
 * @throws TypeError/RangeError naming `detrend` for bad input, type or breakpoints
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const y = signal.detrend([1, 2, 3, 5, 5, 6]);                        // residual of the line
 * const z = signal.detrend(new Float32Array([4, 6, 5]), { type: 'constant' }); // Float32Array [-1, 1, 0]
 * ```
 */
export function detrend(x: Float32Array, options?: DetrendOptions): Float32Array;
export function detrend(x: ArrayLike<number>, options?: DetrendOptions): Float64Array;
export function detrend(x: Ndarray2D<Float32Array>, options?: DetrendOptions): MultichannelChunk<Float32Array>;
export function detrend(x: Ndarray2D, options?: DetrendOptions): MultichannelChunk<Float64Array>;
export function detrend(x: ArrayLike<number> | NdarrayLike, options?: DetrendOptions): Float32Array | Float64Array | MultichannelChunk<Float32Array | Float64Array>;
export function detrend(x: ArrayLike<number> | NdarrayLike, options?: DetrendOptions): Float32Array | Float64Array | MultichannelChunk<Float32Array | Float64Array> {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new TypeError(`detrend: options must be an object such as { type: 'constant' }, got ${describeValue(options)}`);
  }
  const o = options ?? {};
  const type = o.type ?? 'linear';
  if (type !== 'linear' && type !== 'l' && type !== 'constant' && type !== 'c') {
    throw new TypeError(`detrend: trend type must be 'linear' or 'constant', got ${describeValue(type)}`);
  }
  const lanes = readLanes('detrend', x, o.axis, { complex: false });
  const n = lanes.length;
  let breaks: number[] = [0, n];
  if (type === 'linear' || type === 'l') {
    const raw = o.bp ?? 0;
    const list: unknown[] = typeof raw === 'number' ? [raw] : Array.from(raw as ArrayLike<unknown>);
    for (const b of list) {
      if (typeof b !== 'number' || !Number.isInteger(b)) throw new TypeError(`detrend: breakpoints must be integers, got ${describeValue(b)}`);
      if (b > n) throw new RangeError(`detrend: breakpoints must be less than length of data along given axis (${b} > ${n})`);
      if (b < 0) throw new RangeError(`detrend: breakpoints must not be negative, got ${b}`);
    }
    breaks = [...new Set([0, ...(list as number[]), n])].sort((p, q) => p - q);
  }
  const results = lanes.re.map((lane) => {
    if (type === 'constant' || type === 'c') detrendConstantInPlace(lane);
    else for (let m = 0; m + 1 < breaks.length; m++) detrendLinearInPlace(lane, breaks[m]!, breaks[m + 1]!);
    return lanes.float32 ? Float32Array.from(lane) : lane;
  });
  const Type = lanes.float32 ? Float32Array : Float64Array;
  return assemble(lanes, results as (Float32Array | Float64Array)[], [n], Type as unknown as { new (n: number): Float32Array | Float64Array }) as
    | Float32Array
    | Float64Array
    | MultichannelChunk<Float32Array | Float64Array>;
}
