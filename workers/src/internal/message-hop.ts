/**
 * The message hop: the same byte pipe as the ring hop over a MessagePort, for pages without
 * cross-origin isolation. Each `write` posts its bytes as one transferred buffer; the reader
 * acknowledges the bytes it consumed, so that at most `capacity` bytes are in flight (the same
 * bound, and the same wait protocol, as a ring of `capacity` bytes). It cannot block a thread.
 */
import type { HopReader, HopWriter } from './hop.js';

/** A MessagePort of either platform, as far as the hop uses it. */
export interface PortLike {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  close(): void;
  start?(): void;
}

type Wire = { readonly b: ArrayBuffer } | { readonly end: 1 } | { readonly ack: number };

function listen(port: PortLike, handler: (data: Wire) => void): () => void {
  const p = port as PortLike & {
    on?: (type: 'message', fn: (data: unknown) => void) => void;
    off?: (type: 'message', fn: (data: unknown) => void) => void;
    addEventListener?: (type: 'message', fn: (event: { data: unknown }) => void) => void;
    removeEventListener?: (type: 'message', fn: (event: { data: unknown }) => void) => void;
  };
  if (typeof p.on === 'function' && typeof p.off === 'function') {
    const fn = (data: unknown): void => handler(data as Wire);
    p.on('message', fn);
    return () => p.off?.('message', fn);
  }
  const listener = (event: { data: unknown }): void => handler(event.data as Wire);
  p.addEventListener?.('message', listener);
  p.start?.();
  return () => p.removeEventListener?.('message', listener);
}

function disposedError(): Error {
  return new Error('the hop was disposed');
}

/** Releases one end: stops listening, closes the port, fails a pending wait. */
function release(port: PortLike, unlisten: () => void, waiter: Waiter): void {
  unlisten();
  port.close();
  waiter.fail(disposedError());
}

/** A pending wait: resolves once `ready()` holds, rejects on dispose. */
class Waiter {
  #resolve: (() => void) | undefined;
  #reject: ((error: Error) => void) | undefined;
  #ready: (() => boolean) | undefined;

  wait(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
      this.#ready = ready;
    });
  }

  check(): void {
    if (this.#ready?.() === true) {
      const resolve = this.#resolve!;
      this.#resolve = this.#reject = this.#ready = undefined;
      resolve();
    }
  }

  fail(error: Error): void {
    const reject = this.#reject;
    this.#resolve = this.#reject = this.#ready = undefined;
    reject?.(error);
  }
}

export class MessageHopWriter implements HopWriter {
  readonly capacity: number;
  readonly canBlock = false;
  readonly #port: PortLike;
  readonly #unlisten: () => void;
  readonly #waiter = new Waiter();
  #inFlight = 0;
  #disposed = false;
  #closed = false;

  constructor(port: PortLike, capacity: number) {
    this.#port = port;
    this.capacity = capacity;
    this.#unlisten = listen(port, (data) => {
      if ('ack' in data) {
        this.#inFlight -= data.ack;
        this.#waiter.check();
      }
    });
  }

  writable(): number {
    return this.#disposed || this.#closed ? 0 : this.capacity - this.#inFlight;
  }

  write(bytes: Uint8Array): number {
    if (this.#disposed) throw disposedError();
    if (this.#closed) throw new Error('write after close on a hop');
    const n = Math.min(bytes.length, this.capacity - this.#inFlight) & ~7;
    if (n <= 0) return 0;
    const copy = bytes.slice(0, n);
    this.#inFlight += n;
    this.#port.postMessage({ b: copy.buffer } satisfies Wire, [copy.buffer]);
    return n;
  }

  waitWritable(count: number): Promise<void> {
    if (this.#disposed) return Promise.reject(disposedError());
    return this.#waiter.wait(() => this.capacity - this.#inFlight >= count);
  }

  writeBlocking(): number {
    throw new TypeError('the message transport cannot block a thread; use the ring transport');
  }

  close(): void {
    if (this.#closed || this.#disposed) return;
    this.#closed = true;
    this.#port.postMessage({ end: 1 } satisfies Wire);
  }

  fill(): number {
    return Math.min(1, this.#inFlight / this.capacity);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    release(this.#port, this.#unlisten, this.#waiter);
  }
}

export class MessageHopReader implements HopReader {
  readonly capacity: number;
  readonly #port: PortLike;
  readonly #unlisten: () => void;
  readonly #waiter = new Waiter();
  readonly #queue: Uint8Array[] = [];
  #head = 0;
  /** Bytes of the first queued buffer already read. */
  #offset = 0;
  #available = 0;
  #end = false;
  #disposed = false;

  constructor(port: PortLike, capacity: number) {
    this.#port = port;
    this.capacity = capacity;
    this.#unlisten = listen(port, (data) => {
      if ('b' in data) {
        this.#queue.push(new Uint8Array(data.b));
        this.#available += data.b.byteLength;
      } else if ('end' in data) {
        this.#end = true;
      }
      this.#waiter.check();
    });
  }

  read(into: Uint8Array): number {
    let done = 0;
    while (done < into.length && this.#head < this.#queue.length) {
      const buffer = this.#queue[this.#head]!;
      const n = Math.min(into.length - done, buffer.length - this.#offset);
      into.set(n === buffer.length && this.#offset === 0 ? buffer : buffer.subarray(this.#offset, this.#offset + n), done);
      done += n;
      this.#offset += n;
      if (this.#offset === buffer.length) {
        this.#head++;
        this.#offset = 0;
      }
    }
    if (this.#head > 64 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
    if (done > 0) {
      this.#available -= done;
      if (!this.#disposed) this.#port.postMessage({ ack: done } satisfies Wire);
    }
    return done;
  }

  ended(): boolean {
    return this.#end && this.#available === 0;
  }

  waitReadable(count: number): Promise<void> {
    if (this.#disposed) return Promise.reject(disposedError());
    return this.#waiter.wait(() => this.#end || this.#available >= count);
  }

  fill(): number {
    return Math.min(1, this.#available / this.capacity);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    release(this.#port, this.#unlisten, this.#waiter);
  }
}
