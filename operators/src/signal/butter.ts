import { designIir, type IirDesignOptions, type IirOutput, type IirResult } from './iirfilter.js';

/** Options of {@link butter}: SciPy's `btype`, `analog`, `output`, `fs`. */
export type ButterOptions<O extends IirOutput = 'sos'> = IirDesignOptions<O>;

/**
 * Designs a Butterworth filter, as `scipy.signal.butter(N, Wn, btype, analog, output, fs)`.
 *
 * @remarks
 * Maximally flat passband; `-3 dB` at `Wn`. SciPy's chain (`buttap`, prewarp, `lp2*_zpk`,
 * `bilinear_zpk`, `zpk2sos` with `'nearest'` pairing), so the numbers match SciPy's row for row
 * (see the tolerance table in the package README). Returns second-order sections unless `output`
 * says otherwise (SciPy's default is `'ba'`; SOS is the accurate form). Design-time: allocates.
 *
 * @param N - order, a whole number from 0 to 1000 (band filters get order 2N)
 * @param Wn - cutoff or `[low, high]`: normalised to Nyquist (0..1), in Hz with `fs`, rad/s when analog
 * @param options - `btype` (default `'lowpass'`), `analog`, `output` (default `'sos'`), `fs`
 * @returns SOS rows, `{ b, a }` or `{ z, p, k }` per `output`
 * @throws TypeError/RangeError (naming `butter`) for a bad order, frequency or option
 * @example
 * ```ts
 * import { butter, sosfiltfilt } from '@ringflow/operators/signal';
 * const sos = butter(4, 100, { btype: 'highpass', fs: 48000 });
 * const y = sosfiltfilt(sos, new Float64Array(4800));
 * const { b, a } = butter(2, 0.25, { output: 'ba' });
 * ```
 */
export function butter<O extends IirOutput = 'sos'>(N: number, Wn: number | ArrayLike<number>, options?: ButterOptions<O>): IirResult<O> {
  return designIir('butter', 'butter', N, Wn, {}, options);
}
