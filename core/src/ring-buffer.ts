import { resolveFormat, type ArrayOf, type Dtype, type FormatCode, type FormatInfo, type FormatName } from './formats.js';
import { checkBlockSize, checkCanBlock, checkCount, checkTimeout, checkWaitCount, checkWaitOptions } from './internal/checks.js';
import { backingLength, countOf, describe, isNdarrayLike, isStrided, tailOf, toElements, type Strided } from './internal/elements.js';
import { createRingMemory, reasonText, validateHandle } from './internal/header.js';
import { hasFixedLength, lengthOf } from './internal/intrinsics.js';
import { MAX_CAPACITY, MAX_REASON_LENGTH, VERSION } from './internal/layout.js';
import { Spsc, spaceWatermark } from './internal/spsc.js';
import type { Elements } from './internal/view-cache.js';
import { CallQueue, canBlock, now, sleepAsync, sleepBlocking, type Side, type Waiting } from './internal/waits.js';
import { RingAbortedError } from './ring-aborted-error.js';
import { RingClosedError } from './ring-closed-error.js';
import type { BufferLike, NdarrayLike, TypedArray } from './types.js';

/** Options of `new RingBuffer(...)`. */
export interface RingBufferOptions<F extends FormatName = FormatName> {
  /** Element format: a struct code (`'f'`) or a dtype name (`'float32'`). */
  readonly format: F;
  /** Capacity in elements (not bytes); every element is usable. A positive integer up to `RingBuffer.MAX_CAPACITY`. */
  readonly capacity: number;
}

/**
 * A structured-cloneable description of a ring: post it to another thread and call
 * `RingBuffer.attach(handle)` there to see the same ring.
 */
export interface RingHandle<F extends FormatName = FormatName> {
  /** The shared memory holding the header and the data. */
  readonly buffer: SharedArrayBuffer;
  /** The format's struct code or dtype name. */
  readonly format: F;
  /** Capacity in elements. */
  readonly capacity: number;
  /** Layout version of the header. */
  readonly version: number;
}

/** Options of the waiting calls `popAsync`, `pushAsync`, `waitReadable` and `waitWritable`. */
export interface WaitOptions {
  /** Aborting rejects the pending call with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds to wait at most (default: no limit). `0` checks once without waiting. */
  readonly timeout?: number | undefined;
  /**
   * Microseconds to poll before going to sleep (default 0: sleep at once). Waking a sleeping
   * thread costs tens of microseconds; a worker that expects the next chunk soon can trade that
   * much CPU for latency. Polling blocks the thread meanwhile: leave it 0 on a main thread.
   */
  readonly spinMicros?: number | undefined;
}

/** What `push` hands back when not everything fitted: a view of the unpushed tail of the input. */
export type PushTail<T> = T extends ArrayBuffer | SharedArrayBuffer ? Uint8Array : T;

/** What the remembered source and target are before any call: a value no caller can pass. */
const NOTHING: object = Object.freeze({});

/**
 * The private token `RingBuffer.attach` hands the constructor: a validated handle. Nothing
 * outside this module can make one, so `new RingBuffer(...)` always means "create".
 */
class Attachment {
  constructor(
    readonly handle: RingHandle,
    readonly format: FormatInfo,
    readonly capacity: number,
  ) {}
}

/**
 * A lock-free single-producer/single-consumer ring buffer of typed elements in a SharedArrayBuffer.
 *
 * @remarks
 * One thread produces (`push`, `write`, `pushBytes`, `pushAsync`, `pushBlocking`, `waitWritable`,
 * `close`, `abort`), one thread consumes (`pop`, `read`, `readBlocks`, `popAsync`, `popBlocking`,
 * `waitReadable`); both may read the getters. The other side attaches with
 * `RingBuffer.attach(ring.handle)`, once per thread: each object caches the other side's index, so
 * use one object per role. Capacity counts elements and every element is usable, for any
 * capacity. `push` never throws on overflow: it returns the tail that did not fit; `pop` returns
 * what is there, or `null` when the ring is empty.
 *
 * `write`, `read` and `readBlocks` allocate nothing in steady state, so they may run in an
 * AudioWorklet's `process()` (for every format but the BigInt ones `q`/`Q`, whose partial copies
 * box values). `push`/`pop` allocate the tail view or the result array. Waiting calls sleep on
 * `Atomics` and are woken by the other side only when they wait, on a watermark: the realtime
 * path is a copy plus one atomic exchange. A call that throws leaves the ring as it was.
 *
 * @typeParam F - The format name the ring was created with; it fixes the TypedArray class.
 *
 * @example
 * ```ts
 * import { RingBuffer } from '@ringflow/core';
 * const rb = new RingBuffer({ format: 'f', capacity: 4 });
 * rb.push(new Float32Array([1, 2, 3, 4, 5, 6])); // Float32Array [5, 6]: did not fit
 * rb.pop(3); // Float32Array [1, 2, 3]
 * rb.readAvailable; // 1
 * ```
 */
export class RingBuffer<F extends FormatName = FormatName> {
  /** Largest capacity in elements (2^30): the read and write indices run over twice the capacity in 31 bits of an Int32 word. */
  static readonly MAX_CAPACITY: number = MAX_CAPACITY;
  /** Longest `abort` reason kept in the shared header, in UTF-16 code units (longer ones are truncated). */
  static readonly MAX_REASON_LENGTH: number = MAX_REASON_LENGTH;

  readonly #format: FormatInfo;
  readonly #handle: RingHandle<F>;
  readonly #spsc: Spsc;
  /** Waiting calls of each side, served in call order. */
  readonly #consumerCalls = new CallQueue();
  readonly #producerCalls = new CallQueue();
  /**
   * The last array `write` took and `read` filled, with its intrinsic length, when that length can
   * only change by a detach (which makes the copy throw a TypeError before anything moves): a
   * stream of calls with the same array skips the type check and the length lookup.
   */
  #writeSource: unknown = NOTHING;
  #writeSourceLength = 0;
  #readTarget: unknown = NOTHING;
  #readTargetLength = 0;

  /**
   * Creates a ring in a new SharedArrayBuffer.
   *
   * @param options - `format` (struct code or dtype name) and `capacity` in elements.
   * @throws TypeError for an unknown format or a non-numeric capacity; RangeError for a capacity
   *   that is not a positive integer up to `RingBuffer.MAX_CAPACITY`, or that cannot be allocated.
   */
  constructor(options: RingBufferOptions<F>) {
    if (options instanceof Attachment) {
      this.#format = options.format;
      this.#handle = Object.freeze({ ...options.handle, capacity: options.capacity, version: VERSION }) as RingHandle<F>;
    } else {
      if (typeof options !== 'object' || options === null) {
        throw new TypeError(`RingBuffer: expected options { format, capacity }, got ${describe(options)}`);
      }
      this.#format = resolveFormat(options.format as unknown);
      const buffer = createRingMemory(this.#format, options.capacity);
      this.#handle = Object.freeze({ buffer, format: options.format, capacity: options.capacity, version: VERSION });
    }
    this.#spsc = new Spsc(this.#handle.buffer, this.#format, this.#handle.capacity);
  }

  /**
   * Attaches to a ring created elsewhere (usually on another thread) from its `handle`.
   *
   * @remarks
   * The header is validated (magic, version, format, capacity, and the buffer's exact size); a
   * forged or mismatched handle is a `TypeError`/`RangeError`. Allocates a few views; call once per
   * thread, not per block.
   *
   * @param handle - `ring.handle` from the creating thread, received via `postMessage`.
   * @returns A `RingBuffer` over the same shared memory.
   *
   * @example
   * ```ts
   * import { RingBuffer } from '@ringflow/core';
   * const rb = new RingBuffer({ format: 'float32', capacity: 1024 });
   * const same = RingBuffer.attach(rb.handle); // normally on another thread
   * same.push(new Float32Array([1]));
   * rb.readAvailable; // 1
   * ```
   */
  static attach<F extends FormatName>(handle: RingHandle<F>): RingBuffer<F> {
    const { format, name, capacity, buffer } = validateHandle(handle);
    const attachment = new Attachment({ buffer, format: name, capacity, version: VERSION }, format, capacity);
    return new RingBuffer<F>(attachment as unknown as RingBufferOptions<F>);
  }

  /** The struct code of the element format, e.g. `'f'`. */
  get format(): FormatCode {
    return this.#format.code;
  }

  /** The dtype name of the element format, e.g. `'float32'`. */
  get dtype(): Dtype {
    return this.#format.dtype;
  }

  /** Bytes per element. */
  get itemsize(): number {
    return this.#format.itemsize;
  }

  /** Capacity in elements; all of them are usable. */
  get capacity(): number {
    return this.#spsc.capacity;
  }

  /** Elements the consumer can pop now. Either thread; does not allocate. */
  get readAvailable(): number {
    return this.#spsc.readAvailable();
  }

  /** Elements the producer can push now. Either thread; does not allocate. */
  get writeAvailable(): number {
    return this.#spsc.capacity - this.#spsc.readAvailable();
  }

  /** Whether the index updates are lock-free on this platform (32-bit `Atomics`). */
  get isLockFree(): boolean {
    return Atomics.isLockFree(4);
  }

  /** Whether `close()` or `abort()` was called. A closed ring may still hold elements for the consumer to drain. */
  get closed(): boolean {
    return this.#spsc.closed;
  }

  /** Whether `abort()` was called: the stream ended as a failure. Either thread. */
  get aborted(): boolean {
    return this.#spsc.aborted;
  }

  /** The reason given to `abort()` as text (truncated to `MAX_REASON_LENGTH`), or `undefined` when not aborted. Allocates the string. */
  get abortReason(): string | undefined {
    return this.#spsc.aborted ? this.#spsc.abortReason() : undefined;
  }

  /** A structured-cloneable handle for `RingBuffer.attach` on another thread. */
  get handle(): RingHandle<F> {
    return this.#handle;
  }

  // ---- producer ----------------------------------------------------------------------------------

  /**
   * Pushes as many elements of `data` as fit.
   *
   * @remarks
   * Producer thread. Never throws on overflow: returns `null` when everything was pushed, otherwise
   * the unpushed tail as a view of `data` (a subarray, a `Uint8Array` over an `ArrayBuffer`, or an
   * ndarray view for ndarray input). Allocates only the tail view.
   *
   * @param data - A TypedArray of the ring's class, raw bytes for format `B`, or a 1-D ndarray view.
   * @returns `null`, or the tail that did not fit.
   * @throws TypeError for mismatched element types or plain arrays; RangeError for multi-dimensional
   *   views; RingClosedError when the ring is closed. The ring is unchanged when it throws.
   */
  push<T extends BufferLike>(data: T): PushTail<T> | null {
    const source = toElements(data, this.#format, 'push');
    this.#checkOpen('push');
    const total = countOf(source);
    const written = this.#writeFrom(source, total, 0);
    return written === total ? null : (tailOf(data, source, written) as PushTail<T>);
  }

  /**
   * Allocation-free push: copies as much of `source` as fits and returns how many elements were written.
   *
   * @remarks
   * Producer thread, realtime-safe: no allocation in steady state (for non-BigInt formats), one
   * atomic exchange to publish, a wake-up only when the consumer sleeps.
   *
   * @param source - A TypedArray of the ring's class (or raw bytes for `B`, or a 1-D ndarray view).
   * @returns The number of elements written (0 when the ring is full).
   * @throws Same as `push`; the ring is unchanged when it throws.
   */
  write(source: BufferLike): number {
    if (source === this.#writeSource) {
      this.#checkOpen('write');
      return this.#spsc.write(source as unknown as Elements, this.#writeSourceLength, 0);
    }
    return this.#writeNew(source);
  }

  /** `write` of an array other than the last one (kept apart so that the hot path inlines). */
  #writeNew(source: BufferLike): number {
    if (source instanceof this.#format.ArrayType) {
      // An empty array takes the general path, which tells a detached array from an empty one.
      const length = lengthOf(source as TypedArray);
      if (length !== 0) {
        this.#checkOpen('write');
        if (hasFixedLength(source as TypedArray)) {
          this.#writeSource = source;
          this.#writeSourceLength = length;
        }
        return this.#spsc.write(source as unknown as Elements, length, 0);
      }
    }
    const elements = toElements(source, this.#format, 'write');
    this.#checkOpen('write');
    return this.#writeFrom(elements, countOf(elements), 0);
  }

  /**
   * Pushes raw bytes (whole elements) from a foreign producer, e.g. a socket or a native addon.
   *
   * @remarks
   * Producer thread. The bytes are copied as they are, in the platform's byte order (little-endian
   * on every current JS engine). Allocates only the tail view.
   *
   * @param bytes - A `Uint8Array`/`Buffer`, `DataView` or `ArrayBuffer` whose length is a multiple of `itemsize`.
   * @returns `null` when everything was pushed, otherwise the unpushed bytes as a view of `bytes`.
   * @throws TypeError for typed (non-byte) arrays; RangeError when the byte length is not a whole number of elements.
   */
  pushBytes<T extends Uint8Array | DataView | ArrayBuffer | SharedArrayBuffer>(bytes: T): PushTail<T> | null {
    if (!(bytes instanceof Uint8Array || bytes instanceof Uint8ClampedArray || bytes instanceof DataView || bytes instanceof ArrayBuffer ||
        (typeof SharedArrayBuffer !== 'undefined' && bytes instanceof SharedArrayBuffer))) {
      throw new TypeError(`pushBytes: expected raw bytes (Uint8Array, Buffer, DataView or ArrayBuffer), got ${describe(bytes)}; use push() for typed data`);
    }
    const u8 = toElements(bytes, resolveFormat('B'), 'pushBytes') as Uint8Array;
    const length = lengthOf(u8);
    const itemsize = this.#format.itemsize;
    if (length % itemsize !== 0) {
      throw new RangeError(`pushBytes: ${length} bytes is not a whole number of ${itemsize}-byte '${this.#format.code}' elements`);
    }
    this.#checkOpen('pushBytes');
    const count = length / itemsize;
    const n = this.#spsc.writeBytes(u8, count);
    return n === count ? null : (tailOf(bytes, u8, n * itemsize) as PushTail<T>);
  }

  /**
   * Writes all of `data`, waiting for space as needed.
   *
   * @remarks
   * Producer thread. Sleeps with `Atomics.waitAsync` until the consumer has freed half the ring (or
   * room for the rest), never spins unless asked. Concurrent calls on one object are served in call
   * order. The data must stay as it is until the call settles: when its buffer is detached
   * (transferred) or resized meanwhile, the call rejects with a `TypeError` saying how much was written.
   *
   * @param data - What `push` accepts.
   * @param options - `signal` to abort (rejects with the signal's reason), `timeout` in milliseconds, `spinMicros`.
   * @returns `null` once everything was written, or the unwritten tail on timeout.
   * @throws (rejects) RingClosedError when the ring is or becomes closed; TypeError/RangeError for bad data.
   */
  pushAsync<T extends BufferLike>(data: T, options?: WaitOptions): Promise<PushTail<T> | null> {
    return rejectOnThrow(() => {
      const source = toElements(data, this.#format, 'pushAsync');
      const wait = checkWaitOptions(options, 'pushAsync');
      return this.#producerCalls.run(() => this.#pushAsync(data, source, wait), wait.signal);
    });
  }

  async #pushAsync<T>(data: T, source: TypedArray | Strided, wait: Waiting): Promise<PushTail<T> | null> {
    const total = countOf(source);
    const backing = backingLength(source);
    let done = 0;
    for (;;) {
      wait.signal?.throwIfAborted();
      done = this.#pushStep(source, total, backing, done, 'pushAsync');
      if (done === total) return null;
      if (now() >= wait.deadline) return tailOf(data, source, done) as PushTail<T>;
      await sleepAsync(this.#spsc, 'producer', spaceWatermark(total - done, this.#spsc.capacity), wait);
    }
  }

  /**
   * Blocks the thread until all of `data` is written.
   *
   * @remarks
   * Producer thread, where blocking is allowed: Node's threads, including the main thread (where
   * it blocks the event loop while it waits), and browser workers; on a browser main thread or in
   * an AudioWorklet it throws a `TypeError` (use `pushAsync`). Sleeps with `Atomics.wait`.
   *
   * @param data - What `push` accepts.
   * @param timeout - Milliseconds to wait at most (default: no limit).
   * @returns `null` once everything was written, or the unwritten tail on timeout.
   * @throws RingClosedError when the ring is or becomes closed; TypeError/RangeError for bad data.
   */
  pushBlocking<T extends BufferLike>(data: T, timeout?: number): PushTail<T> | null {
    const source = toElements(data, this.#format, 'pushBlocking');
    const deadline = now() + checkTimeout(timeout, 'pushBlocking');
    checkCanBlock(canBlock(), 'pushBlocking');
    const total = countOf(source);
    const backing = backingLength(source);
    let done = 0;
    for (;;) {
      done = this.#pushStep(source, total, backing, done, 'pushBlocking');
      if (done === total) return null;
      if (now() >= deadline) return tailOf(data, source, done) as PushTail<T>;
      sleepBlocking(this.#spsc, 'producer', spaceWatermark(total - done, this.#spsc.capacity), deadline);
    }
  }

  /**
   * Waits until at least `count` elements can be written, without writing.
   *
   * @remarks
   * Producer thread. For producers that write from their own buffers with `write`
   * (allocation-free): `if (await ring.waitWritable(n)) ring.write(block)`. Sleeps with
   * `Atomics.waitAsync` until the consumer has freed `count` elements. Served in call order with
   * `pushAsync`. A consumer waiting meanwhile in `waitReadable(m)` with `m + count > capacity + 1`
   * can wait for this one forever (each waits for the other to move data): keep such counts within
   * the capacity, or write what fits with `pushAsync`.
   *
   * @param count - Elements of room to wait for, from 1 to `capacity` (default 1).
   * @param options - `signal`, `timeout` (milliseconds), `spinMicros`, as for `pushAsync`.
   * @returns `true` once there is room for `count` elements; `false` on timeout.
   * @throws (rejects) RingClosedError when the ring is or becomes closed.
   */
  waitWritable(count = 1, options?: WaitOptions): Promise<boolean> {
    return rejectOnThrow(() => {
      checkWaitCount(count, this.#spsc.capacity, 'waitWritable');
      const wait = checkWaitOptions(options, 'waitWritable');
      return this.#producerCalls.run(() => this.#waitFor('producer-fixed', count, wait, 'waitWritable'), wait.signal);
    });
  }

  /**
   * Marks the end of the stream.
   *
   * @remarks
   * Usually the producer's last call. The consumer drains what is left; then `popAsync` resolves
   * and `popBlocking` returns `null`. Pushing afterwards throws `RingClosedError`. Wakes a waiting
   * consumer and a waiting producer. Idempotent; either thread.
   */
  close(): void {
    this.#spsc.close();
  }

  /**
   * Ends the stream as a failure: an RxJS error, a crashed producer, an unplugged device.
   *
   * @remarks
   * The consumer still drains what was pushed before; then its next `pop`, `read`, `readBlocks`,
   * `popAsync`, `popBlocking` or `waitReadable` throws (rejects with) a `RingAbortedError` carrying
   * `reason`. The reason is kept in the shared header as text (an `Error`'s message, else
   * `String(reason)`), truncated to `RingBuffer.MAX_REASON_LENGTH` UTF-16 code units, so it crosses
   * threads. The ring is closed too: pushing afterwards throws `RingClosedError`. The first reason
   * wins; `reset()` clears it. Usually the producer's last call; either thread; does not allocate
   * for a string reason.
   *
   * @param reason - Why the stream failed (default `'aborted'`).
   *
   * @example
   * ```ts
   * import { RingBuffer } from '@ringflow/core';
   * const rb = new RingBuffer({ format: 'f', capacity: 8 });
   * rb.abort(new Error('decoder crashed'));
   * rb.aborted; // true
   * rb.abortReason; // 'decoder crashed'
   * ```
   */
  abort(reason: unknown = 'aborted'): void {
    this.#spsc.abort(this.#spsc.aborted ? '' : reasonText(reason));
  }

  /**
   * Empties the ring and clears `closed`.
   *
   * @remarks Not safe while the other side is active: call it when both sides are idle.
   */
  reset(): void {
    this.#spsc.reset();
  }

  // ---- consumer ----------------------------------------------------------------------------------

  /**
   * Pops up to `count` elements into a new array.
   *
   * @remarks Consumer thread. Allocates the result.
   * @param count - Maximum number of elements, a positive integer (it may exceed what is available).
   * @returns A new array of the format's class with `min(count, readAvailable)` elements, or `null` when empty.
   * @throws TypeError/RangeError when `count` is not a positive integer; RingAbortedError when the
   *   producer aborted the stream and everything before the abort was read.
   */
  pop(count: number): ArrayOf<F> | null {
    checkCount(count, 'pop');
    return this.#pop(count, 'pop');
  }

  #pop(count: number, what: string): ArrayOf<F> | null {
    const available = this.#spsc.readable(count);
    const n = count < available ? count : available;
    if (n === 0) {
      this.#throwIfAbortedAndDrained(what);
      return null;
    }
    const out = new this.#format.ArrayType(n) as unknown as Elements;
    this.#spsc.read(out, n, 1);
    return out as unknown as ArrayOf<F>;
  }

  /**
   * Allocation-free pop into `target`: fills it from the start and returns how many elements were read.
   *
   * @remarks Consumer thread, realtime-safe (no allocation in steady state for non-BigInt formats).
   * @param target - A TypedArray of the ring's class, or a 1-D ndarray view over one (may be strided).
   * @returns The number of elements read, `min(target.length, readAvailable)`.
   * @throws TypeError when `target` has the wrong element type; RingAbortedError as for `pop`.
   */
  read(target: ArrayOf<F> | NdarrayLike<ArrayOf<F>>): number {
    if (target === this.#readTarget) {
      const n = this.#spsc.read(target as unknown as Elements, this.#readTargetLength, 1);
      if (n === 0) this.#throwIfAbortedAndDrained('read');
      return n;
    }
    return this.#readNew(target);
  }

  /** `read` into an array other than the last one (kept apart so that the hot path inlines). */
  #readNew(target: ArrayOf<F> | NdarrayLike<ArrayOf<F>>): number {
    if (target instanceof this.#format.ArrayType) {
      const length = lengthOf(target as TypedArray);
      if (length !== 0) {
        if (hasFixedLength(target as TypedArray)) {
          this.#readTarget = target;
          this.#readTargetLength = length;
        }
        return this.#readInto(target as unknown as Elements, length, 1, 'read');
      }
    }
    const out = this.#target(target, 'read');
    if (isStrided(out)) return this.#readStrided(out);
    return this.#readInto(out as unknown as Elements, lengthOf(out), 1, 'read');
  }

  /**
   * Allocation-free batch read: as many whole blocks of `blockSize` elements as are available and
   * fit in `target`, in one copy and one index update.
   *
   * @remarks
   * Consumer thread, realtime-safe. For a consumer of fixed-size blocks (audio frames, packets)
   * that drains everything there is per call instead of one block per call: the per-call work
   * (index loads, the publication, a wake-up check) is paid once per batch. Block `i` of the
   * result is `target.subarray(i * blockSize, (i + 1) * blockSize)`. A partial block stays in the
   * ring until it is whole.
   *
   * @param target - A TypedArray of the ring's class (contiguous), at least `blockSize` long to read anything.
   * @param blockSize - Elements per block, a positive integer.
   * @returns The number of elements read: a multiple of `blockSize`, up to `target.length`.
   * @throws TypeError when `target` has the wrong type; RangeError for a bad `blockSize`;
   *   RingAbortedError once an aborted ring holds less than a block.
   *
   * @example
   * ```ts
   * import { RingBuffer } from '@ringflow/core';
   * const rb = new RingBuffer({ format: 'f', capacity: 1024 });
   * rb.push(new Float32Array(300)); // two and a half blocks of 128
   * const batch = new Float32Array(1024);
   * const n = rb.readBlocks(batch, 128); // 256: two whole blocks
   * for (let b = 0; b < n; b += 128) console.log(batch.subarray(b, b + 128).length);
   * ```
   */
  readBlocks(target: ArrayOf<F>, blockSize: number): number {
    if (!(target instanceof this.#format.ArrayType)) {
      throw new TypeError(`readBlocks: target must be a ${this.#format.ArrayType.name}, got ${describe(target)}`);
    }
    checkBlockSize(blockSize, 'readBlocks');
    const length = lengthOf(target as TypedArray);
    if (length === 0) this.#target(target, 'readBlocks'); // throws for a detached target
    return this.#readInto(target as unknown as Elements, length, blockSize, 'readBlocks');
  }

  #readInto(out: Elements, max: number, unit: number, what: string): number {
    const n = this.#spsc.read(out, max, unit);
    if (n === 0 && max >= unit) this.#throwIfAbortedAndDrained(what, unit);
    return n;
  }

  #readStrided(out: Strided): number {
    const n = this.#spsc.readStrided(out, out.length);
    if (n === 0 && out.length > 0) this.#throwIfAbortedAndDrained('read');
    return n;
  }

  /** A read target normalised, or the TypeError that names `what`. */
  #target(target: unknown, what: string): TypedArray | Strided {
    if (isNdarrayLike(target) || ArrayBuffer.isView(target)) return toElements(target, this.#format, what);
    throw new TypeError(`${what}: target must be a ${this.#format.ArrayType.name} (or a 1-D ndarray view over one), got ${describe(target)}`);
  }

  /**
   * Waits until at least one element is available, then pops up to `count` of them.
   *
   * @remarks
   * Consumer thread. Sleeps with `Atomics.waitAsync` (the producer wakes it only while it waits),
   * never spins unless asked. Concurrent calls on one object are served in call order.
   *
   * @param count - Maximum number of elements, a positive integer.
   * @param options - `signal` to abort (rejects with the signal's reason), `timeout` in milliseconds, `spinMicros`.
   * @returns The elements; `null` on timeout, or once the ring is closed and drained.
   * @throws (rejects with) RingAbortedError once an aborted ring is drained.
   *
   * @example
   * ```ts
   * import { RingBuffer } from '@ringflow/core';
   * const rb = new RingBuffer({ format: 'f', capacity: 256 });
   * setTimeout(() => { rb.push(new Float32Array([1, 2])); rb.close(); }, 10);
   * for (let chunk; (chunk = await rb.popAsync(128)) !== null; ) console.log(chunk.length);
   * ```
   */
  popAsync(count: number, options?: WaitOptions): Promise<ArrayOf<F> | null> {
    return rejectOnThrow(() => {
      checkCount(count, 'popAsync');
      const wait = checkWaitOptions(options, 'popAsync');
      return this.#consumerCalls.run(() => this.#popAsync(count, wait), wait.signal);
    });
  }

  async #popAsync(count: number, wait: Waiting): Promise<ArrayOf<F> | null> {
    for (;;) {
      wait.signal?.throwIfAborted();
      const closed = this.#spsc.closed;
      const out = this.#pop(count, 'popAsync');
      if (out !== null) return out;
      if (closed || now() >= wait.deadline) return null;
      await sleepAsync(this.#spsc, 'consumer', 1, wait);
    }
  }

  /**
   * Blocks the thread until at least one element is available, then pops up to `count` of them.
   *
   * @remarks
   * Consumer thread, where blocking is allowed: Node's threads, including the main thread (where
   * it blocks the event loop while it waits), and browser workers; on a browser main thread or in
   * an AudioWorklet it throws a `TypeError` (use `popAsync`). Sleeps with `Atomics.wait`.
   *
   * @param count - Maximum number of elements, a positive integer.
   * @param timeout - Milliseconds to wait at most (default: no limit).
   * @returns The elements; `null` on timeout, or once the ring is closed and drained.
   * @throws RingAbortedError once an aborted ring is drained.
   */
  popBlocking(count: number, timeout?: number): ArrayOf<F> | null {
    checkCount(count, 'popBlocking');
    const deadline = now() + checkTimeout(timeout, 'popBlocking');
    checkCanBlock(canBlock(), 'popBlocking');
    for (;;) {
      const closed = this.#spsc.closed;
      const out = this.#pop(count, 'popBlocking');
      if (out !== null) return out;
      if (closed || now() >= deadline) return null;
      sleepBlocking(this.#spsc, 'consumer', 1, deadline);
    }
  }

  /**
   * Waits until at least `count` elements can be read, without reading them.
   *
   * @remarks
   * Consumer thread. For consumers that read into their own buffers with `read` (allocation-free)
   * but must not spin: `if (await ring.waitReadable(n)) ring.read(target)`. Sleeps with
   * `Atomics.waitAsync` until the producer has published `count` elements (a watermark: it is
   * woken once, not per block). Served in call order with `popAsync`. A producer in `pushAsync` or
   * `pushBlocking` meanwhile lowers its own watermark so that the two never wait for each other.
   *
   * @param count - Elements to wait for, from 1 to `capacity` (default 1).
   * @param options - `signal` to abort (rejects with the signal's reason), `timeout` in
   *   milliseconds, `spinMicros` to poll before sleeping.
   * @returns `true` once `count` elements are readable; `false` on timeout, or when the ring is
   *   closed with fewer than `count` elements left (drain them with `read`/`pop`).
   * @throws (rejects with) RingAbortedError when the ring was aborted and is drained.
   *
   * @example
   * ```ts
   * import { RingBuffer } from '@ringflow/core';
   * const rb = new RingBuffer({ format: 'f', capacity: 1024 });
   * const block = new Float32Array(128);
   * setTimeout(() => rb.push(new Float32Array(128).fill(1)), 10);
   * if (await rb.waitReadable(block.length, { timeout: 1000 })) rb.read(block);
   * ```
   */
  waitReadable(count = 1, options?: WaitOptions): Promise<boolean> {
    return rejectOnThrow(() => {
      checkWaitCount(count, this.#spsc.capacity, 'waitReadable');
      const wait = checkWaitOptions(options, 'waitReadable');
      return this.#consumerCalls.run(() => this.#waitFor('consumer', count, wait, 'waitReadable'), wait.signal);
    });
  }

  /** The loop of waitReadable (side 'consumer') and waitWritable (side 'producer-fixed'). */
  async #waitFor(side: Side, count: number, wait: Waiting, what: string): Promise<boolean> {
    const reading = side === 'consumer';
    for (;;) {
      wait.signal?.throwIfAborted();
      const closed = this.#spsc.closed;
      if (!reading && closed) throw new RingClosedError(`${what}: the ring is closed`);
      const used = this.#spsc.readAvailable();
      if ((reading ? used : this.#spsc.capacity - used) >= count) return true;
      if (reading && closed && used === 0 && this.#spsc.aborted) throw new RingAbortedError(what, this.#spsc.abortReason());
      if (closed || now() >= wait.deadline) return false;
      await sleepAsync(this.#spsc, side, count, wait);
    }
  }

  // ---- internals -------------------------------------------------------------------------------

  /** One round of a pushing call: checks the source is as it was, the ring open; writes what fits. */
  #pushStep(source: TypedArray | Strided, total: number, backing: number, done: number, what: string): number {
    if (backingLength(source) !== backing) {
      throw new TypeError(
        `${what}: the data's buffer was detached or resized while the call waited (${done} of ${total} elements were written); ` +
          'keep the data as it is until the call settles',
      );
    }
    this.#checkOpen(what, total - done);
    return done + this.#writeFrom(source, total, done);
  }

  #writeFrom(source: TypedArray | Strided, total: number, start: number): number {
    return isStrided(source) ? this.#spsc.writeStrided(source, start) : this.#spsc.write(source as unknown as Elements, total, start);
  }

  #checkOpen(what: string, pending?: number): void {
    if (this.#spsc.closedFast()) {
      const lost = pending !== undefined ? `; ${pending} elements were not written` : '';
      throw new RingClosedError(`${what}: the ring is closed${lost}`);
    }
  }

  /** Throws RingAbortedError when the ring was aborted and less than `unit` elements are left to read. */
  #throwIfAbortedAndDrained(what: string, unit = 1): void {
    if (unit === 1 ? this.#spsc.drainedAfterAbort() : this.#spsc.aborted && this.#spsc.readAvailable() < unit) {
      throw new RingAbortedError(what, this.#spsc.abortReason());
    }
  }
}

/** `start()`, with a synchronous throw turned into a rejection (argument checks of the async calls). */
function rejectOnThrow<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}
