import type { Observable } from 'rxjs';
import type { ArrayOf, Chunk, FormatName, RingBuffer, TypedArray } from '@ringflow/core';
import { booleanOption, choiceOption, describeValue, finiteNumber, optionsObject, positiveInteger } from './internal/chunks.js';
import { operate } from './internal/operate.js';
import { StreamLayout } from './internal/stream-layout.js';

/** What {@link toRing} does with a chunk that does not fit into the ring. */
export type OverflowPolicy = 'block' | 'wait' | 'drop-newest' | 'error';

/** Counters kept by {@link toRing}, updated in place as chunks are written. */
export interface ToRingStats {
  /** Elements (samples) written into the ring. */
  written: number;
  /** Elements discarded: by `'drop-newest'`, or by `'block'`/`'wait'` when `timeout` elapsed. */
  dropped: number;
  /** Chunks that did not fit into the ring when they arrived (the producer waited, dropped or errored). */
  overruns: number;
}

/** Options of {@link toRing}. */
export interface ToRingOptions {
  /**
   * What to do when a chunk does not fit (default `'wait'`):
   * - `'wait'`: wait asynchronously for room (`pushAsync`); later chunks queue behind it in order.
   * - `'block'`: block the thread until there is room (`pushBlocking`); only where `Atomics.wait` is
   *   allowed (Node threads, browser workers), otherwise the stream errors with the ring's TypeError.
   * - `'drop-newest'`: write what fits and discard the rest of the chunk (counted in `dropped`).
   * - `'error'`: write nothing of the chunk and error the stream with a `RangeError`.
   */
  readonly overflow?: OverflowPolicy;
  /**
   * For `'wait'` and `'block'`: milliseconds to wait for room per chunk (default: no limit). When it
   * elapses, the unwritten rest of the chunk is discarded and counted in `dropped`.
   */
  readonly timeout?: number;
  /** Close the ring when the source completes, after every pending write (default `true`). */
  readonly closeOnComplete?: boolean;
  /**
   * Abort the ring (`ring.abort(error)`) when the stream errors (default `true`), so that the
   * consumer (`fromRing`) errors with a `RingAbortedError` carrying the message after draining.
   */
  readonly abortOnError?: boolean;
  /**
   * The channel count the chunks must have (default: whatever the first chunk has). Each
   * `[frames, channels]` chunk is written as interleaved samples; the ring carries no channel
   * count, so read it with `fromRing(ring, { channels })`.
   */
  readonly channels?: number;
  /** Counters to update in place (default: a new object, also exposed as `operator.stats`). */
  readonly stats?: ToRingStats;
  /** Called after each overrun with the number of elements dropped by it (0 when it only waited). */
  readonly onOverrun?: (dropped: number, stats: Readonly<ToRingStats>) => void;
}

/**
 * The operator returned by {@link toRing}: it passes every chunk type `C` of the ring's class on
 * unchanged (mono stays mono, `[frames, channels]` stays multichannel), and exposes its counters.
 */
export interface ToRingOperator<T> {
  <C extends T>(source: Observable<C>): Observable<C>;
  /** The live counters (the `stats` option when given), summed over every subscription. */
  readonly stats: Readonly<ToRingStats>;
}

/**
 * Writes every chunk into a {@link RingBuffer} (the producer side of a ring) and passes the chunks on.
 *
 * @remarks
 * Each chunk is emitted downstream, unchanged (the same object), once it was written into the ring;
 * a chunk that fits is written and emitted synchronously, inside the source's `next`. With
 * `'wait'`, a chunk that does not fit is queued and written by `pushAsync` as the consumer frees room;
 * the following chunks queue behind it, so order is kept, and completion waits for the queue. With
 * `'drop-newest'` the whole input chunk is still emitted downstream (only the ring lost samples).
 * What must wait for room is copied when it arrives (the ring copies the rest), so the source may
 * refill its buffer as soon as `next` returns.
 *
 * Multichannel: `[frames, channels]` chunks are written as interleaved samples (strided views are
 * gathered first). The first chunk fixes the layout (a 1-D chunk in a multichannel stream, or
 * another channel count, errors the stream with a RangeError; so does a count other than the
 * `channels` option). The ring only receives whole frames: `'wait'` and `'drop-newest'` write and
 * drop whole frames; `'block'` writes what fits, and when its `timeout` elapses in the middle of a
 * frame it waits up to another `timeout` for room for the rest of that frame, then (if the ring is
 * still full) errors the stream with a RangeError rather than leave the ring misaligned.
 *
 * Ending: on completion the ring is closed (`closeOnComplete`) after the pending writes, then the
 * result completes; the consumer (`fromRing`) drains the ring and completes. On an error from the
 * source, from the ring (e.g. `RingClosedError` because the consumer closed it) or from the `'error'`
 * policy, pending writes are abandoned, the ring is aborted with the error (`abortOnError`:
 * `ring.abort(error)`) and the error is forwarded downstream on the producer side; the consumer
 * drains what was written, then `fromRing` errors with a `RingAbortedError` carrying the message.
 * Unsubscribing aborts pending writes and leaves the ring open (the ring's owner decides when it
 * ends).
 *
 * Counters (`written`, `dropped`, `overruns`, in samples) are updated in place in `options.stats`
 * (or a fresh object), exposed as `operator.stats`. Apart from the `'wait'` queue, writing
 * allocates nothing for contiguous chunks.
 *
 * Timeline (`toRing(ring, { overflow: 'drop-newest' })` with `ring` a ring of capacity 4 that nobody
 * reads; the `ring` line shows its contents after each chunk):
 * ```
 * in:    [ab] [cde]  |
 * out:   [ab] [cde]  |
 * ring:  [ab] [abcd] |   // then closed
 * stats: written 4, dropped 1, overruns 1
 * ```
 *
 * Timeline (`toRing(ring)`, the default `'wait'`, with `ring` of capacity 4 that nobody reads:
 * the second chunk waits for room, and so does completion):
 * ```
 * in:    [ab] [cde]  |
 * out:   [ab]
 * ring:  [ab] [abcd]
 * stats: written 4, dropped 0, overruns 1
 * ```
 *
 * @param ring - The ring to fill, on the producer's thread.
 * @param options - `overflow` policy (default `'wait'`), `timeout`, `closeOnComplete`, `abortOnError`,
 *   `channels`, `stats`, `onOverrun`.
 * @returns An operator that passes chunks through after writing them and exposes `stats`.
 * @throws TypeError/RangeError for a bad ring or options (unknown names, wrong types, a bad policy,
 *   timeout, stats object or callback).
 *
 * @example
 * ```ts
 * import { RingBuffer } from '@ringflow/core';
 * import { fromSamples, toRing } from '@ringflow/operators';
 * const ring = new RingBuffer({ format: 'f', capacity: 4096 });
 * const writer = toRing(ring, { overflow: 'drop-newest' });
 * fromSamples(new Float32Array(10_000), 512).pipe(writer).subscribe();
 * console.log(writer.stats.written, writer.stats.dropped); // 4096 5904
 * ```
 */
export function toRing<F extends FormatName>(ring: RingBuffer<F>, options?: ToRingOptions): ToRingOperator<Chunk<ArrayOf<F>>> {
  if (typeof ring !== 'object' || ring === null || typeof (ring as { pushAsync?: unknown }).pushAsync !== 'function') {
    throw new TypeError(`toRing: expected a RingBuffer, got ${describeValue(ring)}`);
  }
  const opts = optionsObject('toRing', options, ['overflow', 'timeout', 'closeOnComplete', 'abortOnError', 'channels', 'stats', 'onOverrun']);
  const overflow = choiceOption<OverflowPolicy>('toRing', 'overflow', opts.overflow, ['block', 'wait', 'drop-newest', 'error'], 'wait');
  const timeout = opts.timeout === undefined ? undefined : finiteNumber('toRing', 'timeout', opts.timeout);
  if (timeout !== undefined && timeout < 0) throw new RangeError(`toRing: timeout must be >= 0 milliseconds, got ${timeout}`);
  const closeOnComplete = booleanOption('toRing', 'closeOnComplete', opts.closeOnComplete, true);
  const abortOnError = booleanOption('toRing', 'abortOnError', opts.abortOnError, true);
  const expected = opts.channels === undefined ? undefined : positiveInteger('toRing', 'channels', opts.channels);
  const stats: ToRingStats = opts.stats ?? { written: 0, dropped: 0, overruns: 0 };
  if (typeof stats !== 'object' || stats === null) throw new TypeError(`toRing: stats must be an object, got ${describeValue(stats)}`);
  for (const key of ['written', 'dropped', 'overruns'] as const) {
    if (typeof stats[key] !== 'number' || !Number.isFinite(stats[key])) {
      throw new TypeError(`toRing: stats.${key} must be a finite number (start it at 0), got ${describeValue(stats[key])}`);
    }
  }
  const onOverrun = opts.onOverrun;
  if (onOverrun !== undefined && typeof onOverrun !== 'function') {
    throw new TypeError(`toRing: onOverrun must be a function (dropped, stats) => void, got ${describeValue(onOverrun)}`);
  }

  const overrun = (dropped: number): void => {
    stats.overruns += 1;
    stats.dropped += dropped;
    onOverrun?.(dropped, stats);
  };

  type C = Chunk<ArrayOf<F>>;
  const operator = operate<C, C>((subscriber) => {
    const layout = new StreamLayout<TypedArray>('toRing', { twoDimensional: 'frames' });
    const controller = new AbortController();
    /** Chunks waiting for room ('wait'): the chunk to emit and the samples still to write. */
    const queue: { chunk: C; rest: TypedArray }[] = [];
    let draining = false;
    let completed = false;
    let ended = false;
    let unit = 1;

    const fail = (error: unknown): void => {
      if (ended) return;
      ended = true;
      controller.abort();
      queue.length = 0;
      if (abortOnError) ring.abort(error);
      subscriber.error(error);
    };
    const finish = (): void => {
      if (ended) return;
      ended = true;
      if (closeOnComplete) ring.close();
      subscriber.complete();
    };

    /** Whole frames of `samples` that fit into the ring now (all of them for a mono stream). */
    const fitting = (length: number): number => {
      const room = ring.writeAvailable;
      return length <= room ? length : room - (room % unit);
    };

    /** After a 'block' write that timed out inside a frame: writes the rest of the frame within another timeout, else throws. */
    const completeFrameBlocking = (written: number, tail: TypedArray): number => {
      const missing = (unit - (written % unit)) % unit;
      if (missing === 0) return 0;
      if (ring.pushBlocking(tail.subarray(0, missing), timeout) !== null) {
        throw new RangeError(`toRing: the ring stayed full for ${timeout} ms in the middle of a ${unit}-channel frame; erroring rather than leaving the ring misaligned`);
      }
      return missing;
    };

    /** Writes whole frames of `rest` as room appears ('wait' with channels); returns the samples not written (timeout), -1 when ended. */
    const writeFrames = async (rest: TypedArray): Promise<number> => {
      const deadline = timeout === undefined ? undefined : performance.now() + timeout;
      const batch = unit * Math.max(1, Math.floor(ring.capacity / unit / 2));
      let at = 0;
      while (at < rest.length) {
        const n = fitting(rest.length - at);
        if (n > 0) {
          at += ring.write(rest.subarray(at, at + n));
          continue;
        }
        const left = deadline === undefined ? undefined : deadline - performance.now();
        if (left !== undefined && left <= 0) break;
        const ok = await ring.waitWritable(Math.min(rest.length - at, batch), { signal: controller.signal, timeout: left });
        if (ended || controller.signal.aborted) return -1;
        if (!ok) break;
      }
      return rest.length - at;
    };

    const drain = async (): Promise<void> => {
      draining = true;
      const waitOptions = { signal: controller.signal, timeout };
      while (queue.length > 0) {
        const item = queue[0]!;
        let unwritten: number;
        if (unit === 1) {
          const tail = await ring.pushAsync(item.rest, waitOptions);
          if (ended || controller.signal.aborted) return;
          unwritten = tail === null ? 0 : tail.length;
        } else {
          unwritten = await writeFrames(item.rest);
          if (unwritten < 0) return;
        }
        stats.written += item.rest.length - unwritten;
        if (unwritten > 0) stats.dropped += unwritten;
        queue.shift();
        subscriber.next(item.chunk);
        if (ended) return;
      }
      draining = false;
      if (completed) finish();
    };

    return {
      next(chunk) {
        try {
          const samples = layout.accept(chunk);
          unit = layout.channels;
          if (expected !== undefined && expected !== unit) {
            const got = layout.isMultichannel ? `[frames, ${unit}] chunks` : 'mono 1-D chunks';
            throw new RangeError(`toRing: expected ${expected} channels, got ${got}`);
          }
          const length = samples.length;
          if (overflow === 'wait') {
            if (queue.length === 0) {
              const fits = fitting(length);
              const n = fits === length ? ring.write(samples) : fits > 0 ? ring.write(samples.subarray(0, fits)) : 0;
              stats.written += n;
              if (n === length) {
                subscriber.next(chunk);
                return;
              }
              overrun(0);
              // Copies: the source may refill its buffer once next() returns (batch with reuse).
              queue.push({ chunk, rest: samples.slice(n) });
              drain().catch(fail);
            } else {
              overrun(0);
              queue.push({ chunk, rest: samples.slice() });
            }
            return;
          }
          if (overflow === 'block') {
            const full = ring.writeAvailable < length;
            const tail = ring.pushBlocking(samples, timeout);
            let unwritten = tail === null ? 0 : tail.length;
            if (tail !== null) unwritten -= completeFrameBlocking(length - unwritten, tail);
            stats.written += length - unwritten;
            if (full) overrun(unwritten);
          } else if (overflow === 'drop-newest') {
            const fits = fitting(length);
            const n = fits === length ? (length === 0 ? 0 : ring.write(samples)) : fits > 0 ? ring.write(samples.subarray(0, fits)) : 0;
            stats.written += n;
            if (n < length) overrun(length - n);
          } else {
            const room = ring.writeAvailable;
            if (room < length) {
              overrun(0);
              throw new RangeError(`toRing: ring overflow: a chunk of ${length} elements does not fit into the ${room} free elements (capacity ${ring.capacity})`);
            }
            if (length > 0) stats.written += ring.write(samples);
          }
          subscriber.next(chunk);
        } catch (error) {
          fail(error);
        }
      },
      error: fail,
      complete() {
        completed = true;
        if (!draining) {
          try {
            finish();
          } catch (error) {
            fail(error);
          }
        }
      },
      finalize() {
        ended = true;
        controller.abort();
      },
    };
  });

  return Object.defineProperty(operator, 'stats', { value: stats, enumerable: true }) as unknown as ToRingOperator<C>;
}
