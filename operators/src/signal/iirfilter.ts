import { baResult, zpk2tfParts, zpkResult, type BaResult, type ZpkResult } from '../design/filter-forms.js';
import { zpk2sosRows } from '../design/zpk2sos.js';
import type { BesselNorm } from '../internal/analog-prototypes.js';
import { describeValue } from '../internal/chunks.js';
import { bandType, checkOrder, criticalFrequencies, iirZpk, sampleRateOption, type BandType, type IirFamily } from '../internal/iir-design.js';
import { booleanOption, signalOptions } from '../internal/options.js';

export type { BandType } from '../internal/iir-design.js';
export type { BesselNorm } from '../internal/analog-prototypes.js';
export type { BaResult, ZpkResult } from '../design/filter-forms.js';

/** Output form of the IIR design functions: second-order sections (default), `(b, a)` or `(z, p, k)`. */
export type IirOutput = 'sos' | 'ba' | 'zpk';

/** The result type for an {@link IirOutput}: SOS rows, {@link BaResult} or {@link ZpkResult}. */
export type IirResult<O extends IirOutput> = O extends 'ba' ? BaResult : O extends 'zpk' ? ZpkResult : number[][];

/** Options every IIR design function takes (SciPy's keyword arguments). */
export interface IirDesignOptions<O extends IirOutput = 'sos'> {
  /** Band type (default `'lowpass'`; `iirfilter`: `'bandpass'`), SciPy's aliases (`'low'`, `'bp'`, ...) accepted. */
  readonly btype?: BandType;
  /** Analog filter (critical frequencies in rad/s, result in s-domain) instead of digital (default `false`). */
  readonly analog?: boolean;
  /** `'sos'` (default), `'ba'` or `'zpk'`. */
  readonly output?: O;
  /** Sample rate in Hz: critical frequencies are then in Hz (digital only); default: normalised to Nyquist. */
  readonly fs?: number;
}

/** The IIR families of {@link iirfilter}: SciPy's `ftype` names. */
export type IirFtype = IirFamily | 'butterworth' | 'cauer' | 'elliptic' | 'chebyshev1' | 'chebyshevi' | 'chebyshev2' | 'chebyshevii' | 'bessel_phase' | 'bessel_delay' | 'bessel_mag';

/** Options of {@link iirfilter}. */
export interface IirfilterOptions<O extends IirOutput = 'sos'> extends IirDesignOptions<O> {
  /** Passband ripple in dB (cheby1, ellip). */
  readonly rp?: number;
  /** Stopband attenuation in dB (cheby2, ellip). */
  readonly rs?: number;
  /** Family (default `'butter'`). */
  readonly ftype?: IirFtype;
}

const FTYPES: Readonly<Record<string, [IirFamily, BesselNorm?]>> = {
  butter: ['butter'],
  butterworth: ['butter'],
  cauer: ['ellip'],
  elliptic: ['ellip'],
  ellip: ['ellip'],
  bessel: ['bessel', 'phase'],
  bessel_phase: ['bessel', 'phase'],
  bessel_delay: ['bessel', 'delay'],
  bessel_mag: ['bessel', 'mag'],
  cheby1: ['cheby1'],
  chebyshev1: ['cheby1'],
  chebyshevi: ['cheby1'],
  cheby2: ['cheby2'],
  chebyshev2: ['cheby2'],
  chebyshevii: ['cheby2'],
};

const DESIGN_KEYS = ['btype', 'analog', 'output', 'fs'] as const;

/**
 * The shared body of the design functions: validates and designs, returns the requested form.
 * `extra` carries the family's own parameters (ripple, attenuation, Bessel norm).
 */
export function designIir<O extends IirOutput>(
  what: string,
  family: IirFamily,
  order: unknown,
  wn: unknown,
  extra: { rp?: number | undefined; rs?: number | undefined; norm?: BesselNorm | undefined },
  options: IirDesignOptions<O> | undefined,
  defaultBtype: BandType = 'lowpass',
  extraKeys: readonly string[] = [],
): IirResult<O> {
  const opts = signalOptions(what, options, [...DESIGN_KEYS, ...extraKeys]);
  checkOrder(order, 0, what);
  const btype = bandType(what, opts.btype ?? defaultBtype);
  const analog = booleanOption(what, 'analog', opts.analog, false);
  const fs = sampleRateOption(what, opts.fs);
  const output = opts.output ?? 'sos';
  if (output !== 'sos' && output !== 'ba' && output !== 'zpk') {
    throw new TypeError(`${what}: output must be 'sos', 'ba' or 'zpk', got ${describeValue(output)}`);
  }
  const freqs = criticalFrequencies(what, wn, btype, analog, fs);
  const zpk = iirZpk(what, { family, order, wn: freqs, btype, analog, fs, ...extra });
  if (output === 'zpk') return zpkResult(zpk.z, zpk.p, zpk.k) as IirResult<O>;
  if (output === 'ba') {
    const { b, a } = zpk2tfParts(what, zpk.z, zpk.p, zpk.k);
    return baResult(b, a) as IirResult<O>;
  }
  return zpk2sosRows(zpk.z, zpk.p, zpk.k, analog ? 'minimal' : 'nearest', analog) as IirResult<O>;
}

/**
 * Designs an IIR filter of any of the classic families, as `scipy.signal.iirfilter(N, Wn, rp, rs,
 * btype, analog, ftype, output, fs)`.
 *
 * @remarks
 * SciPy's chain: the analog prototype of `ftype` (`'butter'`, `'cheby1'`, `'cheby2'`, `'ellip'`,
 * `'bessel'`, and SciPy's aliases), then the frequency transformation to `btype` (prewarped for
 * digital filters), then the bilinear transform (digital), then the output form. Defaults follow
 * SciPy (`btype: 'bandpass'`, `ftype: 'butter'`) except the output, which is second-order sections
 * unless `output` says otherwise (SOS rows filter accurately at any order; `(b, a)` polynomials
 * lose precision beyond order ~8). Design-time helper: allocates.
 *
 * @param N - order (for band filters the result has order 2N)
 * @param Wn - critical frequency or `[low, high]`: normalised to Nyquist, in Hz with `fs`, in rad/s when analog
 * @param options - `rp`, `rs`, `btype`, `analog`, `ftype`, `output`, `fs`
 * @returns SOS rows, `{ b, a }` or `{ z, p, k }` per `output`
 * @throws TypeError/RangeError (naming `iirfilter`) for a bad order, frequency or option
 * @example
 * ```ts
 * import { iirfilter } from '@ringflow/operators/signal';
 * const sos = iirfilter(4, [300, 3400], { rs: 60, ftype: 'cheby2', fs: 16000 });
 * ```
 */
export function iirfilter<O extends IirOutput = 'sos'>(N: number, Wn: number | ArrayLike<number>, options?: IirfilterOptions<O>): IirResult<O> {
  const ftype = options?.ftype ?? 'butter';
  const entry = typeof ftype === 'string' ? FTYPES[ftype.toLowerCase()] : undefined;
  if (entry === undefined) throw new TypeError(`iirfilter: ftype must be one of ${Object.keys(FTYPES).join(', ')}, got ${describeValue(ftype)}`);
  const [family, norm] = entry;
  const { rp, rs } = options ?? {};
  if (family === 'cheby1' && rp === undefined) throw new TypeError('iirfilter: passband ripple (rp) must be provided to design a Chebyshev I filter');
  if (family === 'cheby2' && rs === undefined) throw new TypeError('iirfilter: stopband attenuation (rs) must be provided to design a Chebyshev II filter');
  if (family === 'ellip' && (rs === undefined || rp === undefined)) throw new TypeError('iirfilter: both rp and rs must be provided to design an elliptic filter');
  return designIir('iirfilter', family, N, Wn, { rp, rs, norm }, options, 'bandpass', ['rp', 'rs', 'ftype']);
}
