import { resolveFormat, type FormatInfo } from '@ringflow/core';
import { decodeTags, MalformedMessageError, type WireTag } from './tag-codec.js';

/**
 * The ringflow wire's header, the first frame of each multipart message (the samples are the
 * second). Little-endian:
 *
 * ```
 * 0  'RFLW'        magic
 * 4  u8  version   (1)
 * 5  u8  kind      0 data, 1 end of stream, 2 abort (the second frame holds the reason, UTF-8)
 * 6  u8  format    struct code, ASCII ('f', 'd', 'h', ...)
 * 7  u8  flags     bit 0: samples are little-endian
 * 8  u32 channels
 * 12 u32 stream id (random per sender: sequence numbers count per stream)
 * 16 f64 sample rate in Hz (0: not given)
 * 24 u64 sequence number of this message (data messages count from 0)
 * 32 u64 index of the message's first frame in the sender's stream
 * 40 u32 frames in this message
 * 44 u32 tag count
 * 48 u32 chunk count (data messages: >= 1; the sender joins chunks that queued up)
 * 52 u32 frames of each chunk (the chunk count of them), then the tags: u64 offset (frame index in
 *    the sender's stream), key, value and srcid as PMTs
 * ```
 */
export const RINGFLOW_MAGIC = 0x574c4652; // 'RFLW' read as a little-endian u32
export const RINGFLOW_VERSION = 1;
export const RINGFLOW_HEADER_BYTES = 52;

export const KIND_DATA = 0;
export const KIND_END = 1;
export const KIND_ABORT = 2;

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The fields a sender writes (tags already encoded, see `encodeTag`). */
export interface RingflowHeaderFields<Tag = Uint8Array> {
  readonly kind: number;
  readonly format: FormatInfo;
  readonly channels: number;
  readonly streamId: number;
  readonly sampleRate: number;
  readonly sequence: number;
  readonly firstFrame: number;
  readonly frames: number;
  readonly chunkFrames: readonly number[];
  readonly tags: readonly Tag[];
}

/** A header as read: the fields, the version and the byte order, tags decoded. */
export interface RingflowHeader extends RingflowHeaderFields<WireTag> {
  readonly version: number;
  readonly littleEndian: boolean;
}

export function encodeRingflowHeader(h: RingflowHeaderFields): Buffer {
  let length = RINGFLOW_HEADER_BYTES + 4 * h.chunkFrames.length;
  for (const t of h.tags) length += t.length;
  const out = Buffer.allocUnsafe(length);
  out.writeUInt32LE(RINGFLOW_MAGIC, 0);
  out.writeUInt8(RINGFLOW_VERSION, 4);
  out.writeUInt8(h.kind, 5);
  out.writeUInt8(h.format.code.charCodeAt(0), 6);
  out.writeUInt8(LITTLE_ENDIAN_HOST ? 1 : 0, 7);
  out.writeUInt32LE(h.channels, 8);
  out.writeUInt32LE(h.streamId, 12);
  out.writeDoubleLE(h.sampleRate, 16);
  out.writeBigUInt64LE(BigInt(h.sequence), 24);
  out.writeBigUInt64LE(BigInt(h.firstFrame), 32);
  out.writeUInt32LE(h.frames, 40);
  out.writeUInt32LE(h.tags.length, 44);
  out.writeUInt32LE(h.chunkFrames.length, 48);
  let at = RINGFLOW_HEADER_BYTES;
  for (const frames of h.chunkFrames) {
    out.writeUInt32LE(frames, at);
    at += 4;
  }
  for (const t of h.tags) {
    out.set(t, at);
    at += t.length;
  }
  return out;
}

/**
 * Parses a ringflow header. A frame that is not one (wrong size or magic, unknown format code,
 * broken tags) is a MalformedMessageError; a different version is a plain Error (the caller
 * rejects it), since it is a real ringflow peer that this receiver cannot read.
 */
export function decodeRingflowHeader(bytes: Uint8Array, what: string): RingflowHeader {
  if (bytes.length < RINGFLOW_HEADER_BYTES) throw new MalformedMessageError(`${what}: a ringflow header needs ${RINGFLOW_HEADER_BYTES} bytes, the first frame has ${bytes.length}: is the sender using wire 'gnuradio'?`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  if (magic !== RINGFLOW_MAGIC) throw new MalformedMessageError(`${what}: the first frame does not start with the ringflow magic 'RFLW': is the sender using wire 'gnuradio'?`);
  const version = view.getUint8(4);
  const kind = view.getUint8(5);
  if (version !== RINGFLOW_VERSION) {
    return { version, kind, format: resolveFormat('B'), littleEndian: true, channels: 0, streamId: 0, sampleRate: 0, sequence: 0, firstFrame: 0, frames: 0, chunkFrames: [], tags: [] };
  }
  if (kind > KIND_ABORT) throw new MalformedMessageError(`${what}: unknown ringflow message kind ${kind}`);
  const code = String.fromCharCode(view.getUint8(6));
  let format: FormatInfo;
  try {
    format = resolveFormat(code);
  } catch {
    throw new MalformedMessageError(`${what}: unknown format code '${code}' in a ringflow header`);
  }
  const sequence = view.getBigUint64(24, true);
  const firstFrame = view.getBigUint64(32, true);
  if (sequence > BigInt(Number.MAX_SAFE_INTEGER) || firstFrame > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedMessageError(`${what}: sequence or frame index beyond 2^53 in a ringflow header`);
  const frames = view.getUint32(40, true);
  const count = view.getUint32(44, true);
  const chunks = view.getUint32(48, true);
  if (chunks > (bytes.length - RINGFLOW_HEADER_BYTES) / 4) throw new MalformedMessageError(`${what}: a ringflow header announces ${chunks} chunks but holds no table for them`);
  const chunkFrames: number[] = [];
  let total = 0;
  for (let i = 0; i < chunks; i++) {
    const n = view.getUint32(RINGFLOW_HEADER_BYTES + 4 * i, true);
    if (n === 0) throw new MalformedMessageError(`${what}: chunk ${i} of a ringflow message is empty`);
    chunkFrames.push(n);
    total += n;
  }
  if (total !== frames || (kind === KIND_DATA && chunks === 0)) throw new MalformedMessageError(`${what}: a ringflow header's chunks hold ${total} frames, it announces ${frames}`);
  const { tags, end } = decodeTags(bytes, RINGFLOW_HEADER_BYTES + 4 * chunks, count, what);
  if (end !== bytes.length) throw new MalformedMessageError(`${what}: ${bytes.length - end} stray bytes after the tags of a ringflow header`);
  return {
    version,
    kind,
    format,
    littleEndian: (view.getUint8(7) & 1) === 1,
    channels: view.getUint32(8, true),
    streamId: view.getUint32(12, true),
    sampleRate: view.getFloat64(16, true),
    sequence: Number(sequence),
    firstFrame: Number(firstFrame),
    frames,
    chunkFrames,
    tags,
  };
}
