/**
 * `@ringflow/operators`: RxJS operators over chunks of typed samples: ring bridges, shaping,
 * sources and streaming DSP that matches SciPy. The kernels behind them are also exported (and
 * available without RxJS from `@ringflow/operators/kernels`).
 *
 * @packageDocumentation
 * @module @ringflow/operators
 */

// Operators and sources
export { batch } from './batch.js';
export type { BatchOptions } from './batch.js';
export { biquad } from './biquad.js';
export type { BiquadFilterOptions } from './biquad.js';
export { chirp } from './chirp.js';
export type { ChirpMethod, ChirpOptions } from './chirp.js';
export { collect } from './collect.js';
export { concatenateChunks } from './concatenate-chunks.js';
export { decimate } from './decimate.js';
export type { DecimateOperatorOptions } from './decimate.js';
export { deinterleave } from './deinterleave.js';
export { fft } from './fft.js';
export type { FftOptions } from './fft.js';
export { fir } from './fir.js';
export type { FirOptions } from './fir.js';
export { fromFloat32 } from './from-float32.js';
export type { FromFloat32Options, PcmOf } from './from-float32.js';
export { fromRing } from './from-ring.js';
export type { FromRingOptions, FromRingChunk } from './from-ring.js';
export { fromSamples } from './from-samples.js';
export type { FromSamplesOptions, FromSamplesChunk } from './from-samples.js';
export { gain } from './gain.js';
export type { GainOptions } from './gain.js';
export { ifft } from './ifft.js';
export type { IfftOptions } from './ifft.js';
export { interleave } from './interleave.js';
export { lfilter } from './lfilter.js';
export type { LfilterCoefficients, LfilterOperatorOptions } from './lfilter.js';
export { istft } from './istft.js';
export type { IstftOperatorOptions } from './istft.js';
export { magnitude } from './magnitude.js';
export type { MagnitudeOperatorOptions } from './magnitude.js';
export { mix } from './mix.js';
export { noise } from './noise.js';
export type { NoiseOptions } from './noise.js';
export { oscillator } from './oscillator.js';
export type { OscillatorType, OscillatorOptions } from './oscillator.js';
export { peak } from './peak.js';
export type { PeakOptions } from './peak.js';
export { resample } from './resample.js';
export type { ResampleOperatorOptions } from './resample.js';
export { rms } from './rms.js';
export type { RmsOptions } from './rms.js';
export { slidingWindow } from './sliding-window.js';
export type { SlidingWindowOptions } from './sliding-window.js';
export { sosfilt } from './sosfilt.js';
export type { InitialState, Sos, SosfiltOptions } from './sosfilt.js';
export { stft } from './stft.js';
export type { StftOperatorOptions } from './stft.js';
export { toDecibels } from './to-decibels.js';
export type { ToDecibelsOperatorOptions } from './to-decibels.js';
export { toFloat32 } from './to-float32.js';
export type { Float32Of } from './to-float32.js';
export { toRing } from './to-ring.js';
export type { OverflowPolicy, ToRingStats, ToRingOptions, ToRingOperator } from './to-ring.js';
export { welch } from './welch.js';
export type { ChannelSpectra, PsdOf, WelchEstimate, WelchOperatorOptions } from './welch.js';
export type { SourceFormat, SourceArray } from './internal/chunks.js';
export type { MeterOptions, MeterArray, MeterOutput } from './internal/meter.js';
export type { SpectrumOf } from './types.js';
export type { DspOperatorOptions, NanPolicy, LiveParameter } from './internal/float-chunks.js';

// Design helpers and kernels
export { biquadCoefficients } from './design/biquad-coefficients.js';
export type { BiquadType, BiquadOptions } from './design/biquad-coefficients.js';
export { butter } from './design/butter.js';
export type { ButterOptions, FilterType } from './design/butter.js';
export { cheby1 } from './design/cheby1.js';
export type { Cheby1Options } from './design/cheby1.js';
export { firwin } from './design/firwin.js';
export type { PassZero, FirwinOptions } from './design/firwin.js';
export { generalCosine, hann, hamming, blackman, blackmanharris, nuttall, flattop, bartlett, triang, cosine, kaiser, boxcar, getWindow } from './design/windows.js';
export type { WindowName, WindowOptions, WindowSpec } from './design/windows.js';
export { zpk2sos } from './design/zpk2sos.js';
export type { Pairing, Zpk2sosOptions } from './design/zpk2sos.js';
export { createDecimateState, decimateOutputLength, processDecimate, resetDecimate } from './kernels/decimate.js';
export type { DecimateOptions, DecimateState } from './kernels/decimate.js';
export { createFftPlan, createComplexFftPlan, rfft, irfft, complexFft, complexIfft } from './kernels/fft.js';
export type { FloatArray, FftPlan, ComplexFftPlan } from './kernels/fft.js';
export { createFirState, processFir, resetFir, setFirTaps } from './kernels/fir.js';
export type { FirMethod, FirState, FirStateOptions } from './kernels/fir.js';
export { createLfilterState, lfilterState, primeLfilter, processLfilter, resetLfilter, setLfilterCoefficients, setLfilterState } from './kernels/lfilter.js';
export type { LfilterState, LfilterStateOptions } from './kernels/lfilter.js';
export { bestFftSize, chooseConvolution, convolveBlock, createOverlapSaveBlock, setBlockTaps } from './kernels/overlap-save.js';
export type { OverlapSaveBlock } from './kernels/overlap-save.js';
export { createPartitionedConvolution, partitionedCost, setPartitionedTaps } from './kernels/partitioned-convolution.js';
export type { PartitionedConvolution } from './kernels/partitioned-convolution.js';
export { createIstftState, processIstft, flushIstft, resetIstft } from './kernels/istft.js';
export type { IstftOptions, IstftState } from './kernels/istft.js';
export { processMagnitude } from './kernels/magnitude.js';
export type { MagnitudeOptions } from './kernels/magnitude.js';
export { createTpdfDither, floatToPcm, pcmToFloat } from './kernels/pcm.js';
export type { FloatToPcmOptions, PcmArray, PcmArrayOf, PcmFormat, TpdfDither } from './kernels/pcm.js';
export { createResampleState, resampleOutputLength, resampleFlushLength, processResample, flushResample, resetResample } from './kernels/resample.js';
export type { ResampleOptions, ResampleState } from './kernels/resample.js';
export { createSosfiltState, primeSosfilt, processSosfilt, resetSosfilt, setSosfiltCoefficients, setSosfiltState, sosfiltState } from './kernels/sosfilt.js';
export type { SosInput, SosfiltState, SosfiltStateOptions } from './kernels/sosfilt.js';
export { createStftState, processStft } from './kernels/stft.js';
export type { StftScaling, StftOptions, StftState } from './kernels/stft.js';
export { processToDecibels } from './kernels/to-decibels.js';
export type { ToDecibelsOptions } from './kernels/to-decibels.js';
export { addWelchSegment, createWelchState, resetWelch, welchEstimate } from './kernels/welch.js';
export type { WelchAverage, WelchKernelOptions, WelchState } from './kernels/welch.js';
export type { DetrendType } from './kernels/detrend.js';
export type { SpectralScaling } from './kernels/spectral-segments.js';
