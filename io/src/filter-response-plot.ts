import { BACKGROUND, drawAxes, drawTitle, linearScale, plotArea } from './internal/axes.js';
import { finiteMax, isNumberArray, numbers, range, resolveCommon, toDb, type CommonPlotOptions } from './internal/plot-options.js';
import type { Rect, SceneItem } from './internal/scene.js';
import { drawSeries, frequencyAxis } from './internal/series.js';
import { makePlot, type Plot } from './plot.js';

/** A complex response as separate real and imaginary parts (what `signal.freqz`/`sosfreqz` return as `h`). */
export interface ComplexArray {
  re: ArrayLike<number>;
  im: ArrayLike<number>;
}

/** Options of {@link filterResponsePlot}. */
export interface FilterResponsePlotOptions extends CommonPlotOptions {
  /** Unit of `w`: `'Hz'` (default: `freqz(..., { fs })`) or `'rad/sample'` (freqz without `fs`; drawn as multiples of pi). */
  frequencyUnit?: 'Hz' | 'rad/sample';
  /** Frequency axis: `'linear'` (default) or `'log'`. */
  frequencyScale?: 'linear' | 'log';
  /** Magnitude range `[min, max]` in dB. Default: from 120 dB below the peak (or the minimum) to just above it. */
  range?: [number, number];
  /** A second lane with the unwrapped phase in degrees. Default: true when `h` is complex. */
  phase?: boolean;
  /** For a real `h`: `'db'` (default) or `'amplitude'` (|h|, drawn in dB). */
  scale?: 'db' | 'amplitude';
}

/** Phase of `h` in degrees, unwrapped (numpy's `unwrap`: jumps over 180 degrees become continuous). */
function unwrappedPhase(h: ComplexArray): Float64Array {
  const out = new Float64Array(h.re.length);
  let offset = 0;
  let prev = 0;
  for (let i = 0; i < out.length; i++) {
    const p = Math.atan2(h.im[i]!, h.re[i]!);
    if (i > 0) {
      const d = p - prev;
      if (d > Math.PI) offset -= 2 * Math.PI * Math.round(d / (2 * Math.PI));
      else if (d < -Math.PI) offset += 2 * Math.PI * Math.round(-d / (2 * Math.PI));
    }
    prev = p;
    out[i] = ((p + offset) * 180) / Math.PI;
  }
  return out;
}

/**
 * Draws a filter's frequency response: magnitude in dB, and the phase in degrees below it.
 *
 * @remarks
 * Takes data, does not compute it: `w` and `h` as `signal.freqz`/`signal.sosfreqz` return them
 * (`{ w, h: { re, im } }`), or `h` already in dB. `w` in Hz (`freqz(..., { fs })`) or in
 * rad/sample (`frequencyUnit: 'rad/sample'`, drawn as "Frequency (×π rad/sample)" from 0 to 1).
 * The magnitude is `20 log10 |h|` (floored at -400 dB); the phase is unwrapped across the band.
 * Axes: "Frequency (Hz)", "Magnitude (dB)", "Phase (°)".
 *
 * @param w - frequencies, one per response value
 * @param h - the complex response `{ re, im }`, or its magnitude in dB (or as |h| with `scale: 'amplitude'`)
 * @param options - `frequencyUnit`, `frequencyScale`, `range`, `phase`, `scale`, size and title
 * @returns a {@link Plot} (`toPNG()`, `toSVG()`)
 * @throws TypeError/RangeError for lengths that differ, non-numbers or bad options
 *
 * @example
 * ```ts
 * import { filterResponsePlot } from '@ringflow/io';
 * // A one-pole low-pass y[n] = 0.1 x[n] + 0.9 y[n-1]: H = 0.1 / (1 - 0.9 e^{-jw}).
 * const w = Float64Array.from({ length: 512 }, (_, i) => (i * Math.PI) / 512);
 * const re = new Float64Array(512);
 * const im = new Float64Array(512);
 * w.forEach((wi, i) => {
 *   const dr = 1 - 0.9 * Math.cos(wi), di = 0.9 * Math.sin(wi), d = dr * dr + di * di;
 *   re[i] = (0.1 * dr) / d;
 *   im[i] = (-0.1 * di) / d;
 * });
 * const svg = filterResponsePlot(w, { re, im }, { frequencyUnit: 'rad/sample', title: 'One-pole low-pass' }).toSVG();
 * ```
 */
export function filterResponsePlot(w: ArrayLike<number>, h: ComplexArray | ArrayLike<number>, options?: FilterResponsePlotOptions): Plot {
  const call = 'filterResponsePlot';
  const f = numbers(call, 'w', w);
  const complex = !isNumberArray(h) && h !== null && typeof h === 'object' && 're' in h && 'im' in h;
  let magnitude: Float64Array;
  let phase: Float64Array | undefined;
  if (complex) {
    const c = h as ComplexArray;
    const re = numbers(call, 'h.re', c.re);
    const im = numbers(call, 'h.im', c.im);
    if (re.length !== f.length || im.length !== f.length) throw new RangeError(`${call}: h has ${re.length} real and ${im.length} imaginary parts for ${f.length} frequencies`);
    magnitude = new Float64Array(f.length);
    for (let i = 0; i < f.length; i++) magnitude[i] = Math.max(-400, 10 * Math.log10(re[i]! * re[i]! + im[i]! * im[i]!));
    if (options?.phase !== false) phase = unwrappedPhase({ re, im });
  } else {
    const values = numbers(call, 'h', h);
    if (values.length !== f.length) throw new RangeError(`${call}: h has ${values.length} values for ${f.length} frequencies`);
    const scale = options?.scale ?? 'db';
    if (scale !== 'db' && scale !== 'amplitude') throw new TypeError(`${call}: scale must be 'db' or 'amplitude', got ${JSON.stringify(scale)}`);
    if (options?.phase === true) throw new TypeError(`${call}: phase needs a complex h ({ re, im })`);
    magnitude = toDb(values, scale);
  }
  if (f.length === 0) throw new RangeError(`${call}: no data: 0 frequencies`);
  const unit = options?.frequencyUnit ?? 'Hz';
  if (unit !== 'Hz' && unit !== 'rad/sample') throw new TypeError(`${call}: frequencyUnit must be 'Hz' or 'rad/sample', got ${JSON.stringify(unit)}`);
  const x = unit === 'Hz' ? f : Float64Array.from(f, (v) => v / Math.PI);
  const lanes = phase === undefined ? 1 : 2;
  const { width, height, title } = resolveCommon(call, options, { height: lanes === 2 ? 560 : 400, title: 'Frequency response' });

  const area = plotArea(width, height, { title: title !== '' });
  const gap = 16;
  const laneHeight = (area.h - gap * (lanes - 1)) / lanes;
  const top: Rect = { ...area, h: laneHeight };
  const xScale = frequencyAxis(call, x, options?.frequencyScale, undefined, top);
  const xLabel = unit === 'Hz' ? 'Frequency (Hz)' : 'Frequency (\u00d7\u03c0 rad/sample)';
  const peak = finiteMax(magnitude) ?? 0;
  let low = Infinity;
  for (const v of magnitude) if (Number.isFinite(v) && v < low) low = v;
  const lo = Math.floor(Math.max(low, peak - 120) / 10) * 10;
  const [m0, m1] = range(call, 'range', options?.range) ?? [Math.min(lo, Math.ceil(peak + 3) - 10), Math.ceil((peak + 3) / 10) * 10];
  const items: SceneItem[] = [];
  const yMag = linearScale(m0, m1, top.y + top.h, top.y);
  drawSeries(items, top, xScale, yMag, x, [magnitude]);
  drawAxes(items, top, { scale: xScale, label: xLabel, tickLabels: lanes === 1 }, { scale: yMag, label: 'Magnitude (dB)' });
  if (phase !== undefined) {
    const bottom: Rect = { ...area, y: area.y + laneHeight + gap, h: laneHeight };
    let p0 = Infinity;
    let p1 = -Infinity;
    for (const v of phase) (p0 = Math.min(p0, v)), (p1 = Math.max(p1, v));
    const yPhase = linearScale(Math.floor(p0 / 45) * 45, Math.max(Math.ceil(p1 / 45) * 45, Math.floor(p0 / 45) * 45 + 45), bottom.y + bottom.h, bottom.y);
    drawSeries(items, bottom, xScale, yPhase, x, [phase]);
    drawAxes(items, bottom, { scale: xScale, label: xLabel }, { scale: yPhase, label: 'Phase (\u00b0)' });
  }
  drawTitle(items, title, width);
  return makePlot('filter-response', { width, height, background: BACKGROUND, title, items }, top);
}
