// Two small SVG charts for data that is not a signal (timings, counters over time): a bar chart and
// a line chart with labelled axes. Signals, spectra and filter responses use @ringflow/io's plots.

/** One series of a line chart: x and y of the same length. */
export interface Series {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** Options shared by both charts. */
export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
const M = { left: 70, right: 20, top: 52, bottom: 50 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** About five round tick values from lo to hi. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function frame(o: ChartOptions, w: number, h: number, yLo: number, yHi: number, body: string, xAxis: string): string {
  const ph = h - M.top - M.bottom;
  const y = (v: number): number => M.top + ph - ((v - yLo) / (yHi - yLo)) * ph;
  const yTicks = ticks(yLo, yHi)
    .map((v) => `<line x1="${M.left - 4}" x2="${w - M.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${M.left - 8}" y="${y(v) + 4}" text-anchor="end" class="tick">${v}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="monospace" font-size="12">
<rect width="${w}" height="${h}" fill="white"/>
<text x="${w / 2}" y="22" text-anchor="middle" font-size="14" class="title">${esc(o.title)}</text>
${yTicks}${body}${xAxis}
<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="black"/>
<line x1="${M.left}" x2="${w - M.right}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="black"/>
<text x="${(M.left + w - M.right) / 2}" y="${h - 8}" text-anchor="middle" class="label">${esc(o.xLabel)}</text>
<text x="16" y="${M.top + ph / 2}" text-anchor="middle" transform="rotate(-90 16 ${M.top + ph / 2})" class="label">${esc(o.yLabel)}</text>
</svg>`;
}

/** A bar chart: one bar per label, its value printed above it. */
export function barChart(labels: readonly string[], values: readonly number[], o: ChartOptions): string {
  if (labels.length !== values.length || labels.length === 0) throw new RangeError(`barChart: expected as many labels as values (at least one), got ${labels.length} and ${values.length}`);
  const w = o.width ?? 640;
  const h = o.height ?? 320;
  const hi = Math.max(...values) * 1.15 || 1;
  const pw = w - M.left - M.right;
  const ph = h - M.top - M.bottom;
  const slot = pw / labels.length;
  const bars = values
    .map((v, i) => {
      const bh = (v / hi) * ph;
      const x = M.left + i * slot + slot * 0.2;
      return `<rect x="${x}" y="${M.top + ph - bh}" width="${slot * 0.6}" height="${bh}" fill="${COLORS[i % COLORS.length]}"/><text x="${x + slot * 0.3}" y="${M.top + ph - bh - 5}" text-anchor="middle">${Number(v.toPrecision(3))}</text>`;
    })
    .join('');
  const xAxis = labels.map((l, i) => `<text x="${M.left + (i + 0.5) * slot}" y="${M.top + ph + 18}" text-anchor="middle" class="tick">${esc(l)}</text>`).join('');
  return frame(o, w, h, 0, hi, bars, xAxis);
}

/** A line chart of one or more series, with a legend above the plot. */
export function lineChart(series: readonly Series[], o: ChartOptions & { yRange?: [number, number] }): string {
  const w = o.width ?? 720;
  const h = o.height ?? 320;
  const all = (f: (s: Series) => ArrayLike<number>): number[] => series.flatMap((s) => Array.from(f(s)));
  const xs = all((s) => s.x);
  const ys = all((s) => s.y);
  const xLo = Math.min(...xs);
  const xHi = Math.max(...xs) > xLo ? Math.max(...xs) : xLo + 1;
  const [yLo, yHi] = o.yRange ?? [Math.min(0, ...ys), Math.max(...ys) > 0 ? Math.max(...ys) * 1.1 : 1];
  const pw = w - M.left - M.right;
  const ph = h - M.top - M.bottom;
  const px = (v: number): number => M.left + ((v - xLo) / (xHi - xLo)) * pw;
  const py = (v: number): number => M.top + ph - ((v - yLo) / (yHi - yLo)) * ph;
  const lines = series
    .map((s, k) => {
      const pts = Array.from(s.x, (x, i) => `${px(x).toFixed(1)},${py(s.y[i]!).toFixed(1)}`).join(' ');
      const color = COLORS[k % COLORS.length];
      return `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="1.2"/><rect x="${M.left + 10 + 260 * k}" y="${M.top - 12}" width="12" height="3" fill="${color}"/><text x="${M.left + 28 + 260 * k}" y="${M.top - 7}" class="legend">${esc(s.label)}</text>`;
    })
    .join('');
  const xAxis = ticks(xLo, xHi)
    .map((v) => `<line x1="${px(v)}" x2="${px(v)}" y1="${M.top + ph}" y2="${M.top + ph + 4}" stroke="black"/><text x="${px(v)}" y="${M.top + ph + 18}" text-anchor="middle" class="tick">${v}</text>`)
    .join('');
  return frame(o, w, h, yLo, yHi, lines, xAxis);
}
