import { createLfilterState, lfilterState, processLfilter, setLfilterState } from '../kernels/lfilter.js';
import { withContext } from '../internal/float-chunks.js';
import { namedResult } from '../internal/named-result.js';
import { signalOptions } from '../internal/options.js';
import { mapLanes, packLaneStates, readLaneStates, readSignal, type SignalInput, type SignalOutput } from '../internal/signal-array.js';

export type { SignalInput, SignalOutput } from '../internal/signal-array.js';

/** Options of {@link lfilter}. */
export interface LfilterOptions {
  /**
   * Axis to filter along (default 0: along frames for `[frames, channels]` input, the ringflow
   * layout; SciPy's default `-1` would filter across channels there).
   */
  readonly axis?: number;
  /**
   * Initial state in SciPy's shape: `[K]` for 1-D input (`K = max(len(a), len(b)) - 1`), the input's
   * shape with the axis replaced by `K` for 2-D input (`[K, channels]` along frames; a size-1
   * dimension broadcasts). Given, the result is `{ y, zf }`.
   */
  readonly zi?: unknown;
}

/** What {@link lfilter} returns when given `zi`: the output and the final state (also iterable as `[y, zf]`). */
export interface LfilterResult<Y> extends Iterable<Y | Float64Array | unknown[]> {
  readonly y: Y;
  /** The final state, same shape as `zi`: a Float64Array for 1-D input, nested arrays for 2-D. */
  readonly zf: Float64Array | unknown[];
}

/**
 * Filters data with a rational transfer function `b(z) / a(z)`, as `scipy.signal.lfilter(b, a, x,
 * axis, zi)`.
 *
 * @remarks
 * Direct form II transposed in float64 (the kernel of the streaming `lfilter` operator):
 * `a[0] y[n] = sum b[k] x[n-k] - sum_{k>=1} a[k] y[n-k]`. `a = [1]` makes it a FIR filter
 * (`lfilter(taps, [1], x)`). Input: a 1-D array, or `[frames, channels]` (filtered along `axis`,
 * default frames). Output: same layout, Float32Array for float32 input (computed in float64, rounded
 * once), else Float64Array. With `zi` the result is `{ y, zf }` (SciPy's `(y, zf)` tuple).
 *
 * @param b - numerator coefficients
 * @param a - denominator coefficients (`a[0] != 0`)
 * @param x - the signal
 * @param options - `axis` (default 0), `zi`
 * @returns `y`, or `{ y, zf }` when `zi` is given
 * @throws TypeError/RangeError (naming `lfilter`) for bad coefficients, input or state shape
 * @example
 * ```ts
 * import { lfilter, lfilterZi } from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i / 5));
 * const y = lfilter([0.2], [1, -0.8], x);
 * const zi = lfilterZi([0.2], [1, -0.8]).map((v) => v * x[0]!);
 * const { y: y2, zf } = lfilter([0.2], [1, -0.8], x, { zi });
 * ```
 */
export function lfilter<X extends SignalInput>(b: ArrayLike<number>, a: ArrayLike<number>, x: X, options?: LfilterOptions & { readonly zi?: undefined }): SignalOutput<X>;
export function lfilter<X extends SignalInput>(b: ArrayLike<number>, a: ArrayLike<number>, x: X, options: LfilterOptions & { readonly zi: unknown }): LfilterResult<SignalOutput<X>>;
export function lfilter<X extends SignalInput>(b: ArrayLike<number>, a: ArrayLike<number>, x: X, options?: LfilterOptions): SignalOutput<X> | LfilterResult<SignalOutput<X>> {
  const opts = signalOptions('lfilter', options, ['axis', 'zi']);
  const sig = readSignal('lfilter', x, opts.axis ?? 0);
  const proto = withContext('lfilter', () => createLfilterState(b, a));
  const K = proto.order;
  const zi = opts.zi === undefined ? undefined : readLaneStates(sig, opts.zi, [], K);
  const states: Float64Array[] = [];
  const y = mapLanes<X>(sig, sig.length, (lane, l) => {
    const state = createLfilterState(proto.b, proto.a);
    if (zi !== undefined) setLfilterState(state, zi[l]!);
    const out = new Float64Array(lane.length);
    processLfilter(state, lane, out);
    states.push(lfilterState(state));
    return out;
  });
  if (zi === undefined) return y;
  return namedResult({ y, zf: packLaneStates(sig, states, [], K) }, ['y', 'zf']);
}
