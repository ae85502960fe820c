/**
 * Chunk framing over one hop (main -> worker, worker -> worker, worker -> main).
 *
 * Ring transport: two SharedArrayBuffer rings per hop.
 *
 * - `frames` (format `'d'`): one descriptor per item:
 *   `count * 16 + code`, where `code` 1..10 is the core format id of a chunk of `count` elements,
 *   `CODE_PARAMS` announces a parameter update (`count` = its sequence number, the value travels by
 *   Comlink) and `CODE_BOUNDARY` marks the end of the outputs of one input chunk (pools).
 * - `data` (format `'B'`): the chunk's bytes, padded with zeros to a multiple of 8 so that every chunk
 *   starts 8-byte aligned in the ring (V8 copies between relatively misaligned typed arrays byte by
 *   byte). A chunk that fits the free space is written before its descriptor (the consumer wakes
 *   once and finds it whole); a larger one is announced first and written in pieces as the
 *   consumer frees room. The reader reads a descriptor, then waits for exactly that many bytes.
 *
 * Message transport: a MessagePort per hop; each chunk is copied into a fresh buffer and transferred;
 * the receiver acknowledges consumed bytes so that at most `byteBudget` bytes are in flight.
 */
import { FORMATS, RingBuffer, formatOf, type RingHandle } from '@ringflow/core';
import type { Chunk } from '../types.js';

/** End of the outputs of one input chunk (used by pools to re-order results). */
export interface BoundaryMarker {
  readonly marker: 'boundary';
}

/** A parameter update at this point of the stream. */
export interface ParamsMarker {
  readonly marker: 'params';
  /** Sequence number; the value comes by Comlink (ring transport) or with the marker (message transport). */
  readonly seq: number;
  readonly hasValue: boolean;
  readonly value?: unknown;
}

/** What travels on a hop. */
export type Item = Chunk | BoundaryMarker | ParamsMarker;

export const BOUNDARY: BoundaryMarker = Object.freeze({ marker: 'boundary' });

export function isChunk(item: Item): item is Chunk {
  return ArrayBuffer.isView(item);
}

/** A MessagePort of either platform, as far as we use it. */
export interface PortLike {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  close(): void;
  start?(): void;
}

/** The structured-cloneable description of one end of a hop. */
export type ChannelSpec =
  | { readonly kind: 'ring'; readonly data: RingHandle<'B'>; readonly frames: RingHandle<'d'> }
  | { readonly kind: 'message'; readonly port: PortLike; readonly byteBudget: number };

/** Writes items into a hop, in order, waiting for room (backpressure). */
export interface ChunkWriter {
  /** Queues `item`; resolves once it is in the ring / posted. Writes run in call order. */
  write(item: Item): Promise<void>;
  /** Resolves when every queued write has finished. */
  drained(): Promise<void>;
  /** Ends the stream after the queued writes. */
  close(): Promise<void>;
  /** Times the writer found no room and waited. */
  readonly overruns: number;
  /** Stops waiting, releases ports. */
  dispose(): void;
}

/** Reads items from a hop. */
export interface ChunkReader {
  /** The next item, or `null` at the end of the stream. */
  read(): Promise<Item | null>;
  /** Stops waiting, releases ports. */
  dispose(): void;
}

export const CODE_PARAMS = 14;
export const CODE_BOUNDARY = 15;

const ZEROS = new Uint8Array(8);
const PADS: readonly Uint8Array[] = Array.from({ length: 8 }, (_, n) => ZEROS.subarray(0, n));

function padOf(byteLength: number): number {
  return (8 - (byteLength % 8)) % 8;
}

function bytesOf(chunk: Chunk): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/** Checks an emitted value is a chunk and returns its format id. */
export function chunkFormatId(value: unknown): number {
  const info = formatOf(value);
  if (info === undefined) {
    throw new TypeError(`a chunk must be a TypedArray of a ring format (Float32Array, Int16Array, ...), got ${describeValue(value)}`);
  }
  return info.id;
}

function listen(port: PortLike, handler: (data: unknown) => void): () => void {
  const p = port as PortLike & {
    on?: (type: 'message', fn: (data: unknown) => void) => void;
    off?: (type: 'message', fn: (data: unknown) => void) => void;
    addEventListener?: (type: 'message', fn: (event: { data: unknown }) => void) => void;
    removeEventListener?: (type: 'message', fn: (event: { data: unknown }) => void) => void;
  };
  if (typeof p.on === 'function' && typeof p.off === 'function') {
    p.on('message', handler);
    return () => p.off?.('message', handler);
  }
  const listener = (event: { data: unknown }): void => handler(event.data);
  p.addEventListener?.('message', listener);
  p.start?.();
  return () => p.removeEventListener?.('message', listener);
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

const RESOLVED: Promise<void> = Promise.resolve();

class RingWriter implements ChunkWriter {
  readonly #data: RingBuffer<'B'>;
  readonly #frames: RingBuffer<'d'>;
  readonly #abort = new AbortController();
  readonly #descriptor = new Float64Array(1);
  #tail: Promise<void> = Promise.resolve();
  /** Writes queued behind #tail (each holds its own copy of its chunk). */
  #pending = 0;
  #overruns = 0;

  constructor(spec: Extract<ChannelSpec, { kind: 'ring' }>) {
    this.#data = RingBuffer.attach(spec.data);
    this.#frames = RingBuffer.attach(spec.frames);
  }

  get overruns(): number {
    return this.#overruns;
  }

  write(item: Item): Promise<void> {
    // Written at once when nothing is queued and it fits: the common case costs no promise hop.
    try {
      if (this.#pending === 0 && this.#writeNow(item)) return RESOLVED;
    } catch (error) {
      return Promise.reject(error); // like every other failure of write: through the promise
    }
    // Otherwise it waits its turn: keep a copy, since the caller may refill its buffer as soon as
    // this returns (e.g. an upstream batch(n, { reuse: true })).
    const owned = isChunk(item) ? item.slice() : item;
    this.#pending++;
    const run = this.#tail.then(() => this.#write(owned));
    const done = (): void => void this.#pending--;
    run.then(done, done);
    this.#tail = run;
    return run;
  }

  /** Writes `item` synchronously if the hop has room for all of it now; false otherwise. */
  #writeNow(item: Item): boolean {
    if (this.#abort.signal.aborted || this.#frames.writeAvailable < 1) return false;
    if (!isChunk(item)) {
      this.#descriptor[0] = item.marker === 'boundary' ? CODE_BOUNDARY : item.seq * 16 + CODE_PARAMS;
      this.#frames.write(this.#descriptor);
      return true;
    }
    const pad = padOf(item.byteLength);
    if (this.#data.writeAvailable < item.byteLength + pad) return false;
    this.#descriptor[0] = item.length * 16 + chunkFormatId(item);
    if (item.byteLength > 0) this.#data.write(bytesOf(item));
    if (pad > 0) this.#data.write(PADS[pad]!);
    this.#frames.write(this.#descriptor);
    return true;
  }

  drained(): Promise<void> {
    return this.#tail;
  }

  close(): Promise<void> {
    const run = this.#tail.then(() => {
      this.#data.close();
      this.#frames.close();
    });
    this.#tail = run;
    return run;
  }

  dispose(): void {
    this.#abort.abort(new Error('channel disposed'));
  }

  async #write(item: Item): Promise<void> {
    if (isChunk(item)) {
      this.#descriptor[0] = item.length * 16 + chunkFormatId(item);
      const pad = padOf(item.byteLength);
      if (this.#data.writeAvailable >= item.byteLength + pad) {
        // It fits now: data first, so the consumer wakes once and finds the whole chunk.
        if (item.byteLength > 0) this.#data.write(bytesOf(item));
        if (pad > 0) this.#data.write(PADS[pad]!);
        await this.#put(this.#frames, this.#descriptor);
        return;
      }
      // Larger than the free space: announce it first, so the consumer takes it in pieces.
      await this.#put(this.#frames, this.#descriptor);
      if (item.byteLength > 0) await this.#put(this.#data, bytesOf(item));
      if (pad > 0) await this.#put(this.#data, PADS[pad]!);
    } else if (item.marker === 'boundary') {
      this.#descriptor[0] = CODE_BOUNDARY;
      await this.#put(this.#frames, this.#descriptor);
    } else {
      this.#descriptor[0] = item.seq * 16 + CODE_PARAMS;
      await this.#put(this.#frames, this.#descriptor);
    }
  }

  async #put(ring: RingBuffer<'B'> | RingBuffer<'d'>, data: Uint8Array | Float64Array): Promise<void> {
    const rest = (ring as RingBuffer).push(data);
    if (rest === null) return;
    this.#overruns++;
    await (ring as RingBuffer).pushAsync(rest, { signal: this.#abort.signal });
  }
}

class RingReader implements ChunkReader {
  readonly #data: RingBuffer<'B'>;
  readonly #frames: RingBuffer<'d'>;
  readonly #abort = new AbortController();
  readonly #descriptor = new Float64Array(1);
  readonly #padScratch = new Uint8Array(8);
  readonly #pads: readonly Uint8Array[];
  readonly #wait: { readonly signal: AbortSignal; readonly spinMicros: number };

  /** @param spinMicros - How long to poll for the next item before sleeping (0 on a main thread). */
  constructor(spec: Extract<ChannelSpec, { kind: 'ring' }>, spinMicros: number) {
    this.#data = RingBuffer.attach(spec.data);
    this.#frames = RingBuffer.attach(spec.frames);
    this.#pads = Array.from({ length: 8 }, (_, n) => this.#padScratch.subarray(0, n));
    this.#wait = { signal: this.#abort.signal, spinMicros };
  }

  async read(): Promise<Item | null> {
    const frames = this.#frames;
    const descriptor = this.#descriptor;
    if (frames.read(descriptor) !== 1) {
      // Wait (polling first in workers) without popping: nothing is allocated per item.
      if (!(await frames.waitReadable(1, this.#wait))) return null;
      frames.read(descriptor);
    }
    const d = descriptor[0]!;
    const code = d % 16;
    const count = (d - code) / 16;
    if (code === CODE_BOUNDARY) return BOUNDARY;
    if (code === CODE_PARAMS) return { marker: 'params', seq: count, hasValue: false };
    const info = FORMATS[code - 1];
    if (info === undefined || !Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`corrupted frame descriptor ${d} on the ring`);
    }
    const out = new info.ArrayType(count);
    if (out.byteLength > 0) await this.#fill(new Uint8Array(out.buffer));
    const pad = padOf(out.byteLength);
    if (pad > 0) await this.#fill(this.#pads[pad]!);
    return out;
  }

  /** Reads exactly `target.length` bytes, waiting (without spinning on the main thread) as needed. */
  async #fill(target: Uint8Array): Promise<void> {
    const data = this.#data;
    let done = data.read(target);
    while (done < target.length) {
      // The rest, or a full ring for a chunk larger than the ring (the producer writes it in pieces).
      const wanted = Math.min(target.length - done, data.capacity);
      if (!(await data.waitReadable(wanted, this.#wait))) {
        if (data.readAvailable === 0) throw new Error('the producer closed the ring in the middle of a chunk');
      }
      done += data.read(target.subarray(done));
    }
  }

  dispose(): void {
    this.#abort.abort(new Error('channel disposed'));
  }
}

type WireMessage =
  | { readonly c: Chunk }
  | { readonly b: 1 }
  | { readonly p: number; readonly v: unknown }
  | { readonly end: 1 }
  | { readonly ack: number };

class PortWriter implements ChunkWriter {
  readonly #port: PortLike;
  readonly #budget: number;
  readonly #unlisten: () => void;
  #inFlight = 0;
  #wake: (() => void) | undefined;
  #disposed = false;
  #tail: Promise<void> = Promise.resolve();
  #overruns = 0;

  constructor(spec: Extract<ChannelSpec, { kind: 'message' }>) {
    this.#port = spec.port;
    this.#budget = spec.byteBudget;
    this.#unlisten = listen(spec.port, (data) => {
      const ack = (data as { ack?: number }).ack;
      if (typeof ack === 'number') {
        this.#inFlight -= ack;
        const wake = this.#wake;
        this.#wake = undefined;
        wake?.();
      }
    });
  }

  get overruns(): number {
    return this.#overruns;
  }

  get fill(): number {
    return Math.min(1, this.#inFlight / this.#budget);
  }

  write(item: Item): Promise<void> {
    // Copied now into a buffer of its own (transferred later): the caller may refill its buffer as
    // soon as this returns.
    const owned = isChunk(item) ? item.slice() : item;
    const run = this.#tail.then(() => this.#write(owned));
    this.#tail = run;
    return run;
  }

  drained(): Promise<void> {
    return this.#tail;
  }

  close(): Promise<void> {
    const run = this.#tail.then(() => this.#post({ end: 1 }));
    this.#tail = run;
    return run;
  }

  dispose(): void {
    this.#disposed = true;
    this.#unlisten();
    this.#port.close();
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #post(message: WireMessage, transfer?: unknown[]): void {
    if (this.#disposed) throw new Error('channel disposed');
    this.#port.postMessage(message, transfer);
  }

  async #write(item: Item): Promise<void> {
    if (isChunk(item)) {
      // `item` is already a copy of its own (see write), so its buffer can be transferred.
      chunkFormatId(item);
      if (this.#inFlight > 0 && this.#inFlight + item.byteLength > this.#budget) {
        this.#overruns++;
        while (!this.#disposed && this.#inFlight > 0 && this.#inFlight + item.byteLength > this.#budget) {
          await new Promise<void>((resolve) => (this.#wake = resolve));
        }
      }
      this.#inFlight += item.byteLength;
      this.#post({ c: item }, [item.buffer]);
    } else if (item.marker === 'boundary') {
      this.#post({ b: 1 });
    } else {
      this.#post({ p: item.seq, v: item.value });
    }
  }
}

class PortReader implements ChunkReader {
  readonly #port: PortLike;
  readonly #unlisten: () => void;
  readonly #queue: WireMessage[] = [];
  #head = 0;
  #wake: ((error?: unknown) => void) | undefined;
  #disposed = false;

  constructor(spec: Extract<ChannelSpec, { kind: 'message' }>) {
    this.#port = spec.port;
    this.#unlisten = listen(spec.port, (data) => {
      this.#queue.push(data as WireMessage);
      const wake = this.#wake;
      this.#wake = undefined;
      wake?.();
    });
  }

  async read(): Promise<Item | null> {
    while (this.#head === this.#queue.length) {
      if (this.#disposed) throw new Error('channel disposed');
      await new Promise<void>((resolve, reject) => (this.#wake = (error) => (error === undefined ? resolve() : reject(error))));
    }
    const message = this.#queue[this.#head]!;
    if ('end' in message) return null;
    this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
    if ('c' in message) {
      this.#port.postMessage({ ack: message.c.byteLength });
      return message.c;
    }
    if ('b' in message) return BOUNDARY;
    if ('p' in message) return { marker: 'params', seq: message.p, hasValue: true, value: message.v };
    throw new Error('unexpected message on a ringflow channel');
  }

  dispose(): void {
    this.#disposed = true;
    this.#unlisten();
    this.#port.close();
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.(new Error('channel disposed'));
  }
}

/** Opens the producing end of a hop. */
export function openWriter(spec: ChannelSpec): ChunkWriter {
  return spec.kind === 'ring' ? new RingWriter(spec) : new PortWriter(spec);
}

/** Opens the consuming end of a hop. */
export function openReader(spec: ChannelSpec, spinMicros = 0): ChunkReader {
  return spec.kind === 'ring' ? new RingReader(spec, spinMicros) : new PortReader(spec);
}

/** A hop created on the main thread: the two ends to hand out, and the fill gauge. */
export interface Link {
  readonly producer: ChannelSpec;
  readonly consumer: ChannelSpec;
  /** Fill 0..1 of the ring (always 0 for message links; their writers report in-flight bytes). */
  fill(): number;
}

/** Creates a hop: `capacity` elements of up to 8 bytes (`capacity * 8` bytes), `frameCapacity` descriptors. */
export function createLink(kind: 'ring' | 'message', capacity: number, frameCapacity: number): Link {
  if (kind === 'ring') {
    const data = new RingBuffer({ format: 'B', capacity: capacity * 8 });
    const frames = new RingBuffer({ format: 'd', capacity: frameCapacity });
    const spec: ChannelSpec = { kind: 'ring', data: data.handle, frames: frames.handle };
    return { producer: spec, consumer: spec, fill: () => data.readAvailable / data.capacity };
  }
  const channel = new MessageChannel();
  const byteBudget = capacity * 8;
  return {
    producer: { kind: 'message', port: channel.port1 as unknown as PortLike, byteBudget },
    consumer: { kind: 'message', port: channel.port2 as unknown as PortLike, byteBudget },
    fill: () => 0,
  };
}

/** The in-flight fill of a message writer, or undefined for ring writers. */
export function writerFill(writer: ChunkWriter): number | undefined {
  return writer instanceof PortWriter ? writer.fill : undefined;
}

/** The ports of a spec (to list in a transfer). */
export function transferablesOf(spec: ChannelSpec): unknown[] {
  return spec.kind === 'message' ? [spec.port] : [];
}
