import { COLORMAP_HEX } from './colormap-data.js';

/** A perceptual colormap's name (matplotlib's), or `'gray'`. */
export type ColormapName = keyof typeof COLORMAP_HEX | 'gray';

export const COLORMAP_NAMES: readonly ColormapName[] = [...(Object.keys(COLORMAP_HEX) as (keyof typeof COLORMAP_HEX)[]), 'gray'];

const cache = new Map<ColormapName, Uint8Array>();

/** 256 RGB triples (768 bytes) from low to high; TypeError for an unknown name. */
export function colormapLut(name: unknown, call: string): Uint8Array {
  if (typeof name !== 'string' || !(COLORMAP_NAMES as readonly string[]).includes(name)) {
    throw new TypeError(`${call}: colormap must be one of ${COLORMAP_NAMES.map((n) => `'${n}'`).join(', ')}, got ${JSON.stringify(name)}`);
  }
  const key = name as ColormapName;
  let lut = cache.get(key);
  if (lut === undefined) {
    lut = new Uint8Array(768);
    if (key === 'gray') for (let i = 0; i < 256; i++) lut.fill(i, i * 3, i * 3 + 3);
    else {
      const hex = COLORMAP_HEX[key];
      for (let i = 0; i < 768; i++) lut[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    }
    cache.set(key, lut);
  }
  return lut;
}
