// Lines over a frequency axis, shared by spectrumPlot and filterResponsePlot.
import { linearScale, logScale, SERIES_COLORS, type Scale } from './axes.js';
import type { Rect, SceneItem } from './scene.js';

/** Draws each series as a line over the frequency scale; shared with the filter response. */
export function drawSeries(items: SceneItem[], area: Rect, x: Scale, y: Scale, f: ArrayLike<number>, series: readonly Float64Array[]): void {
  series.forEach((db, s) => {
    const points = new Float64Array(f.length * 2);
    for (let i = 0; i < f.length; i++) {
      const fi = f[i]!;
      const visible = x.kind === 'linear' || fi > 0;
      points[2 * i] = visible ? x.map(fi) : Number.NaN;
      points[2 * i + 1] = Number.isFinite(db[i]!) ? y.map(db[i]!) : Number.NaN;
    }
    items.push({ kind: 'polyline', points, stroke: SERIES_COLORS[s % SERIES_COLORS.length]!, width: 1.5, clip: area });
  });
}

/** The frequency scale of a plot: linear or log over the data's (or the given) range. */
export function frequencyAxis(call: string, f: ArrayLike<number>, kind: unknown, given: [number, number] | undefined, area: Rect): Scale {
  const mode = kind ?? 'linear';
  if (mode !== 'linear' && mode !== 'log') throw new TypeError(`${call}: frequencyScale must be 'linear' or 'log', got ${JSON.stringify(mode)}`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < f.length; i++) {
    const v = f[i]!;
    if (!Number.isFinite(v) || (mode === 'log' && v <= 0)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const [f0, f1] = given ?? [lo, hi];
  if (mode === 'log' && !(f0 > 0)) throw new RangeError(`${call}: a log frequency axis needs frequencies above 0 Hz`);
  return mode === 'log' ? logScale(f0, f1, area.x, area.x + area.w, { si: true }) : linearScale(f0, f1, area.x, area.x + area.w, { si: true });
}

