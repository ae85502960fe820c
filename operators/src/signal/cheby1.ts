import { designIir, type IirDesignOptions, type IirOutput, type IirResult } from './iirfilter.js';

/** Options of {@link cheby1}: SciPy's `btype`, `analog`, `output`, `fs`. */
export type Cheby1Options<O extends IirOutput = 'sos'> = IirDesignOptions<O>;

/**
 * Designs a Chebyshev type I filter, as `scipy.signal.cheby1(N, rp, Wn, btype, analog, output, fs)`.
 *
 * @remarks
 * Equiripple passband (`rp` dB peak to peak), monotonic stopband; `Wn` is where the gain first drops
 * below `-rp` dB. SciPy's `cheb1ap` prototype and chain. Returns SOS unless `output` says otherwise.
 * Design-time: allocates.
 *
 * @param N - order
 * @param rp - maximum passband ripple in dB (> 0)
 * @param Wn - critical frequency or `[low, high]`
 * @param options - `btype`, `analog`, `output` (default `'sos'`), `fs`
 * @returns SOS rows, `{ b, a }` or `{ z, p, k }`
 * @example
 * ```ts
 * import { cheby1 } from '@ringflow/operators/signal';
 * const sos = cheby1(8, 0.05, 0.2); // scipy.signal.decimate's anti-alias filter for q = 4
 * ```
 */
export function cheby1<O extends IirOutput = 'sos'>(N: number, rp: number, Wn: number | ArrayLike<number>, options?: Cheby1Options<O>): IirResult<O> {
  return designIir('cheby1', 'cheby1', N, Wn, { rp }, options);
}
