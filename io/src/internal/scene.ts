// A plot as a list of drawing items in CSS pixels, rendered by raster.ts (PNG) and svg.ts (SVG)
// alike, so both outputs show the same thing.

/** A colour as `#rrggbb`. */
export type Color = string;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface RectItem extends Rect {
  readonly kind: 'rect';
  readonly fill?: Color;
  readonly stroke?: Color;
}

/** Connected points `x0 y0 x1 y1 ...` (`polyline`) or separate segments `x0 y0 x1 y1` pairs (`segments`). */
export interface LineItem {
  readonly kind: 'polyline' | 'segments';
  readonly points: Float64Array;
  readonly stroke: Color;
  /** Line width in CSS pixels. */
  readonly width: number;
  readonly clip?: Rect;
  /** A dashed line (grid lines). */
  readonly dashed?: boolean;
}

/** Text in the bitmap font's metrics: `size` scales its 6x10 pixel glyphs. */
export interface TextItem {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly baseline: 'top' | 'middle' | 'bottom';
  readonly size: number;
  readonly color: Color;
  /** Rotated 90 degrees counter-clockwise (a y-axis label). */
  readonly vertical?: boolean;
  /** Class for SVG (title, label, tick): lets tests and stylesheets find the parts. */
  readonly role: 'title' | 'label' | 'tick' | 'legend';
}

/**
 * A heat map: `values` in [0, 1] (rows top to bottom, NaN as 0) coloured through `lut` (256 RGB
 * triples), stretched over a rectangle and clipped. Where several cells fall on one pixel the
 * largest wins, so a one-bin tone stays visible however far the image is shrunk.
 */
export interface ImageItem extends Rect {
  readonly kind: 'image';
  readonly columns: number;
  readonly rows: number;
  readonly values: Float32Array;
  readonly lut: Uint8Array;
  readonly clip?: Rect;
}

export type SceneItem = RectItem | LineItem | TextItem | ImageItem;

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly background: Color;
  readonly title: string;
  readonly items: readonly SceneItem[];
}

/** Glyph cell of the bitmap font, in pixels at size 1 (SVG uses the same metrics in monospace). */
export const CHAR_WIDTH = 6;
export const CHAR_HEIGHT = 10;

/** Width of `text` at `size`, in CSS pixels. */
export function textWidth(text: string, size: number): number {
  return [...text].length * CHAR_WIDTH * size;
}

/** `#rrggbb` -> [r, g, b]. */
export function parseColor(color: Color): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
