/**
 * `@ringflow/operators/kernels`: the pure DSP kernels and design helpers, without RxJS.
 *
 * @remarks
 * Everything here is plain TypeScript over typed arrays: usable in an AudioWorklet's `process()`
 * (the `process*` functions allocate nothing) or in a hand-written loop. The operators in the main
 * entry are thin wrappers over these kernels.
 *
 * @packageDocumentation
 * @module @ringflow/operators/kernels
 */
export { biquadCoefficients } from '../design/biquad-coefficients.js';
export type { BiquadType, BiquadOptions } from '../design/biquad-coefficients.js';
export { butter } from '../design/butter.js';
export type { ButterOptions, FilterType } from '../design/butter.js';
export { cheby1 } from '../design/cheby1.js';
export type { Cheby1Options } from '../design/cheby1.js';
export { firwin } from '../design/firwin.js';
export type { PassZero, FirwinOptions } from '../design/firwin.js';
export { generalCosine, hann, hamming, blackman, blackmanharris, nuttall, flattop, bartlett, triang, cosine, kaiser, boxcar, getWindow } from '../design/windows.js';
export type { WindowName, WindowOptions, WindowSpec } from '../design/windows.js';
export { zpk2sos } from '../design/zpk2sos.js';
export type { Pairing, Zpk2sosOptions } from '../design/zpk2sos.js';
export { createDecimateState, decimateOutputLength, processDecimate, resetDecimate } from './decimate.js';
export type { DecimateOptions, DecimateState } from './decimate.js';
export { createFftPlan, createComplexFftPlan, rfft, irfft, complexFft, complexIfft } from './fft.js';
export type { FloatArray, FftPlan, ComplexFftPlan } from './fft.js';
export { createFirState, processFir, resetFir, setFirTaps } from './fir.js';
export type { FirMethod, FirState, FirStateOptions } from './fir.js';
export { createLfilterState, lfilterState, primeLfilter, processLfilter, resetLfilter, setLfilterCoefficients, setLfilterState } from './lfilter.js';
export type { LfilterState, LfilterStateOptions } from './lfilter.js';
export { bestFftSize, chooseConvolution, convolveBlock, createOverlapSaveBlock, setBlockTaps } from './overlap-save.js';
export type { OverlapSaveBlock } from './overlap-save.js';
export { createPartitionedConvolution, partitionedCost, setPartitionedTaps } from './partitioned-convolution.js';
export type { PartitionedConvolution } from './partitioned-convolution.js';
export { createIstftState, processIstft, flushIstft, resetIstft } from './istft.js';
export type { IstftOptions, IstftState } from './istft.js';
export { processMagnitude } from './magnitude.js';
export type { MagnitudeOptions } from './magnitude.js';
export { createTpdfDither, floatToPcm, pcmToFloat } from './pcm.js';
export { toFloat32 } from '../to-float32.js';
export type { Float32Of } from '../to-float32.js';
export { fromFloat32 } from '../from-float32.js';
export type { FromFloat32Options, PcmOf } from '../from-float32.js';
export type { FloatToPcmOptions, PcmArray, PcmArrayOf, PcmFormat, TpdfDither } from './pcm.js';
export { createResampleState, resampleOutputLength, resampleFlushLength, processResample, flushResample, resetResample } from './resample.js';
export type { ResampleOptions, ResampleState } from './resample.js';
export { createSosfiltState, primeSosfilt, processSosfilt, resetSosfilt, setSosfiltCoefficients, setSosfiltState, sosfiltState } from './sosfilt.js';
export type { SosInput, SosfiltState, SosfiltStateOptions } from './sosfilt.js';
export { createStftState, processStft } from './stft.js';
export type { StftScaling, StftOptions, StftState } from './stft.js';
export { processToDecibels } from './to-decibels.js';
export type { ToDecibelsOptions } from './to-decibels.js';
export { addWelchSegment, createWelchState, resetWelch, welchEstimate } from './welch.js';
export type { WelchAverage, WelchKernelOptions, WelchState } from './welch.js';
export type { DetrendType } from './detrend.js';
export type { SpectralScaling } from './spectral-segments.js';
