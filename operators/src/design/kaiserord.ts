import { describeValue } from '../internal/chunks.js';
import { namedResult } from '../internal/named-result.js';

/** What {@link kaiserord} returns (SciPy's `(numtaps, beta)`), also iterable as `[numtaps, beta]`. */
export interface KaiserordResult extends Iterable<number> {
  readonly numtaps: number;
  readonly beta: number;
}

function finite(what: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${what}: ${name} must be a finite number, got ${describeValue(v)}`);
  return v;
}

/**
 * The Kaiser window `beta` for a stopband attenuation of `a` dB, as `scipy.signal.kaiser_beta(a)`.
 *
 * @remarks
 * Kaiser's empirical formula: `0.1102 (a - 8.7)` above 50 dB, `0.5842 (a - 21)^0.4 + 0.07886 (a - 21)`
 * from 21 to 50 dB, 0 below.
 *
 * @param a - attenuation in dB (positive)
 * @returns beta
 * @example
 * ```ts
 * import { kaiserBeta } from '@ringflow/operators/signal';
 * kaiserBeta(65); // 6.20426
 * ```
 */
export function kaiserBeta(a: number): number {
  const v = finite('kaiserBeta', 'a', a);
  if (v > 50) return 0.1102 * (v - 8.7);
  if (v > 21) return 0.5842 * (v - 21) ** 0.4 + 0.07886 * (v - 21);
  return 0;
}

/**
 * Attenuation in dB of a Kaiser-window FIR filter, as `scipy.signal.kaiser_atten(numtaps, width)`.
 *
 * @param numtaps - number of taps
 * @param width - transition width, normalised to Nyquist (1 = fs/2)
 * @returns `2.285 (numtaps - 1) pi width + 7.95`
 * @example
 * ```ts
 * import { kaiserAtten } from '@ringflow/operators/signal';
 * kaiserAtten(211, 0.0375); // 64.48
 * ```
 */
export function kaiserAtten(numtaps: number, width: number): number {
  return 2.285 * (finite('kaiserAtten', 'numtaps', numtaps) - 1) * Math.PI * finite('kaiserAtten', 'width', width) + 7.95;
}

/**
 * Kaiser window parameters for a FIR specification, as `scipy.signal.kaiserord(ripple, width)`.
 *
 * @remarks
 * `ripple` is the allowed deviation in dB (positive attenuation, its absolute value is used) in both
 * bands, `width` the transition width normalised to Nyquist. Pass the result to `firwin(numtaps,
 * cutoff, { window: ['kaiser', beta] })`.
 *
 * @param ripple - attenuation in dB (|ripple| >= 8)
 * @param width - transition width, normalised to Nyquist (> 0)
 * @returns `{ numtaps, beta }` (also iterable as `[numtaps, beta]`)
 * @throws RangeError when |ripple| < 8 (outside Kaiser's formula) or width <= 0
 * @example
 * ```ts
 * import { firwin, kaiserord } from '@ringflow/operators/signal';
 * const { numtaps, beta } = kaiserord(65, 24 / (0.5 * 1000));
 * const taps = firwin(numtaps, 175, { window: ['kaiser', beta], fs: 1000 });
 * ```
 */
export function kaiserord(ripple: number, width: number): KaiserordResult {
  const A = Math.abs(finite('kaiserord', 'ripple', ripple));
  const w = finite('kaiserord', 'width', width);
  if (A < 8) throw new RangeError(`kaiserord: requested maximum ripple attenuation ${A} is too small for the Kaiser formula (needs >= 8 dB)`);
  if (!(w > 0)) throw new RangeError(`kaiserord: width must be > 0, got ${w}`);
  const beta = kaiserBeta(A);
  const numtaps = Math.ceil((A - 7.95) / 2.285 / (Math.PI * w) + 1);
  return namedResult({ numtaps, beta }, ['numtaps', 'beta']);
}
