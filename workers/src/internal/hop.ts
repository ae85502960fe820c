/**
 * The hop: a one-way byte pipe between two threads, the same interface for both transports (a
 * SharedArrayBuffer ring, or a MessagePort). `ChunkWriter` frames items into it with the chunk
 * codec, `ChunkReader` reads them back; neither knows which transport it talks to.
 *
 * The wait protocol. Every write and every read moves a multiple of 8 bytes, so the fill `U` of a
 * hop of `C` bytes is always a multiple of 8. A writer that cannot write all it has writes what
 * fits, then sleeps until `writerWant` bytes are free; a reader that lacks bytes of the frame it
 * is assembling reads all there is, then sleeps until `readerWant` bytes are readable. Each side
 * wakes the other when it crosses the other's published watermark. Both sleep only in a state
 * with `U < readerWant` and `C - U < writerWant`, i.e. `C - writerWant < U < readerWant`; since
 * `writerWant <= ceil(C / 2)` and `readerWant <= max(8, 8 * floor(C / 16))`, no multiple of 8 lies
 * in that interval: that state is unreachable (test/internal/hop-protocol.test.ts explores every
 * interleaving of both sides' steps to check it). A reader that waited for the rest of its frame
 * up to the whole hop, against a writer waiting for half of it free, could sleep at 97 % full
 * while the writer slept too: the deadlock this protocol removes.
 */
import { RingBuffer, type RingHandle } from '@ringflow/core';
import { MessageHopReader, MessageHopWriter, type PortLike } from './message-hop.js';
import { RingHopReader, RingHopWriter } from './ring-hop.js';

/** The structured-cloneable description of one end of a hop (sent to a worker in `start`). */
export type HopSpec =
  | { readonly kind: 'ring'; readonly ring: RingHandle<'B'> }
  | { readonly kind: 'message'; readonly port: PortLike; readonly capacity: number };

/** The producing end of a hop. */
export interface HopWriter {
  /** Bytes the hop holds. */
  readonly capacity: number;
  /** Whether `writeBlocking` works here (ring transport on a thread that may block). */
  readonly canBlock: boolean;
  /** Bytes that can be written now without waiting. */
  writable(): number;
  /** Writes what fits of `bytes` (a multiple of 8 long) without waiting; returns the bytes written (a multiple of 8). */
  write(bytes: Uint8Array): number;
  /** Resolves once `count` bytes can be written; rejects when the hop was closed or disposed. */
  waitWritable(count: number): Promise<unknown>;
  /**
   * Writes what it can of `bytes` (a multiple of 8 long, at most `ceil(capacity / 2)` so that the
   * wait protocol holds), blocking the thread up to `timeoutMs` (Infinity: until all is written).
   * Returns the bytes written. Throws when the hop is closed.
   */
  writeBlocking(bytes: Uint8Array, timeoutMs: number): number;
  /** Ends the stream after the bytes written so far. */
  close(): void;
  /** Fill 0..1 as this end sees it. */
  fill(): number;
  /** Stops waiting (pending waits reject) and releases the end. */
  dispose(): void;
}

/** The consuming end of a hop. */
export interface HopReader {
  /** Bytes the hop holds. */
  readonly capacity: number;
  /** Reads up to `into.length` bytes (a multiple of 8) without waiting; returns the bytes read. */
  read(into: Uint8Array): number;
  /** Whether the writer closed the hop and every byte was read. */
  ended(): boolean;
  /** Resolves once `count` bytes are readable, or the hop is closed (check `ended`); rejects once disposed. */
  waitReadable(count: number): Promise<unknown>;
  /** Fill 0..1 as this end sees it. */
  fill(): number;
  /** Stops waiting and releases the end. */
  dispose(): void;
}

/** Bytes a writer with `remaining` bytes to write waits to be free: the rest, at most half the hop. */
export function writerWant(remaining: number, capacity: number): number {
  return Math.min(remaining, Math.ceil(capacity / 2));
}

/** Bytes a reader missing `missing` bytes of its frame waits for: the rest, at most half the hop (8-byte floor, at least 8). */
export function readerWant(missing: number, capacity: number): number {
  return Math.min(missing, Math.max(8, Math.floor(capacity / 16) * 8));
}

/** A hop made on the thread that starts the workers: the two ends to hand out. */
export interface Hop {
  readonly writer: HopSpec;
  readonly reader: HopSpec;
  /** Closes the hop from outside (teardown): wakes a writer blocked on it. */
  close(): void;
}

/** Creates a hop of `capacity` bytes (a multiple of 8) for `transport`. */
export function createHop(transport: 'ring' | 'message', capacity: number): Hop {
  if (transport === 'ring') {
    const ring = new RingBuffer({ format: 'B', capacity });
    const spec: HopSpec = { kind: 'ring', ring: ring.handle };
    return { writer: spec, reader: spec, close: () => ring.close() };
  }
  const channel = new MessageChannel();
  return {
    writer: { kind: 'message', port: channel.port1 as unknown as PortLike, capacity },
    reader: { kind: 'message', port: channel.port2 as unknown as PortLike, capacity },
    close: () => undefined,
  };
}

/** Options of an opened end. */
export interface OpenOptions {
  /** Microseconds a reader polls before sleeping (workers; 0 on a main thread). */
  readonly spinMicros?: number;
  /** Whether this thread may block (`Atomics.wait`). */
  readonly canBlock?: boolean;
}

/** Opens the producing end described by `spec`. */
export function openHopWriter(spec: HopSpec, options: OpenOptions = {}): HopWriter {
  return spec.kind === 'ring' ? new RingHopWriter(spec.ring, options.canBlock ?? false) : new MessageHopWriter(spec.port, spec.capacity);
}

/** Opens the consuming end described by `spec`. */
export function openHopReader(spec: HopSpec, options: OpenOptions = {}): HopReader {
  return spec.kind === 'ring' ? new RingHopReader(spec.ring, options.spinMicros ?? 0) : new MessageHopReader(spec.port, spec.capacity);
}

/** The ports of a spec, to list in a transfer. */
export function transferablesOf(spec: HopSpec): unknown[] {
  return spec.kind === 'message' ? [spec.port] : [];
}
