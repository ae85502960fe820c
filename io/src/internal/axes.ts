// Scales, tick positions and labels, and the frame of a plot (axes, ticks, grid, labels, title),
// shared by every plot kind.
import { CHAR_HEIGHT, textWidth, type Rect, type SceneItem } from './scene.js';

export const INK = '#222222';
export const GRID = '#d8d8d8';
export const BACKGROUND = '#ffffff';
/** matplotlib's tab10, for series. */
export const SERIES_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

export interface Tick {
  readonly value: number;
  /** Empty for an unlabelled (minor) tick. */
  readonly label: string;
}

/** A map from data values to pixels along one axis, and its ticks. */
export interface Scale {
  readonly kind: 'linear' | 'log';
  readonly min: number;
  readonly max: number;
  map(value: number): number;
  ticks(): Tick[];
}

/** Nice tick step (1, 2 or 5 times a power of ten) for about `count` ticks over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

/**
 * A tick label: `si` uses k/M suffixes (5000 -> "5k", 2500 -> "2.5k"), else plain decimals with as
 * many digits as `step` needs. A minus sign is ASCII "-".
 */
export function formatTick(value: number, step: number, si: boolean): string {
  if (Math.abs(value) < step * 1e-9) return '0';
  let v = value;
  let suffix = '';
  let s = step;
  if (si) {
    const a = Math.max(Math.abs(value), step);
    if (a >= 1e6) (v = value / 1e6), (s = step / 1e6), (suffix = 'M');
    else if (a >= 1e3) (v = value / 1e3), (s = step / 1e3), (suffix = 'k');
  }
  const digits = Math.max(0, Math.min(10, -Math.floor(Math.log10(s) + 1e-9)));
  let text = v.toFixed(digits);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return text + suffix;
}

/** A linear scale from [min, max] to pixels [p0, p1]. */
export function linearScale(min: number, max: number, p0: number, p1: number, options: { si?: boolean; count?: number } = {}): Scale {
  if (!(max > min)) [min, max] = [min - 0.5, max + 0.5 + (max === min ? 0 : 0)];
  const span = max - min;
  return {
    kind: 'linear',
    min,
    max,
    map: (v) => p0 + ((v - min) / span) * (p1 - p0),
    ticks() {
      const count = options.count ?? Math.max(2, Math.round(Math.abs(p1 - p0) / 70));
      const step = niceStep(span, count);
      const out: Tick[] = [];
      for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
        const value = k * step;
        out.push({ value, label: formatTick(value, step, options.si === true) });
      }
      return out;
    },
  };
}

/** A log10 scale from [min, max] (both > 0) to pixels [p0, p1]: decades labelled, 2..9 as minor ticks (labelled 2 and 5 over few decades). */
export function logScale(min: number, max: number, p0: number, p1: number, options: { si?: boolean } = {}): Scale {
  if (!(min > 0)) min = max / 1000;
  if (!(max > min)) max = min * 10;
  const l0 = Math.log10(min);
  const l1 = Math.log10(max);
  return {
    kind: 'log',
    min,
    max,
    map: (v) => p0 + ((Math.log10(v) - l0) / (l1 - l0)) * (p1 - p0),
    ticks() {
      const out: Tick[] = [];
      const decades = l1 - l0;
      for (let d = Math.floor(l0); d <= Math.ceil(l1); d++) {
        for (let m = 1; m < 10; m++) {
          const value = m * 10 ** d;
          if (value < min * (1 - 1e-9) || value > max * (1 + 1e-9)) continue;
          const labelled = m === 1 || (decades <= 2.5 && (m === 2 || m === 5));
          out.push({ value, label: labelled ? formatTick(value, value, options.si === true) : '' });
        }
      }
      return out;
    },
  };
}

export interface AxisOptions {
  readonly scale: Scale;
  readonly label: string;
  /** Whether to draw the tick labels (a lane above another shares its x labels). */
  readonly tickLabels?: boolean;
}

/**
 * Draws the frame of `rect`: grid lines, the box, ticks, tick labels and axis labels. The y label
 * is vertical, left of the tick labels.
 */
export function drawAxes(items: SceneItem[], rect: Rect, x: AxisOptions, y: AxisOptions): void {
  const { x: left, y: top, w, h } = rect;
  const bottom = top + h;
  const right = left + w;
  const grid: number[] = [];
  const ticks: number[] = [];
  const xt = x.scale.ticks();
  const yt = y.scale.ticks();
  for (const t of xt) {
    const px = x.scale.map(t.value);
    if (px < left - 0.5 || px > right + 0.5) continue;
    if (t.label !== '' || x.scale.kind === 'log') grid.push(px, top, px, bottom);
    ticks.push(px, bottom, px, bottom + (t.label === '' ? 3 : 5));
    if (t.label !== '' && x.tickLabels !== false) items.push({ kind: 'text', x: px, y: bottom + 7, text: t.label, anchor: 'middle', baseline: 'top', size: 1, color: INK, role: 'tick' });
  }
  let widest = 0;
  for (const t of yt) {
    const py = y.scale.map(t.value);
    if (py < top - 0.5 || py > bottom + 0.5) continue;
    if (t.label !== '' || y.scale.kind === 'log') grid.push(left, py, right, py);
    ticks.push(left - (t.label === '' ? 3 : 5), py, left, py);
    if (t.label !== '' && y.tickLabels !== false) {
      items.push({ kind: 'text', x: left - 7, y: py, text: t.label, anchor: 'end', baseline: 'middle', size: 1, color: INK, role: 'tick' });
      widest = Math.max(widest, textWidth(t.label, 1));
    }
  }
  items.unshift({ kind: 'segments', points: Float64Array.from(grid), stroke: GRID, width: 1, dashed: false });
  items.push({ kind: 'segments', points: Float64Array.from(ticks), stroke: INK, width: 1 });
  items.push({ kind: 'rect', x: left, y: top, w, h, stroke: INK });
  if (x.tickLabels !== false && x.label !== '') {
    items.push({ kind: 'text', x: left + w / 2, y: bottom + 7 + CHAR_HEIGHT + 6, text: x.label, anchor: 'middle', baseline: 'top', size: 1, color: INK, role: 'label' });
  }
  if (y.label !== '') {
    items.push({ kind: 'text', x: left - 7 - widest - 6 - CHAR_HEIGHT, y: top + h / 2, text: y.label, anchor: 'middle', baseline: 'top', size: 1, color: INK, vertical: true, role: 'label' });
  }
}

/** The title, centred above the plot area, at twice the tick size. */
export function drawTitle(items: SceneItem[], title: string, width: number): void {
  if (title !== '') items.push({ kind: 'text', x: width / 2, y: 8, text: title, anchor: 'middle', baseline: 'top', size: 2, color: INK, role: 'title' });
}

/** A legend (colour swatch and label per series) in the top-right corner inside `rect`. */
export function drawLegend(items: SceneItem[], rect: Rect, entries: readonly { label: string; color: string }[]): void {
  if (entries.length === 0) return;
  const widest = Math.max(...entries.map((e) => textWidth(e.label, 1)));
  const w = widest + 32;
  const h = entries.length * 14 + 6;
  const x = rect.x + rect.w - w - 6;
  const y = rect.y + 6;
  items.push({ kind: 'rect', x, y, w, h, fill: BACKGROUND, stroke: GRID });
  entries.forEach((e, i) => {
    const cy = y + 10 + i * 14;
    items.push({ kind: 'polyline', points: Float64Array.from([x + 6, cy, x + 22, cy]), stroke: e.color, width: 2 });
    items.push({ kind: 'text', x: x + 26, y: cy, text: e.label, anchor: 'start', baseline: 'middle', size: 1, color: INK, role: 'legend' });
  });
}

/** The plot area inside a figure of `width` x `height`, with room for labels (and a colour bar). */
export function plotArea(width: number, height: number, options: { colorbar?: boolean; title?: boolean } = {}): Rect {
  const left = 72;
  const top = options.title === false ? 14 : 36;
  const right = options.colorbar === true ? 96 : 20;
  const bottom = 46;
  return { x: left, y: top, w: Math.max(10, width - left - right), h: Math.max(10, height - top - bottom) };
}
