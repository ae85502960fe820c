/**
 * `@ringflow/operators/signal`: scipy.signal's whole-array functions, in camelCase.
 *
 * @remarks
 * `import * as signal from '@ringflow/operators/signal'` reads like `scipy.signal`: SciPy's required
 * parameters stay positional, in SciPy's order; its keyword parameters go in one trailing options
 * object under their SciPy names in camelCase; the defaults are SciPy's. Input of shape
 * `[frames, channels]` is processed along frames (SciPy's `axis=0`). Results are typed arrays, or
 * objects of them; complex results are `{ re, im }` pairs of Float64Arrays. Each function shares its
 * algorithm with the streaming operator of the same name.
 *
 * @packageDocumentation
 * @module @ringflow/operators/signal
 */

// Windows (scipy.signal.get_window and scipy.signal.windows.*)
export {
  getWindow,
  barthann,
  bartlett,
  blackman,
  blackmanharris,
  bohman,
  boxcar,
  chebwin,
  cosine,
  exponential,
  flattop,
  gaussian,
  generalCosine,
  generalGaussian,
  generalHamming,
  hamming,
  hann,
  kaiser,
  kaiserBesselDerived,
  lanczos,
  nuttall,
  parzen,
  taylor,
  triang,
  tukey,
} from '../design/windows.js';
export type {
  ExponentialOptions,
  GetWindowOptions,
  TaylorOptions,
  TukeyOptions,
  WindowName,
  WindowOptions,
  WindowParameter,
  WindowSpec,
} from '../design/windows.js';
export { dpss } from '../design/dpss.js';
export { windows } from './windows.js';
export type { DpssOptions, DpssWithRatios } from '../design/dpss.js';

// Spectral analysis
export { coherence } from './coherence.js';
export type { CoherenceOptions, CoherenceResult } from './coherence.js';
export { csd } from './csd.js';
export type { CsdOptions, CsdResult } from './csd.js';
export { detrend } from './detrend.js';
export type { DetrendOptions } from './detrend.js';
export { fftfreq } from './fftfreq.js';
export { freqz } from './freqz.js';
export type { FreqzOptions, FrequencyResponse } from './freqz.js';
export { groupDelay } from './group-delay.js';
export type { GroupDelayOptions, GroupDelayResult } from './group-delay.js';
export { hilbert } from './hilbert.js';
export type { HilbertOptions } from './hilbert.js';
export { istft } from './istft.js';
export type { IstftOptions, IstftResult } from './istft.js';
export { periodogram } from './periodogram.js';
export type { PeriodogramOptions } from './periodogram.js';
export { rfftfreq } from './rfftfreq.js';
export { sosfreqz } from './sosfreqz.js';
export type { SosfreqzOptions } from './sosfreqz.js';
export { spectrogram } from './spectrogram.js';
export type { SpectrogramMode, SpectrogramOptions, SpectrogramResult } from './spectrogram.js';
export { stft } from './stft.js';
export type { StftOptions, StftResult } from './stft.js';
export { welch } from './welch.js';
export type { WelchOptions, WelchResult } from './welch.js';

// Peak finding
export { findPeaks } from './find-peaks.js';
export type { FindPeaksOptions, FindPeaksResult, PeakBound, PeakCondition, PeakProperties } from './find-peaks.js';
export { peakProminences } from './peak-prominences.js';
export type { PeakProminences, PeakProminencesOptions } from './peak-prominences.js';
export { peakWidths } from './peak-widths.js';
export type { PeakWidths, PeakWidthsOptions, ProminenceData } from './peak-widths.js';

// Result and input types
export type { SpectralOptions, SegmentOptions, SpectralScaling } from '../kernels/spectral-segments.js';
export type { WelchAverage } from '../kernels/welch.js';
export type { AxisOptions, Complex, ComplexArray, ComplexSignalInput, Matrix, NdArray, RealInput, SignalInput } from './types.js';
// Filter design
export { bessel } from './bessel.js';
export type { BesselOptions } from './bessel.js';
export { butter } from './butter.js';
export type { ButterOptions } from './butter.js';
export { buttord } from '../design/buttord.js';
export type { FilterOrderOptions, FilterOrderResult } from '../design/buttord.js';
export { cheb1ord } from '../design/cheb1ord.js';
export { cheb2ord } from '../design/cheb2ord.js';
export { cheby1 } from './cheby1.js';
export type { Cheby1Options } from './cheby1.js';
export { cheby2 } from './cheby2.js';
export type { Cheby2Options } from './cheby2.js';
export { ellip } from './ellip.js';
export type { EllipOptions } from './ellip.js';
export { ellipord } from '../design/ellipord.js';
export { firwin } from './firwin.js';
export type { FirwinOptions } from './firwin.js';
export { iirfilter } from './iirfilter.js';
export type { BandType, BaResult, BesselNorm, IirDesignOptions, IirfilterOptions, IirFtype, IirOutput, IirResult, ZpkResult } from './iirfilter.js';
export { iirnotch } from '../design/iirnotch.js';
export type { IirnotchOptions } from '../design/iirnotch.js';
export { iirpeak } from '../design/iirpeak.js';
export type { IirpeakOptions } from '../design/iirpeak.js';
export { kaiserAtten, kaiserBeta, kaiserord } from '../design/kaiserord.js';
export type { KaiserordResult } from '../design/kaiserord.js';
export { sos2tf } from '../design/sos2tf.js';
export { sos2zpk } from '../design/sos2zpk.js';
export { tf2sos } from '../design/tf2sos.js';
export { tf2zpk } from '../design/tf2zpk.js';
export { zpk2sos } from '../design/zpk2sos.js';
export type { Pairing, Zpk2sosOptions } from '../design/zpk2sos.js';
export { zpk2tf } from '../design/zpk2tf.js';
export type { ComplexInput } from '../design/filter-forms.js';

// Filtering
export { convolve } from './convolve.js';
export type { ConvolveMode, ConvolveOptions } from './convolve.js';
export { decimate } from './decimate.js';
export type { DecimateOptions } from './decimate.js';
export { fftconvolve } from './fftconvolve.js';
export type { FftconvolveOptions } from './fftconvolve.js';
export { filtfilt } from './filtfilt.js';
export type { FiltfiltOptions, Padtype } from './filtfilt.js';
export { lfilter } from './lfilter.js';
export type { LfilterOptions, LfilterResult, SignalInput as FilterSignalInput, SignalOutput } from './lfilter.js';
export { lfilterZi } from '../design/lfilter-zi.js';
export { oaconvolve } from './oaconvolve.js';
export type { OaconvolveOptions } from './oaconvolve.js';
export { resamplePoly } from './resample-poly.js';
export type { ResamplePadtype, ResamplePolyOptions } from './resample-poly.js';
export { sosfilt } from './sosfilt.js';
export type { SosInput, SosfiltOptions, SosfiltResult } from './sosfilt.js';
export { sosfiltfilt } from './sosfiltfilt.js';
export type { SosfiltfiltOptions } from './sosfiltfilt.js';
export { sosfiltZi } from '../design/sosfilt-zi.js';
