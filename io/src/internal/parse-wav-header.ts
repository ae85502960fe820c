import type { WavChunkInfo, WavInfo, WavSampleFormat } from '../types.js';
import { WavError, type WavErrorCode } from '../wav-error.js';
import type { ByteSource } from './byte-source.js';
import { wavFormatOf } from './wav-formats.js';

/** Names of the format tags met in the wild that this reader does not decode. */
const CODECS: Readonly<Record<number, string>> = {
  0x0000: 'unknown (format tag 0)',
  0x0002: 'Microsoft ADPCM',
  0x0006: 'A-law',
  0x0007: 'mu-law',
  0x0011: 'IMA ADPCM',
  0x0014: 'ITU G.723 ADPCM',
  0x0022: 'DSP Group TrueSpeech',
  0x0031: 'GSM 6.10',
  0x0040: 'ITU G.721 ADPCM',
  0x0050: 'MPEG audio (MP1/MP2)',
  0x0055: 'MPEG Layer 3 (MP3)',
  0x0064: 'ITU G.726 ADPCM',
  0x0065: 'ITU G.722 ADPCM',
  0x0092: 'Dolby AC-3 over S/PDIF',
  0x00ff: 'AAC',
  0x0161: 'Windows Media Audio',
  0x1610: 'MPEG-2/4 AAC (ADTS)',
  0x2000: 'Dolby AC-3',
  0x2001: 'DTS',
  0x674f: 'Ogg Vorbis',
  0xf1ac: 'FLAC',
};

const PCM = 0x0001;
const FLOAT = 0x0003;
const EXTENSIBLE = 0xfffe;
/** The tail shared by every KSDATAFORMAT_SUBTYPE GUID derived from a format tag. */
const SUBTYPE_TAIL = '000000001000800000aa00389b71';
/** The tail of the Ambisonic B-format subtypes (sox's .amb files), PCM and float. */
const AMBISONIC_TAIL = '00002107d3118644c8c1ca000000';
/** Largest fmt body read into memory; anything longer is a corrupt header. */
const MAX_FMT_BYTES = 1 << 16;

function hex(value: number, digits = 4): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

function codecName(tag: number): string {
  return CODECS[tag] ?? `format tag ${hex(tag)}`;
}

/** What a file that is not RIFF looks like, to say so. */
function guessFileType(head: Uint8Array): string {
  const text = String.fromCharCode(...head.subarray(0, 4));
  if (text.startsWith('ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'it looks like an MP3 file';
  if (text === 'fLaC') return 'it looks like a FLAC file';
  if (text === 'OggS') return 'it looks like an Ogg file';
  if (text === 'FORM') return 'it looks like an AIFF file';
  if (text === '.snd') return 'it looks like a Sun/NeXT AU file';
  if (text === 'RIFX') return 'it is big-endian RIFX, which is not supported';
  if (text === 'BW64') return 'it is BW64 (ITU-R BS.2088), which is not supported';
  const shown = [...head.subarray(0, 4)].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
  return `it starts with "${shown}"`;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

function printable(bytes: Uint8Array, n: number): boolean {
  if (n < 4) return false;
  for (let i = 0; i < 4; i++) if (bytes[i]! < 0x20 || bytes[i]! > 0x7e) return false;
  return true;
}

interface Fmt {
  format: WavSampleFormat;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
  validBitsPerSample: number;
  formatTag: number;
  channelMask: number;
}

function parseFmt(body: Uint8Array, fail: (code: WavErrorCode, problem: string) => never): Fmt {
  if (body.length < 16) fail('bad-format', `the fmt chunk is ${body.length} bytes, a WAV fmt chunk has at least 16`);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const formatTag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bitsPerSample = view.getUint16(14, true);
  let kind = formatTag;
  let validBitsPerSample = bitsPerSample;
  let channelMask = 0;
  if (formatTag === EXTENSIBLE) {
    if (body.length < 40) fail('bad-format', `WAVE_FORMAT_EXTENSIBLE needs a 40-byte fmt chunk, this one has ${body.length} bytes`);
    validBitsPerSample = view.getUint16(18, true) || bitsPerSample;
    channelMask = view.getUint32(20, true);
    const sub = view.getUint16(24, true);
    const tail = [...body.subarray(26, 40)].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (tail !== SUBTYPE_TAIL && tail !== AMBISONIC_TAIL) {
      const guid = [...body.subarray(24, 40)].map((b) => b.toString(16).padStart(2, '0')).join('');
      fail('unsupported-codec', `unsupported codec: WAVE_FORMAT_EXTENSIBLE with sub-format GUID ${guid}; only PCM and IEEE float can be read`);
    }
    kind = sub;
  }
  if (kind !== PCM && kind !== FLOAT) {
    const via = formatTag === EXTENSIBLE ? ' (as a WAVE_FORMAT_EXTENSIBLE sub-format)' : '';
    fail('unsupported-codec', `unsupported codec ${codecName(kind)}${kind in CODECS ? ` (format tag ${hex(kind)})` : ''}${via}; only PCM and IEEE float can be read (convert first, e.g. sox in.wav -e signed-integer out.wav)`);
  }
  if (channels === 0) fail('bad-format', 'the fmt chunk says 0 channels');
  if (sampleRate === 0) fail('bad-format', 'the fmt chunk says a sample rate of 0 Hz');
  if (bitsPerSample === 0) fail('bad-format', 'the fmt chunk says 0 bits per sample');
  const bytes = Math.ceil(bitsPerSample / 8);
  const format = wavFormatOf(bytes, kind === FLOAT);
  if (format === undefined || (kind === FLOAT && bitsPerSample !== bytes * 8)) {
    fail('bad-format', `${bitsPerSample}-bit ${kind === FLOAT ? 'IEEE float' : 'integer PCM'} is not supported (PCM: 8, 16, 24, 32 bits; float: 32, 64 bits)`);
  }
  if (blockAlign !== channels * bytes) {
    fail('bad-format', `the fmt chunk's block align (${blockAlign} bytes) disagrees with ${channels} channels of ${bytes} bytes`);
  }
  if (validBitsPerSample > bitsPerSample) fail('bad-format', `${validBitsPerSample} valid bits do not fit in ${bitsPerSample}-bit samples`);
  return { format, channels, sampleRate, blockAlign, bitsPerSample: bytes * 8, validBitsPerSample, formatTag, channelMask };
}

/**
 * Reads and checks a WAV header from `source`, walking the chunks up to the data chunk without
 * reading anything larger than a fmt chunk (so absurd sizes cannot exhaust memory).
 */
export function parseWavHeader(source: ByteSource, call: string): WavInfo {
  const fail = (code: WavErrorCode, problem: string): never => {
    throw new WavError(call, source.name, code, problem);
  };
  const head = new Uint8Array(16);
  const n = source.read(0, 12, head);
  if (n < 12) fail('not-riff', `not a WAV file: it is ${source.size} bytes long, shorter than a RIFF header`);
  const riff = fourcc(head, 0);
  if (riff !== 'RIFF' && riff !== 'RF64') fail('not-riff', `not a WAV file: ${guessFileType(head)} where a WAV file starts with "RIFF"`);
  if (fourcc(head, 8) !== 'WAVE') fail('not-wave', `not a WAV file: a RIFF file of form type "${fourcc(head, 8)}", not "WAVE"`);
  const container = riff as 'RIFF' | 'RF64';

  const chunks: WavChunkInfo[] = [];
  let fmt: Fmt | undefined;
  let ds64Data: number | undefined;
  let pos = 12;
  const chunkHead = new Uint8Array(8);
  for (;;) {
    let got = source.read(pos, 8, chunkHead);
    // A writer that forgot the pad byte after an odd-sized chunk: take the id one byte earlier.
    if (!printable(chunkHead, got) && pos > 12 && chunks.length > 0 && (chunks.at(-1)!.size & 1) === 1) {
      const alt = new Uint8Array(8);
      const altGot = source.read(pos - 1, 8, alt);
      if (printable(alt, altGot)) {
        pos -= 1;
        chunkHead.set(alt);
        got = altGot;
      }
    }
    if (got < 8) {
      if (fmt === undefined) fail('bad-format', 'no fmt chunk before the end of the file');
      fail('no-data', 'no data chunk before the end of the file');
    }
    const view = new DataView(chunkHead.buffer);
    const id = fourcc(chunkHead, 0);
    const size = view.getUint32(4, true);
    const body = pos + 8;
    if (id === 'data') {
      if (fmt === undefined) fail('bad-format', 'the data chunk comes before any fmt chunk');
      const f = fmt!;
      const available = Math.max(0, source.size - body);
      let declared: number;
      let toEnd = false;
      if (container === 'RF64' && size === 0xffffffff) {
        if (ds64Data === undefined) fail('bad-format', 'an RF64 file without a ds64 chunk before its data');
        declared = ds64Data!;
      } else if (size === 0xffffffff) {
        declared = available;
        toEnd = true;
      } else {
        declared = size;
      }
      const present = Math.min(declared, available);
      const frames = Math.floor(present / f.blockAlign);
      const truncated = declared > available || (!toEnd && declared % f.blockAlign !== 0) || (toEnd && available % f.blockAlign !== 0);
      chunks.push({ id, offset: body, size: declared });
      return {
        source: source.name,
        sampleRate: f.sampleRate,
        channels: f.channels,
        frames,
        duration: frames / f.sampleRate,
        format: f.format,
        bitsPerSample: f.bitsPerSample,
        validBitsPerSample: f.validBitsPerSample,
        blockAlign: f.blockAlign,
        formatTag: f.formatTag,
        extensible: f.formatTag === EXTENSIBLE,
        channelMask: f.channelMask,
        container,
        dataOffset: body,
        dataBytes: frames * f.blockAlign,
        truncated,
        riffChunks: chunks,
      };
    }
    if (body + size > source.size) {
      fail('bad-chunk', `the "${id.replace(/[^\x20-\x7e]/g, '?')}" chunk at byte ${pos} says ${size} bytes, past the end of the file (${source.size} bytes): a corrupt or truncated header`);
    }
    chunks.push({ id, offset: body, size });
    if (id === 'fmt ') {
      if (size > MAX_FMT_BYTES) fail('bad-format', `a fmt chunk of ${size} bytes (a real one has 16 to 40)`);
      const fmtBody = new Uint8Array(Math.min(size, 40));
      source.read(body, fmtBody.length, fmtBody);
      fmt = parseFmt(fmtBody, fail);
    } else if (id === 'ds64' && container === 'RF64') {
      if (size < 24) fail('bad-format', `a ds64 chunk of ${size} bytes (it has at least 24)`);
      const ds = new Uint8Array(24);
      source.read(body, 24, ds);
      const dv = new DataView(ds.buffer);
      const data = dv.getUint32(8, true) + dv.getUint32(12, true) * 2 ** 32;
      ds64Data = data;
    }
    pos = body + size + (size & 1);
  }
}
