import { describeValue } from '../internal/chunks.js';
import { designIir, type BesselNorm, type IirDesignOptions, type IirOutput, type IirResult } from './iirfilter.js';

/** Options of {@link bessel}: SciPy's `btype`, `analog`, `output`, `norm`, `fs`. */
export interface BesselOptions<O extends IirOutput = 'sos'> extends IirDesignOptions<O> {
  /**
   * Normalisation (default `'phase'`): `'phase'` (phase response midpoint at `Wn`, SciPy's default),
   * `'delay'` (group delay `1 / Wn` in the passband), `'mag'` (`-3 dB` at `Wn`).
   */
  readonly norm?: BesselNorm;
}

/**
 * Designs a Bessel/Thomson filter, as `scipy.signal.bessel(N, Wn, btype, analog, output, norm, fs)`.
 *
 * @remarks
 * Maximally flat group delay. The prototype's poles are the reciprocal zeros of the Bessel
 * polynomial, found as SciPy does (Campos-Calderon initial guesses, Aberth-Ehrlich, Newton) with the
 * closed form of the half-integer Bessel function. Returns SOS unless `output` says otherwise.
 * Digital designs keep the flat delay only well below Nyquist (the bilinear transform warps it).
 * Design-time: allocates.
 *
 * @param N - order
 * @param Wn - critical frequency or `[low, high]` (its meaning depends on `norm`)
 * @param options - `btype`, `analog`, `output` (default `'sos'`), `norm` (default `'phase'`), `fs`
 * @returns SOS rows, `{ b, a }` or `{ z, p, k }`
 * @example
 * ```ts
 * import { bessel } from '@ringflow/operators/signal';
 * const sos = bessel(4, 0.2, { norm: 'mag' });
 * ```
 */
export function bessel<O extends IirOutput = 'sos'>(N: number, Wn: number | ArrayLike<number>, options?: BesselOptions<O>): IirResult<O> {
  const norm = options?.norm ?? 'phase';
  if (norm !== 'phase' && norm !== 'delay' && norm !== 'mag') {
    throw new TypeError(`bessel: norm must be 'phase', 'delay' or 'mag', got ${describeValue(norm)}`);
  }
  return designIir('bessel', 'bessel', N, Wn, { norm }, options, 'lowpass', ['norm']);
}
