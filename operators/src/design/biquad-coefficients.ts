/** Filter shapes of {@link biquad} (RBJ Audio EQ Cookbook). */
export type BiquadType =
  | 'lowpass'
  | 'highpass'
  | 'bandpass'
  | 'notch'
  | 'allpass'
  | 'peaking'
  | 'lowshelf'
  | 'highshelf';

/** Parameters of {@link biquad}. */
export interface BiquadOptions {
  /** Filter shape. */
  type: BiquadType;
  /** Centre / corner frequency in Hz, strictly between 0 and `sampleRate / 2`. */
  frequency: number;
  /** Sample rate in Hz. */
  sampleRate: number;
  /** Quality factor (> 0; default `Math.SQRT1_2`, which makes lowpass/highpass Butterworth). */
  q?: number;
  /** Gain in dB for `'peaking'`, `'lowshelf'`, `'highshelf'` (default 0; ignored by the other shapes). */
  gain?: number;
}

const TYPES: readonly BiquadType[] = ['lowpass', 'highpass', 'bandpass', 'notch', 'allpass', 'peaking', 'lowshelf', 'highshelf'];

/**
 * Computes one second-order section from the RBJ Audio EQ Cookbook formulas.
 *
 * @remarks
 * Returns `[b0, b1, b2, 1, a1, a2]` (normalised by `a0`), ready for `createSosfiltState([row])` or for
 * `setSosfiltCoefficients` when a parameter changes live. `'bandpass'` has a 0 dB peak; shelves use
 * `q` as the cookbook's Q (`alpha = sin(w0) / (2 q)`, shelf slope term `2 sqrt(A) alpha`). With
 * `q = 1/sqrt(2)`, `'lowpass'`/`'highpass'` equal `butter(2, frequency, { sampleRate })` (both are the
 * prewarped bilinear transform). Design-time helper: allocates the returned array.
 *
 * @param options - `type`, `frequency` (Hz), `sampleRate` (Hz), `q`, `gain` (dB)
 * @returns the section `[b0, b1, b2, a0 = 1, a1, a2]`
 * @throws TypeError for an unknown type or non-finite numbers; RangeError for `frequency` outside
 *   (0, sampleRate/2), `q <= 0` or `sampleRate <= 0`
 * @example
 * ```ts
 * import { biquadCoefficients, createSosfiltState } from '@ringflow/operators';
 * const row = biquadCoefficients({ type: 'peaking', frequency: 1000, q: 2, gain: 6, sampleRate: 48000 });
 * const state = createSosfiltState([row]);
 * ```
 */
export function biquadCoefficients(options: BiquadOptions): number[] {
  const { type, frequency, sampleRate } = options;
  const q = options.q ?? Math.SQRT1_2;
  const gain = options.gain ?? 0;
  if (!TYPES.includes(type)) throw new TypeError(`type must be one of ${TYPES.join(', ')}, got ${String(type)}`);
  for (const [name, v] of [['frequency', frequency], ['sampleRate', sampleRate], ['q', q], ['gain', gain]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${name} must be a finite number, got ${String(v)}`);
  }
  if (!(sampleRate > 0)) throw new RangeError(`sampleRate must be > 0 Hz, got ${sampleRate}`);
  if (!(frequency > 0 && frequency < sampleRate / 2)) {
    throw new RangeError(`frequency must be > 0 and < sampleRate/2 (${sampleRate / 2} Hz), got ${frequency}`);
  }
  if (!(q > 0)) throw new RangeError(`q must be > 0, got ${q}`);
  const A = 10 ** (gain / 40);
  const w0 = (2 * Math.PI * frequency) / sampleRate;
  const cw = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  let b0: number, b1: number, b2: number, a0: number, a1: number, a2: number;
  switch (type) {
    case 'lowpass':
      [b0, b1, b2, a0, a1, a2] = [(1 - cw) / 2, 1 - cw, (1 - cw) / 2, 1 + alpha, -2 * cw, 1 - alpha];
      break;
    case 'highpass':
      [b0, b1, b2, a0, a1, a2] = [(1 + cw) / 2, -(1 + cw), (1 + cw) / 2, 1 + alpha, -2 * cw, 1 - alpha];
      break;
    case 'bandpass':
      [b0, b1, b2, a0, a1, a2] = [alpha, 0, -alpha, 1 + alpha, -2 * cw, 1 - alpha];
      break;
    case 'notch':
      [b0, b1, b2, a0, a1, a2] = [1, -2 * cw, 1, 1 + alpha, -2 * cw, 1 - alpha];
      break;
    case 'allpass':
      [b0, b1, b2, a0, a1, a2] = [1 - alpha, -2 * cw, 1 + alpha, 1 + alpha, -2 * cw, 1 - alpha];
      break;
    case 'peaking':
      [b0, b1, b2, a0, a1, a2] = [1 + alpha * A, -2 * cw, 1 - alpha * A, 1 + alpha / A, -2 * cw, 1 - alpha / A];
      break;
    case 'lowshelf': {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 - (A - 1) * cw + s);
      b1 = 2 * A * (A - 1 - (A + 1) * cw);
      b2 = A * (A + 1 - (A - 1) * cw - s);
      a0 = A + 1 + (A - 1) * cw + s;
      a1 = -2 * (A - 1 + (A + 1) * cw);
      a2 = A + 1 + (A - 1) * cw - s;
      break;
    }
    case 'highshelf': {
      const s = 2 * Math.sqrt(A) * alpha;
      b0 = A * (A + 1 + (A - 1) * cw + s);
      b1 = -2 * A * (A - 1 + (A + 1) * cw);
      b2 = A * (A + 1 + (A - 1) * cw - s);
      a0 = A + 1 - (A - 1) * cw + s;
      a1 = 2 * (A - 1 - (A + 1) * cw);
      a2 = A + 1 - (A - 1) * cw - s;
      break;
    }
  }
  return [b0 / a0, b1 / a0, b2 / a0, 1, a1 / a0, a2 / a0];
}
