import { encodePng, heatmapPixels } from './raster.js';
import { CHAR_HEIGHT, type Rect, type Scene } from './scene.js';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * Writes a scene as a standalone SVG document: text as `<text>` in a monospace font with the
 * bitmap font's metrics, lines as `<path>`, rasters as embedded PNG `<image>`s.
 */
export function sceneToSvg(scene: Scene): string {
  const out: string[] = [];
  const clips = new Map<string, string>();
  const clipId = (r: Rect): string => {
    const key = `${r.x},${r.y},${r.w},${r.h}`;
    let id = clips.get(key);
    if (id === undefined) {
      id = `clip${clips.size}`;
      clips.set(key, id);
      out.push(`<clipPath id="${id}"><rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.w)}" height="${num(r.h)}"/></clipPath>`);
    }
    return id;
  };
  out.push(`<rect width="100%" height="100%" fill="${scene.background}"/>`);
  for (const item of scene.items) {
    switch (item.kind) {
      case 'rect':
        out.push(`<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" fill="${item.fill ?? 'none'}"${item.stroke !== undefined ? ` stroke="${item.stroke}"` : ''}/>`);
        break;
      case 'polyline':
      case 'segments': {
        const p = item.points;
        const parts: string[] = [];
        let pen = false;
        const step = item.kind === 'segments' ? 4 : 2;
        for (let i = 0; i + 1 < p.length; i += step) {
          if (item.kind === 'segments') {
            if (Number.isFinite(p[i]! + p[i + 1]! + p[i + 2]! + p[i + 3]!)) parts.push(`M${num(p[i]!)} ${num(p[i + 1]!)}L${num(p[i + 2]!)} ${num(p[i + 3]!)}`);
            continue;
          }
          if (!Number.isFinite(p[i]! + p[i + 1]!)) {
            pen = false;
            continue;
          }
          parts.push(`${pen ? 'L' : 'M'}${num(p[i]!)} ${num(p[i + 1]!)}`);
          pen = true;
        }
        if (parts.length === 0) break;
        const clip = item.clip !== undefined ? ` clip-path="url(#${clipId(item.clip)})"` : '';
        out.push(`<path d="${parts.join('')}" fill="none" stroke="${item.stroke}" stroke-width="${num(item.width)}"${item.dashed === true ? ' stroke-dasharray="3 3"' : ''}${clip}/>`);
        break;
      }
      case 'text': {
        const size = CHAR_HEIGHT * item.size;
        const anchor = item.anchor === 'start' ? 'start' : item.anchor === 'middle' ? 'middle' : 'end';
        const baseline = item.baseline === 'top' ? 'hanging' : item.baseline === 'middle' ? 'central' : 'text-after-edge';
        const rotate = item.vertical === true ? ` transform="rotate(-90 ${num(item.x)} ${num(item.y)})"` : '';
        out.push(`<text class="${item.role}" x="${num(item.x)}" y="${num(item.y)}" font-size="${size}" text-anchor="${anchor}" dominant-baseline="${baseline}" fill="${item.color}"${rotate}>${esc(item.text)}</text>`);
        break;
      }
      case 'image': {
        // Embedded at twice the CSS size at most (maxima of the cells), so thin lines survive.
        const w = Math.max(1, Math.min(item.columns, Math.round(item.w * 2)));
        const h = Math.max(1, Math.min(item.rows, Math.round(item.h * 2)));
        const png = Buffer.from(encodePng(w, h, heatmapPixels(item, w, h))).toString('base64');
        const clip = ` clip-path="url(#${clipId(item.clip ?? item)})"`;
        out.push(`<image x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" preserveAspectRatio="none" style="image-rendering:pixelated" href="data:image/png;base64,${png}"${clip}/>`);
        break;
      }
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace">`,
    `<title>${esc(scene.title)}</title>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
