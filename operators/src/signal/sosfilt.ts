import { createSosfiltState, processSosfilt, setSosfiltState, sosfiltState } from '../kernels/sosfilt.js';
import { withContext } from '../internal/float-chunks.js';
import { namedResult } from '../internal/named-result.js';
import { signalOptions } from '../internal/options.js';
import { mapLanes, packLaneStates, readLaneStates, readSignal, type SignalInput, type SignalOutput } from '../internal/signal-array.js';
import type { SosInput } from '../internal/sos-input.js';

export type { SosInput } from '../internal/sos-input.js';

/** Options of {@link sosfilt}. */
export interface SosfiltOptions {
  /** Axis to filter along (default 0: along frames for `[frames, channels]` input). */
  readonly axis?: number;
  /**
   * Initial state in SciPy's shape `[n_sections, ...x.shape with the axis replaced by 2]`: `[n, 2]`
   * for 1-D input, `[n, 2, channels]` for `[frames, channels]` along frames. Given, the result is
   * `{ y, zf }`.
   */
  readonly zi?: unknown;
}

/** What {@link sosfilt} returns when given `zi` (also iterable as `[y, zf]`). */
export interface SosfiltResult<Y> extends Iterable<Y | unknown[]> {
  readonly y: Y;
  /** The final state, same shape as `zi` (nested arrays). */
  readonly zf: unknown[];
}

/**
 * Filters data through cascaded second-order sections, as `scipy.signal.sosfilt(sos, x, axis, zi)`.
 *
 * @remarks
 * The kernel of the streaming `sosfilt` operator: transposed direct form II per section, in
 * float64, SciPy's operation order. Rows with `a0 != 1` are normalised (SciPy rejects them).
 * Input: 1-D, or `[frames, channels]` filtered along `axis` (default frames). Output: same layout,
 * float32 kept for float32 input. With `zi` the result is `{ y, zf }`.
 *
 * @param sos - sections (rows `[b0, b1, b2, a0, a1, a2]`, flat, or an `[n, 6]` ndarray)
 * @param x - the signal
 * @param options - `axis` (default 0), `zi`
 * @returns `y`, or `{ y, zf }` when `zi` is given
 * @throws TypeError/RangeError (naming `sosfilt`) for malformed sections, input or state
 * @example
 * ```ts
 * import { butter, sosfilt } from '@ringflow/operators/signal';
 * const stereo = { data: new Float32Array(2000), shape: [1000, 2] as [number, number], stride: [2, 1] as [number, number], offset: 0 };
 * const y = sosfilt(butter(6, 0.1), stereo); // [1000, 2], each channel filtered
 * ```
 */
export function sosfilt<X extends SignalInput>(sos: SosInput, x: X, options?: SosfiltOptions & { readonly zi?: undefined }): SignalOutput<X>;
export function sosfilt<X extends SignalInput>(sos: SosInput, x: X, options: SosfiltOptions & { readonly zi: unknown }): SosfiltResult<SignalOutput<X>>;
export function sosfilt<X extends SignalInput>(sos: SosInput, x: X, options?: SosfiltOptions): SignalOutput<X> | SosfiltResult<SignalOutput<X>> {
  const opts = signalOptions('sosfilt', options, ['axis', 'zi']);
  const proto = withContext('sosfilt', () => createSosfiltState(sos));
  const sig = readSignal('sosfilt', x, opts.axis ?? 0);
  const S = proto.sections;
  const zi = opts.zi === undefined ? undefined : readLaneStates(sig, opts.zi, [S], 2);
  const states: Float64Array[] = [];
  const y = mapLanes<X>(sig, sig.length, (lane, l) => {
    const state = createSosfiltState(proto.coefficients);
    if (zi !== undefined) setSosfiltState(state, zi[l]!);
    const out = new Float64Array(lane.length);
    processSosfilt(state, lane, out);
    states.push(sosfiltState(state));
    return out;
  });
  if (zi === undefined) return y;
  return namedResult({ y, zf: packLaneStates(sig, states, [S], 2) as unknown[] }, ['y', 'zf']);
}
