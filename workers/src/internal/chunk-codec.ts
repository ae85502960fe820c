/**
 * The chunk codec: how one item (a chunk, or a marker in the stream) is framed as bytes on a hop.
 * One framing serves every hop, both directions and both transports; `ChunkWriter` encodes with
 * it and `ChunkReader` decodes with it.
 *
 * ```
 * frame   = header (16 bytes) | payload (count * itemsize bytes) | zeros up to a multiple of 8
 * header  = two float64: [ kind + 256 * channels, count ]
 * kind    = 1..10: a chunk of that core format id (FORMATS[kind - 1]), `count` elements;
 *           channels 0 = a 1-D mono TypedArray, channels c >= 1 = a [count / c, c] multichannel chunk
 *           KIND_PARAMS: a parameter update, `count` = its sequence number (value by Comlink)
 *           KIND_BOUNDARY: the end of the outputs of one input chunk (pools re-order with it)
 *           KIND_END_OF_INPUT: the stage's input ended; what follows was emitted at completion
 * ```
 *
 * Every frame is a multiple of 8 bytes, so every header and payload starts 8-byte aligned in the
 * stream (V8 copies between relatively misaligned typed arrays byte by byte).
 */
import { FORMATS, formatOf, isMultichannel, type FormatInfo, type TypedArray } from '@ringflow/core';
import type { Chunk } from '../types.js';

/** Bytes of a frame header. */
export const HEADER_BYTES = 16;
export const KIND_PARAMS = 32;
export const KIND_BOUNDARY = 33;
export const KIND_END_OF_INPUT = 34;

/** A parameter update at this point of the stream; its value comes by Comlink under `seq`. */
export interface ParamsMarker {
  readonly marker: 'params';
  readonly seq: number;
}

/** The end of the outputs of one input chunk (used by pools to re-order results). */
export interface BoundaryMarker {
  readonly marker: 'boundary';
}

/** The stage's input ended: every later item of this hop was emitted at completion. */
export interface EndOfInputMarker {
  readonly marker: 'end-of-input';
}

export type Marker = ParamsMarker | BoundaryMarker | EndOfInputMarker;

/** What travels on a hop. */
export type Item = Chunk | Marker;

export const BOUNDARY: BoundaryMarker = Object.freeze({ marker: 'boundary' });
export const END_OF_INPUT: EndOfInputMarker = Object.freeze({ marker: 'end-of-input' });

export function isMarker(item: Item): item is Marker {
  return typeof (item as Partial<Marker>).marker === 'string' && !ArrayBuffer.isView(item);
}

/** Bytes of a frame with `payloadBytes` of payload: header, payload, pad to 8. */
export function frameBytes(payloadBytes: number): number {
  return HEADER_BYTES + ((payloadBytes + 7) & ~7);
}

const BY_CLASS = new Map<unknown, FormatInfo>(FORMATS.map((f) => [f.ArrayType, f]));

/** The format of a TypedArray: one map lookup for the ten classes, `formatOf` for subclasses and Buffers. */
function formatOfArray(array: unknown): FormatInfo | undefined {
  return BY_CLASS.get((array as { constructor?: unknown }).constructor) ?? formatOf(array);
}

// The intrinsic getters: a subclass cannot lie about where its bytes are.
const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const getter = (name: string): ((array: TypedArray) => number) => {
  const get = Object.getOwnPropertyDescriptor(typedArrayPrototype, name)!.get!;
  return (array) => get.call(array) as number;
};
const byteLengthOf = getter('byteLength');
const lengthOf = getter('length');

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a plain Array';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
  }
  return `${typeof value} ${String(value)}`;
}

/** Whether an empty array's buffer was transferred away (`detached` where the engine has it). */
function isDetached(array: TypedArray): boolean {
  const buffer = array.buffer as ArrayBuffer & { detached?: boolean };
  if (typeof buffer.detached === 'boolean') return buffer.detached;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/**
 * One frame's header, filled in place by `encode` (writers) and `decodeHeader` (readers): one object
 * per end of a hop, so nothing is allocated per frame. When encoding, the payload is `count`
 * elements of `data` from element `start`.
 */
export class FrameHead {
  tag = 0;
  count = 0;
  /** Marker kind or format id (`tag % 256`). */
  kind = 0;
  /** 0 for mono chunks and markers, else the channel count. */
  channels = 0;
  format: FormatInfo | undefined;
  data: TypedArray | undefined;
  start = 0;

  /** Payload bytes. */
  get payloadBytes(): number {
    return this.format === undefined ? 0 : this.count * this.format.itemsize;
  }
}

/**
 * Encodes `item` into `head`. A strided multichannel view is compacted into a new interleaved array
 * (the one case that copies here); everything else is described in place.
 *
 * @param what - The caller named in error messages (`'offload'`, `'exposeStage'`).
 * @throws TypeError for a value that is not a chunk (or a detached one); RangeError for a
 *   multichannel view whose shape or strides do not fit its data.
 */
export function encode(item: Item, head: FrameHead, what: string): void {
  if (ArrayBuffer.isView(item)) {
    const format = formatOfArray(item);
    if (format === undefined || item instanceof DataView) throw notAChunk(item, what);
    const array = item as TypedArray;
    if (byteLengthOf(array) === 0 && isDetached(array)) {
      throw new TypeError(`${what}: a chunk's ArrayBuffer is detached (it was transferred away); emit a copy`);
    }
    head.tag = format.id;
    head.kind = format.id;
    head.channels = 0;
    head.count = lengthOf(array);
    head.format = format;
    head.data = array;
    head.start = 0;
    return;
  }
  const marker = (item as Partial<Marker> | null)?.marker;
  if (marker === 'params') {
    setMarker(head, KIND_PARAMS, (item as ParamsMarker).seq);
    return;
  }
  if (marker === 'boundary' || marker === 'end-of-input') {
    setMarker(head, marker === 'boundary' ? KIND_BOUNDARY : KIND_END_OF_INPUT, 0);
    return;
  }
  if (isMultichannel(item)) {
    encodeMultichannel(item, head, what);
    return;
  }
  throw notAChunk(item, what);
}

function setMarker(head: FrameHead, kind: number, count: number): void {
  head.tag = kind;
  head.kind = kind;
  head.channels = 0;
  head.count = count;
  head.format = undefined;
  head.data = undefined;
  head.start = 0;
}

function notAChunk(value: unknown, what: string): TypeError {
  return new TypeError(
    `${what}: a chunk must be a TypedArray of a ring format (Float32Array, Int16Array, ...) or a [frames, channels] ` +
      `multichannel chunk { data, shape, stride, offset } over one, got ${describeValue(value)}`,
  );
}

function encodeMultichannel(chunk: { data: TypedArray; shape: readonly number[]; stride: readonly number[]; offset: number }, head: FrameHead, what: string): void {
  const format = formatOfArray(chunk.data);
  if (format === undefined) throw notAChunk(chunk, what);
  const [frames, channels] = chunk.shape as [unknown, unknown];
  const [s0, s1] = (Array.isArray(chunk.stride) ? chunk.stride : []) as [unknown, unknown];
  const offset: unknown = chunk.offset;
  if (!Number.isSafeInteger(frames) || (frames as number) < 0 || !Number.isSafeInteger(channels) || (channels as number) < 1) {
    throw new RangeError(`${what}: a multichannel chunk's shape must be [frames >= 0, channels >= 1] integers, got [${String(frames)}, ${String(channels)}]`);
  }
  if (!Number.isSafeInteger(s0) || !Number.isSafeInteger(s1) || !Number.isSafeInteger(offset)) {
    throw new RangeError(`${what}: a multichannel chunk needs integer stride [${String(s0)}, ${String(s1)}] and offset ${String(offset)}`);
  }
  const f = frames as number;
  const c = channels as number;
  const length = lengthOf(chunk.data);
  const count = f * c;
  if (count > 0) {
    // The lowest and highest element the view touches must lie inside its data.
    const first = offset as number;
    const lo = first + Math.min(0, (f - 1) * (s0 as number)) + Math.min(0, (c - 1) * (s1 as number));
    const hi = first + Math.max(0, (f - 1) * (s0 as number)) + Math.max(0, (c - 1) * (s1 as number));
    if (lo < 0 || hi >= length) {
      throw new RangeError(`${what}: a [${f}, ${c}] multichannel view with stride [${String(s0)}, ${String(s1)}] and offset ${first} does not fit its ${length} elements`);
    }
  }
  head.tag = format.id + 256 * c;
  head.kind = format.id;
  head.channels = c;
  head.count = count;
  head.format = format;
  if (count === 0 || (s1 === 1 && s0 === c)) {
    head.data = chunk.data;
    head.start = count === 0 ? 0 : (offset as number);
    return;
  }
  // Strided (a channel subset, a transposed view...): compacted into interleaved order.
  const out = new format.ArrayType(count) as unknown as Float64Array;
  const data = chunk.data as unknown as Float64Array;
  for (let i = 0, k = 0; i < f; i++) {
    for (let j = 0, p = (offset as number) + i * (s0 as number); j < c; j++, p += s1 as number) out[k++] = data[p]!;
  }
  head.data = out as unknown as TypedArray;
  head.start = 0;
}

/**
 * Decodes a frame header into `head` (`tag`, `count`, `kind`, `channels`, `format`; `format` is
 * undefined for a marker). A header that `encode` cannot have written is a corrupted stream.
 *
 * @throws RangeError naming the values when the header is corrupted.
 */
export function decodeHeader(tag: number, count: number, head: FrameHead): void {
  const kind = tag % 256;
  const channels = (tag - kind) / 256;
  const valid = Number.isSafeInteger(tag) && tag >= 0 && Number.isSafeInteger(count) && count >= 0;
  head.tag = tag;
  head.count = count;
  head.kind = kind;
  head.channels = channels;
  if (valid && kind >= 1 && kind <= FORMATS.length && (channels === 0 || count % channels === 0)) {
    head.format = FORMATS[kind - 1];
    return;
  }
  if (valid && channels === 0 && (kind === KIND_PARAMS || kind === KIND_BOUNDARY || kind === KIND_END_OF_INPUT)) {
    head.format = undefined;
    return;
  }
  throw new RangeError(`corrupted frame header [${tag}, ${count}] on a hop`);
}

/** The marker a header announces (`format` undefined). */
export function markerOf(head: FrameHead): Marker {
  if (head.kind === KIND_BOUNDARY) return BOUNDARY;
  if (head.kind === KIND_END_OF_INPUT) return END_OF_INPUT;
  return { marker: 'params', seq: head.count };
}

/** The chunk a header announces, over `data` (which holds exactly its `count` elements). */
export function chunkOf(channels: number, data: TypedArray): Chunk {
  if (channels === 0) return data;
  return { data, shape: [data.length / channels, channels], stride: [channels, 1], offset: 0 };
}

/** Elements of a chunk (all channels), as counted in statistics. */
export function samplesOf(chunk: Chunk): number {
  return ArrayBuffer.isView(chunk) ? lengthOf(chunk) : chunk.shape[0] * chunk.shape[1];
}
