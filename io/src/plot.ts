import { encodePng, rasterize } from './internal/raster.js';
import type { Rect, Scene } from './internal/scene.js';
import { sceneToSvg } from './internal/svg.js';

/** Options of {@link Plot.toPNG}. */
export interface PngOptions {
  /** Device pixels per CSS pixel (1 to 4, an integer): 2 for a sharp image on a high-density screen. Default 1. */
  pixelRatio?: number;
}

/** Which plot function made a {@link Plot}. */
export type PlotKind = 'spectrogram' | 'waveform' | 'spectrum' | 'filter-response';

/**
 * A finished plot, drawn on demand as PNG bytes or as an SVG document; both show the same
 * figure (axes, ticks, labels with units, title, colour bar or legend).
 *
 * @remarks
 * Made by {@link spectrogramPlot}, {@link waveformPlot}, {@link spectrumPlot} and
 * {@link filterResponsePlot}; it keeps only what it draws (not the input arrays). PNG: 8-bit RGB,
 * encoded by `fast-png`, text in an embedded 6x10 bitmap font (X11 misc-fixed, public domain).
 * SVG: a standalone document (`<text>` in a monospace font, rasters as embedded PNG images);
 * its parts carry classes `title`, `label`, `tick`, `legend`. Each call renders anew.
 * In tslab notebooks: `tslab.display.png(plot.toPNG())` or `tslab.display.html(plot.toSVG())`.
 */
export interface Plot {
  readonly kind: PlotKind;
  /** Width in CSS pixels (the PNG is `width * pixelRatio` pixels wide). */
  readonly width: number;
  /** Height in CSS pixels. */
  readonly height: number;
  readonly title: string;
  /**
   * Where the data are drawn, in CSS pixels from the top left: the plot rectangle (the top lane
   * of a waveform or filter response). Lets a caller map a value to a pixel (tests do).
   */
  readonly area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /**
   * PNG bytes (a complete file).
   *
   * @throws RangeError for a `pixelRatio` that is not an integer from 1 to 4
   */
  toPNG(options?: PngOptions): Uint8Array;
  /**
   * The pixels the PNG holds, before encoding: 8-bit RGB, row by row from the top left, `width *
   * pixelRatio` by `height * pixelRatio`. For composing several plots into one image (the CLI
   * stacks one spectrogram per channel) or drawing on a canvas.
   *
   * @throws RangeError for a `pixelRatio` that is not an integer from 1 to 4
   */
  toRGB(options?: PngOptions): { width: number; height: number; rgb: Uint8Array };
  /** A standalone SVG document. */
  toSVG(): string;
}

/** The checked `pixelRatio` of `options` (default 1). */
function pixelRatio(call: string, options: PngOptions | undefined): number {
  const ratio = options?.pixelRatio ?? 1;
  if (!Number.isInteger(ratio) || ratio < 1 || ratio > 4) throw new RangeError(`${call}: pixelRatio must be an integer from 1 to 4, got ${String(ratio)}`);
  return ratio;
}

/** Wraps a scene as a {@link Plot}. */
export function makePlot(kind: PlotKind, scene: Scene, area: Rect): Plot {
  return {
    kind,
    area: { x: area.x, y: area.y, width: area.w, height: area.h },
    width: scene.width,
    height: scene.height,
    title: scene.title,
    toRGB: (options?: PngOptions) => rasterize(scene, pixelRatio('toRGB', options)),
    toPNG(options?: PngOptions): Uint8Array {
      const { width, height, rgb } = rasterize(scene, pixelRatio('toPNG', options));
      return encodePng(width, height, rgb);
    },
    toSVG: () => sceneToSvg(scene),
  };
}
