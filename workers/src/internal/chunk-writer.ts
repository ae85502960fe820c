/**
 * The writing end of a hop, on either side: frames items with the chunk codec and moves the bytes
 * into the hop, in order, with bounded memory.
 *
 * Small frames are packed into a staging segment and flushed in one hop write at the end of the
 * current synchronous turn (a microtask), when the segment is full, or on `flush()`; a frame larger
 * than a segment streams into the hop straight from the chunk. When the hop is full:
 *
 * - `'block'` (stage workers on the ring transport; the main thread with `overflow: 'block'`): the
 *   thread blocks until the reader frees room (`writeBlocking`, in pieces of at most half the hop,
 *   as the wait protocol of hop.ts needs), calling `onStall` between slices when it is set;
 * - otherwise the bytes wait in owned segments (copies: the caller may refill its buffer), at most
 *   `maxQueuedBytes`; beyond that `'error'` throws a RangeError that names the option and
 *   `'drop-newest'` drops the chunk (counted). A pump writes them as the reader frees room.
 */
import { FrameHead, encode, frameBytes, HEADER_BYTES, type Item } from './chunk-codec.js';
import { writerWant, type HopWriter } from './hop.js';
import type { TypedArray } from '@ringflow/core';
import type { OverflowPolicy } from '../types.js';

/** Bytes of a staging segment, and how many written ones are kept for reuse (1 MiB). */
const SEGMENT_BYTES = 64 * 1024;
const MAX_SPARES = 16;
/** Milliseconds a blocked main thread sleeps before it runs `onStall` again. */
const STALL_SLICE_MS = 1;
/** `flushSoon` flushes once this many bytes wait, or this many milliseconds passed since the last flush. */
const FLUSH_BYTES = 16 * 1024;
const FLUSH_MS = 0.2;
/** `flushSoon` looks at the clock every 1..MAX_CHECK_INTERVAL calls (adapting to how often it is called). */
const MAX_CHECK_INTERVAL = 64;

/** Options of a `ChunkWriter`. */
export interface ChunkWriterOptions {
  /** The caller named in errors (`'offload'`, `'exposeStage'`). */
  readonly what: string;
  /** What to do when the hop is full and `maxQueuedBytes` wait already. */
  readonly overflow: OverflowPolicy;
  readonly maxQueuedBytes: number;
  /** Run between the slices of a blocked write (the main thread drains its outputs there). */
  readonly onStall?: (() => void) | undefined;
  /** A failure of a deferred write (the hop was closed or disposed under it). */
  readonly onError: (error: unknown) => void;
}

/** Bytes waiting to enter the hop, with a view per format for allocation-free copies. */
class Segment {
  readonly bytes: Uint8Array;
  readonly f64: Float64Array;
  readonly #views: (TypedArray | undefined)[] = [];
  start = 0;
  end = 0;

  constructor(byteLength: number) {
    this.bytes = new Uint8Array(byteLength);
    this.f64 = new Float64Array(this.bytes.buffer);
  }

  get free(): number {
    return this.bytes.length - this.end;
  }

  /** Appends one frame: header, payload, pad (`frameBytes` must fit). */
  put(head: FrameHead, payloadBytes: number): void {
    const at = this.end;
    this.f64[at >> 3] = head.tag;
    this.f64[(at >> 3) + 1] = head.count;
    if (payloadBytes > 0) {
      const format = head.format!;
      const data = head.data!;
      let view = this.#views[format.id];
      if (view === undefined) view = this.#views[format.id] = new format.ArrayType(this.bytes.buffer);
      const source = head.start === 0 && head.count === data.length ? data : data.subarray(head.start, head.start + head.count);
      (view as Float64Array).set(source as Float64Array, (at + HEADER_BYTES) / format.itemsize);
    }
    this.end = at + frameBytes(payloadBytes);
  }

  reset(): void {
    this.start = this.end = 0;
  }
}

export class ChunkWriter {
  readonly #hop: HopWriter;
  readonly #options: ChunkWriterOptions;
  readonly #block: boolean;
  readonly #head = new FrameHead();
  /** Bytes waiting to enter the hop, oldest first; the last one takes new small frames. */
  readonly #segments: Segment[];
  /** Written segments kept for reuse (a burst would otherwise allocate one per 64 KiB). */
  readonly #spares: Segment[] = [];
  #queued = 0;
  #flushScheduled = false;
  #pumping: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  #closed = false;
  #failed: unknown;
  #overruns = 0;
  #droppedChunks = 0;
  #droppedSamples = 0;
  #blockedMs = 0;
  #lastFlush = 0;
  #calls = 0;
  #checkEvery = 1;
  readonly #flushTask = (): void => {
    this.#flushScheduled = false;
    try {
      this.flush();
    } catch (error) {
      this.#fail(error);
    }
  };

  constructor(hop: HopWriter, options: ChunkWriterOptions) {
    this.#hop = hop;
    this.#options = options;
    this.#block = options.overflow === 'block';
    if (this.#block && !hop.canBlock) {
      throw new TypeError(`${options.what}: overflow 'block' needs the ring transport on a thread that may block (Node, or a worker)`);
    }
    this.#segments = [new Segment(SEGMENT_BYTES)];
  }

  /** Times a write found the hop full and waited (or blocked). */
  get overruns(): number {
    return this.#overruns;
  }

  /** Chunks dropped by `'drop-newest'`, and their elements. */
  get droppedChunks(): number {
    return this.#droppedChunks;
  }

  get droppedSamples(): number {
    return this.#droppedSamples;
  }

  /** Bytes written but not yet in the hop. */
  get queuedBytes(): number {
    return this.#queued;
  }

  /** Milliseconds spent blocked in `'block'` mode. */
  get blockedMs(): number {
    return this.#blockedMs;
  }

  /** Fill of the hop as this end sees it. */
  fill(): number {
    return this.#hop.fill();
  }

  /**
   * Writes one item (synchronously: the caller may reuse the chunk's buffer as soon as it returns).
   *
   * @returns `false` when `'drop-newest'` dropped the chunk, `true` otherwise.
   * @throws TypeError/RangeError for a value that is not a chunk; RangeError past `maxQueuedBytes`
   *   with `'error'`; the hop's error when it was closed.
   */
  write(item: Item): boolean {
    if (this.#failed !== undefined) throw this.#failed;
    if (this.#closed) throw new Error(`${this.#options.what}: write after the end of the stream`);
    const head = this.#head;
    encode(item, head, this.#options.what);
    const payload = head.payloadBytes;
    const total = frameBytes(payload);
    if (this.#block) {
      this.#writeBlocking(head, payload, total);
      return true;
    }
    if (this.#queued > 0 && this.#queued + total > this.#options.maxQueuedBytes && head.format !== undefined) {
      this.flush(); // the reader may have made room since the last flush
      if (this.#queued > 0 && this.#queued + total > this.#options.maxQueuedBytes) return this.#overflow(head, total);
    }
    if (this.#queued === 0 && total > SEGMENT_BYTES && this.#hop.writable() >= total) {
      this.#writeDirect(head, payload);
      return true;
    }
    this.#append(head, payload, total);
    this.#scheduleFlush();
    return true;
  }

  /** Moves what waits into the hop now (without waiting in queue mode; blocking in block mode). */
  flush(): void {
    if (this.#failed !== undefined) throw this.#failed;
    this.#lastFlush = performance.now();
    if (this.#block) {
      this.#flushBlocking();
      return;
    }
    this.#flushNow();
    if (this.#queued > 0) this.#pump();
  }

  /**
   * Flushes when enough waits (16 KiB) or enough time passed since the last flush (0.2 ms): what a
   * stage host calls after each input chunk, so that small outputs go in one hop write per
   * batch, yet a slow stage's outputs do not wait for the end of its batch. The clock is read every
   * 1 to 64 calls: as rarely as the calls are frequent.
   */
  flushSoon(): void {
    if (this.#queued >= FLUSH_BYTES) {
      this.flush();
      return;
    }
    if (++this.#calls < this.#checkEvery) return;
    this.#calls = 0;
    const now = performance.now();
    if (now - this.#lastFlush >= FLUSH_MS) {
      if (this.#checkEvery > 1) this.#checkEvery >>= 1;
      this.flush();
    } else if (this.#checkEvery < MAX_CHECK_INTERVAL) {
      this.#checkEvery <<= 1;
    }
  }

  /** Ends the stream once everything written is in the hop. */
  close(): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    this.#closed = true;
    this.#closing = (async () => {
      if (this.#failed !== undefined) throw this.#failed;
      if (this.#block) this.#flushBlocking();
      else {
        this.#flushNow();
        while (this.#queued > 0) {
          this.#pump();
          await this.#pumping;
          if (this.#failed !== undefined) throw this.#failed;
        }
      }
      this.#hop.close();
    })();
    return this.#closing;
  }

  /** Stops writing and releases the hop end (pending writes are abandoned). */
  dispose(): void {
    if (this.#failed === undefined) this.#failed = new Error(`${this.#options.what}: the writer was disposed`);
    this.#hop.dispose();
  }

  #fail(error: unknown): void {
    if (this.#failed !== undefined) return;
    this.#failed = error;
    this.#options.onError(error);
  }

  #overflow(head: FrameHead, total: number): boolean {
    if (this.#options.overflow === 'drop-newest') {
      this.#droppedChunks++;
      this.#droppedSamples += head.count;
      return false;
    }
    throw new RangeError(
      `${this.#options.what}: ${this.#queued} bytes already wait for the stage and this chunk adds ${total}, more than ` +
        `maxQueuedBytes (${this.#options.maxQueuedBytes}): the source is faster than the stage. Raise maxQueuedBytes, ` +
        `or choose overflow: 'drop-newest' (drop chunks, counted) or 'block' (wait; Node main thread or a worker)`,
    );
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    queueMicrotask(this.#flushTask);
  }

  /** Appends a frame to the waiting segments (copying the payload). */
  #append(head: FrameHead, payload: number, total: number): void {
    let last = this.#segments[this.#segments.length - 1];
    if (last === undefined || last.free < total) {
      if (last !== undefined && last.end === last.start && total <= last.bytes.length) {
        last.reset();
      } else {
        last = total <= SEGMENT_BYTES ? this.#takeSpare() : new Segment(total);
        this.#segments.push(last);
      }
    }
    last.put(head, payload);
    this.#queued += total;
  }

  #takeSpare(): Segment {
    const spare = this.#spares.pop();
    if (spare === undefined) return new Segment(SEGMENT_BYTES);
    spare.reset();
    return spare;
  }

  /** Writes what fits of the waiting segments, without waiting. */
  #flushNow(): void {
    const segments = this.#segments;
    while (segments.length > 0) {
      const first = segments[0]!;
      const pending = first.end - first.start;
      if (pending > 0) {
        const n = this.#hop.write(first.start === 0 && first.end === first.bytes.length ? first.bytes : first.bytes.subarray(first.start, first.end));
        first.start += n;
        this.#queued -= n;
        if (n < pending) return;
      }
      if (segments.length === 1) {
        // Keep one standard segment; a dedicated one (a large frame) goes once it is written.
        if (first.bytes.length === SEGMENT_BYTES) first.reset();
        else segments[0] = this.#takeSpare();
        return;
      }
      segments.shift();
      if (first.bytes.length === SEGMENT_BYTES && this.#spares.length < MAX_SPARES) this.#spares.push(first);
    }
  }

  /** Queue mode: waits for room and writes, until nothing waits (one pump at a time). */
  #pump(): void {
    if (this.#pumping !== undefined || this.#failed !== undefined) return;
    this.#pumping = (async () => {
      try {
        while (this.#queued > 0 && this.#failed === undefined) {
          this.#overruns++;
          await this.#hop.waitWritable(writerWant(this.#queued, this.#hop.capacity));
          this.#flushNow();
        }
      } catch (error) {
        this.#fail(error);
      } finally {
        this.#pumping = undefined;
      }
    })();
  }

  /** Queue mode, hop empty enough: a large frame straight from the chunk (the hop takes all of it). */
  #writeDirect(head: FrameHead, payload: number): void {
    const scratch = this.#segments[0]!;
    scratch.reset();
    const body = payload & ~7;
    const tail = payload - body;
    scratch.f64[0] = head.tag;
    scratch.f64[1] = head.count;
    let n = this.#hop.write(scratch.bytes.subarray(0, HEADER_BYTES));
    n += this.#hop.write(payloadBytes(head, 0, body));
    if (tail > 0) {
      scratch.bytes.set(payloadBytes(head, body, tail), 0);
      n += this.#hop.write(scratch.bytes.subarray(0, 8));
    }
    if (n !== frameBytes(payload)) throw new Error(`${this.#options.what}: the hop took ${n} of ${frameBytes(payload)} bytes of a frame it had room for`);
  }

  /** Block mode: stage small frames; stream large ones from the chunk, blocking as needed. */
  #writeBlocking(head: FrameHead, payload: number, total: number): void {
    const staging = this.#segments[0]!;
    if (total <= SEGMENT_BYTES) {
      if (staging.free < total) this.#flushBlocking();
      staging.put(head, payload);
      this.#queued += total;
      this.#scheduleFlush();
      return;
    }
    // Header now (through staging, after what waits), the body straight from the chunk, the tail
    // and its pad through staging again: every hop write stays a multiple of 8 bytes.
    if (staging.free < HEADER_BYTES) this.#flushBlocking();
    const at = staging.end;
    staging.f64[at >> 3] = head.tag;
    staging.f64[(at >> 3) + 1] = head.count;
    staging.end += HEADER_BYTES;
    this.#queued += HEADER_BYTES;
    this.#flushBlocking();
    const body = payload & ~7;
    this.#putBlocking(payloadBytes(head, 0, body));
    const tail = payload - body;
    if (tail > 0) {
      staging.bytes.set(payloadBytes(head, body, tail), 0);
      staging.end = 8;
      this.#queued += 8;
      this.#scheduleFlush();
    }
  }

  #flushBlocking(): void {
    const staging = this.#segments[0]!;
    if (staging.end === staging.start) return;
    const n = staging.end - staging.start;
    this.#putBlocking(staging.start === 0 && staging.end === staging.bytes.length ? staging.bytes : staging.bytes.subarray(staging.start, staging.end));
    staging.reset();
    this.#queued -= n;
  }

  /** Writes all of `bytes`, blocking in pieces of at most half the hop (the wait protocol's bound). */
  #putBlocking(bytes: Uint8Array): void {
    const hop = this.#hop;
    let done = hop.write(bytes);
    if (done === bytes.length) return;
    this.#overruns++;
    const piece = Math.max(8, Math.floor(hop.capacity / 16) * 8);
    const stall = this.#options.onStall;
    const t0 = performance.now();
    try {
      while (done < bytes.length) {
        const end = Math.min(bytes.length, done + piece);
        done += hop.writeBlocking(bytes.subarray(done, end), stall === undefined ? Number.POSITIVE_INFINITY : STALL_SLICE_MS);
        if (done < bytes.length && stall !== undefined) stall();
      }
    } finally {
      this.#blockedMs += performance.now() - t0;
    }
  }
}

/** `bytes` bytes of the encoded payload from byte `from` (a byte view of the chunk's data). */
function payloadBytes(head: FrameHead, from: number, bytes: number): Uint8Array {
  const data = head.data!;
  return new Uint8Array(data.buffer, data.byteOffset + head.start * head.format!.itemsize + from, bytes);
}

