/**
 * The reading end of a hop, on either side: takes bytes from the hop and decodes them with the
 * chunk codec, one complete item at a time.
 *
 * `poll()` is synchronous and returns every complete item there is, so a consumer drains all it
 * can per wake-up; `wait()` sleeps until the frame being assembled can progress (the reader's
 * watermark of hop.ts: what the frame misses, at most half the hop). Bytes come from the hop in
 * large reads into a staging buffer and are copied into each chunk's array; the rest of a large
 * chunk is read straight into its array. Chunks are fresh (no other chunk shares their elements;
 * small ones are views of a shared slab, so their `buffer` is larger than they are), or with
 * `reuse` views of one pooled array per format (valid until the next chunk of that format).
 */
import type { FormatInfo, TypedArray } from '@ringflow/core';
import { FrameHead, HEADER_BYTES, chunkOf, decodeHeader, markerOf, type Item } from './chunk-codec.js';
import { readerWant, type HopReader } from './hop.js';

/** Bytes of the staging buffer at most. */
const STAGING_BYTES = 64 * 1024;
/** The rest of a chunk at least this large is read straight into its array. */
const DIRECT_BYTES = 2048;
/**
 * Fresh chunks of at most SLAB_CHUNK_BYTES are views of distinct regions of a shared slab of
 * SLAB_BYTES (as Node's Buffer pool does): a view costs a quarter of a new ArrayBuffer.
 */
const SLAB_BYTES = 64 * 1024;
const SLAB_CHUNK_BYTES = 4096;

/** Options of a `ChunkReader`. */
export interface ChunkReaderOptions {
  /** Hand out views of pooled arrays instead of fresh ones. */
  readonly reuse?: boolean;
}

/** One pooled array per format, grown as needed, and its last view. */
interface Pool {
  array: TypedArray;
  view: TypedArray;
}

export class ChunkReader {
  readonly #hop: HopReader;
  readonly #reuse: boolean;
  readonly #staging: Uint8Array;
  readonly #f64: Float64Array;
  readonly #views: (TypedArray | undefined)[] = [];
  readonly #pools: (Pool | undefined)[] = [];
  readonly #head = new FrameHead();
  /** Unparsed staged bytes: [#rs, #re). */
  #rs = 0;
  #re = 0;
  /** The chunk being assembled: its array, payload bytes, bytes consumed (payload and pad). */
  #dest: TypedArray | undefined;
  #destBytes: Uint8Array | undefined;
  #payload = 0;
  #consumed = 0;
  #slab = new ArrayBuffer(0);
  #slabUsed = 0;

  constructor(hop: HopReader, options: ChunkReaderOptions = {}) {
    this.#hop = hop;
    this.#reuse = options.reuse === true;
    const size = Math.min(STAGING_BYTES, Math.max(64, hop.capacity));
    this.#staging = new Uint8Array(size);
    this.#f64 = new Float64Array(this.#staging.buffer);
  }

  /** Fill of the hop as this end sees it. */
  fill(): number {
    return this.#hop.fill();
  }

  /**
   * The next complete item: a chunk or a marker; `undefined` when none is complete yet; `null` at
   * the end of the stream (the writer closed the hop and everything was read).
   *
   * @throws RangeError for a corrupted stream; Error when the writer closed it inside a chunk.
   */
  poll(): Item | null | undefined {
    for (;;) {
      if (this.#dest === undefined) {
        if (this.#re - this.#rs < HEADER_BYTES) {
          if (this.#refill(HEADER_BYTES)) continue;
          return this.#end();
        }
        const head = this.#head;
        const at = this.#rs >> 3;
        decodeHeader(this.#f64[at]!, this.#f64[at + 1]!, head);
        this.#rs += HEADER_BYTES;
        const format = head.format;
        if (format === undefined) return markerOf(head);
        const dest = this.#allocate(format, head.count);
        if (head.count === 0) return chunkOf(head.channels, dest);
        this.#dest = dest;
        this.#destBytes = undefined;
        this.#payload = head.count * format.itemsize;
        this.#consumed = 0;
      }
      const need = ((this.#payload + 7) & ~7) - this.#consumed;
      if (need === 0) {
        const dest = this.#dest!;
        this.#dest = undefined;
        this.#destBytes = undefined;
        return chunkOf(this.#head.channels, dest);
      }
      const staged = this.#re - this.#rs;
      if (staged > 0) {
        const n = staged < need ? staged : need;
        const copy = Math.min(n, this.#payload - this.#consumed);
        if (copy > 0) this.#copyOut(copy);
        this.#rs += n;
        this.#consumed += n;
        continue;
      }
      const body = (this.#payload - this.#consumed) & ~7;
      if (body >= DIRECT_BYTES) {
        const bytes = (this.#destBytes ??= new Uint8Array(this.#dest!.buffer, this.#dest!.byteOffset, this.#payload));
        const n = this.#hop.read(bytes.subarray(this.#consumed, this.#consumed + body));
        if (n > 0) {
          this.#consumed += n;
          continue;
        }
      } else if (this.#refill(8)) {
        continue;
      }
      return this.#end();
    }
  }

  /** Resolves once the item being assembled can progress (or the stream ended: `poll` tells). */
  wait(): Promise<unknown> {
    const staged = this.#re - this.#rs;
    const missing = this.#dest === undefined ? HEADER_BYTES - staged : ((this.#payload + 7) & ~7) - this.#consumed - staged;
    return this.#hop.waitReadable(readerWant(Math.max(8, missing), this.#hop.capacity));
  }

  /** Stops waiting and releases the hop end. */
  dispose(): void {
    this.#hop.dispose();
  }

  /** `undefined` while the stream goes on, `null` at its end; throws when it ended inside a frame. */
  #end(): undefined | null {
    if (!this.#hop.ended()) return undefined;
    if (this.#dest !== undefined || this.#re > this.#rs) throw new Error('the producer closed the hop in the middle of a chunk');
    return null;
  }

  /** Reads more bytes into staging, keeping at least `room` bytes free after the unparsed ones. */
  #refill(room: number): boolean {
    let rs = this.#rs;
    let re = this.#re;
    const staging = this.#staging;
    if (rs === re) {
      rs = re = 0;
    } else if (staging.length - re < room) {
      staging.copyWithin(0, rs, re);
      re -= rs;
      rs = 0;
    }
    const n = this.#hop.read(re === 0 ? staging : staging.subarray(re));
    this.#rs = rs;
    this.#re = re + n;
    return n > 0;
  }

  /** Copies `bytes` bytes from staging into the chunk being assembled, at its consumed offset. */
  #copyOut(bytes: number): void {
    const dest = this.#dest!;
    const format = this.#head.format!;
    const size = format.itemsize;
    let view = this.#views[format.id];
    if (view === undefined) view = this.#views[format.id] = new format.ArrayType(this.#staging.buffer);
    const from = this.#rs / size;
    (dest as Float64Array).set((view as Float64Array).subarray(from, from + bytes / size), this.#consumed / size);
  }

  #allocate(format: FormatInfo, count: number): TypedArray {
    if (!this.#reuse) {
      const bytes = count * format.itemsize;
      if (bytes > SLAB_CHUNK_BYTES) return new format.ArrayType(count);
      let at = this.#slabUsed;
      if (at + bytes > this.#slab.byteLength) {
        this.#slab = new ArrayBuffer(SLAB_BYTES);
        at = 0;
      }
      this.#slabUsed = at + ((bytes + 7) & ~7);
      return new format.ArrayType(this.#slab, at, count);
    }
    let pool = this.#pools[format.id];
    if (pool === undefined || pool.array.length < count) {
      const array = new format.ArrayType(Math.max(count, 2 * (pool?.array.length ?? 0)));
      pool = this.#pools[format.id] = { array, view: array.subarray(0, count) };
    } else if (pool.view.length !== count) {
      pool.view = pool.array.subarray(0, count);
    }
    return pool.view;
  }
}
