import { designIir, type IirDesignOptions, type IirOutput, type IirResult } from './iirfilter.js';

/** Options of {@link ellip}: SciPy's `btype`, `analog`, `output`, `fs`. */
export type EllipOptions<O extends IirOutput = 'sos'> = IirDesignOptions<O>;

/**
 * Designs an elliptic (Cauer) filter, as `scipy.signal.ellip(N, rp, rs, Wn, btype, analog, output, fs)`.
 *
 * @remarks
 * Equiripple passband (`rp` dB) and stopband (`rs` dB down): the steepest transition for an order.
 * SciPy's `ellipap` (Jacobian elliptic functions ported from Cephes, Landen transformations) and
 * chain. Returns SOS unless `output` says otherwise. Design-time: allocates.
 *
 * @param N - order
 * @param rp - maximum passband ripple in dB (> 0)
 * @param rs - minimum stopband attenuation in dB (> 0)
 * @param Wn - critical frequency or `[low, high]`
 * @param options - `btype`, `analog`, `output` (default `'sos'`), `fs`
 * @returns SOS rows, `{ b, a }` or `{ z, p, k }`
 * @example
 * ```ts
 * import { ellip } from '@ringflow/operators/signal';
 * const sos = ellip(5, 0.5, 60, 3000, { fs: 48000 });
 * ```
 */
export function ellip<O extends IirOutput = 'sos'>(N: number, rp: number, rs: number, Wn: number | ArrayLike<number>, options?: EllipOptions<O>): IirResult<O> {
  return designIir('ellip', 'ellip', N, Wn, { rp, rs }, options);
}
