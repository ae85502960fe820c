import { Observable, concatMap, filter, map, type OperatorFunction } from 'rxjs';
import { asMultichannel, type Chunk, type FormatName, type TypedArray } from '@ringflow/core';
import { describeValue, sendable } from './internal/stream-spec.js';
import { checkTag } from './internal/tag-codec.js';
import { openSender, senderSpec, type SenderConfig, type ZmqSender, type ZmqSenderOptions, type ZmqSenderStats } from './zmq-sender.js';
import type { ZmqInput, ZmqShapeOptions, ZmqTag } from './types.js';

/** What {@link toZmq} does with a chunk that would take its queue over `maxQueuedBytes`. */
export type ZmqOverflowPolicy = 'error' | 'drop-newest';

/** Options of {@link toZmq}. */
export interface ToZmqOptions<F extends FormatName = 'f'> extends ZmqSenderOptions<F> {
  /**
   * Bound of the queue of chunks waiting for ZeroMQ, in sample bytes (default 64 MiB). ZeroMQ
   * itself queues up to `highWaterMark` messages per peer; beyond both, `overflow` applies.
   */
  readonly maxQueuedBytes?: number;
  /**
   * What happens to a chunk that would take the queue over `maxQueuedBytes` (default `'error'`):
   * `'error'` errors the stream with a `RangeError` (nothing already queued is lost: PUSH/PULL
   * stays lossless), `'drop-newest'` discards the chunk, counted in `stats.dropped`.
   */
  readonly overflow?: ZmqOverflowPolicy;
}

/** Counters of {@link toZmq}: the sender's, plus what the queue bound did. */
export interface ToZmqStats extends ZmqSenderStats {
  /** Frames discarded by `overflow: 'drop-newest'`. */
  dropped: number;
  /** Chunks that met a full queue (dropped, or the error). */
  overruns: number;
}

/** The operator returned by {@link toZmq}: passes chunks through once sent, exposes counters and takes tags. */
export interface ToZmqOperator<T> extends OperatorFunction<T, T> {
  /** Live counters, summed over every subscription. */
  readonly stats: Readonly<ToZmqStats>;
  /**
   * Attaches a tag to the frame at `tag.offset` (frames counted from the first frame of the
   * subscription), sent with the message that holds that frame. Add it before that chunk arrives
   * (from a `tap` upstream, say); an offset already sent is a `RangeError`. Tags added while no
   * subscription is active go to the next one (so a synchronous source can be tagged beforehand).
   */
  addTag(tag: ZmqTag): void;
}

/**
 * Sends every chunk over a ZeroMQ PUSH (or PUB) socket and passes it on once ZeroMQ took it: the
 * sending end of an edge between processes or machines, to ringflow's {@link fromZmq} or to GNU
 * Radio's ZeroMQ sources.
 *
 * @remarks
 * Each subscription opens its own socket (binding by default, as GNU Radio's sinks do; `onReady`
 * gets the endpoint, with the port ZeroMQ chose for `tcp://host:*`). Every chunk is copied into a
 * buffer of its own when it arrives (ZeroMQ sends without copying, so a reused buffer would
 * corrupt messages in flight), so the source may reuse its arrays; `copy: false` hands contiguous
 * chunks over instead.
 *
 * Backpressure: chunks go to ZeroMQ one at a time, in order, each `send` awaited; PUSH waits when
 * ZeroMQ's queue is full or no peer is there (never drops), and while it waits arriving chunks
 * queue here, up to `maxQueuedBytes`; then `overflow` applies (an error by default, never silent
 * loss). A source that must be paced by the receiver (a file read as fast as the network takes
 * it) should await {@link ZmqSender.send} in a loop instead ({@link openZmqSender}). PUB never
 * waits: ZeroMQ drops for slow subscribers, and `'ringflow'` subscribers count the gaps.
 *
 * Ending: on completion the queue is drained, `'ringflow'` receivers get an end-of-stream message
 * (they complete), the socket closes and ZeroMQ goes on delivering for up to `linger` ms; then the
 * result completes. On a source error, queued chunks are dropped, `'ringflow'` receivers get the
 * error's message (their stream errors), and the error is passed on. Unsubscribing closes the
 * socket at once. The `'gnuradio'` wire has no end-of-stream message: GNU Radio sources just see no
 * more data.
 *
 * Timeline (a receiver that takes one message per tick):
 * ```
 * in:    [a][b][c]|
 * wire:  [a]  [b]  [c]  (end)
 * out:   [a]  [b]  [c]  |
 * ```
 *
 * @param endpoint - A ZeroMQ endpoint: `tcp://*:5555`, `tcp://127.0.0.1:*`, `ipc:///tmp/x.ipc`, ...
 * @param options - `pattern`, `mode`, `wire`, `format`, `channels`, `complex`, `tags`, `topic`, `sampleRate`, `highWaterMark`, `maxQueuedBytes`, `overflow`, `linger`, `copy`, `onReady`.
 * @returns An operator that passes chunks through once sent and exposes `stats` and `addTag`.
 * @throws TypeError/RangeError at once for a bad endpoint or options; the stream errors for a chunk of the wrong format or shape, when `zeromq` is missing, or when the endpoint cannot be bound.
 *
 * @example
 * ```ts
 * import { oscillator } from '@ringflow/operators';
 * import { take } from 'rxjs';
 * import { toZmq } from '@ringflow/io/zmq';
 * const out = toZmq('tcp://*:5555', { sampleRate: 48_000 }); // float32 mono, the defaults
 * oscillator({ frequency: 440, sampleRate: 48_000, chunkSize: 1024, format: 'float32' }).pipe(take(100), out).subscribe({
 *   complete: () => console.log(`${out.stats.frames} frames sent`),
 * });
 * ```
 */
export function toZmq<F extends FormatName = 'f', C extends number = 1, X extends boolean = false>(
  endpoint: string,
  options?: ToZmqOptions<F> & ZmqShapeOptions<C, X>,
): ToZmqOperator<ZmqInput<F, C, X>> {
  type T = ZmqInput<F, C, X>;
  const what = 'toZmq';
  const opts = (options ?? {}) as ToZmqOptions<FormatName>;
  const config = senderSpec(what, endpoint, opts, 64 * 2 ** 20);
  const { spec, maxQueuedBytes } = config;
  const overflow = opts.overflow ?? 'error';
  if (overflow !== 'error' && overflow !== 'drop-newest') throw new TypeError(`${what}: overflow must be 'error' or 'drop-newest', got ${describeValue(overflow)}`);
  const stats: ToZmqStats = { messages: 0, chunks: 0, frames: 0, bytes: 0, tags: 0, waits: 0, queuedBytes: 0, dropped: 0, overruns: 0 };
  const sessions = new Set<SendSession>();

  const operator = (source: Observable<T>): Observable<T> =>
    new Observable<T>((subscriber) => {
      const session = new SendSession(config, stats, maxQueuedBytes, overflow);
      const tags = upcoming;
      upcoming = [];
      for (const tag of tags) session.addTag(tag);
      sessions.add(session);
      let ended = false;
      const fail = (error: unknown): void => {
        if (ended) return;
        ended = true;
        sessions.delete(session);
        void session.abort(error).finally(() => subscriber.error(error));
      };
      // The chain is subscribed with a plain observer: RxJS links map -> filter -> concatMap to it
      // before the source starts, so an error thrown by accept() stops a synchronous source at once.
      // Nothing is emitted downstream synchronously (only once ZeroMQ took a chunk), so downstream
      // unsubscription never has to reach a source that is still inside subscribe().
      const inner = source
        .pipe(
          map((chunk) => session.accept(chunk)),
          filter((sent): sent is Promise<T> => sent !== undefined),
          concatMap((sent) => sent),
        )
        .subscribe({
          next: (chunk) => subscriber.next(chunk),
          error: fail,
          complete: () => {
            session.end().then(() => {
              if (ended) return;
              ended = true;
              sessions.delete(session);
              subscriber.complete();
            }, fail);
          },
        });
      return () => {
        inner.unsubscribe();
        sessions.delete(session);
        if (!ended) {
          ended = true;
          session.close();
        }
      };
    });

  /** Tags added while no subscription was active: the next subscription sends them. */
  let upcoming: ZmqTag[] = [];
  const addTag = (tag: ZmqTag): void => {
    if (sessions.size === 0) {
      checkTag(what, spec.tags, tag, 0);
      upcoming.push(tag);
      return;
    }
    for (const session of sessions) session.addTag(tag);
  };
  Object.defineProperty(operator, 'stats', { value: stats, enumerable: true });
  Object.defineProperty(operator, 'addTag', { value: addTag, enumerable: true });
  return operator as ToZmqOperator<T>;
}

interface Early {
  readonly chunk: Chunk<TypedArray>;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** One subscription of {@link toZmq}: its sender (once open), and what came before it opened. */
class SendSession {
  private sender: ZmqSender<FormatName> | undefined;
  private readonly opening: Promise<ZmqSender<FormatName>>;
  private early: Early[] = [];
  private earlyTags: ZmqTag[] = [];
  private earlyFrames = 0;
  private closed = false;

  constructor(
    private readonly config: SenderConfig,
    private readonly stats: ToZmqStats,
    private readonly maxQueuedBytes: number,
    private readonly overflow: ZmqOverflowPolicy,
  ) {
    this.opening = openSender<FormatName>({ ...config, stats });
    this.opening.then(
      (sender) => this.opened(sender),
      (error: unknown) => this.dropEarly(error),
    );
  }

  private opened(sender: ZmqSender<FormatName>): void {
    if (this.closed) {
      sender.close();
      return;
    }
    this.sender = sender;
    const early = this.early;
    this.early = [];
    try {
      for (const tag of this.earlyTags) sender.addTag(tag);
      for (const item of early) {
        this.stats.queuedBytes -= item.bytes;
        sender.enqueue(item.chunk, item.resolve, item.reject);
      }
    } catch (error) {
      for (const item of early) item.reject(error);
    }
    this.earlyTags = [];
  }

  private dropEarly(error: unknown): void {
    for (const item of this.early) {
      this.stats.queuedBytes -= item.bytes;
      item.reject(error);
    }
    this.early = [];
  }

  /** Takes a chunk (checked and copied now); resolves with it once ZeroMQ took it; undefined when dropped or empty. */
  accept<T>(chunk: T): Promise<T> | undefined {
    const { spec } = this.config;
    const c = sendable(spec, chunk);
    if (c.frames === 0) return undefined;
    const queued = this.stats.queuedBytes;
    if (queued > 0 && queued + c.byteLength > this.maxQueuedBytes) {
      this.stats.overruns++;
      if (this.overflow === 'drop-newest') {
        this.stats.dropped += c.frames;
        return undefined;
      }
      throw new RangeError(`toZmq: ${queued} bytes wait for ZeroMQ and a chunk of ${c.byteLength} more would exceed maxQueuedBytes (${this.maxQueuedBytes}): the receiver is slower than the source, or absent (raise maxQueuedBytes, pace the source, or await ZmqSender.send in a loop)`);
    }
    const sent = new Promise<T>((resolve, reject) => {
      const done = (): void => resolve(chunk);
      const sender = this.sender;
      if (sender !== undefined) {
        sender.enqueue(chunk, done, reject);
        return;
      }
      const copy = new spec.format.ArrayType(c.byteLength / spec.format.itemsize);
      c.copyInto(new Uint8Array(copy.buffer), 0);
      const snapshot = ArrayBuffer.isView(chunk) ? copy : asMultichannel(copy, spec.channels);
      this.early.push({ chunk: snapshot, bytes: c.byteLength, resolve: done, reject });
      this.earlyFrames += c.frames;
      this.stats.queuedBytes += c.byteLength;
    });
    // Queued promises of a stream that ended are dropped unobserved: their rejection is expected.
    sent.catch(() => undefined);
    return sent;
  }

  addTag(tag: ZmqTag): void {
    if (this.sender !== undefined) return this.sender.addTag(tag);
    checkTag('toZmq.addTag', this.config.spec.tags, tag, this.earlyFrames);
    this.earlyTags.push(tag);
  }

  async end(): Promise<void> {
    const sender = await this.opening;
    await sender.end();
  }

  async abort(error: unknown): Promise<void> {
    this.closed = true;
    const sender = this.sender;
    this.dropEarly(error);
    if (sender !== undefined) await sender.abort(error);
  }

  close(): void {
    this.closed = true;
    this.dropEarly(new Error('toZmq: unsubscribed'));
    this.sender?.close();
  }
}
