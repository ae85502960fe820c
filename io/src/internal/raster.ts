import { encode } from 'fast-png';
import { FONT_GLYPHS, FONT_HEIGHT, FONT_WIDTH } from './font-data.js';
import { parseColor, textWidth, type ImageItem, type LineItem, type Rect, type Scene, type TextItem } from './scene.js';

/** Decoded glyph rows: code point -> 10 bytes. Unknown characters draw as '?'. */
const glyphCache = new Map<number, Uint8Array>();
function glyph(code: number): Uint8Array {
  let rows = glyphCache.get(code);
  if (rows === undefined) {
    const hex = FONT_GLYPHS.get(code) ?? FONT_GLYPHS.get(0x3f)!;
    rows = new Uint8Array(FONT_HEIGHT);
    for (let i = 0; i < FONT_HEIGHT; i++) rows[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    glyphCache.set(code, rows);
  }
  return rows;
}

/** An RGB canvas in device pixels with a clip rectangle. */
class Canvas {
  readonly rgb: Uint8Array;
  #clip = { x0: 0, y0: 0, x1: 0, y1: 0 };

  constructor(
    readonly width: number,
    readonly height: number,
    readonly ratio: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    this.clip(undefined);
  }

  /** Clips to `rect` (CSS pixels), or to the canvas. */
  clip(rect: Rect | undefined): void {
    const r = this.ratio;
    this.#clip = rect === undefined
      ? { x0: 0, y0: 0, x1: this.width, y1: this.height }
      : { x0: Math.max(0, Math.round(rect.x * r)), y0: Math.max(0, Math.round(rect.y * r)), x1: Math.min(this.width, Math.round((rect.x + rect.w) * r)), y1: Math.min(this.height, Math.round((rect.y + rect.h) * r)) };
  }

  /** Fills device pixels [x0, x1) x [y0, y1) within the clip. */
  fill(x0: number, y0: number, x1: number, y1: number, c: readonly number[]): void {
    const c0 = this.#clip;
    x0 = Math.max(x0, c0.x0);
    y0 = Math.max(y0, c0.y0);
    x1 = Math.min(x1, c0.x1);
    y1 = Math.min(y1, c0.y1);
    for (let y = y0; y < y1; y++) {
      let at = (y * this.width + x0) * 3;
      for (let x = x0; x < x1; x++, at += 3) {
        this.rgb[at] = c[0]!;
        this.rgb[at + 1] = c[1]!;
        this.rgb[at + 2] = c[2]!;
      }
    }
  }

  /** A line from (ax, ay) to (bx, by) in CSS pixels, `width` device pixels thick (DDA, no antialiasing). */
  line(ax: number, ay: number, bx: number, by: number, width: number, c: readonly number[], dashed: boolean): void {
    const r = this.ratio;
    const x0 = ax * r, y0 = ay * r, x1 = bx * r, y1 = by * r;
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    const half = Math.floor(width / 2);
    for (let i = 0; i <= steps; i++) {
      if (dashed && ((i / r) | 0) % 6 >= 3) continue;
      const x = Math.floor(x0 + ((x1 - x0) * i) / steps) - half;
      const y = Math.floor(y0 + ((y1 - y0) * i) / steps) - half;
      this.fill(x, y, x + width, y + width, c);
    }
  }
}

function drawLine(canvas: Canvas, item: LineItem): void {
  const c = parseColor(item.stroke);
  const width = Math.max(1, Math.round(item.width * canvas.ratio));
  const p = item.points;
  canvas.clip(item.clip);
  const step = item.kind === 'segments' ? 4 : 2;
  for (let i = 0; i + 3 < p.length; i += step) {
    if (Number.isFinite(p[i]! + p[i + 1]! + p[i + 2]! + p[i + 3]!)) canvas.line(p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!, width, c, item.dashed === true);
  }
  canvas.clip(undefined);
}

function drawText(canvas: Canvas, item: TextItem): void {
  const s = Math.max(1, Math.round(item.size * canvas.ratio));
  const c = parseColor(item.color);
  const length = textWidth(item.text, 1) * s;
  const height = FONT_HEIGHT * s;
  // Anchor along the text's direction, baseline across it, in device pixels.
  const along = item.anchor === 'start' ? 0 : item.anchor === 'middle' ? length / 2 : length;
  const across = item.baseline === 'top' ? 0 : item.baseline === 'middle' ? height / 2 : height;
  const ox = Math.round(item.x * canvas.ratio);
  const oy = Math.round(item.y * canvas.ratio);
  let pen = 0;
  for (const ch of item.text) {
    const rows = glyph(ch.codePointAt(0)!);
    for (let gy = 0; gy < FONT_HEIGHT; gy++) {
      const bits = rows[gy]!;
      if (bits === 0) continue;
      for (let gx = 0; gx < FONT_WIDTH; gx++) {
        if ((bits & (0x80 >> gx)) === 0) continue;
        const u = pen + gx * s - along; // along the text
        const v = gy * s - across; // across it, downwards
        if (item.vertical === true) canvas.fill(ox + v, oy - u - s, ox + v + s, oy - u, c);
        else canvas.fill(ox + u, oy + v, ox + u + s, oy + v + s, c);
      }
    }
    pen += FONT_WIDTH * s;
  }
}

/** For each of `n` device pixels over `cells` source cells: the first cell and one past the last it covers. */
function coverage(n: number, cells: number): Int32Array {
  const out = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = Math.min(cells - 1, Math.floor((i / n) * cells));
    out[2 * i] = a;
    out[2 * i + 1] = Math.max(a + 1, Math.min(cells, Math.ceil(((i + 1) / n) * cells)));
  }
  return out;
}

/**
 * Resamples a heat map to `width` x `height` pixels, each the maximum of the cells it covers
 * (nearest cell when enlarging); returns RGB.
 */
export function heatmapPixels(item: ImageItem, width: number, height: number): Uint8Array {
  const cols = coverage(width, item.columns);
  const rows = coverage(height, item.rows);
  // Columns first (per source row), then rows: separable maxima.
  const byColumn = new Float32Array(item.rows * width);
  for (let r = 0; r < item.rows; r++) {
    const base = r * item.columns;
    for (let x = 0; x < width; x++) {
      let m = 0;
      for (let c = cols[2 * x]!; c < cols[2 * x + 1]!; c++) {
        const v = item.values[base + c]!;
        if (v > m) m = v;
      }
      byColumn[r * width + x] = m;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let m = 0;
      for (let r = rows[2 * y]!; r < rows[2 * y + 1]!; r++) {
        const v = byColumn[r * width + x]!;
        if (v > m) m = v;
      }
      const at = Math.round(Math.min(1, m) * 255) * 3;
      const o = (y * width + x) * 3;
      rgb[o] = item.lut[at]!;
      rgb[o + 1] = item.lut[at + 1]!;
      rgb[o + 2] = item.lut[at + 2]!;
    }
  }
  return rgb;
}

function drawImage(canvas: Canvas, item: ImageItem): void {
  const r = canvas.ratio;
  const x0 = Math.round(item.x * r), y0 = Math.round(item.y * r);
  const x1 = Math.round((item.x + item.w) * r), y1 = Math.round((item.y + item.h) * r);
  if (x1 <= x0 || y1 <= y0) return;
  const pixels = heatmapPixels(item, x1 - x0, y1 - y0);
  const clip = item.clip ?? item;
  const cx0 = Math.max(x0, Math.round(clip.x * r), 0), cx1 = Math.min(x1, Math.round((clip.x + clip.w) * r), canvas.width);
  const cy0 = Math.max(y0, Math.round(clip.y * r), 0), cy1 = Math.min(y1, Math.round((clip.y + clip.h) * r), canvas.height);
  for (let y = cy0; y < cy1; y++) {
    const src = ((y - y0) * (x1 - x0) + (cx0 - x0)) * 3;
    canvas.rgb.set(pixels.subarray(src, src + (cx1 - cx0) * 3), (y * canvas.width + cx0) * 3);
  }
}

/** Draws a scene into RGB pixels, `ratio` device pixels per CSS pixel. */
export function rasterize(scene: Scene, ratio: number): { width: number; height: number; rgb: Uint8Array } {
  const canvas = new Canvas(Math.round(scene.width * ratio), Math.round(scene.height * ratio), ratio);
  canvas.fill(0, 0, canvas.width, canvas.height, parseColor(scene.background));
  for (const item of scene.items) {
    switch (item.kind) {
      case 'rect': {
        const x0 = Math.round(item.x * ratio), y0 = Math.round(item.y * ratio);
        const x1 = Math.round((item.x + item.w) * ratio), y1 = Math.round((item.y + item.h) * ratio);
        if (item.fill !== undefined) canvas.fill(x0, y0, x1, y1, parseColor(item.fill));
        if (item.stroke !== undefined) {
          const c = parseColor(item.stroke);
          const t = Math.max(1, Math.round(ratio));
          canvas.fill(x0, y0, x1, y0 + t, c);
          canvas.fill(x0, y1 - t, x1, y1, c);
          canvas.fill(x0, y0, x0 + t, y1, c);
          canvas.fill(x1 - t, y0, x1, y1, c);
        }
        break;
      }
      case 'polyline':
      case 'segments':
        drawLine(canvas, item);
        break;
      case 'text':
        drawText(canvas, item);
        break;
      case 'image':
        drawImage(canvas, item);
        break;
    }
  }
  return { width: canvas.width, height: canvas.height, rgb: canvas.rgb };
}

/** PNG bytes of an RGB raster (8-bit, no alpha), through fast-png at deflate level 6 (smaller than its default 3, no slower here). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  return encode({ width, height, data: rgb, channels: 3, depth: 8 }, { zlib: { level: 6 } });
}
