import { buttap, checkOrder, type FilterType, iirDesignSos } from '../internal/iir-design.js';

export type { FilterType } from '../internal/iir-design.js';

/** Options of {@link butter}. */
export interface ButterOptions {
  /** Band type (default `'lowpass'`). Band types need `cutoff = [low, high]`. */
  type?: FilterType;
  /**
   * Sample rate in Hz. When given, `cutoff` is in Hz and must be below `sampleRate / 2`; when omitted,
   * `cutoff` is normalised to Nyquist (`1` = half the sample rate), as in SciPy.
   */
  sampleRate?: number;
}

/**
 * Designs a digital Butterworth filter as second-order sections, like
 * `scipy.signal.butter(order, cutoff, btype=type, fs=sampleRate, output='sos')`.
 *
 * @remarks
 * A port of SciPy's chain: `buttap` -> prewarp -> `lp2lp/lp2hp/lp2bp/lp2bs_zpk` -> `bilinear_zpk` ->
 * `zpk2sos` (pairing `'nearest'`), so the rows match SciPy's row for row (to ~1e-12 for ordinary
 * designs). Band designs have `2 * order` poles. Rows are `[b0, b1, b2, a0, a1, a2]` with `a0 = 1`, ready
 * for `createSosfiltState`. Design-time helper: allocates.
 *
 * @param order - filter order, a positive integer (RangeError otherwise)
 * @param cutoff - critical frequency (lowpass/highpass) or `[low, high]` (bandpass/bandstop), in Hz when
 *   `sampleRate` is given, else relative to Nyquist; each must lie strictly between 0 and Nyquist
 *   (RangeError otherwise)
 * @param options - `type` and `sampleRate`
 * @returns the sections, `number[][]` with 6 coefficients per row
 * @example
 * ```ts
 * import { butter, createSosfiltState, processSosfilt } from '@ringflow/operators';
 * const sos = butter(4, [300, 3400], { type: 'bandpass', sampleRate: 16000 });
 * const state = createSosfiltState(sos);
 * const out = new Float32Array(128);
 * processSosfilt(state, new Float32Array(128), out);
 * ```
 */
export function butter(order: number, cutoff: number | readonly number[], options?: ButterOptions): number[][] {
  checkOrder(order);
  return iirDesignSos(buttap(order), cutoff, options?.type, options?.sampleRate);
}
