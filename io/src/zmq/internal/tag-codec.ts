import { deserializePmtAt, pmt, type PmtValue } from '../pmt.js';
import type { ZmqTag } from '../types.js';

/** A message that does not parse: counted in `malformed`, or the stream's error with `onMalformed: 'error'`. */
export class MalformedMessageError extends RangeError {
  override readonly name = 'MalformedMessageError';
}

/** A tag as it travels: its offset in the sender's frame count. */
export interface WireTag {
  readonly offset: number;
  readonly key: string;
  readonly value: PmtValue;
  readonly srcid: PmtValue;
}

/**
 * Checks a tag given to `addTag` (TypeError/RangeError naming the call): an object with an integer
 * offset >= `sent` (the frames already sent), a string key and a serialisable value and srcid.
 */
export function checkTag(what: string, carriesTags: boolean, tag: unknown, sent: number): asserts tag is ZmqTag {
  if (!carriesTags) throw new TypeError(`${what}: the 'gnuradio' wire carries tags only with { tags: true }`);
  if (typeof tag !== 'object' || tag === null) throw new TypeError(`${what}: expected a tag { offset, key, value }, got ${tag === null ? 'null' : typeof tag}`);
  const { offset, key } = tag as Partial<ZmqTag>;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
    throw new TypeError(`${what}: tag offset must be a frame index (an integer >= 0), got ${typeof offset === 'number' ? offset : typeof offset}`);
  }
  if (typeof key !== 'string') throw new TypeError(`${what}: tag key must be a string (a PMT symbol), got ${key === null ? 'null' : typeof key}`);
  if (offset < sent) throw new RangeError(`${what}: frame ${offset} was already sent (${sent} frames so far): add tags before the chunk that holds their frame`);
  encodeTag(tag as ZmqTag, what); // a value that cannot be serialised fails now, not when its chunk comes
}

const SRCID_DEFAULT = new Uint8Array([0x01]); // PMT_F

/** The bytes of one serialised tag list entry: u64 offset (host order, as GNU Radio), key, value, srcid. */
export function encodeTag(tag: WireTag | ZmqTag, what: string): Uint8Array {
  const key = pmtBytes(tag.key, what);
  const value = pmtBytes(tag.value, what);
  const srcid = tag.srcid === undefined || tag.srcid === false ? SRCID_DEFAULT : pmtBytes(tag.srcid, what);
  const out = new Uint8Array(8 + key.length + value.length + srcid.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(tag.offset), true);
  out.set(key, 8);
  out.set(value, 8 + key.length);
  out.set(srcid, 8 + key.length + value.length);
  return out;
}

function pmtBytes(value: PmtValue, what: string): Uint8Array {
  try {
    return pmt.serialize(value);
  } catch (error) {
    const e = error as Error;
    const message = e.message.replace(/^pmt\.serialize: /, `${what}: tag `);
    throw e instanceof RangeError ? new RangeError(message) : new TypeError(message);
  }
}

/** Reads `count` tag entries at `at`; returns them (offsets in the sender's count) and where they end. */
export function decodeTags(bytes: Uint8Array, at: number, count: number, what: string): { tags: WireTag[]; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Each entry takes at least 11 bytes: a count beyond what is left is malformed, not an allocation.
  if (count > (bytes.length - at) / 11) throw new MalformedMessageError(`${what}: a header announces ${count} tags but only ${bytes.length - at} bytes follow`);
  const tags: WireTag[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 8 > bytes.length) throw new MalformedMessageError(`${what}: tag ${i} is truncated`);
    const offset = view.getBigUint64(at, true);
    if (offset > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedMessageError(`${what}: tag ${i} has offset ${offset}, beyond 2^53`);
    let key: PmtValue;
    let value: PmtValue;
    let srcid: PmtValue;
    try {
      const k = deserializePmtAt(bytes, at + 8);
      const v = deserializePmtAt(bytes, k.end);
      const s = deserializePmtAt(bytes, v.end);
      key = k.value;
      value = v.value;
      srcid = s.value;
      at = s.end;
    } catch (error) {
      throw new MalformedMessageError(`${what}: tag ${i}: ${(error as Error).message}`);
    }
    if (typeof key !== 'string') throw new MalformedMessageError(`${what}: tag ${i} has a key that is not a symbol`);
    tags.push({ offset: Number(offset), key, value, srcid });
  }
  return { tags, end: at };
}

const GR_HEADER_MAGIC = 0x5ff0;
const GR_HEADER_VERSION = 0x01;
/** magic u16, version u8, offset u64, ntags u64 (gr-zeromq/lib/tag_headers.cc). */
const GR_HEADER_BYTES = 19;

/**
 * GNU Radio's ZeroMQ tag header (`gen_tag_header`): magic 0x5FF0, version 1, the offset of the
 * message's first item, the tag count, then each tag (offset, key, value, srcid as PMTs).
 * Integers in host byte order, as GNU Radio writes them (little-endian on every host it ships for).
 */
export function encodeGnuRadioHeader(offset: number, tags: readonly Uint8Array[]): Uint8Array {
  let length = GR_HEADER_BYTES;
  for (const t of tags) length += t.length;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint16(0, GR_HEADER_MAGIC, true);
  view.setUint8(2, GR_HEADER_VERSION);
  view.setBigUint64(3, BigInt(offset), true);
  view.setBigUint64(11, BigInt(tags.length), true);
  let at = GR_HEADER_BYTES;
  for (const t of tags) {
    out.set(t, at);
    at += t.length;
  }
  return out;
}

/** Parses GNU Radio's tag header at the start of a message (`parse_tag_header`). */
export function decodeGnuRadioHeader(bytes: Uint8Array, what: string): { offset: number; tags: WireTag[]; end: number } {
  if (bytes.length < GR_HEADER_BYTES) throw new MalformedMessageError(`${what}: a message of ${bytes.length} bytes is too small to hold GNU Radio's tag header (${GR_HEADER_BYTES} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint16(0, true);
  if (magic !== GR_HEADER_MAGIC) throw new MalformedMessageError(`${what}: no GNU Radio tag header (magic 0x${magic.toString(16)}, expected 0x5ff0): does the sender use pass_tags / tags: true?`);
  const version = view.getUint8(2);
  if (version !== GR_HEADER_VERSION) throw new MalformedMessageError(`${what}: GNU Radio tag header version ${version}, only version 1 is known`);
  const offset = view.getBigUint64(3, true);
  if (offset > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedMessageError(`${what}: tag header offset ${offset} is beyond 2^53`);
  const count = view.getBigUint64(11, true);
  if (count > BigInt(bytes.length)) throw new MalformedMessageError(`${what}: a header announces ${count} tags in a message of ${bytes.length} bytes`);
  const { tags, end } = decodeTags(bytes, GR_HEADER_BYTES, Number(count), what);
  return { offset: Number(offset), tags, end };
}
