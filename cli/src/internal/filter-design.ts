// The IIR filter a command's options ask for (--highpass, --lowpass, --bandpass, --bandstop, with
// --design, --order, --ripple, --attenuation), designed by scipy.signal.iirfilter's port.
import { iirfilter } from '@ringflow/operators/signal';
import { usageError } from './errors.js';

/** The filter options shared by `analyze` and `filter`. */
export interface FilterOptions {
  highpass?: number | undefined;
  lowpass?: number | undefined;
  bandpass?: [number, number] | undefined;
  bandstop?: [number, number] | undefined;
  design: FilterDesign;
  order: number;
  ripple: number;
  attenuation: number;
}

/** IIR families the commands offer. */
export const FILTER_DESIGNS = ['butter', 'cheby1', 'cheby2', 'ellip', 'bessel'] as const;
export type FilterDesign = (typeof FILTER_DESIGNS)[number];

const NAMES: Record<FilterDesign, string> = { butter: 'Butterworth', cheby1: 'Chebyshev I', cheby2: 'Chebyshev II', ellip: 'elliptic', bessel: 'Bessel' };

/** A designed filter: second-order sections and a description for people. */
export interface DesignedFilter {
  readonly sos: number[][];
  readonly description: string;
  readonly type: 'highpass' | 'lowpass' | 'bandpass' | 'bandstop';
  /** Cutoff(s) in Hz. */
  readonly cutoff: number | [number, number];
}

/** Designs the filter the options ask for, or null when they ask for none. */
export function designFilter(call: string, options: FilterOptions, sampleRate: number): DesignedFilter | null {
  const { highpass, lowpass, bandpass, bandstop } = options;
  const given = [bandpass !== undefined, bandstop !== undefined, highpass !== undefined || lowpass !== undefined].filter(Boolean).length;
  if (given > 1) throw usageError(`${call}: choose one of --bandpass, --bandstop, or --highpass/--lowpass`);
  let type: DesignedFilter['type'];
  let cutoff: number | [number, number];
  if (bandpass !== undefined) [type, cutoff] = ['bandpass', bandpass];
  else if (bandstop !== undefined) [type, cutoff] = ['bandstop', bandstop];
  else if (highpass !== undefined && lowpass !== undefined) {
    if (!(highpass < lowpass)) throw usageError(`${call}: --highpass (${highpass} Hz) must be below --lowpass (${lowpass} Hz) for a band-pass`);
    [type, cutoff] = ['bandpass', [highpass, lowpass]];
  } else if (highpass !== undefined) [type, cutoff] = ['highpass', highpass];
  else if (lowpass !== undefined) [type, cutoff] = ['lowpass', lowpass];
  else return null;
  const nyquist = sampleRate / 2;
  for (const f of typeof cutoff === 'number' ? [cutoff] : cutoff) {
    if (!(f < nyquist)) throw usageError(`${call}: a cutoff of ${f} Hz is not below the Nyquist frequency of the input (${nyquist} Hz)`);
  }
  let sos: number[][];
  try {
    sos = iirfilter(options.order, cutoff, { btype: type, fs: sampleRate, ftype: options.design, rp: options.ripple, rs: options.attenuation });
  } catch (error) {
    throw usageError(`${call}: cannot design the filter: ${(error as Error).message}`);
  }
  const edges = typeof cutoff === 'number' ? `${cutoff} Hz` : `${cutoff[0]}-${cutoff[1]} Hz`;
  const extra = options.design === 'cheby1' ? `, ${options.ripple} dB ripple` : options.design === 'cheby2' ? `, ${options.attenuation} dB stop band` : options.design === 'ellip' ? `, ${options.ripple} dB ripple, ${options.attenuation} dB stop band` : '';
  const kind = { highpass: 'high-pass', lowpass: 'low-pass', bandpass: 'band-pass', bandstop: 'band-stop' }[type];
  return { sos, type, cutoff, description: `${NAMES[options.design]} ${kind} ${edges}, order ${options.order}${extra}` };
}
