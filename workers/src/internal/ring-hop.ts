/**
 * The ring hop: a hop over one SharedArrayBuffer byte ring (`'B'`) from `@ringflow/core`. Waits use
 * the ring's own watermark waits (`waitReadable`, `waitWritable`, `pushBlocking`), with the counts
 * the hop's wait protocol gives (see hop.ts).
 */
import { RingBuffer, type RingHandle } from '@ringflow/core';
import type { HopReader, HopWriter } from './hop.js';

function disposedError(): Error {
  return new Error('the hop was disposed');
}

export class RingHopWriter implements HopWriter {
  readonly capacity: number;
  readonly canBlock: boolean;
  readonly #ring: RingBuffer<'B'>;
  readonly #abort = new AbortController();

  constructor(handle: RingHandle<'B'>, canBlock: boolean) {
    this.#ring = RingBuffer.attach(handle);
    this.capacity = this.#ring.capacity;
    this.canBlock = canBlock;
  }

  writable(): number {
    return this.#ring.writeAvailable;
  }

  write(bytes: Uint8Array): number {
    return this.#ring.write(bytes);
  }

  waitWritable(count: number): Promise<unknown> {
    return this.#ring.waitWritable(count, { signal: this.#abort.signal });
  }

  writeBlocking(bytes: Uint8Array, timeoutMs: number): number {
    if (this.#abort.signal.aborted) throw disposedError();
    const tail = this.#ring.pushBlocking(bytes, timeoutMs === Number.POSITIVE_INFINITY ? undefined : timeoutMs);
    return tail === null ? bytes.length : bytes.length - tail.length;
  }

  close(): void {
    this.#ring.close();
  }

  fill(): number {
    return this.#ring.readAvailable / this.capacity;
  }

  dispose(): void {
    this.#abort.abort(disposedError());
  }
}

export class RingHopReader implements HopReader {
  readonly capacity: number;
  readonly #ring: RingBuffer<'B'>;
  readonly #abort = new AbortController();
  readonly #wait: { readonly signal: AbortSignal; readonly spinMicros: number };

  constructor(handle: RingHandle<'B'>, spinMicros: number) {
    this.#ring = RingBuffer.attach(handle);
    this.capacity = this.#ring.capacity;
    this.#wait = { signal: this.#abort.signal, spinMicros };
  }

  read(into: Uint8Array): number {
    return this.#ring.read(into);
  }

  ended(): boolean {
    // Closed first, then empty: the writer closes only after its last write.
    return this.#ring.closed && this.#ring.readAvailable === 0;
  }

  waitReadable(count: number): Promise<unknown> {
    return this.#ring.waitReadable(count, this.#wait);
  }

  fill(): number {
    return this.#ring.readAvailable / this.capacity;
  }

  dispose(): void {
    this.#abort.abort(disposedError());
  }
}

let blockingAllowed: boolean | undefined;
/** Whether this thread may block in `Atomics.wait` (not a browser main thread, not an AudioWorklet). */
export function threadCanBlock(): boolean {
  if (blockingAllowed === undefined) {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      blockingAllowed = true;
    } catch {
      blockingAllowed = false;
    }
  }
  return blockingAllowed;
}
