import type { WavFormatInfo } from './wav-formats.js';

/** The speaker masks sox writes for extensible files (front pair, centre, LFE, surrounds); 0 = unassigned. */
const DEFAULT_MASKS: Readonly<Record<number, number>> = { 1: 0x4, 2: 0x3, 4: 0x33, 6: 0x3f, 8: 0x63f };

/** Data size written before the stream ends: "unknown, read to the end of the file". */
export const UNKNOWN_SIZE = 0xffffffff;

/** What the header of a file being written says. */
export interface WavHeaderFields {
  readonly format: WavFormatInfo;
  readonly channels: number;
  readonly sampleRate: number;
  /** Frames in the data chunk, or undefined while unknown (sizes written as 0xFFFFFFFF). */
  readonly frames: number | undefined;
  /** Speaker mask of an extensible header; default as sox. */
  readonly channelMask?: number | undefined;
}

/**
 * Whether a header needs `WAVE_FORMAT_EXTENSIBLE`: integer PCM of more than two channels or more
 * than 16 bits (Microsoft's rule, applied as sox applies it). IEEE float keeps format tag 3 at any
 * channel count, as sox and libsndfile write it (sox warns when it reads an extensible float header).
 */
export function needsExtensible(format: WavFormatInfo, channels: number): boolean {
  return !format.float && (channels > 2 || format.bytes > 2);
}

/** Byte length of the header {@link wavHeaderBytes} writes. */
export function wavHeaderLength(format: WavFormatInfo, channels: number): number {
  if (needsExtensible(format, channels)) return 12 + 8 + 40 + 12 + 8;
  return format.float ? 12 + 8 + 18 + 12 + 8 : 12 + 8 + 16 + 8;
}

/**
 * The header of a canonical WAV file: RIFF, fmt (PCM 16 bytes, float 18, extensible 40), a fact
 * chunk for float and extensible files (the spec asks for one on every non-PCM format), data.
 * The RIFF size includes the pad byte an odd-sized data chunk is followed by.
 */
export function wavHeaderBytes(fields: WavHeaderFields): Uint8Array {
  const { format, channels, sampleRate, frames } = fields;
  const extensible = needsExtensible(format, channels);
  const length = wavHeaderLength(format, channels);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = text.charCodeAt(i);
  };
  const blockAlign = channels * format.bytes;
  const dataBytes = frames === undefined ? undefined : frames * blockAlign;
  ascii(0, 'RIFF');
  view.setUint32(4, dataBytes === undefined ? UNKNOWN_SIZE : length - 8 + dataBytes + (dataBytes & 1), true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  const fmtSize = extensible ? 40 : format.float ? 18 : 16;
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, extensible ? 0xfffe : format.float ? 3 : 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, format.bytes * 8, true);
  let at = 36;
  if (fmtSize > 16) {
    view.setUint16(36, fmtSize - 18, true);
    at = 38;
  }
  if (extensible) {
    view.setUint16(38, format.bytes * 8, true);
    view.setUint32(40, fields.channelMask ?? DEFAULT_MASKS[channels] ?? 0, true);
    // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: {0000000X-0000-0010-8000-00AA00389B71}
    out.set([format.float ? 3 : 1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 44);
    at = 60;
  }
  if (extensible || format.float) {
    ascii(at, 'fact');
    view.setUint32(at + 4, 4, true);
    view.setUint32(at + 8, frames === undefined ? UNKNOWN_SIZE : frames, true);
    at += 12;
  }
  ascii(at, 'data');
  view.setUint32(at + 4, dataBytes === undefined ? UNKNOWN_SIZE : dataBytes, true);
  return out;
}
