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
