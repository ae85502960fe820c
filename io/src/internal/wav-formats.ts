import type { WavSampleFormat } from '../types.js';

/** What the codec and the header writer need to know about a sample format. */
export interface WavFormatInfo {
  readonly name: WavSampleFormat;
  /** Bytes per stored sample. */
  readonly bytes: number;
  readonly float: boolean;
}

export const WAV_FORMATS: Readonly<Record<WavSampleFormat, WavFormatInfo>> = {
  uint8: { name: 'uint8', bytes: 1, float: false },
  int16: { name: 'int16', bytes: 2, float: false },
  int24: { name: 'int24', bytes: 3, float: false },
  int32: { name: 'int32', bytes: 4, float: false },
  float32: { name: 'float32', bytes: 4, float: true },
  float64: { name: 'float64', bytes: 8, float: true },
};

/** Other names accepted for the formats: sox's and libsndfile's ways of saying them. */
export const WAV_FORMAT_ALIASES: Readonly<Record<string, WavSampleFormat>> = {
  pcm8: 'uint8', u8: 'uint8', pcm16: 'int16', s16: 'int16', pcm24: 'int24', s24: 'int24', pcm32: 'int32', s32: 'int32',
  f32: 'float32', float: 'float32', f64: 'float64', double: 'float64',
};

/** The format info for `name` (or an alias), or a TypeError naming `call` and listing the valid names. */
export function resolveWavFormat(name: unknown, call: string): WavFormatInfo {
  if (typeof name === 'string' && Object.hasOwn(WAV_FORMATS, name)) return WAV_FORMATS[name as WavSampleFormat];
  if (typeof name === 'string' && Object.hasOwn(WAV_FORMAT_ALIASES, name)) return WAV_FORMATS[WAV_FORMAT_ALIASES[name]!];
  const shown = typeof name === 'string' ? JSON.stringify(name) : String(name);
  throw new TypeError(`${call}: format must be one of ${Object.keys(WAV_FORMATS).map((n) => `'${n}'`).join(', ')}; got ${shown}`);
}

/** The sample format stored with `bytes` per sample, integer or float; undefined when there is none. */
export function wavFormatOf(bytes: number, float: boolean): WavSampleFormat | undefined {
  for (const info of Object.values(WAV_FORMATS)) if (info.bytes === bytes && info.float === float) return info.name;
  return undefined;
}
