// The spectrogram PNG of `ringflow analyze`: one io spectrogram plot per channel, stacked top to
// bottom in one image (each plot's pixels, encoded once by fast-png).
import { encode } from 'fast-png';
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
  const images: { width: number; height: number; rgb: Uint8Array }[] = [];
  for (let c = 0; c < drawn; c++) {
    const columns = spectra.columns(c).map((column) => {
      const levels = new Float32Array(column.length);
      for (let r = 0; r < column.length; r++) levels[r] = 10 * Math.log10(column[r]! * scale + 1e-20);
      return levels;
    });
    if (columns.length === 0) columns.push(new Float32Array(spectra.rows).fill(-200));
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
    images.push(plot.toRGB());
  }
  const width = images[0]!.width;
  const height = images.reduce((sum, image) => sum + image.height, 0);
  const data = new Uint8Array(width * height * 3);
  let offset = 0;
  for (const image of images) {
    data.set(image.rgb, offset);
    offset += image.rgb.length;
  }
  return { png: encode({ width, height, data, channels: 3, depth: 8 }, { zlib: { level: 6 } }), width, height };
}

/** Names for `channels` channels: left/right for stereo, else `channel N`. */
export function channelNames(channels: number): string[] {
  if (channels === 1) return ['mono'];
  if (channels === 2) return ['left', 'right'];
  return Array.from({ length: channels }, (_, c) => `channel ${c + 1}`);
}
