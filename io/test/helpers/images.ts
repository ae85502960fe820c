// Reading back what the plots render: PNGs through fast-png's decoder, SVGs through a small
// well-formedness check and a list of their texts.
import { decode } from 'fast-png';
import { expect } from 'vitest';

export interface Pixels {
  width: number;
  height: number;
  /** [r, g, b] at (x, y). */
  at(x: number, y: number): [number, number, number];
}

/** Decodes PNG bytes (checking the signature) into RGB access. */
export function decodePng(bytes: Uint8Array): Pixels {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const image = decode(bytes);
  const channels = image.channels;
  const data = image.data as Uint8Array;
  return {
    width: image.width,
    height: image.height,
    at: (x, y) => {
      const i = (y * image.width + x) * channels;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** Perceived brightness of a pixel (viridis and magma rise in brightness with the value). */
export function luminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Checks that an SVG document is well formed (tags balance, one root) and returns its texts by class. */
export function parseSvg(svg: string): { root: string; texts: { cls: string; text: string }[]; tags: string[] } {
  const stack: string[] = [];
  const tags: string[] = [];
  const texts: { cls: string; text: string }[] = [];
  const re = /<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>|([^<]+)/g;
  let root = '';
  let lastClass = '';
  for (let m = re.exec(svg); m !== null; m = re.exec(svg)) {
    if (m[5] !== undefined) {
      if (stack.at(-1) === 'text') texts.push({ cls: lastClass, text: m[5].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') });
      else if (m[5].trim() !== '' && stack.length === 0) throw new Error(`text outside the root: ${m[5].slice(0, 20)}`);
      continue;
    }
    const [, closing, name, attrs, selfClosing] = m;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
      continue;
    }
    if (stack.length === 0) {
      if (root !== '') throw new Error('more than one root element');
      root = name!;
    }
    tags.push(name!);
    if (name === 'text') lastClass = /class="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    if (selfClosing !== '/') stack.push(name!);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return { root, texts, tags };
}
