import { Observable, type OperatorFunction } from 'rxjs';
import type { ArrayOf, FormatName, RingBuffer } from '@ringflow/core';
import { describeValue, finiteNumber, optionsObject } from './internal/chunks.js';

/** What {@link toRing} does with a chunk that does not fit into the ring. */
export type OverflowPolicy = 'block' | 'wait' | 'drop-newest' | 'error';

/** Counters kept by {@link toRing}, updated in place as chunks are written. */
export interface ToRingStats {
  /** Elements written into the ring. */
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
  /** Close the ring when the source errors (default `true`), so that the consumer ends. */
  readonly closeOnError?: boolean;
  /** Counters to update in place (default: a new object, also exposed as `operator.stats`). */
  readonly stats?: ToRingStats;
  /** Called after each overrun with the number of elements dropped by it (0 when it only waited). */
  readonly onOverrun?: (dropped: number, stats: Readonly<ToRingStats>) => void;
}

/** The operator returned by {@link toRing}: an `OperatorFunction` that also exposes its counters. */
export interface ToRingOperator<T> extends OperatorFunction<T, T> {
  /** The live counters (the `stats` option when given), summed over every subscription. */
  readonly stats: Readonly<ToRingStats>;
}

/**
 * Writes every chunk into a {@link RingBuffer} (the producer side of a ring) and passes the chunks on.
 *
 * @remarks
 * Each chunk is emitted downstream, unchanged (the same array), once it was written into the ring;
 * a chunk that fits is written and emitted synchronously, inside the source's `next`. With
 * `'wait'`, a chunk that does not fit is queued and written by `pushAsync` as the consumer frees room;
 * the following chunks queue behind it, so order is kept, and completion waits for the queue. With
 * `'drop-newest'` the whole input chunk is still emitted downstream (only the ring lost samples).
 * What must wait for room is copied when it arrives (the ring copies the rest), so the source may
 * refill its buffer as soon as `next` returns.
 *
 * Ending: on completion the ring is closed (`closeOnComplete`) after the pending writes, then the
 * result completes; the consumer (`fromRing`) drains the ring and completes. On an error from the
 * source, from the ring (e.g. `RingClosedError` because the consumer closed it) or from the `'error'`
 * policy, pending writes are abandoned, the ring is closed (`closeOnError`) and the error is
 * forwarded downstream on the producer side. The ring has no error channel: the consumer only sees
 * the ring closed and completes normally after draining what was written, so report errors to the
 * consumer out of band when it must know. Unsubscribing aborts pending writes and leaves the ring
 * open (the ring's owner decides when it ends).
 *
 * Counters (`written`, `dropped`, `overruns`) are updated in place in `options.stats` (or a fresh
 * object), exposed as `operator.stats`. Apart from the `'wait'` queue, writing allocates nothing.
 *
 * Timeline (ring of capacity 4 that nobody reads, `'drop-newest'`):
 * ```
 * in:    [ab] [cde]  |
 * ring:  ab   abcd      then closed      stats: written 4, dropped 1, overruns 1
 * out:   [ab] [cde]  |
 * ```
 *
 * @param ring - The ring to fill, on the producer's thread.
 * @param options - `overflow` policy (default `'wait'`), `timeout`, `closeOnComplete`, `closeOnError`, `stats`, `onOverrun`.
 * @returns An operator that passes chunks through after writing them and exposes `stats`.
 * @throws TypeError/RangeError for a bad ring, policy, timeout or stats object.
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
export function toRing<F extends FormatName>(ring: RingBuffer<F>, options?: ToRingOptions): ToRingOperator<ArrayOf<F>> {
  if (typeof ring !== 'object' || ring === null || typeof (ring as { pushAsync?: unknown }).pushAsync !== 'function') {
    throw new TypeError(`toRing: expected a RingBuffer, got ${describeValue(ring)}`);
  }
  const opts = optionsObject('toRing', options);
  const overflow = opts.overflow ?? 'wait';
  if (overflow !== 'block' && overflow !== 'wait' && overflow !== 'drop-newest' && overflow !== 'error') {
    throw new TypeError(`toRing: overflow must be 'block', 'wait', 'drop-newest' or 'error', got ${describeValue(overflow)}`);
  }
  const timeout = opts.timeout === undefined ? undefined : finiteNumber('toRing', 'timeout', opts.timeout);
  if (timeout !== undefined && timeout < 0) throw new RangeError(`toRing: timeout must be >= 0 milliseconds, got ${timeout}`);
  const closeOnComplete = opts.closeOnComplete ?? true;
  const closeOnError = opts.closeOnError ?? true;
  const stats: ToRingStats = opts.stats ?? { written: 0, dropped: 0, overruns: 0 };
  if (typeof stats !== 'object' || stats === null) throw new TypeError(`toRing: stats must be an object, got ${describeValue(stats)}`);
  const onOverrun = opts.onOverrun;

  const overrun = (dropped: number): void => {
    stats.overruns += 1;
    stats.dropped += dropped;
    onOverrun?.(dropped, stats);
  };

  const operator = (source: Observable<ArrayOf<F>>): Observable<ArrayOf<F>> =>
    new Observable<ArrayOf<F>>((subscriber) => {
      const controller = new AbortController();
      /** Chunks waiting for room ('wait'): the chunk to emit and the tail still to write. */
      const queue: { chunk: ArrayOf<F>; rest: ArrayOf<F> }[] = [];
      let draining = false;
      let completed = false;
      let ended = false;

      const fail = (error: unknown): void => {
        if (ended) return;
        ended = true;
        controller.abort();
        queue.length = 0;
        if (closeOnError) ring.close();
        subscriber.error(error);
      };
      const finish = (): void => {
        if (ended) return;
        ended = true;
        if (closeOnComplete) ring.close();
        subscriber.complete();
      };

      const drain = async (): Promise<void> => {
        draining = true;
        const waitOptions = { signal: controller.signal, timeout };
        while (queue.length > 0) {
          const item = queue[0]!;
          const tail = await ring.pushAsync(item.rest, waitOptions);
          if (ended || controller.signal.aborted) return;
          const unwritten = tail === null ? 0 : tail.length;
          stats.written += item.rest.length - unwritten;
          if (unwritten > 0) stats.dropped += unwritten;
          queue.shift();
          subscriber.next(item.chunk);
          if (ended) return;
        }
        draining = false;
        if (completed) finish();
      };

      const sub = source.subscribe({
        next(chunk) {
          try {
            const length = (chunk as { length?: unknown }).length;
            if (typeof length !== 'number') throw new TypeError(`toRing: chunks must be TypedArrays, got ${describeValue(chunk)}`);
            if (overflow === 'wait') {
              if (queue.length === 0) {
                const n = ring.write(chunk);
                stats.written += n;
                if (n === length) {
                  subscriber.next(chunk);
                  return;
                }
                overrun(0);
                // Copies: the source may refill its buffer once next() returns (batch with reuse).
                queue.push({ chunk, rest: (chunk as unknown as Float64Array).slice(n) as unknown as ArrayOf<F> });
                drain().catch(fail);
              } else {
                overrun(0);
                queue.push({ chunk, rest: (chunk as unknown as Float64Array).slice() as unknown as ArrayOf<F> });
              }
              return;
            }
            if (overflow === 'block') {
              const full = ring.writeAvailable < length;
              const tail = ring.pushBlocking(chunk, timeout);
              const unwritten = tail === null ? 0 : tail.length;
              stats.written += length - unwritten;
              if (full) overrun(unwritten);
            } else if (overflow === 'drop-newest') {
              const n = length === 0 ? 0 : ring.write(chunk);
              stats.written += n;
              if (n < length) overrun(length - n);
            } else {
              const room = ring.writeAvailable;
              if (room < length) {
                overrun(0);
                throw new RangeError(`toRing: ring overflow: a chunk of ${length} elements does not fit into the ${room} free elements (capacity ${ring.capacity})`);
              }
              if (length > 0) stats.written += ring.write(chunk);
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
      });
      return () => {
        ended = true;
        controller.abort();
        sub.unsubscribe();
      };
    });

  return Object.defineProperty(operator, 'stats', { value: stats, enumerable: true }) as ToRingOperator<ArrayOf<F>>;
}
