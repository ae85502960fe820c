import { isMultichannel, type Chunk, type NumericArray } from '@ringflow/core';
import { BACKGROUND, drawAxes, drawTitle, INK, linearScale, plotArea, SERIES_COLORS } from './internal/axes.js';
import { isNumberArray, positive, range, resolveCommon, type CommonPlotOptions } from './internal/plot-options.js';
import type { Rect, SceneItem } from './internal/scene.js';
import { makePlot, type Plot } from './plot.js';

/** Options of {@link waveformPlot}. */
export interface WaveformPlotOptions extends CommonPlotOptions {
  /** Sample rate in Hz (the x axis is in seconds). */
  sampleRate: number;
  /** Time of the first sample, in seconds. Default 0. */
  startTime?: number;
  /** The y range of every lane. Default `[-1, 1]`, widened to the data's peak when it exceeds 1. */
  range?: [number, number];
  /** One name per channel, shown in its lane. Default `ch 1`, `ch 2`, ... (none for mono). */
  channelNames?: readonly string[];
}

/** Channels of the input as accessors over frames. */
function channelsOf(call: string, samples: unknown): { frames: number; channels: number; get(f: number, c: number): number } {
  if (isMultichannel(samples)) {
    const [frames, channels] = samples.shape;
    const { data, stride, offset } = samples;
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) throw new TypeError(`${call}: BigInt samples cannot be plotted`);
    const d = data as NumericArray;
    return { frames, channels, get: (f, c) => d[offset + f * stride[0] + c * stride[1]]! };
  }
  if (isNumberArray(samples)) return { frames: samples.length, channels: 1, get: (f) => samples[f]! };
  if (Array.isArray(samples) && samples.length > 0 && samples.every(isNumberArray)) {
    const planar = samples as ArrayLike<number>[];
    const frames = planar[0]!.length;
    if (planar.some((p) => p.length !== frames)) throw new RangeError(`${call}: planar channels must have the same length, got ${planar.map((p) => p.length).join(', ')}`);
    return { frames, channels: planar.length, get: (f, c) => planar[c]![f]! };
  }
  throw new TypeError(`${call}: expected samples as a mono array, a [frames, channels] multichannel chunk or planar channels (an array of arrays), got ${samples === null ? 'null' : typeof samples}`);
}

/**
 * Draws a waveform: amplitude against time, one lane per channel.
 *
 * @remarks
 * Takes a mono chunk (a typed array or an array of numbers), a `[frames, channels]` multichannel
 * chunk (what `readWav` returns) or planar channels. Where there are more samples than pixels
 * each pixel column shows the minimum-to-maximum range of its samples (an envelope, as audio
 * editors draw it), so peaks are never lost and a 10-minute file draws as fast as its samples
 * can be scanned; otherwise the samples are joined by lines. Axes: "Time (s)" and "Amplitude"
 * (full scale = 1).
 *
 * @param samples - mono samples, a multichannel chunk, or planar channels
 * @param options - `sampleRate` (Hz, required), `startTime`, `range`, `channelNames`, size and title
 * @returns a {@link Plot} (`toPNG()`, `toSVG()`)
 * @throws TypeError/RangeError for input that is not samples, or bad options
 *
 * @example
 * ```ts
 * import { readWav, waveformPlot } from '@ringflow/io';
 * const { samples, sampleRate } = await readWav('take.wav');
 * const svg = waveformPlot(samples, { sampleRate, title: 'take.wav' }).toSVG();
 * ```
 */
export function waveformPlot(samples: Chunk<NumericArray> | ArrayLike<number> | readonly ArrayLike<number>[], options: WaveformPlotOptions): Plot {
  const call = 'waveformPlot';
  if (options === null || typeof options !== 'object') throw new TypeError(`${call}: expected options { sampleRate }`);
  const input = channelsOf(call, samples);
  const { width, height, title } = resolveCommon(call, options, { height: Math.min(8000, 120 + 160 * Math.min(input.channels, 4)), title: 'Waveform' });
  const sampleRate = positive(call, 'sampleRate', options.sampleRate);
  const startTime = options.startTime ?? 0;
  if (typeof startTime !== 'number' || !Number.isFinite(startTime)) throw new RangeError(`${call}: startTime must be a finite number of seconds, got ${String(startTime)}`);
  const names = options.channelNames;
  if (names !== undefined && (!Array.isArray(names) || names.length !== input.channels)) {
    throw new RangeError(`${call}: channelNames must name each of the ${input.channels} channels, got ${Array.isArray(names) ? names.length : typeof names}`);
  }
  let peak = 0;
  for (let f = 0; f < input.frames; f++) for (let c = 0; c < input.channels; c++) peak = Math.max(peak, Math.abs(input.get(f, c)) || 0);
  const [lo, hi] = range(call, 'range', options.range) ?? (peak > 1 ? [-peak, peak] : [-1, 1]);

  const items: SceneItem[] = [];
  const area = plotArea(width, height, { title: title !== '' });
  const gap = 10;
  const laneHeight = (area.h - gap * (input.channels - 1)) / input.channels;
  const duration = Math.max(1, input.frames) / sampleRate;
  const columns = Math.max(1, Math.round(area.w * 2));
  for (let c = 0; c < input.channels; c++) {
    const lane: Rect = { x: area.x, y: area.y + c * (laneHeight + gap), w: area.w, h: laneHeight };
    const x = linearScale(startTime, startTime + duration, lane.x, lane.x + lane.w);
    const y = linearScale(lo, hi, lane.y + lane.h, lane.y, { count: Math.max(2, Math.round(lane.h / 40)) });
    const color = SERIES_COLORS[c % SERIES_COLORS.length]!;
    if (input.frames > columns) {
      // Envelope: one vertical segment per column, from its minimum to its maximum.
      const points = new Float64Array(columns * 4);
      for (let col = 0; col < columns; col++) {
        const f0 = Math.floor((col * input.frames) / columns);
        const f1 = Math.max(f0 + 1, Math.floor(((col + 1) * input.frames) / columns));
        let min = Infinity;
        let max = -Infinity;
        for (let f = f0; f < f1; f++) {
          const v = input.get(f, c);
          if (v < min) min = v;
          if (v > max) max = v;
        }
        const px = lane.x + ((col + 0.5) / columns) * lane.w;
        points.set([px, y.map(max), px, y.map(min)], col * 4);
      }
      items.push({ kind: 'segments', points, stroke: color, width: 0.5, clip: lane });
    } else {
      const points = new Float64Array(input.frames * 2);
      for (let f = 0; f < input.frames; f++) points.set([x.map(startTime + f / sampleRate), y.map(input.get(f, c))], f * 2);
      items.push({ kind: 'polyline', points, stroke: color, width: 1, clip: lane });
    }
    drawAxes(items, lane, { scale: x, label: 'Time (s)', tickLabels: c === input.channels - 1 }, { scale: y, label: input.channels === 1 || c === Math.floor((input.channels - 1) / 2) ? 'Amplitude' : '' });
    const name = names?.[c] ?? (input.channels > 1 ? `ch ${c + 1}` : '');
    if (name !== '') items.push({ kind: 'text', x: lane.x + 6, y: lane.y + 5, text: name, anchor: 'start', baseline: 'top', size: 1, color: INK, role: 'legend' });
  }
  drawTitle(items, title, width);
  return makePlot('waveform', { width, height, background: BACKGROUND, title, items }, { ...area, h: laneHeight });
}
