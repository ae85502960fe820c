import { formatById, resolveFormat, type ArrayOf, type FormatCode, type FormatInfo, type FormatName, type Dtype } from './formats.js';
import { describe, isNdarrayLike, isStrided, toElements, type Strided } from './internal/elements.js';
import {
  HEADER_BYTES,
  MAGIC,
  MAX_CAPACITY,
  VERSION,
  MAX_REASON_LENGTH,
  REASON_UNITS_BYTE,
  W_ABORTED,
  W_CAPACITY,
  W_CLOSED,
  W_CONSUMER_WANT,
  W_FORMAT,
  W_GENERATION,
  W_ITEMSIZE,
  W_MAGIC,
  W_PRODUCER_WANT,
  W_READ,
  W_REASON_LENGTH,
  W_VERSION,
  W_WRITE,
} from './internal/layout.js';
import { ViewCache } from './internal/view-cache.js';
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

/** Options of the waiting calls `popAsync` and `pushAsync`. */
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


/** The TypedArray methods used internally, typed once for every element type. */
type Elements = Float64Array;

type WaitAsyncResult = { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
type WaitAsync = (array: Int32Array, index: number, value: number, timeout?: number) => WaitAsyncResult;
const waitAsync: WaitAsync | undefined = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

let blockingAllowed: boolean | undefined;
/** Whether this thread may call `Atomics.wait` (not on a browser main thread or in an AudioWorklet). */
function canBlock(): boolean {
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

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

function checkCount(count: unknown, what: string): number {
  if (typeof count !== 'number') throw new TypeError(`${what}: count must be a number of elements, got ${describe(count)}`);
  if (!Number.isSafeInteger(count) || count <= 0) {
    throw new RangeError(`${what}: count must be a positive integer number of elements, got ${count}`);
  }
  return count;
}

function checkTimeout(timeout: unknown, what: string): number {
  if (timeout === undefined) return Number.POSITIVE_INFINITY;
  if (typeof timeout !== 'number') throw new TypeError(`${what}: timeout must be a number of milliseconds, got ${describe(timeout)}`);
  if (Number.isNaN(timeout) || timeout < 0) throw new RangeError(`${what}: timeout must be >= 0 milliseconds, got ${timeout}`);
  return timeout;
}

interface Waiting {
  signal: AbortSignal | undefined;
  timeout: number;
  spin: number;
}

function checkWaitOptions(options: unknown, what: string): Waiting {
  if (options === undefined) return { signal: undefined, timeout: Number.POSITIVE_INFINITY, spin: 0 };
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${what}: options must be an object like { signal, timeout }, got ${describe(options)}`);
  }
  const { signal, timeout, spinMicros } = options as WaitOptions;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.addEventListener !== 'function')) {
    throw new TypeError(`${what}: options.signal must be an AbortSignal, got ${describe(signal)}`);
  }
  let spin = 0;
  if (spinMicros !== undefined) {
    if (typeof spinMicros !== 'number') throw new TypeError(`${what}: options.spinMicros must be a number of microseconds, got ${describe(spinMicros)}`);
    if (!(spinMicros >= 0 && spinMicros <= 1e6)) throw new RangeError(`${what}: options.spinMicros must be from 0 to 1e6 microseconds, got ${spinMicros}`);
    spin = spinMicros / 1000;
  }
  return { signal, timeout: checkTimeout(timeout, what), spin };
}

const KEEP_ALIVE_MS = 2 ** 30;
function noop(): void {}

/**
 * A pending `Atomics.waitAsync` does not keep Node's event loop alive; one shared timer does while
 * any wait is pending (ref'd and unref'd, which costs far less than a timer per wait).
 */
let keepAliveTimer: ReturnType<typeof setInterval> | undefined;
let keepAliveCount = 0;
function holdEventLoop(): void {
  if (keepAliveCount++ > 0 || typeof setInterval !== 'function') return; // no timers in a worklet scope
  if (keepAliveTimer === undefined) keepAliveTimer = setInterval(noop, KEEP_ALIVE_MS);
  else (keepAliveTimer as { ref?: () => void }).ref?.();
}
function releaseEventLoop(): void {
  if (--keepAliveCount > 0) return;
  const timer = keepAliveTimer as { unref?: () => void } | undefined;
  if (typeof timer?.unref === 'function') {
    timer.unref();
  } else if (keepAliveTimer !== undefined) {
    clearInterval(keepAliveTimer);
    keepAliveTimer = undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `run`, or a rejection with the signal's reason as soon as it aborts, even while `run` still waits
 * in the queue behind an earlier call (which then skips it: it checks the signal when it starts).
 */
function abortable<T>(run: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return run;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** The handle currently being attached (lets the constructor take the attach path). */
let attaching: RingHandle | undefined;

/**
 * A lock-free single-producer/single-consumer ring buffer of typed elements in a SharedArrayBuffer.
 *
 * @remarks
 * One thread produces (`push`, `write`, `pushBytes`, `pushAsync`, `pushBlocking`, `close`), one
 * thread consumes (`pop`, `read`, `popAsync`, `popBlocking`); both may read the getters. The other
 * side attaches with `RingBuffer.attach(ring.handle)`. Capacity counts elements and every element
 * is usable, for any capacity. `push` never throws on overflow: it returns the tail that did not
 * fit; `pop` returns what is there, or `null` when the ring is empty.
 *
 * `write` and `read` allocate nothing in steady state, so they may run in an AudioWorklet's
 * `process()` (for every format but the BigInt ones `q`/`Q`, whose partial copies box values).
 * `push`/`pop` allocate the tail view or the result array. Waiting calls sleep on `Atomics` and
 * are woken by the other side only when they wait, on a watermark, so the realtime path stays a
 * copy plus one atomic store.
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
  /** Largest capacity in elements (2^30): the read and write indices run over twice the capacity in an Int32 word. */
  static readonly MAX_CAPACITY: number = MAX_CAPACITY;
  /** Longest `abort` reason kept in the shared header, in UTF-16 code units (longer ones are truncated). */
  static readonly MAX_REASON_LENGTH: number = MAX_REASON_LENGTH;

  readonly #format: FormatInfo;
  readonly #capacity: number;
  readonly #span: number;
  readonly #words: Int32Array;
  readonly #data: Elements;
  readonly #bytes: Uint8Array;
  readonly #handle: RingHandle<F>;
  /** Views of the data region (consumer side) and of the caller's source (producer side): see ViewCache. */
  readonly #regionViews = new ViewCache();
  readonly #sourceViews = new ViewCache();
  /**
   * The other side's index as last loaded. The producer re-loads the read index only when the
   * cached one shows too little room, the consumer the write index only when it shows too little
   * data: in steady state neither touches the cache line the other writes. A stale value errs on
   * the safe side (less room, less data), and `reset()` bumps a generation word that drops them.
   */
  #cachedRead = 0;
  #cachedWrite = 0;
  #generation = -1;
  #pushQueue: Promise<unknown> = Promise.resolve();
  /** Calls of popAsync / pushAsync not yet settled: later calls queue behind them, in call order. */
  #popPending = 0;
  #pushPending = 0;
  #popQueue: Promise<unknown> = Promise.resolve();

  /**
   * Creates a ring in a new SharedArrayBuffer.
   *
   * @param options - `format` (struct code or dtype name) and `capacity` in elements.
   * @throws TypeError for an unknown format or a non-numeric capacity; RangeError for a capacity
   *   that is not a positive integer up to `RingBuffer.MAX_CAPACITY`, or that cannot be allocated.
   */
  constructor(options: RingBufferOptions<F>) {
    const handle = attaching;
    attaching = undefined;
    if (handle !== undefined) {
      const { format, capacity } = RingBuffer.#validateHandle(handle);
      this.#format = format;
      this.#capacity = capacity;
      this.#handle = Object.freeze({ buffer: handle.buffer, format: handle.format as F, capacity, version: VERSION });
    } else {
      if (typeof options !== 'object' || options === null) {
        throw new TypeError(`RingBuffer: expected options { format, capacity }, got ${describe(options)}`);
      }
      this.#format = resolveFormat(options.format as unknown);
      const capacity: unknown = options.capacity;
      if (typeof capacity !== 'number') {
        throw new TypeError(`RingBuffer: capacity must be a number of elements, got ${describe(capacity)}`);
      }
      if (!Number.isInteger(capacity) || capacity <= 0 || capacity > MAX_CAPACITY) {
        throw new RangeError(`RingBuffer: capacity must be an integer from 1 to ${MAX_CAPACITY} elements, got ${capacity}`);
      }
      this.#capacity = capacity;
      // Rounded up to whole 8-byte words, so any TypedArray can view the whole buffer.
      const buffer = RingBuffer.#allocate(Math.ceil((HEADER_BYTES + capacity * this.#format.itemsize) / 8) * 8, capacity);
      const words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
      words[W_MAGIC] = MAGIC;
      words[W_VERSION] = VERSION;
      words[W_FORMAT] = this.#format.id;
      words[W_CAPACITY] = capacity;
      words[W_ITEMSIZE] = this.#format.itemsize;
      this.#handle = Object.freeze({ buffer, format: options.format, capacity, version: VERSION });
    }
    const buffer = this.#handle.buffer;
    this.#span = 2 * this.#capacity;
    this.#words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.#data = new this.#format.ArrayType(buffer, HEADER_BYTES, this.#capacity) as unknown as Elements;
    this.#bytes = new Uint8Array(buffer, HEADER_BYTES, this.#capacity * this.#format.itemsize);
  }

  /**
   * Attaches to a ring created elsewhere (usually on another thread) from its `handle`.
   *
   * @remarks
   * The header is validated (magic, version, format, capacity, size); a forged or mismatched handle
   * is a `TypeError`/`RangeError`. Allocates a few views; call once per thread, not per block.
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
    // `attaching === undefined` means "create": an undefined handle must fail as a handle, not as options.
    if (handle === undefined) RingBuffer.#validateHandle(handle);
    attaching = handle as RingHandle;
    try {
      return new RingBuffer<F>(undefined as unknown as RingBufferOptions<F>);
    } finally {
      attaching = undefined;
    }
  }

  static #allocate(byteLength: number, capacity: number): SharedArrayBuffer {
    if (typeof SharedArrayBuffer === 'undefined') {
      throw new TypeError(
        'RingBuffer: SharedArrayBuffer is not available; in a browser the page must be cross-origin isolated ' +
          "(serve it with 'Cross-Origin-Opener-Policy: same-origin' and 'Cross-Origin-Embedder-Policy: require-corp')",
      );
    }
    try {
      return new SharedArrayBuffer(byteLength);
    } catch (error) {
      throw new RangeError(
        `RingBuffer: cannot allocate ${byteLength} bytes for ${capacity} elements (${(error as Error).message})`,
      );
    }
  }

  static #validateHandle(handle: unknown): { format: FormatInfo; capacity: number } {
    if (typeof handle !== 'object' || handle === null) {
      throw new TypeError(`RingBuffer.attach: expected a ring handle { buffer, format, capacity }, got ${describe(handle)}`);
    }
    const { buffer, format, capacity, version: claimedVersion } = handle as Partial<RingHandle>;
    if (typeof SharedArrayBuffer === 'undefined' || !(buffer instanceof SharedArrayBuffer)) {
      throw new TypeError(`RingBuffer.attach: handle.buffer must be a SharedArrayBuffer, got ${describe(buffer)}`);
    }
    if (buffer.byteLength < HEADER_BYTES) {
      throw new RangeError(`RingBuffer.attach: handle.buffer holds ${buffer.byteLength} bytes, less than a ring header`);
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
    const claimed = resolveFormat(format as unknown);
    if (claimed !== info) {
      throw new TypeError(`RingBuffer.attach: handle.format '${String(format)}' does not match the ring's format '${info.code}' (${info.dtype})`);
    }
    const stored = Atomics.load(words, W_CAPACITY);
    if (stored <= 0 || stored > MAX_CAPACITY) throw new RangeError(`RingBuffer.attach: corrupted header (capacity ${stored})`);
    if (capacity !== stored) {
      throw new RangeError(`RingBuffer.attach: handle.capacity ${String(capacity)} does not match the ring's capacity ${stored}`);
    }
    if (buffer.byteLength < HEADER_BYTES + stored * info.itemsize) {
      throw new RangeError(`RingBuffer.attach: handle.buffer is too small for ${stored} elements of '${info.code}'`);
    }
    return { format: info, capacity: stored };
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
    return this.#capacity;
  }

  /** Elements the consumer can pop now. Either thread; does not allocate. */
  get readAvailable(): number {
    return this.#used(Atomics.load(this.#words, W_WRITE), Atomics.load(this.#words, W_READ));
  }

  /** Elements the producer can push now. Either thread; does not allocate. */
  get writeAvailable(): number {
    return this.#capacity - this.readAvailable;
  }

  /** Whether the index updates are lock-free on this platform (32-bit `Atomics`). */
  get isLockFree(): boolean {
    return Atomics.isLockFree(4);
  }

  /** Whether `close()` or `abort()` was called. A closed ring may still hold elements for the consumer to drain. */
  get closed(): boolean {
    return Atomics.load(this.#words, W_CLOSED) !== 0;
  }

  /** Whether `abort()` was called: the stream ended as a failure. Either thread. */
  get aborted(): boolean {
    return Atomics.load(this.#words, W_ABORTED) !== 0;
  }

  /** The reason given to `abort()` as text (truncated to `MAX_REASON_LENGTH`), or `undefined` when not aborted. Allocates the string. */
  get abortReason(): string | undefined {
    if (!this.aborted) return undefined;
    const length = Math.min(Math.max(Atomics.load(this.#words, W_REASON_LENGTH), 0), MAX_REASON_LENGTH);
    const units = new Uint16Array(this.#handle.buffer, REASON_UNITS_BYTE, length);
    let text = '';
    for (let i = 0; i < length; i += 1024) text += String.fromCharCode(...units.subarray(i, Math.min(i + 1024, length)));
    return text;
  }

  /** A structured-cloneable handle for `RingBuffer.attach` on another thread. */
  get handle(): RingHandle<F> {
    return this.#handle;
  }

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
    // The fast path skips toElements' detached check only for non-empty arrays (a detached array has byteLength 0).
    const source = data instanceof this.#format.ArrayType && data.byteLength !== 0 ? (data as TypedArray) : toElements(data, this.#format, 'push');
    this.#checkOpen('push');
    const written = this.#writeFrom(source, 0);
    return written === source.length ? null : (tailOf(data, source, written) as PushTail<T>);
  }

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
    const r = Atomics.load(this.#words, W_READ);
    const used = this.#readable(r, count);
    const n = count < used ? count : used;
    if (n === 0) {
      this.#throwIfAbortedAndDrained(r, what);
      return null;
    }
    const out = new this.#format.ArrayType(n) as unknown as Elements;
    this.#readInto(out, r, n);
    return out as unknown as ArrayOf<F>;
  }

  /**
   * Allocation-free push: copies as much of `source` as fits and returns how many elements were written.
   *
   * @remarks
   * Producer thread, realtime-safe: no allocation in steady state (for non-BigInt formats), one
   * atomic store to publish, a wake-up only when the consumer sleeps.
   *
   * @param source - A TypedArray of the ring's class (or raw bytes for `B`, or a 1-D ndarray view).
   * @returns The number of elements written (0 when the ring is full).
   * @throws Same as `push`; the ring is unchanged when it throws.
   */
  write(source: BufferLike): number {
    const elements = source instanceof this.#format.ArrayType && source.byteLength !== 0 ? (source as TypedArray) : toElements(source, this.#format, 'write');
    this.#checkOpen('write');
    return this.#writeFrom(elements, 0);
  }

  /**
   * Allocation-free pop into `target`: fills it from the start and returns how many elements were read.
   *
   * @remarks Consumer thread, realtime-safe (no allocation in steady state for non-BigInt formats).
   * @param target - A TypedArray of the ring's class, or a 1-D ndarray view over one (may be strided).
   * @returns The number of elements read, `min(target.length, readAvailable)`.
   * @throws TypeError when `target` has the wrong element type.
   */
  read(target: ArrayOf<F> | NdarrayLike<ArrayOf<F>>): number {
    let out: Elements | Strided;
    if (target instanceof this.#format.ArrayType && target.byteLength !== 0) out = target as unknown as Elements;
    else if (isNdarrayLike(target) || ArrayBuffer.isView(target)) out = toElements(target, this.#format, 'read') as Elements | Strided;
    else throw new TypeError(`read: target must be a ${this.#format.ArrayType.name} (or a 1-D ndarray view over one), got ${describe(target)}`);
    const r = Atomics.load(this.#words, W_READ);
    const used = this.#readable(r, out.length);
    const n = out.length < used ? out.length : used;
    if (n === 0) {
      if (out.length > 0) this.#throwIfAbortedAndDrained(r, 'read');
      return 0;
    }
    if (isStrided(out as TypedArray | Strided)) this.#readStrided(out as Strided, r, n);
    else this.#readInto(out as Elements, r, n);
    return n;
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
    const itemsize = this.#format.itemsize;
    if (u8.length % itemsize !== 0) {
      throw new RangeError(`pushBytes: ${u8.length} bytes is not a whole number of ${itemsize}-byte '${this.#format.code}' elements`);
    }
    this.#checkOpen('pushBytes');
    const w = Atomics.load(this.#words, W_WRITE);
    const count = u8.length / itemsize;
    const used = this.#writable(w, count);
    const free = this.#capacity - used;
    const n = count < free ? count : free;
    if (n > 0) {
      const pos = w >= this.#capacity ? w - this.#capacity : w;
      const first = this.#capacity - pos;
      if (n <= first) {
        this.#bytes.set(n === count ? u8 : u8.subarray(0, n * itemsize), pos * itemsize);
      } else {
        this.#bytes.set(u8.subarray(0, first * itemsize), pos * itemsize);
        this.#bytes.set(u8.subarray(first * itemsize, n * itemsize), 0);
      }
      this.#publishWrite(w, n, used + n);
    }
    return n === count ? null : (tailOf(bytes, u8, n * itemsize) as PushTail<T>);
  }

  /**
   * Empties the ring and clears `closed`.
   *
   * @remarks Not safe while the other side is active: call it when both sides are idle.
   */
  reset(): void {
    const words = this.#words;
    Atomics.store(words, W_READ, 0);
    Atomics.store(words, W_WRITE, 0);
    Atomics.store(words, W_CLOSED, 0);
    Atomics.store(words, W_ABORTED, 0);
    Atomics.store(words, W_REASON_LENGTH, 0);
    Atomics.add(words, W_GENERATION, 1);
    Atomics.notify(words, W_READ);
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
    const words = this.#words;
    Atomics.store(words, W_CLOSED, 1);
    Atomics.notify(words, W_WRITE);
    Atomics.notify(words, W_READ);
  }

  /**
   * Ends the stream as a failure: an RxJS error, a crashed producer, an unplugged device.
   *
   * @remarks
   * The consumer still drains what was pushed before; then its next `pop`, `read`, `popAsync`,
   * `popBlocking` or `waitReadable` throws (rejects with) a `RingAbortedError` carrying `reason`.
   * The reason is kept in the shared header as text (an `Error`'s message, else `String(reason)`),
   * truncated to `RingBuffer.MAX_REASON_LENGTH` UTF-16 code units, so it crosses threads. The ring
   * is closed too: pushing afterwards throws `RingClosedError`. The first reason wins; `reset()`
   * clears it. Usually the producer's last call; either thread; does not allocate for a string reason.
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
    const words = this.#words;
    if (Atomics.load(words, W_ABORTED) === 0) {
      let text = reason instanceof Error ? reason.message || reason.name : String(reason);
      if (text.length > MAX_REASON_LENGTH) {
        let cut = MAX_REASON_LENGTH;
        const last = text.charCodeAt(cut - 1);
        if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // do not split a surrogate pair
        text = text.slice(0, cut);
      }
      const units = new Uint16Array(this.#handle.buffer, REASON_UNITS_BYTE, MAX_REASON_LENGTH);
      for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
      Atomics.store(words, W_REASON_LENGTH, text.length);
      // ABORTED before CLOSED: a consumer that sees CLOSED and then ABORTED has seen every push before the abort.
      Atomics.store(words, W_ABORTED, 1);
    }
    this.close();
  }

  /**
   * Waits until at least one element is available, then pops up to `count` of them.
   *
   * @remarks
   * Consumer thread. Sleeps with `Atomics.waitAsync` (the producer wakes it only while it waits),
   * never spins. Concurrent calls on one object are served in call order.
   *
   * @param count - Maximum number of elements, a positive integer.
   * @param options - `signal` to abort (rejects with the signal's reason), `timeout` in milliseconds.
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
    try {
      checkCount(count, 'popAsync');
      const { signal, timeout, spin } = checkWaitOptions(options, 'popAsync');
      const deadline = now() + timeout;
      if (this.#popPending === 0) {
        // Nothing queued: run at once (it honours the signal itself), without queue or wrapper hops.
        const run = this.#popAsync(count, deadline, signal, spin);
        this.#popQueue = this.#track(run, 'pop');
        return run;
      }
      const run = this.#popQueue.then(() => this.#popAsync(count, deadline, signal, spin));
      this.#popQueue = this.#track(run, 'pop');
      return abortable(run, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async #popAsync(count: number, deadline: number, signal: AbortSignal | undefined, spin: number): Promise<ArrayOf<F> | null> {
    for (;;) {
      signal?.throwIfAborted();
      const closed = this.closed;
      const out = this.#pop(count, 'popAsync');
      if (out !== null) return out;
      if (closed) return null;
      if (now() >= deadline) return null;
      if (spin > 0 && this.#spin(W_WRITE, 1, Math.min(now() + spin, deadline))) continue;
      await this.#sleepAsync(W_WRITE, W_CONSUMER_WANT, 1, deadline, signal);
    }
  }

  /**
   * Waits until at least `count` elements can be read, without reading them.
   *
   * @remarks
   * Consumer thread. For consumers that read into their own buffers with `read` (allocation-free)
   * but must not spin: `if (await ring.waitReadable(n)) ring.read(target)`. Sleeps with
   * `Atomics.waitAsync` until the producer has published `count` elements (a watermark: it is
   * woken once, not per block). Served in call order with `popAsync`.
   *
   * @param count - Elements to wait for, from 1 to `capacity` (default 1).
   * @param options - `signal` to abort (rejects with the signal's reason), `timeout` in
   *   milliseconds, `spinMicros` to poll before sleeping.
   * @returns `true` once `count` elements are readable; `false` on timeout, or when the ring is
   *   closed with fewer than `count` elements left (drain them with `read`/`pop`).
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
    try {
      checkCount(count, 'waitReadable');
      if (count > this.#capacity) throw new RangeError(`waitReadable: count ${count} exceeds the capacity ${this.#capacity}`);
      const { signal, timeout, spin } = checkWaitOptions(options, 'waitReadable');
      const deadline = now() + timeout;
      const go = (): Promise<boolean> => this.#waitFor(W_WRITE, W_CONSUMER_WANT, count, deadline, signal, spin, 'waitReadable');
      if (this.#popPending === 0) {
        const run = go();
        this.#popQueue = this.#track(run, 'pop');
        return run;
      }
      const run = this.#popQueue.then(go);
      this.#popQueue = this.#track(run, 'pop');
      return abortable(run, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Waits until at least `count` elements can be written, without writing.
   *
   * @remarks
   * Producer thread. For producers that write from their own buffers with `write`
   * (allocation-free): `if (await ring.waitWritable(n)) ring.write(block)`. Sleeps with
   * `Atomics.waitAsync` until the consumer has freed `count` elements. Served in call order with
   * `pushAsync`.
   *
   * @param count - Elements of room to wait for, from 1 to `capacity` (default 1).
   * @param options - `signal`, `timeout` (milliseconds), `spinMicros`, as for `pushAsync`.
   * @returns `true` once there is room for `count` elements; `false` on timeout.
   * @throws (rejects) RingClosedError when the ring is or becomes closed.
   */
  waitWritable(count = 1, options?: WaitOptions): Promise<boolean> {
    try {
      checkCount(count, 'waitWritable');
      if (count > this.#capacity) throw new RangeError(`waitWritable: count ${count} exceeds the capacity ${this.#capacity}`);
      const { signal, timeout, spin } = checkWaitOptions(options, 'waitWritable');
      const deadline = now() + timeout;
      const go = (): Promise<boolean> => this.#waitFor(W_READ, W_PRODUCER_WANT, count, deadline, signal, spin, 'waitWritable');
      if (this.#pushPending === 0) {
        const run = go();
        this.#pushQueue = this.#track(run, 'push');
        return run;
      }
      const run = this.#pushQueue.then(go);
      this.#pushQueue = this.#track(run, 'push');
      return abortable(run, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The loop of waitReadable (index W_WRITE) and waitWritable (index W_READ). */
  async #waitFor(
    index: number,
    wantIndex: number,
    count: number,
    deadline: number,
    signal: AbortSignal | undefined,
    spin: number,
    what: string,
  ): Promise<boolean> {
    const reading = index === W_WRITE;
    for (;;) {
      signal?.throwIfAborted();
      const closed = this.closed;
      if (!reading && closed) throw new RingClosedError(`${what}: the ring is closed`);
      const available = reading ? this.readAvailable : this.writeAvailable;
      if (available >= count) return true;
      if (reading && closed && available === 0 && this.aborted) throw new RingAbortedError(what, this.abortReason ?? '');
      if (closed || now() >= deadline) return false;
      if (spin > 0 && this.#spin(index, count, Math.min(now() + spin, deadline))) continue;
      await this.#sleepAsync(index, wantIndex, count, deadline, signal);
    }
  }

  /**
   * Writes all of `data`, waiting for space as needed.
   *
   * @remarks
   * Producer thread. Sleeps with `Atomics.waitAsync` until the consumer has freed half the ring (or
   * room for the rest), never spins. Concurrent calls on one object are served in call order.
   *
   * @param data - What `push` accepts.
   * @param options - `signal` to abort (rejects with the signal's reason), `timeout` in milliseconds.
   * @returns `null` once everything was written, or the unwritten tail on timeout.
   * @throws (rejects) RingClosedError when the ring is or becomes closed; TypeError/RangeError for bad data.
   */
  pushAsync<T extends BufferLike>(data: T, options?: WaitOptions): Promise<PushTail<T> | null> {
    try {
      const source = toElements(data, this.#format, 'pushAsync');
      const { signal, timeout, spin } = checkWaitOptions(options, 'pushAsync');
      const deadline = now() + timeout;
      if (this.#pushPending === 0) {
        const run = this.#pushAsync(data, source, deadline, signal, spin);
        this.#pushQueue = this.#track(run, 'push');
        return run;
      }
      const run = this.#pushQueue.then(() => this.#pushAsync(data, source, deadline, signal, spin));
      this.#pushQueue = this.#track(run, 'push');
      return abortable(run, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async #pushAsync<T>(data: T, source: TypedArray | Strided, deadline: number, signal: AbortSignal | undefined, spin: number): Promise<PushTail<T> | null> {
    let done = 0;
    for (;;) {
      signal?.throwIfAborted();
      this.#checkOpen('pushAsync', source.length - done);
      done += this.#writeFrom(source, done);
      if (done === source.length) return null;
      if (now() >= deadline) return tailOf(data, source, done) as PushTail<T>;
      const want = this.#spaceWatermark(source.length - done);
      if (spin > 0 && this.#spin(W_READ, want, Math.min(now() + spin, deadline))) continue;
      await this.#sleepAsync(W_READ, W_PRODUCER_WANT, want, deadline, signal);
    }
  }

  /**
   * Blocks the thread until at least one element is available, then pops up to `count` of them.
   *
   * @remarks
   * Consumer thread, where blocking is allowed (Node threads, browser workers; not a browser main
   * thread or an AudioWorklet: there it throws a TypeError). Sleeps with `Atomics.wait`.
   *
   * @param count - Maximum number of elements, a positive integer.
   * @param timeout - Milliseconds to wait at most (default: no limit).
   * @returns The elements; `null` on timeout, or once the ring is closed and drained.
   * @throws (rejects with) RingAbortedError once an aborted ring is drained.
   */
  popBlocking(count: number, timeout?: number): ArrayOf<F> | null {
    checkCount(count, 'popBlocking');
    const deadline = now() + checkTimeout(timeout, 'popBlocking');
    this.#checkCanBlock('popBlocking');
    for (;;) {
      const closed = this.closed;
      const out = this.#pop(count, 'popBlocking');
      if (out !== null) return out;
      if (closed || now() >= deadline) return null;
      this.#sleepBlocking(W_WRITE, W_CONSUMER_WANT, 1, deadline);
    }
  }

  /**
   * Blocks the thread until all of `data` is written.
   *
   * @remarks Producer thread, where blocking is allowed (see `popBlocking`). Sleeps with `Atomics.wait`.
   * @param data - What `push` accepts.
   * @param timeout - Milliseconds to wait at most (default: no limit).
   * @returns `null` once everything was written, or the unwritten tail on timeout.
   * @throws RingClosedError when the ring is or becomes closed; TypeError/RangeError for bad data.
   */
  pushBlocking<T extends BufferLike>(data: T, timeout?: number): PushTail<T> | null {
    const source = toElements(data, this.#format, 'pushBlocking');
    const deadline = now() + checkTimeout(timeout, 'pushBlocking');
    this.#checkCanBlock('pushBlocking');
    let done = 0;
    for (;;) {
      this.#checkOpen('pushBlocking', source.length - done);
      done += this.#writeFrom(source, done);
      if (done === source.length) return null;
      if (now() >= deadline) return tailOf(data, source, done) as PushTail<T>;
      this.#sleepBlocking(W_READ, W_PRODUCER_WANT, this.#spaceWatermark(source.length - done), deadline);
    }
  }

  // ---- internals -------------------------------------------------------------------------------

  /** Counts `run` as pending until it settles; returns the queue tail that never rejects. */
  #track(run: Promise<unknown>, side: 'pop' | 'push'): Promise<unknown> {
    if (side === 'pop') this.#popPending++;
    else this.#pushPending++;
    const settled = (): void => {
      if (side === 'pop') this.#popPending--;
      else this.#pushPending--;
    };
    return run.then(settled, settled);
  }

  /** Elements in the ring for indices `w`, `r`; throws on a corrupted header instead of reading out of bounds. */
  #used(w: number, r: number): number {
    const span = this.#span;
    let used = w - r;
    if (used < 0) used += span;
    if (w < 0 || r < 0 || w >= span || r >= span || used > this.#capacity) {
      throw new RangeError(
        `RingBuffer: corrupted header (read index ${r}, write index ${w}, capacity ${this.#capacity}); refusing to touch the data`,
      );
    }
    return used;
  }

  /**
   * Elements in the ring as the consumer (read index `r`) may count them: from the cached write
   * index when that shows `wanted` elements, else from a fresh load.
   */
  #readable(r: number, wanted: number): number {
    this.#checkGeneration();
    const span = this.#span;
    const cached = this.#cachedWrite;
    let used = cached - r;
    if (used < 0) used += span;
    if (used >= wanted && used <= this.#capacity && r >= 0 && r < span && cached >= 0 && cached < span) return used;
    const w = Atomics.load(this.#words, W_WRITE);
    this.#cachedWrite = w;
    return this.#used(w, r);
  }

  /**
   * Elements in the ring as the producer (write index `w`) may count them: from the cached read
   * index when that leaves room for `wanted` elements, else from a fresh load.
   */
  #writable(w: number, wanted: number): number {
    this.#checkGeneration();
    const span = this.#span;
    const cached = this.#cachedRead;
    let used = w - cached;
    if (used < 0) used += span;
    if (this.#capacity - used >= wanted && used <= this.#capacity && w >= 0 && w < span && cached >= 0 && cached < span) return used;
    const r = Atomics.load(this.#words, W_READ);
    this.#cachedRead = r;
    return this.#used(w, r);
  }

  /** Drops the cached indices when `reset()` ran (on either side) since they were loaded. */
  #checkGeneration(): void {
    const generation = Atomics.load(this.#words, W_GENERATION);
    if (generation !== this.#generation) {
      this.#generation = generation;
      this.#cachedRead = Atomics.load(this.#words, W_READ);
      this.#cachedWrite = Atomics.load(this.#words, W_WRITE);
    }
  }

  /**
   * Throws RingAbortedError when the ring was aborted and nothing is left to read at read index `r`.
   * ABORTED is loaded before the fresh write index, so every push made before the abort is counted.
   */
  #throwIfAbortedAndDrained(r: number, what: string): void {
    if (Atomics.load(this.#words, W_ABORTED) === 0) return;
    if (this.#used(Atomics.load(this.#words, W_WRITE), r) === 0) throw new RingAbortedError(what, this.abortReason ?? '');
  }

  #checkOpen(what: string, pending?: number): void {
    if (Atomics.load(this.#words, W_CLOSED) !== 0) {
      const lost = pending !== undefined ? `; ${pending} elements were not written` : '';
      throw new RingClosedError(`${what}: the ring is closed${lost}`);
    }
  }

  #checkCanBlock(what: string): void {
    if (!canBlock()) {
      throw new TypeError(
        `${what}: this thread cannot block (Atomics.wait is not allowed on a browser main thread or in an AudioWorklet); use ${what.replace('Blocking', 'Async')}`,
      );
    }
  }

  /** Free space a sleeping producer waits for: the rest of its data, or half the ring. */
  #spaceWatermark(remaining: number): number {
    const half = Math.ceil(this.#capacity / 2);
    return remaining < half ? remaining : half;
  }

  /** Copies `source[start..]` into the ring as far as it fits, publishes, wakes a sleeping consumer. */
  #writeFrom(source: TypedArray | Strided, start: number): number {
    const w = Atomics.load(this.#words, W_WRITE);
    const want = source.length - start;
    const used = this.#writable(w, want);
    const free = this.#capacity - used;
    const n = want < free ? want : free;
    if (n <= 0) return 0;
    const capacity = this.#capacity;
    const pos = w >= capacity ? w - capacity : w;
    if (isStrided(source)) {
      const data = this.#data;
      const array = source.array as unknown as Elements;
      let p = pos;
      let s = source.offset + start * source.stride;
      for (let i = 0; i < n; i++, s += source.stride) {
        data[p] = array[s]!;
        if (++p === capacity) p = 0;
      }
    } else {
      const first = capacity - pos;
      if (n <= first) {
        this.#copyIn(source as unknown as Elements, start, n, pos);
      } else {
        this.#copyIn(source as unknown as Elements, start, first, pos);
        this.#copyIn(source as unknown as Elements, start + first, n - first, 0);
      }
    }
    this.#publishWrite(w, n, used + n);
    return n;
  }

  #publishWrite(w: number, n: number, usedAfter: number): void {
    const words = this.#words;
    let next = w + n;
    if (next >= this.#span) next -= this.#span;
    Atomics.store(words, W_WRITE, next);
    const want = Atomics.load(words, W_CONSUMER_WANT);
    if (want !== 0 && usedAfter >= want) Atomics.notify(words, W_WRITE);
  }

  #publishRead(r: number, n: number): void {
    const words = this.#words;
    let next = r + n;
    if (next >= this.#span) next -= this.#span;
    Atomics.store(words, W_READ, next);
    const want = Atomics.load(words, W_PRODUCER_WANT);
    if (want !== 0 && this.#capacity - this.#used(Atomics.load(words, W_WRITE), next) >= want) {
      Atomics.notify(words, W_READ);
    }
  }

  /** `data[pos .. pos+n) = source[start .. start+n)` with a native copy, allocation-free in steady state. */
  #copyIn(source: Elements, start: number, n: number, pos: number): void {
    this.#data.set(start === 0 && n === source.length ? source : this.#sourceViews.view(source, start, n), pos);
  }

  /** Copies `n` elements from read index `r` into `out[0..n)` and publishes the read. */
  #readInto(out: Elements, r: number, n: number): void {
    const capacity = this.#capacity;
    const pos = r >= capacity ? r - capacity : r;
    const first = capacity - pos;
    if (n <= first) {
      out.set(this.#regionViews.view(this.#data, pos, n), 0);
    } else {
      out.set(this.#regionViews.view(this.#data, pos, first), 0);
      out.set(this.#regionViews.view(this.#data, 0, n - first), first);
    }
    this.#publishRead(r, n);
  }

  #readStrided(out: Strided, r: number, n: number): void {
    const capacity = this.#capacity;
    const data = this.#data;
    const array = out.array as unknown as Elements;
    let p = r >= capacity ? r - capacity : r;
    for (let i = 0, t = out.offset; i < n; i++, t += out.stride) {
      array[t] = data[p]!;
      if (++p === capacity) p = 0;
    }
    this.#publishRead(r, n);
  }

  /** Sleeps (async) until the other side publishes enough: `want` elements (consumer) or free slots (producer). */
  async #sleepAsync(index: number, wantIndex: number, want: number, deadline: number, signal: AbortSignal | undefined): Promise<void> {
    const words = this.#words;
    Atomics.store(words, wantIndex, want);
    try {
      const observed = Atomics.load(words, index);
      if (this.#ready(index, want)) return;
      const remaining = deadline - now();
      if (remaining <= 0) return;
      if (waitAsync === undefined) {
        // Engines without Atomics.waitAsync: poll gently.
        await sleep(Math.min(remaining, 2));
        return;
      }
      const result = waitAsync(words, index, observed, remaining === Number.POSITIVE_INFINITY ? undefined : remaining);
      if (!result.async) return;
      // So that a script awaiting data does not exit early (see holdEventLoop).
      holdEventLoop();
      // An abort wakes our own wait so that no waiter is left behind.
      const onAbort = (): void => void Atomics.notify(words, index);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await result.value;
      } finally {
        releaseEventLoop();
        signal?.removeEventListener('abort', onAbort);
      }
    } finally {
      Atomics.store(words, wantIndex, 0);
    }
  }

  #sleepBlocking(index: number, wantIndex: number, want: number, deadline: number): void {
    const words = this.#words;
    Atomics.store(words, wantIndex, want);
    try {
      const observed = Atomics.load(words, index);
      if (this.#ready(index, want)) return;
      const remaining = deadline - now();
      if (remaining > 0) Atomics.wait(words, index, observed, remaining);
    } finally {
      Atomics.store(words, wantIndex, 0);
    }
  }

  /** Polls until a sleeper on `index` need not sleep or `until` (ms) passes; true when ready. */
  #spin(index: number, want: number, until: number): boolean {
    do {
      if (this.#ready(index, want)) return true;
    } while (now() < until);
    return false;
  }

  /** Whether a sleeper on `index` needs not sleep: closed, or its watermark is met. */
  #ready(index: number, want: number): boolean {
    if (this.closed) return true;
    return index === W_WRITE ? this.readAvailable >= want : this.writeAvailable >= want;
  }
}

/** The tail of `data` after `done` elements (bytes for raw-byte input), as a view of the same kind. */
function tailOf(data: unknown, normalised: TypedArray | Strided, done: number): unknown {
  if (isStrided(normalised)) {
    return ndarrayTail(normalised.source, normalised.offset + done * normalised.stride, normalised.length - done, normalised.stride);
  }
  if (isNdarrayLike(data)) {
    const step = data.stride[0] ?? 1;
    return ndarrayTail(data, data.offset + done * step, normalised.length - done, step);
  }
  if (data instanceof DataView) return new DataView(data.buffer, data.byteOffset + done, data.byteLength - done);
  if (ArrayBuffer.isView(data)) return (data as unknown as Uint8Array).subarray(done);
  return normalised.subarray(done);
}

function ndarrayTail(view: NdarrayLike, offset: number, length: number, stride: number): NdarrayLike {
  const lo = (view as { lo?: (i: number) => NdarrayLike }).lo;
  if (typeof lo === 'function') return lo.call(view, view.shape[0]! - length);
  return { data: view.data, shape: [length], stride: [stride], offset };
}
