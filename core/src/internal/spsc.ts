import type { FormatInfo } from '../formats.js';
import { readReason, writeReason } from './header.js';
import type { Strided } from './elements.js';
import { viewOf } from './intrinsics.js';
import {
  HEADER_BYTES,
  INDEX_MASK,
  SLEEPING,
  W_ABORTED,
  W_CLOSED,
  W_CONSUMER_WANT,
  W_GENERATION,
  W_PRODUCER_WANT,
  W_READ,
  W_REASON_LENGTH,
  W_WRITE,
} from './layout.js';
import { ViewCache, type Elements } from './view-cache.js';

/**
 * The lock-free single-producer/single-consumer algorithm, and nothing else: indices, cached
 * indices, copies, publication, and the sleep/wake protocol. Arguments arrive checked (see
 * ring-buffer.ts); waiting itself (timers, promises, `Atomics.wait`) is in waits.ts.
 *
 * Indices run over `[0, 2 * capacity)`; `used = write - read (mod 2 * capacity)`. Each index word
 * is written by one side only, with one `Atomics.exchange` after the copy (the release that makes
 * the copied elements visible), and carries in bit 31 (SLEEPING) the flag of the *other* side
 * sleeping on it. So the publisher learns from the value its exchange returns whether anybody
 * sleeps, with no second atomic access on the hot path:
 *
 * - producer: copy, `old = exchange(WRITE, next)`; if `old` has SLEEPING, load CONSUMER_WANT and
 *   either notify (the watermark is met) or set SLEEPING again (the consumer sleeps on).
 * - consumer: the same with READ and PRODUCER_WANT.
 * - a sleeper stores its watermark, then `or(word, SLEEPING)` on the word it will sleep on; the
 *   value that returns is the index it checks and (with the flag) the value it waits on. Either its
 *   `or` comes before the publisher's exchange in that word's modification order (the publisher
 *   sees the flag, and the watermark stored before it), or after (the sleeper sees the new index):
 *   no wake-up is lost, and no ordering between two different words is needed for it.
 * - `close()` clears both flags (so a sleeper about to wait sees its word change) and notifies.
 *
 * Watermarks: a consumer waits for `count` elements (1 for popAsync), a producer for the rest of
 * its data or half the ring. Both sleep at once only if `used < consumerWant` and
 * `capacity - used < producerWant`, i.e. when `consumerWant + producerWant > capacity + 1`. A
 * producer that may make partial progress (pushAsync, pushBlocking) lowers its watermark below
 * that line when it sees the consumer's; a consumer that sees such a producer already asleep wakes
 * it to look again (the two stores and loads are sequentially consistent, so at least one of them
 * sees the other's watermark). `waitWritable(n)` cannot lower its `n`: with `waitReadable(m)` on the
 * other side and `n + m > capacity + 1` both can wait for each other, as documented.
 *
 * Only this side writes its own index word's index bits, so it reads them with a plain load; the
 * other side's index is cached and re-loaded (with `Atomics.load`, the acquire) only when the cache
 * shows too little room or data; a stale cached index errs on the safe side. `reset()` bumps a
 * generation word that makes both sides drop their caches. Every index is validated before it is
 * used and before any index moves: a call that throws leaves the ring as it was.
 */
export class Spsc {
  /** Capacity in elements. */
  readonly capacity: number;
  /** The header words (Int32) of the shared memory. */
  readonly words: Int32Array;
  /** After `consumerSleeps`/`producerSleeps` returned true: the value of the word to wait on. */
  observed = 0;
  readonly #span: number;
  readonly #buffer: SharedArrayBuffer;
  readonly #data: Elements;
  readonly #bytes: Uint8Array;
  readonly #itemsize: number;
  /** Views of the data region (consumer side) and of the caller's source (producer side). */
  readonly #regionViews: ViewCache;
  readonly #sourceViews: ViewCache;
  #cachedRead = 0;
  #cachedWrite = 0;
  #generation = 0;

  constructor(buffer: SharedArrayBuffer, format: FormatInfo, capacity: number) {
    this.capacity = capacity;
    this.#span = 2 * capacity;
    this.#buffer = buffer;
    this.#itemsize = format.itemsize;
    this.words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.#data = new format.ArrayType(buffer, HEADER_BYTES, capacity) as unknown as Elements;
    this.#bytes = new Uint8Array(buffer, HEADER_BYTES, capacity * format.itemsize);
    this.#regionViews = new ViewCache(format.ArrayType);
    this.#sourceViews = new ViewCache(format.ArrayType);
    this.#renew();
  }

  // ---- counts ----------------------------------------------------------------------------------

  /** Elements readable now (fresh loads of both indices). Either side. */
  readAvailable(): number {
    return this.#used(Atomics.load(this.words, W_WRITE) & INDEX_MASK, Atomics.load(this.words, W_READ) & INDEX_MASK);
  }

  /** Whether `close()` (or `abort()`) was called. */
  get closed(): boolean {
    return Atomics.load(this.words, W_CLOSED) !== 0;
  }

  /**
   * Producer, on every push: whether the ring is closed, by a plain load. A close racing with the
   * call may or may not be seen by it, as with any check; one that happened before it is seen.
   */
  closedFast(): boolean {
    return this.words[W_CLOSED] !== 0;
  }

  /** Whether `abort()` was called. */
  get aborted(): boolean {
    return Atomics.load(this.words, W_ABORTED) !== 0;
  }

  /** The abort reason as text (call when `aborted`). */
  abortReason(): string {
    return readReason(this.#buffer, this.words);
  }

  /**
   * Consumer, after a read found nothing: whether the producer aborted and everything it pushed
   * before was read. ABORTED is loaded before the fresh write index, and set before CLOSED, so
   * every push made before the abort is counted.
   */
  drainedAfterAbort(): boolean {
    const words = this.words;
    if (words[W_ABORTED] === 0 && Atomics.load(words, W_ABORTED) === 0) return false;
    return this.#used(Atomics.load(words, W_WRITE) & INDEX_MASK, words[W_READ]! & INDEX_MASK) === 0;
  }

  // ---- producer ----------------------------------------------------------------------------------

  /**
   * Copies `source[start .. length)` into the ring as far as it fits, publishes, wakes a consumer
   * sleeping on a watermark that is now met. `length` is the source's intrinsic length.
   * @returns The number of elements written.
   */
  write(source: Elements, length: number, start: number): number {
    const want = length - start;
    const w = this.#ownIndex(W_WRITE);
    const free = this.capacity - this.#writable(w, want);
    const n = want < free ? want : free;
    if (n <= 0) return 0;
    const capacity = this.capacity;
    const pos = w >= capacity ? w - capacity : w;
    if (start === 0 && n === length && n <= capacity - pos) this.#data.set(source, pos);
    else this.#copyIn(source, start, n, pos);
    this.#publishWrite(w, n);
    return n;
  }

  /** `data[pos ..) = source[start .. start + n)`, wrapping around the end: the copies that need views. */
  #copyIn(source: Elements, start: number, n: number, pos: number): void {
    const first = this.capacity - pos;
    if (n <= first) {
      this.#data.set(this.#sourceViews.view(source, start, n), pos);
    } else {
      this.#data.set(this.#sourceViews.view(source, start, first), pos);
      this.#data.set(this.#sourceViews.view(source, start + first, n - first), 0);
    }
  }

  /** `write` for a strided source (element by element). */
  writeStrided(source: Strided, start: number): number {
    const want = source.length - start;
    const w = this.#ownIndex(W_WRITE);
    const free = this.capacity - this.#writable(w, want);
    const n = want < free ? want : free;
    if (n <= 0) return 0;
    const capacity = this.capacity;
    const data = this.#data;
    const array = source.array as unknown as Elements;
    let p = w >= capacity ? w - capacity : w;
    for (let i = 0, s = source.offset + start * source.stride; i < n; i++, s += source.stride) {
      data[p] = array[s]!;
      if (++p === capacity) p = 0;
    }
    this.#publishWrite(w, n);
    return n;
  }

  /** `write` for raw bytes holding `count` whole elements. */
  writeBytes(bytes: Uint8Array, count: number): number {
    const w = this.#ownIndex(W_WRITE);
    const free = this.capacity - this.#writable(w, count);
    const n = count < free ? count : free;
    if (n <= 0) return 0;
    const size = this.#itemsize;
    const pos = w >= this.capacity ? w - this.capacity : w;
    const first = this.capacity - pos;
    if (n <= first) {
      this.#bytes.set(viewOf(Uint8Array, bytes, 0, n * size), pos * size);
    } else {
      this.#bytes.set(viewOf(Uint8Array, bytes, 0, first * size), pos * size);
      this.#bytes.set(viewOf(Uint8Array, bytes, first * size, (n - first) * size), 0);
    }
    this.#publishWrite(w, n);
    return n;
  }

  /** Elements in the ring as the producer may count them (at write index `w`): cached, or fresh when the cache shows too little room. */
  #writable(w: number, want: number): number {
    const capacity = this.capacity;
    const span = this.#span;
    const cached = this.#cachedRead;
    let used = w - cached;
    if (used < 0) used += span;
    if (capacity - used >= want && used <= capacity && w < span && cached < span) return used;
    return this.#loadRead(w);
  }

  /** The producer's fresh look at the read index (the acquire), validated, cached. */
  #loadRead(w: number): number {
    const r = Atomics.load(this.words, W_READ) & INDEX_MASK;
    const used = this.#used(w, r);
    this.#cachedRead = r;
    return used;
  }

  #publishWrite(w: number, n: number): void {
    let next = w + n;
    if (next >= this.#span) next -= this.#span;
    if (Atomics.exchange(this.words, W_WRITE, next) < 0) this.#wakeConsumer(next);
  }

  /** The consumer sleeps on WRITE: notify when its watermark is met, else keep its flag set. */
  #wakeConsumer(next: number): void {
    const words = this.words;
    const want = Atomics.load(words, W_CONSUMER_WANT);
    // From the cached read index: it errs on the side of more elements, so at worst a wake-up is early.
    let used = next - this.#cachedRead;
    if (used < 0) used += this.#span;
    if (watermarkMet(want, used)) Atomics.notify(words, W_WRITE);
    else Atomics.or(words, W_WRITE, SLEEPING);
  }

  /**
   * Producer, before sleeping until `want` elements are free. Announces the watermark and sets
   * SLEEPING in READ. Returns false when it need not sleep (closed, or the room is there); when it
   * returns true, wait on READ for the value `observed`. Call `producerAwake()` afterwards either way.
   * @param lowerable - The producer makes progress with any room (pushAsync, pushBlocking), so it
   *   lowers its watermark when the consumer's would otherwise conflict with it.
   */
  producerSleeps(want: number, lowerable: boolean): boolean {
    const words = this.words;
    Atomics.store(words, W_PRODUCER_WANT, want);
    const old = Atomics.or(words, W_READ, SLEEPING);
    this.observed = old | SLEEPING;
    if (Atomics.load(words, W_CLOSED) !== 0) return false;
    const r = old & INDEX_MASK;
    const free = this.capacity - this.#used(words[W_WRITE]! & INDEX_MASK, r);
    this.#cachedRead = r;
    if (free >= want) return false;
    if (lowerable) {
      const lowered = lowerWatermark(want, Atomics.load(words, W_CONSUMER_WANT), this.capacity);
      if (lowered !== want) {
        Atomics.store(words, W_PRODUCER_WANT, lowered);
        if (free >= lowered) return false;
      }
    }
    return true;
  }

  /** Producer, after `producerSleeps` (whatever it returned) and any wait. */
  producerAwake(): void {
    Atomics.store(this.words, W_PRODUCER_WANT, 0);
    Atomics.and(this.words, W_READ, INDEX_MASK);
  }

  // ---- consumer ----------------------------------------------------------------------------------

  /** Elements the consumer may read now, as far as it needs to know: at least `wanted` when they are there. */
  readable(wanted: number): number {
    return this.#readable(this.#ownIndex(W_READ), wanted);
  }

  /**
   * Copies up to `max` elements into `out[0 ..)`, a multiple of `unit` of them, and publishes.
   * @returns The number of elements read.
   */
  read(out: Elements, max: number, unit: number): number {
    const r = this.#ownIndex(W_READ);
    const used = this.#readable(r, max);
    let n = max < used ? max : used;
    if (unit !== 1) n -= n % unit;
    if (n <= 0) return 0;
    const capacity = this.capacity;
    const pos = r >= capacity ? r - capacity : r;
    if (n <= capacity - pos) out.set(this.#regionViews.view(this.#data, pos, n), 0);
    else this.#copyOutWrapped(out, pos, n);
    this.#publishRead(r, n);
    return n;
  }

  /** `out[0 .. n) = data[pos ..)`, wrapping around the end of the data region. */
  #copyOutWrapped(out: Elements, pos: number, n: number): void {
    const first = this.capacity - pos;
    out.set(this.#regionViews.view(this.#data, pos, first), 0);
    out.set(this.#regionViews.view(this.#data, 0, n - first), first);
  }

  /** `read` into a strided target (element by element). */
  readStrided(out: Strided, max: number): number {
    const r = this.#ownIndex(W_READ);
    const used = this.#readable(r, max);
    const n = max < used ? max : used;
    if (n <= 0) return 0;
    const capacity = this.capacity;
    const data = this.#data;
    const array = out.array as unknown as Elements;
    let p = r >= capacity ? r - capacity : r;
    for (let i = 0, t = out.offset; i < n; i++, t += out.stride) {
      array[t] = data[p]!;
      if (++p === capacity) p = 0;
    }
    this.#publishRead(r, n);
    return n;
  }

  /** Elements in the ring as the consumer (at read index `r`) may count them: cached, or fresh when the cache shows too little. */
  #readable(r: number, wanted: number): number {
    const span = this.#span;
    const cached = this.#cachedWrite;
    let used = cached - r;
    if (used < 0) used += span;
    if (used >= wanted && used <= this.capacity && r < span && cached < span) return used;
    return this.#loadWrite(r);
  }

  /** The consumer's fresh look at the write index (the acquire), validated, cached. */
  #loadWrite(r: number): number {
    const w = Atomics.load(this.words, W_WRITE) & INDEX_MASK;
    const used = this.#used(w, r);
    this.#cachedWrite = w;
    return used;
  }

  #publishRead(r: number, n: number): void {
    let next = r + n;
    if (next >= this.#span) next -= this.#span;
    if (Atomics.exchange(this.words, W_READ, next) < 0) this.#wakeProducer(next);
  }

  /** The producer sleeps on READ: notify when its watermark is met, else keep its flag set. */
  #wakeProducer(next: number): void {
    const words = this.words;
    const want = Atomics.load(words, W_PRODUCER_WANT);
    // From the cached write index: it errs on the side of more room, so at worst a wake-up is early.
    let used = this.#cachedWrite - next;
    if (used < 0) used += this.#span;
    if (watermarkMet(want, this.capacity - used)) Atomics.notify(words, W_READ);
    else Atomics.or(words, W_READ, SLEEPING);
  }

  /**
   * Consumer, before sleeping until `want` elements are readable: the mirror of `producerSleeps`.
   * Also wakes a producer asleep on a watermark that conflicts with `want` (see the class notes).
   */
  consumerSleeps(want: number): boolean {
    const words = this.words;
    Atomics.store(words, W_CONSUMER_WANT, want);
    const old = Atomics.or(words, W_WRITE, SLEEPING);
    this.observed = old | SLEEPING;
    if (Atomics.load(words, W_CLOSED) !== 0) return false;
    const w = old & INDEX_MASK;
    const used = this.#used(w, words[W_READ]! & INDEX_MASK);
    this.#cachedWrite = w;
    if (used >= want) return false;
    if (Atomics.load(words, W_READ) < 0 && watermarksConflict(Atomics.load(words, W_PRODUCER_WANT), want, this.capacity)) {
      Atomics.and(words, W_READ, INDEX_MASK);
      Atomics.notify(words, W_READ);
    }
    return true;
  }

  /** Consumer, after `consumerSleeps` (whatever it returned) and any wait. */
  consumerAwake(): void {
    Atomics.store(this.words, W_CONSUMER_WANT, 0);
    Atomics.and(this.words, W_WRITE, INDEX_MASK);
  }

  // ---- either side -------------------------------------------------------------------------------

  /** Marks the end of the stream and wakes both sides (clearing their flags, so that one about to wait sees its word change). */
  close(): void {
    const words = this.words;
    Atomics.store(words, W_CLOSED, 1);
    Atomics.and(words, W_WRITE, INDEX_MASK);
    Atomics.notify(words, W_WRITE);
    Atomics.and(words, W_READ, INDEX_MASK);
    Atomics.notify(words, W_READ);
  }

  /** Ends the stream as a failure: the reason first, then ABORTED, then CLOSED (the consumer relies on that order). First reason wins. */
  abort(text: string): void {
    if (Atomics.load(this.words, W_ABORTED) === 0) {
      writeReason(this.#buffer, this.words, text);
      Atomics.store(this.words, W_ABORTED, 1);
    }
    this.close();
  }

  /** Empties the ring and clears closed/aborted; both sides drop their cached indices (not safe while the other side is active). */
  reset(): void {
    const words = this.words;
    Atomics.store(words, W_READ, 0);
    Atomics.store(words, W_WRITE, 0);
    Atomics.store(words, W_CLOSED, 0);
    Atomics.store(words, W_ABORTED, 0);
    Atomics.store(words, W_REASON_LENGTH, 0);
    Atomics.add(words, W_GENERATION, 1);
    Atomics.notify(words, W_READ);
    Atomics.notify(words, W_WRITE);
  }

  // ---- internals ---------------------------------------------------------------------------------

  /**
   * This side's index, by a plain load: only this side writes the index bits (the other side sets
   * only bit 31). Drops the cached indices first when `reset()` ran since they were loaded (a plain
   * load too: reset is documented as not concurrent with the other side).
   */
  #ownIndex(word: number): number {
    const words = this.words;
    if (words[W_GENERATION] !== this.#generation) this.#renew();
    return words[word]! & INDEX_MASK;
  }

  #renew(): void {
    const words = this.words;
    this.#generation = Atomics.load(words, W_GENERATION);
    // Not validated here: a cached index is checked where it is used, and an invalid one is re-loaded (and refused).
    this.#cachedRead = Atomics.load(words, W_READ) & INDEX_MASK;
    this.#cachedWrite = Atomics.load(words, W_WRITE) & INDEX_MASK;
  }

  /** Elements in the ring for indices `w`, `r`; throws on a corrupted header instead of touching the data. */
  #used(w: number, r: number): number {
    const span = this.#span;
    let used = w - r;
    if (used < 0) used += span;
    if (w >= span || r >= span || used > this.capacity) {
      throw new RangeError(
        `RingBuffer: corrupted header (read index ${r}, write index ${w}, capacity ${this.capacity}); refusing to touch the data`,
      );
    }
    return used;
  }
}

// ---- the watermark rules (pure, shared with the protocol's model test) ------------------------

/** Free elements a producer with `remaining` elements to write sleeps for: the rest, or half the ring. */
export function spaceWatermark(remaining: number, capacity: number): number {
  const half = Math.ceil(capacity / 2);
  return remaining < half ? remaining : half;
}

/** Whether a sleeper waiting for `want` is woken by a publisher that sees `have` (0 or less: nobody waits, wake whatever sleeps). */
export function watermarkMet(want: number, have: number): boolean {
  return want <= 0 || have >= want;
}

/**
 * Whether a producer waiting for `producerWant` free elements and a consumer waiting for
 * `consumerWant` elements can both be unsatisfied at once: some `used` with `used < consumerWant`
 * and `capacity - used < producerWant` exists exactly when the two add up to more than `capacity + 1`.
 */
export function watermarksConflict(producerWant: number, consumerWant: number, capacity: number): boolean {
  return producerWant > 0 && consumerWant > 0 && producerWant + consumerWant > capacity + 1;
}

/** A lowerable producer's watermark given the consumer's: lowered below the conflict line (at least 1). */
export function lowerWatermark(want: number, consumerWant: number, capacity: number): number {
  return watermarksConflict(want, consumerWant, capacity) ? Math.max(1, capacity + 1 - consumerWant) : want;
}
