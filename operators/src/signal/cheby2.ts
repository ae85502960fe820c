import { designIir, type IirDesignOptions, type IirOutput, type IirResult } from './iirfilter.js';

/** Options of {@link cheby2}: SciPy's `btype`, `analog`, `output`, `fs`. */
export type Cheby2Options<O extends IirOutput = 'sos'> = IirDesignOptions<O>;

/**
 * Designs a Chebyshev type II filter, as `scipy.signal.cheby2(N, rs, Wn, btype, analog, output, fs)`.
 *
 * @remarks
 * Monotonic passband, equiripple stopband at least `rs` dB down; `Wn` is where the gain first
 * reaches `-rs` dB. SciPy's `cheb2ap` prototype and chain. Returns SOS unless `output` says
 * otherwise. Design-time: allocates.
 *
 * @param N - order
 * @param rs - minimum stopband attenuation in dB (> 0)
 * @param Wn - critical frequency or `[low, high]`
 * @param options - `btype`, `analog`, `output` (default `'sos'`), `fs`
 * @returns SOS rows, `{ b, a }` or `{ z, p, k }`
 * @example
 * ```ts
 * import { cheby2 } from '@ringflow/operators/signal';
 * const sos = cheby2(6, 60, [1000, 2000], { btype: 'bandstop', fs: 16000 });
 * ```
 */
export function cheby2<O extends IirOutput = 'sos'>(N: number, rs: number, Wn: number | ArrayLike<number>, options?: Cheby2Options<O>): IirResult<O> {
  return designIir('cheby2', 'cheby2', N, Wn, { rs }, options);
}
