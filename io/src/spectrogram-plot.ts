import type { NdarrayLike } from '@ringflow/core';
import { BACKGROUND, drawAxes, drawTitle, INK, linearScale, plotArea } from './internal/axes.js';
import { colormapLut, type ColormapName } from './internal/colormap.js';
import { positive, range, resolveCommon, resolveValueScale, type CommonPlotOptions } from './internal/plot-options.js';
import { CHAR_HEIGHT, textWidth, type SceneItem } from './internal/scene.js';
import { makePlot, type Plot } from './plot.js';

export type { ColormapName } from './internal/colormap.js';
export type { CommonPlotOptions } from './internal/plot-options.js';

/** Options of {@link spectrogramPlot}. */
export interface SpectrogramPlotOptions extends CommonPlotOptions {
  /** Sample rate of the analysed signal, in Hz. */
  sampleRate: number;
  /** Samples between the starts of consecutive frames. */
  hop: number;
  /** FFT length in samples. Default `2 * (bins - 1)` (an rfft's bins). */
  fftSize?: number;
  /** What the values are: `'db'` (default), `'amplitude'` (20 log10) or `'power'` (10 log10). */
  scale?: 'db' | 'amplitude' | 'power';
  /** Colour range `[min, max]` in dB. Default: the top `dynamicRange` dB below the largest value. */
  range?: [number, number];
  /** dB shown below the maximum when `range` is not given. Default 80. */
  dynamicRange?: number;
  /** A perceptual colormap: `'viridis'` (default), `'magma'`, `'inferno'`, `'plasma'`, or `'gray'`. */
  colormap?: ColormapName;
  /** Lowest frequency shown, Hz. Default 0. */
  minFrequency?: number;
  /** Highest frequency shown, Hz. Default `sampleRate / 2`. */
  maxFrequency?: number;
  /** Time of the signal's first sample, in seconds. Default 0. */
  startTime?: number;
  /** Label of the colour bar. Default `'Level (dB)'`. */
  colorbarLabel?: string;
}

/** Largest raster kept per axis: longer inputs are reduced by taking each group's maximum. */
const MAX_RASTER = 2048;

/** Rows of a 2-D input as an accessor. */
function framesOf(call: string, input: unknown): { frames: number; bins: number; get(i: number, k: number): number } {
  if (Array.isArray(input)) {
    const frames = input.length;
    const bins = frames > 0 ? (input[0] as ArrayLike<number>)?.length ?? 0 : 0;
    input.forEach((row: unknown, i) => {
      if (row === null || typeof row !== 'object' || typeof (row as ArrayLike<number>).length !== 'number') throw new TypeError(`${call}: frame ${i} is not an array of numbers`);
      if ((row as ArrayLike<number>).length !== bins) throw new RangeError(`${call}: every frame must have the same number of bins: frame 0 has ${bins}, frame ${i} has ${(row as ArrayLike<number>).length}`);
    });
    return { frames, bins, get: (i, k) => (input[i] as ArrayLike<number>)[k]! };
  }
  const nd = input as Partial<NdarrayLike>;
  if (nd !== null && typeof nd === 'object' && ArrayBuffer.isView(nd.data) && Array.isArray(nd.shape)) {
    if (nd.shape.length !== 2) throw new RangeError(`${call}: expected a 2-D [frames, bins] array, got shape [${nd.shape.join(', ')}]`);
    const [frames, bins] = nd.shape as [number, number];
    const data = nd.data as unknown as ArrayLike<number>;
    const [s0, s1] = (nd.stride ?? [bins, 1]) as [number, number];
    const offset = nd.offset ?? 0;
    return { frames, bins, get: (i, k) => data[offset + i * s0 + k * s1]! };
  }
  throw new TypeError(`${call}: expected frames as an array of rows [frames][bins] (e.g. the Float32Arrays of stft + magnitude + toDecibels) or a 2-D ndarray, got ${input === null ? 'null' : typeof input}`);
}

/**
 * Draws a spectrogram: time across, frequency up, level as colour, with a colour bar.
 *
 * @remarks
 * Takes spectra, does not compute them: `frames[i][k]` is bin `k` of frame `i`, in dB (or
 * amplitudes/powers with `scale`), as `stft()` + `magnitude()` + `toDecibels()` emit them or
 * `signal.spectrogram` returns them transposed. Frame `i` is centred at `startTime + (i * hop +
 * fftSize / 2) / sampleRate` (scipy.signal.spectrogram's `t`), bin `k` at `k * sampleRate /
 * fftSize` Hz; each cell spans one hop and one bin. Axes: "Time (s)" and "Frequency (Hz)" (ticks
 * with k suffixes), colour bar "Level (dB)". Inputs larger than 2048 frames or bins are reduced by
 * maxima, so peaks stay visible. Values below the range take the lowest colour, NaN too.
 *
 * @param frames - `[frames][bins]` spectra: an array of rows, or a 2-D ndarray `{data, shape, stride, offset}`
 * @param options - `sampleRate` (Hz) and `hop` (samples) required; `fftSize`, `scale`, `range`, `dynamicRange`, `colormap`, frequency limits, `startTime`, size and title
 * @returns a {@link Plot} (`toPNG()`, `toSVG()`)
 * @throws TypeError/RangeError for input that is not 2-D numbers, ragged frames, or bad options
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { spectrogramPlot } from '@ringflow/io';
 * // 100 frames of 513 bins: a tone in bin 64 (64 * 48000 / 1024 = 3000 Hz).
 * const frames = Array.from({ length: 100 }, () => Float32Array.from({ length: 513 }, (_, k) => (k === 64 ? 0 : -90)));
 * const plot = spectrogramPlot(frames, { sampleRate: 48000, hop: 512, title: '3 kHz tone' });
 * writeFileSync('spectrogram.png', plot.toPNG());
 * writeFileSync('spectrogram.svg', plot.toSVG());
 * ```
 */
export function spectrogramPlot(frames: readonly ArrayLike<number>[] | NdarrayLike, options: SpectrogramPlotOptions): Plot {
  const call = 'spectrogramPlot';
  if (options === null || typeof options !== 'object') throw new TypeError(`${call}: expected options { sampleRate, hop }`);
  const { width, height, title } = resolveCommon(call, options, { height: 400, title: 'Spectrogram' });
  const input = framesOf(call, frames);
  if (input.frames === 0 || input.bins === 0) throw new RangeError(`${call}: no data: ${input.frames} frames of ${input.bins} bins`);
  const sampleRate = positive(call, 'sampleRate', options.sampleRate);
  const hop = positive(call, 'hop', options.hop);
  const fftSize = options.fftSize === undefined ? Math.max(1, 2 * (input.bins - 1)) : positive(call, 'fftSize', options.fftSize);
  const scale = resolveValueScale(call, options.scale);
  const lut = colormapLut(options.colormap ?? 'viridis', call);
  const startTime = options.startTime ?? 0;
  if (typeof startTime !== 'number' || !Number.isFinite(startTime)) throw new RangeError(`${call}: startTime must be a finite number of seconds, got ${String(startTime)}`);
  const df = sampleRate / fftSize;
  const fMin = options.minFrequency ?? 0;
  const fMax = options.maxFrequency ?? sampleRate / 2;
  if (!(fMax > fMin) || fMin < 0) throw new RangeError(`${call}: need 0 <= minFrequency < maxFrequency, got ${fMin} and ${fMax}`);

  // Bins inside the frequency range, then the raster at most MAX_RASTER by MAX_RASTER (maxima).
  const k0 = Math.max(0, Math.ceil(fMin / df - 0.5));
  const k1 = Math.min(input.bins - 1, Math.floor(fMax / df + 0.5));
  if (k1 < k0) throw new RangeError(`${call}: no bin lies between ${fMin} and ${fMax} Hz`);
  const nb = k1 - k0 + 1;
  const colGroup = Math.ceil(input.frames / MAX_RASTER);
  const rowGroup = Math.ceil(nb / MAX_RASTER);
  const columns = Math.ceil(input.frames / colGroup);
  const rows = Math.ceil(nb / rowGroup);
  const db = new Float64Array(columns * rows).fill(-Infinity);
  const k = scale === 'power' ? 10 : 20;
  let top = -Infinity;
  for (let i = 0; i < input.frames; i++) {
    const c = (i / colGroup) | 0;
    for (let b = 0; b < nb; b++) {
      let v = input.get(i, k0 + b);
      if (scale !== 'db') v = Math.max(-400, k * Math.log10(Math.abs(v)));
      const r = rows - 1 - ((b / rowGroup) | 0); // high frequencies on top
      const at = r * columns + c;
      if (v > db[at]!) db[at] = v;
      if (v > top && Number.isFinite(v)) top = v;
    }
  }
  const given = range(call, 'range', options.range);
  const dynamicRange = options.dynamicRange === undefined ? 80 : positive(call, 'dynamicRange', options.dynamicRange);
  const [lo, hi] = given ?? (Number.isFinite(top) ? [top - dynamicRange, top] : [-dynamicRange, 0]);
  const values = new Float32Array(columns * rows);
  for (let i = 0; i < db.length; i++) {
    const v = db[i]!;
    values[i] = v >= hi ? 1 : v > lo ? (v - lo) / (hi - lo) : 0;
  }

  const items: SceneItem[] = [];
  const area = plotArea(width, height, { colorbar: true, title: title !== '' });
  const tFirst = startTime + (fftSize / 2) / sampleRate;
  const t0 = tFirst - hop / 2 / sampleRate;
  const t1 = tFirst + ((input.frames - 1) * hop) / sampleRate + hop / 2 / sampleRate;
  const x = linearScale(t0, t1, area.x, area.x + area.w);
  const y = linearScale(fMin, fMax, area.y + area.h, area.y, { si: true });
  const yTop = y.map(k1 * df + df / 2);
  const yBottom = y.map(k0 * df - df / 2);
  items.push({ kind: 'image', x: area.x, y: yTop, w: area.w, h: yBottom - yTop, columns, rows, values, lut, clip: area });
  drawAxes(items, area, { scale: x, label: 'Time (s)' }, { scale: y, label: 'Frequency (Hz)' });

  // Colour bar: 256 steps, low at the bottom, with its own ticks and label on the right.
  const bar = { x: area.x + area.w + 14, y: area.y, w: 14, h: area.h };
  const ramp = Float32Array.from({ length: 256 }, (_, i) => (255 - i) / 255);
  items.push({ kind: 'image', ...bar, columns: 1, rows: 256, values: ramp, lut });
  items.push({ kind: 'rect', ...bar, stroke: INK });
  const barScale = linearScale(lo, hi, bar.y + bar.h, bar.y, { count: Math.max(2, Math.round(bar.h / 50)) });
  const ticks: number[] = [];
  let widest = 0;
  for (const t of barScale.ticks()) {
    const py = barScale.map(t.value);
    ticks.push(bar.x + bar.w, py, bar.x + bar.w + 4, py);
    items.push({ kind: 'text', x: bar.x + bar.w + 6, y: py, text: t.label, anchor: 'start', baseline: 'middle', size: 1, color: INK, role: 'tick' });
    widest = Math.max(widest, textWidth(t.label, 1));
  }
  items.push({ kind: 'segments', points: Float64Array.from(ticks), stroke: INK, width: 1 });
  const barLabel = options.colorbarLabel ?? 'Level (dB)';
  items.push({ kind: 'text', x: Math.min(width - CHAR_HEIGHT - 2, bar.x + bar.w + 8 + widest + 4), y: bar.y + bar.h / 2, text: barLabel, anchor: 'middle', baseline: 'top', size: 1, color: INK, vertical: true, role: 'label' });
  drawTitle(items, title, width);
  return makePlot('spectrogram', { width, height, background: BACKGROUND, title, items }, area);
}
