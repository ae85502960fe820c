/**
 * `@ringflow/io`: files, images and networks for ringflow pipelines: WAV streams, PNG/SVG plots;
 * ZeroMQ edges live in `@ringflow/io/zmq`. Node-side.
 *
 * @packageDocumentation
 * @module @ringflow/io
 */
export { openWav } from './open-wav.js';
export type { OpenWavOptions, WavChunksOptions, WavReader } from './open-wav.js';
export { readWav } from './read-wav.js';
export type { ReadWavOptions, WavData } from './read-wav.js';
export { toWavFile } from './to-wav-file.js';
export type { ToWavFileOptions, WavFileStats } from './to-wav-file.js';
export { WavError } from './wav-error.js';
export type { WavErrorCode } from './wav-error.js';
export type { WavChunkInfo, WavDtype, WavFormatName, WavInfo, WavRawArray, WavSampleArray, WavSampleFormat } from './types.js';
export { spectrogramPlot } from './spectrogram-plot.js';
export type { ColormapName, CommonPlotOptions, SpectrogramPlotOptions } from './spectrogram-plot.js';
export type { Plot, PlotKind, PngOptions } from './plot.js';
export { waveformPlot } from './waveform-plot.js';
export type { WaveformPlotOptions } from './waveform-plot.js';
export { spectrumPlot } from './spectrum-plot.js';
export type { SpectrumMarker, SpectrumPlotOptions } from './spectrum-plot.js';
export { filterResponsePlot } from './filter-response-plot.js';
export type { ComplexArray, FilterResponsePlotOptions } from './filter-response-plot.js';
