import { BACKGROUND, drawAxes, drawLegend, drawTitle, INK, linearScale, plotArea, SERIES_COLORS } from './internal/axes.js';
import { drawSeries, frequencyAxis } from './internal/series.js';
import { finiteMax, isNumberArray, numbers, range, resolveCommon, resolveValueScale, toDb, type CommonPlotOptions } from './internal/plot-options.js';
import type { SceneItem } from './internal/scene.js';
import { makePlot, type Plot } from './plot.js';

/** A marked frequency on a spectrum (a detected tone): a dashed line and a label. */
export interface SpectrumMarker {
  /** Hz. */
  frequency: number;
  label?: string;
}

/** Options of {@link spectrumPlot}. */
export interface SpectrumPlotOptions extends CommonPlotOptions {
  /** What the values are: `'db'` (default), `'amplitude'` (20 log10) or `'power'` (10 log10, e.g. a Welch PSD). */
  scale?: 'db' | 'amplitude' | 'power';
  /** Frequency axis: `'linear'` (default) or `'log'` (the 0 Hz bin is left out). */
  frequencyScale?: 'linear' | 'log';
  /** The y range `[min, max]` in dB. Default: from 100 dB below the maximum (or the minimum, if higher) to just above the maximum. */
  range?: [number, number];
  /** Frequency range `[min, max]` in Hz. Default: the data's. */
  frequencyRange?: [number, number];
  /** One label per series, shown in a legend (default none). */
  labels?: readonly string[];
  /** y-axis label. Default `'Level (dB)'` (`'Power (dB)'` with `scale: 'power'`). */
  yLabel?: string;
  /** Frequencies to mark, e.g. detected tones. */
  markers?: readonly SpectrumMarker[];
}

/**
 * Draws one or more spectra: level in dB against frequency.
 *
 * @remarks
 * Takes data, does not compute it: `frequencies` in Hz (e.g. `signal.rfftfreq` or the `f` of
 * `signal.welch`) and one series (or an array of series, e.g. one per channel) of values of the
 * same length, in dB or, with `scale`, amplitudes or powers. Axes: "Frequency (Hz)" (linear or
 * log, ticks with k suffixes) and "Level (dB)". Non-finite values leave gaps.
 *
 * @param frequencies - Hz, one per value
 * @param values - one series, or several of the same length
 * @param options - `scale`, `frequencyScale`, `range`, `frequencyRange`, `labels`, `yLabel`, `markers`, size and title
 * @returns a {@link Plot} (`toPNG()`, `toSVG()`)
 * @throws TypeError/RangeError for lengths that differ, non-numbers or bad options
 *
 * @example
 * ```ts
 * import { spectrumPlot } from '@ringflow/io';
 * const f = Float64Array.from({ length: 513 }, (_, k) => (k * 48000) / 1024);
 * const db = Float64Array.from(f, (hz) => (Math.abs(hz - 1000) < 50 ? -6 : -80));
 * const png = spectrumPlot(f, db, { title: 'Tone', markers: [{ frequency: 1000, label: '1 kHz' }] }).toPNG();
 * ```
 */
export function spectrumPlot(frequencies: ArrayLike<number>, values: ArrayLike<number> | readonly ArrayLike<number>[], options?: SpectrumPlotOptions): Plot {
  const call = 'spectrumPlot';
  const { width, height, title } = resolveCommon(call, options, { height: 400, title: 'Spectrum' });
  const f = numbers(call, 'frequencies', frequencies);
  const raw = isNumberArray(values) ? [values] : Array.isArray(values) && values.length > 0 ? values.map((v, i) => numbers(call, `values[${i}]`, v)) : [numbers(call, 'values', values)];
  raw.forEach((s, i) => {
    if (s.length !== f.length) throw new RangeError(`${call}: ${raw.length > 1 ? `values[${i}]` : 'values'} has ${s.length} values for ${f.length} frequencies`);
  });
  if (f.length === 0) throw new RangeError(`${call}: no data: 0 frequencies`);
  const scale = resolveValueScale(call, options?.scale);
  const series = raw.map((s) => toDb(s, scale));
  const labels = options?.labels;
  if (labels !== undefined && (!Array.isArray(labels) || labels.length !== series.length)) throw new RangeError(`${call}: labels must name each of the ${series.length} series`);

  const area = plotArea(width, height, { title: title !== '' });
  const x = frequencyAxis(call, f, options?.frequencyScale, range(call, 'frequencyRange', options?.frequencyRange), area);
  const top = Math.max(...series.map((s) => finiteMax(s) ?? 0));
  let bottom = Infinity;
  for (const s of series) for (const v of s) if (Number.isFinite(v) && v < bottom) bottom = v;
  const auto: [number, number] = [Math.max(Number.isFinite(bottom) ? bottom : top - 100, top - 100), top + 3];
  if (!(auto[1] > auto[0])) auto[0] = auto[1] - 10;
  const [lo, hi] = range(call, 'range', options?.range) ?? [Math.floor(auto[0] / 10) * 10, Math.ceil(auto[1] / 10) * 10];
  const y = linearScale(lo, hi, area.y + area.h, area.y);
  const items: SceneItem[] = [];
  drawSeries(items, area, x, y, f, series);
  for (const m of options?.markers ?? []) {
    if (typeof m?.frequency !== 'number' || !Number.isFinite(m.frequency)) throw new TypeError(`${call}: a marker needs a finite frequency in Hz`);
    const px = x.map(m.frequency);
    if (!(px >= area.x && px <= area.x + area.w)) continue;
    items.push({ kind: 'polyline', points: Float64Array.from([px, area.y, px, area.y + area.h]), stroke: '#d62728', width: 1, dashed: true, clip: area });
    if (m.label !== undefined) items.push({ kind: 'text', x: px + 3, y: area.y + 4, text: m.label, anchor: 'start', baseline: 'top', size: 1, color: INK, role: 'legend' });
  }
  drawAxes(items, area, { scale: x, label: 'Frequency (Hz)' }, { scale: y, label: options?.yLabel ?? (scale === 'power' ? 'Power (dB)' : 'Level (dB)') });
  if (labels !== undefined) drawLegend(items, area, labels.map((label, i) => ({ label, color: SERIES_COLORS[i % SERIES_COLORS.length]! })));
  drawTitle(items, title, width);
  return makePlot('spectrum', { width, height, background: BACKGROUND, title, items }, area);
}
