import { formatById, resolveFormat, type FormatInfo, type FormatName } from '../formats.js';
import { describe } from './elements.js';
import {
  HEADER_BYTES,
  MAGIC,
  MAX_CAPACITY,
  MAX_REASON_LENGTH,
  REASON_UNITS_BYTE,
  VERSION,
  W_CAPACITY,
  W_FORMAT,
  W_ITEMSIZE,
  W_MAGIC,
  W_REASON_LENGTH,
  W_VERSION,
  ringByteLength,
} from './layout.js';

/**
 * The ring header: creating it, validating a handle against it, and the abort reason kept in it.
 * What the words mean is in layout.ts; what the two sides do with the index words is in spsc.ts.
 */

/** A new ring's shared memory with its header written; `RangeError`/`TypeError` when it cannot be made. */
export function createRingMemory(format: FormatInfo, capacity: unknown): SharedArrayBuffer {
  if (typeof capacity !== 'number') {
    throw new TypeError(`RingBuffer: capacity must be a number of elements, got ${describe(capacity)}`);
  }
  if (!Number.isInteger(capacity) || capacity <= 0 || capacity > MAX_CAPACITY) {
    throw new RangeError(`RingBuffer: capacity must be an integer from 1 to ${MAX_CAPACITY} elements, got ${capacity}`);
  }
  if (typeof SharedArrayBuffer === 'undefined') {
    throw new TypeError(
      'RingBuffer: SharedArrayBuffer is not available; in a browser the page must be cross-origin isolated ' +
        "(serve it with 'Cross-Origin-Opener-Policy: same-origin' and 'Cross-Origin-Embedder-Policy: require-corp')",
    );
  }
  const byteLength = ringByteLength(capacity, format.itemsize);
  let buffer: SharedArrayBuffer;
  try {
    buffer = new SharedArrayBuffer(byteLength);
  } catch (error) {
    throw new RangeError(`RingBuffer: cannot allocate ${byteLength} bytes for ${capacity} elements (${(error as Error).message})`);
  }
  const words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  words[W_MAGIC] = MAGIC;
  words[W_VERSION] = VERSION;
  words[W_FORMAT] = format.id;
  words[W_CAPACITY] = capacity;
  words[W_ITEMSIZE] = format.itemsize;
  return buffer;
}

/**
 * Checks a handle against the header it points to: magic, version, format, capacity, and the
 * buffer's exact byte length. Each property of the handle is read once (a getter cannot answer the
 * checks one way and the caller another); the caller uses what this returns (the creator's is a function of capacity and item size, so a header
 * whose capacity was rewritten to another value fails here even when the buffer could hold it).
 */
export function validateHandle(handle: unknown): { format: FormatInfo; name: FormatName; capacity: number; buffer: SharedArrayBuffer } {
  if (typeof handle !== 'object' || handle === null) {
    throw new TypeError(`RingBuffer.attach: expected a ring handle { buffer, format, capacity }, got ${describe(handle)}`);
  }
  const { buffer, format, capacity, version: claimedVersion } = handle as { buffer?: unknown; format?: unknown; capacity?: unknown; version?: unknown };
  if (typeof SharedArrayBuffer === 'undefined' || !(buffer instanceof SharedArrayBuffer)) {
    throw new TypeError(`RingBuffer.attach: handle.buffer must be a SharedArrayBuffer, got ${describe(buffer)}`);
  }
  const byteLength = buffer.byteLength;
  if (byteLength < HEADER_BYTES) {
    throw new RangeError(`RingBuffer.attach: handle.buffer holds ${byteLength} bytes, less than a ring header`);
  }
  const words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
  if (Atomics.load(words, W_MAGIC) !== MAGIC) throw new TypeError('RingBuffer.attach: handle.buffer is not a ringflow ring (bad magic)');
  const version = Atomics.load(words, W_VERSION);
  if (version !== VERSION) throw new TypeError(`RingBuffer.attach: ring layout version ${version}, this build reads version ${VERSION}`);
  if (claimedVersion !== undefined && claimedVersion !== VERSION) {
    throw new TypeError(`RingBuffer.attach: handle.version ${String(claimedVersion)}, this build reads version ${VERSION}`);
  }
  const info = formatById(Atomics.load(words, W_FORMAT));
  if (info === undefined || Atomics.load(words, W_ITEMSIZE) !== info.itemsize) {
    throw new TypeError('RingBuffer.attach: the ring header names no valid format (corrupted header)');
  }
  const claimed = resolveFormat(format);
  if (claimed !== info) {
    throw new TypeError(`RingBuffer.attach: handle.format '${String(format)}' does not match the ring's format '${info.code}' (${info.dtype})`);
  }
  const stored = Atomics.load(words, W_CAPACITY);
  if (stored <= 0 || stored > MAX_CAPACITY) throw new RangeError(`RingBuffer.attach: corrupted header (capacity ${stored})`);
  if (capacity !== stored) {
    throw new RangeError(`RingBuffer.attach: handle.capacity ${String(capacity)} does not match the ring's capacity ${stored}`);
  }
  const expected = ringByteLength(stored, info.itemsize);
  if (byteLength < expected) {
    throw new RangeError(`RingBuffer.attach: handle.buffer holds ${byteLength} bytes, too small for ${stored} elements of '${info.code}' (a ring of them has exactly ${expected})`);
  }
  if (byteLength !== expected) {
    throw new RangeError(
      `RingBuffer.attach: handle.buffer holds ${byteLength} bytes, but a ring of ${stored} elements of '${info.code}' has exactly ${expected}: ` +
        'the header or the handle was rewritten (corrupted header)',
    );
  }
  return { format: info, name: format as FormatName, capacity: stored, buffer };
}

/** The text of an abort reason as kept in the header: an Error's message, else `String(reason)`, truncated. */
export function reasonText(reason: unknown): string {
  let text = reason instanceof Error ? reason.message || reason.name : String(reason);
  if (text.length > MAX_REASON_LENGTH) {
    let cut = MAX_REASON_LENGTH;
    const last = text.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // do not split a surrogate pair
    text = text.slice(0, cut);
  }
  return text;
}

/** Stores `text` (at most MAX_REASON_LENGTH units) in the header; the ABORTED flag is set afterwards by the caller. */
export function writeReason(buffer: SharedArrayBuffer, words: Int32Array, text: string): void {
  const units = new Uint16Array(buffer, REASON_UNITS_BYTE, MAX_REASON_LENGTH);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  Atomics.store(words, W_REASON_LENGTH, text.length);
}

/** The reason stored in the header (valid once ABORTED is seen set). */
export function readReason(buffer: SharedArrayBuffer, words: Int32Array): string {
  const length = Math.min(Math.max(Atomics.load(words, W_REASON_LENGTH), 0), MAX_REASON_LENGTH);
  const units = new Uint16Array(buffer, REASON_UNITS_BYTE, length);
  let text = '';
  for (let i = 0; i < length; i += 1024) text += String.fromCharCode(...units.subarray(i, Math.min(i + 1024, length)));
  return text;
}
