import { asMultichannel, isMultichannel, resolveFormat, type Chunk, type FormatInfo, type TypedArray } from '@ringflow/core';
import type { ZmqMode, ZmqPattern, ZmqStreamOptions, ZmqWire } from '../types.js';

/** Short description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a plain Array';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'string') return `the string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  return `${typeof value} ${String(value)}`;
}

/** A positive integer option, or a RangeError/TypeError naming the call and the option. */
export function positiveInteger(what: string, name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${what}: ${name} must be a positive integer, got ${describeValue(value)}`);
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${what}: ${name} must be a positive integer, got ${value}`);
  return value;
}

/** A non-negative integer option, or a RangeError/TypeError naming the call and the option. */
export function nonNegativeInteger(what: string, name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${what}: ${name} must be an integer >= 0, got ${describeValue(value)}`);
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}: ${name} must be an integer >= 0, got ${value}`);
  return value;
}

/** A non-negative finite number of milliseconds (or -1 for "forever" when `forever` is allowed). */
export function milliseconds(what: string, name: string, value: unknown, forever = false): number {
  if (typeof value !== 'number') throw new TypeError(`${what}: ${name} must be a number of milliseconds, got ${describeValue(value)}`);
  if (forever && value === Infinity) return -1;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what}: ${name} must be >= 0 milliseconds${forever ? ' (or Infinity)' : ''}, got ${value}`);
  return Math.round(value);
}

/** The options argument as an object (TypeError for anything else). */
export function optionsObject<O extends object>(what: string, options: O | undefined): Partial<O> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${what}: options must be an object, got ${describeValue(options)}`);
  }
  return options;
}

/** A checked ZeroMQ endpoint string. */
export function checkEndpoint(what: string, endpoint: unknown): string {
  if (typeof endpoint !== 'string') throw new TypeError(`${what}: endpoint must be a string such as 'tcp://127.0.0.1:5555' or 'ipc:///tmp/x.ipc', got ${describeValue(endpoint)}`);
  if (!/^(tcp|ipc|inproc|pgm|epgm|ws|wss|vmci|udp|tipc):\/\/./.test(endpoint)) {
    throw new TypeError(`${what}: endpoint '${endpoint}' is not a ZeroMQ address: expected transport://address, e.g. 'tcp://127.0.0.1:5555' or 'ipc:///tmp/x.ipc'`);
  }
  return endpoint;
}

/** Everything both ends derive from {@link ZmqStreamOptions}, validated once. */
export interface StreamSpec {
  readonly what: string;
  readonly pattern: ZmqPattern;
  readonly mode: ZmqMode;
  readonly wire: ZmqWire;
  readonly format: FormatInfo;
  readonly channels: number;
  readonly complex: boolean;
  /** GNU Radio tag header on every message (gnuradio wire); always true for the ringflow wire. */
  readonly tags: boolean;
  readonly topic: string | undefined;
  readonly highWaterMark: number;
  /** Bytes per frame: itemsize x channels (GNU Radio's itemsize x vlen). */
  readonly frameBytes: number;
  readonly onReady: ((endpoint: string) => void) | undefined;
}

/** Validates the stream options shared by both ends. */
export function streamSpec(what: string, opts: Partial<ZmqStreamOptions>, defaultMode: ZmqMode): StreamSpec {
  const pattern = opts.pattern ?? 'push-pull';
  if (pattern !== 'push-pull' && pattern !== 'pub-sub') throw new TypeError(`${what}: pattern must be 'push-pull' or 'pub-sub', got ${describeValue(pattern)}`);
  const mode = opts.mode ?? defaultMode;
  if (mode !== 'bind' && mode !== 'connect') throw new TypeError(`${what}: mode must be 'bind' or 'connect', got ${describeValue(mode)}`);
  const wire = opts.wire ?? 'ringflow';
  if (wire !== 'ringflow' && wire !== 'gnuradio') throw new TypeError(`${what}: wire must be 'ringflow' or 'gnuradio', got ${describeValue(wire)}`);
  let format: FormatInfo;
  try {
    format = resolveFormat(opts.format ?? 'f');
  } catch (error) {
    throw new TypeError(`${what}: ${(error as Error).message}`);
  }
  const complex = opts.complex ?? false;
  if (typeof complex !== 'boolean') throw new TypeError(`${what}: complex must be a boolean, got ${describeValue(complex)}`);
  let channels: number;
  if (complex) {
    if (format.code !== 'f' && format.code !== 'd') throw new TypeError(`${what}: complex samples are float32 or float64 pairs, got format '${format.code}' (${format.dtype})`);
    if (opts.channels !== undefined && opts.channels !== 2) throw new RangeError(`${what}: complex streams have 2 channels (re, im), got channels ${describeValue(opts.channels)}`);
    channels = 2;
  } else {
    channels = opts.channels === undefined ? 1 : positiveInteger(what, 'channels', opts.channels);
  }
  const tagsOption = opts.tags ?? false;
  if (typeof tagsOption !== 'boolean') throw new TypeError(`${what}: tags must be a boolean, got ${describeValue(tagsOption)}`);
  const topic = opts.topic;
  if (topic !== undefined) {
    if (typeof topic !== 'string') throw new TypeError(`${what}: topic must be a string, got ${describeValue(topic)}`);
    if (pattern !== 'pub-sub') throw new TypeError(`${what}: topic applies to pattern 'pub-sub' only (got pattern '${pattern}')`);
  }
  const highWaterMark = opts.highWaterMark === undefined ? 1000 : positiveInteger(what, 'highWaterMark', opts.highWaterMark);
  if (opts.onReady !== undefined && typeof opts.onReady !== 'function') throw new TypeError(`${what}: onReady must be a function, got ${describeValue(opts.onReady)}`);
  return {
    what,
    pattern,
    mode,
    wire,
    format,
    channels,
    complex,
    tags: wire === 'ringflow' || tagsOption,
    topic,
    highWaterMark,
    frameBytes: format.itemsize * channels,
    onReady: opts.onReady,
  };
}

/** A chunk checked against the stream: its frames, and a way to copy its samples (interleaved) into bytes. */
export interface SendableChunk {
  readonly frames: number;
  readonly byteLength: number;
  /** Writes the interleaved samples into `out` at `at` (which has room for `byteLength` bytes). */
  copyInto(out: Uint8Array, at: number): void;
  /** The samples' own bytes when contiguous and not shared, else undefined (for `copy: false`). */
  readonly contiguous: Uint8Array | undefined;
}

function isShared(buffer: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
}

/** Checks a chunk against the stream's format and channels (TypeError/RangeError naming the call). */
export function sendable(spec: StreamSpec, chunk: unknown): SendableChunk {
  const { what, format, channels } = spec;
  const Type = format.ArrayType;
  if (ArrayBuffer.isView(chunk) && !(chunk instanceof DataView)) {
    if (!(chunk instanceof Type)) throw new TypeError(`${what}: expected ${Type.name} chunks (format '${format.code}', ${format.dtype}), got ${describeValue(chunk)}`);
    const array = chunk as TypedArray;
    let frames = array.length;
    if (channels !== 1) {
      if (!spec.complex) {
        throw new RangeError(`${what}: the stream has ${channels} channels but a 1-D chunk of ${array.length} samples came: pass [frames, ${channels}] chunks (asMultichannel(data, ${channels}) from @ringflow/core)`);
      }
      if (array.length % 2 !== 0) throw new RangeError(`${what}: a 1-D complex chunk holds interleaved (re, im) pairs: its length must be even, got ${array.length}`);
      frames = array.length / 2;
    }
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    return {
      frames,
      byteLength: array.byteLength,
      copyInto: (out, at) => out.set(bytes, at),
      contiguous: isShared(array.buffer) ? undefined : bytes,
    };
  }
  if (!isMultichannel(chunk)) {
    throw new TypeError(`${what}: expected ${Type.name} chunks or [frames, ${channels}] multichannel chunks, got ${describeValue(chunk)}`);
  }
  const { data, shape, stride, offset } = chunk;
  if (!(data instanceof Type)) throw new TypeError(`${what}: expected multichannel chunks over a ${Type.name} (format '${format.code}'), got one over ${describeValue(data)}`);
  const [frames, width] = shape;
  if (width !== channels) throw new RangeError(`${what}: the stream has ${channels} channel${channels === 1 ? '' : 's'} but a [${frames}, ${width}] chunk came`);
  const [s0, s1] = stride;
  if (frames > 0) {
    const corners = [0, (frames - 1) * s0].flatMap((f) => [offset + f, offset + f + (channels - 1) * s1]);
    if (!Number.isInteger(offset) || Math.min(...corners) < 0 || Math.max(...corners) >= data.length) {
      throw new RangeError(`${what}: a [${frames}, ${width}] chunk with stride [${s0}, ${s1}] and offset ${offset} does not fit its data of ${data.length} elements`);
    }
  }
  const itemsize = format.itemsize;
  const byteLength = frames * channels * itemsize;
  if (s1 === 1 && (s0 === channels || frames <= 1)) {
    const bytes = new Uint8Array(data.buffer, data.byteOffset + offset * itemsize, byteLength);
    return { frames, byteLength, copyInto: (out, at) => out.set(bytes, at), contiguous: isShared(data.buffer) ? undefined : bytes };
  }
  return {
    frames,
    byteLength,
    contiguous: undefined,
    copyInto(out, at) {
      const view = new Type(out.buffer, out.byteOffset + at, frames * channels) as unknown as Float64Array;
      const src = data as unknown as Float64Array;
      let k = 0;
      for (let f = 0; f < frames; f++) {
        const base = offset + f * s0;
        for (let c = 0; c < channels; c++) view[k++] = src[base + c * s1]!;
      }
    },
  };
}

/**
 * Views `frames` frames of received bytes as samples of the stream's format: without copying when
 * the bytes are aligned for the format, else copied into a fresh, aligned array.
 */
export function samplesOf(spec: StreamSpec, bytes: Uint8Array, start: number, byteLength: number): TypedArray {
  const Type = spec.format.ArrayType;
  const itemsize = spec.format.itemsize;
  const byteOffset = bytes.byteOffset + start;
  if (byteOffset % itemsize === 0) return new Type(bytes.buffer, byteOffset, byteLength / itemsize);
  const out = new Type(byteLength / itemsize);
  new Uint8Array(out.buffer).set(bytes.subarray(start, start + byteLength));
  return out;
}

/** A chunk as the stream emits it: 1-D for one channel, `[frames, channels]` otherwise. */
export function chunkOf(spec: StreamSpec, samples: TypedArray): Chunk<TypedArray> {
  return spec.channels === 1 ? samples : asMultichannel(samples, spec.channels);
}
