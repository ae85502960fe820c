// The spectrogram PNG of `ringflow analyze`: one io spectrogram plot per channel, stacked top to
// bottom in one image (fast-png decodes each plot's PNG and encodes the stack).
import { decode, encode } from 'fast-png';
import { spectrogramPlot } from '@ringflow/io';
import type { SpectrumAccumulator } from './spectra.js';

/** Options of {@link spectrogramPng}. */
export interface SpectrogramImageOptions {
  readonly sampleRate: number;
  readonly fftSize: number;
  readonly hop: number;
  /** Sum of the analysis window (Hann: N / 2): a full-scale sine's peak bin reads 0 dBFS. */
  readonly windowSum: number;
  /** Names of the channels (`left`, `right`, `channel 3`). */
  readonly channelNames: readonly string[];
  readonly title: string;
  /** Width of the image in pixels. */
  readonly width?: number;
}

/** Height of one channel's plot. */
const CHANNEL_HEIGHT = 320;
/** At most this many channels are drawn (the report covers every channel). */
export const MAX_DRAWN_CHANNELS = 8;

/** Renders the pooled spectrogram of every channel (up to {@link MAX_DRAWN_CHANNELS}) as one PNG. */
export function spectrogramPng(spectra: SpectrumAccumulator, options: SpectrogramImageOptions): { png: Uint8Array; width: number; height: number } {
  const scale = 4 / (options.windowSum * options.windowSum);
  const drawn = Math.min(spectra.channels, MAX_DRAWN_CHANNELS);
  const images = [];
  for (let c = 0; c < drawn; c++) {
    let columns = spectra.columns(c).map((column) => Float32Array.from(column, (p) => 10 * Math.log10(p * scale + 1e-20)));
    if (columns.length === 0) columns = [new Float32Array(spectra.rows).fill(-200)];
    const plot = spectrogramPlot(columns, {
      sampleRate: options.sampleRate,
      hop: options.hop * spectra.pool,
      fftSize: options.fftSize / spectra.rowPool,
      range: [-120, 0],
      colorbarLabel: 'Level (dBFS)',
      width: options.width ?? 1000,
      height: CHANNEL_HEIGHT,
      title: spectra.channels === 1 ? options.title : `${options.title}: ${options.channelNames[c]}`,
    });
    images.push(decode(plot.toPNG()));
  }
  const width = images[0]!.width;
  const height = images.reduce((sum, image) => sum + image.height, 0);
  const channels = images[0]!.channels;
  const data = new Uint8Array(width * height * channels);
  let row = 0;
  for (const image of images) {
    if (image.width !== width || image.channels !== channels || image.depth !== 8) throw new Error('spectrogramPng: the channel plots differ in size or pixel format');
    data.set(image.data as Uint8Array, row * width * channels);
    row += image.height;
  }
  return { png: encode({ width, height, data, channels, depth: 8 }), width, height };
}

/** Names for `channels` channels: left/right for stereo, else `channel N`. */
export function channelNames(channels: number): string[] {
  if (channels === 1) return ['mono'];
  if (channels === 2) return ['left', 'right'];
  return Array.from({ length: channels }, (_, c) => `channel ${c + 1}`);
}
