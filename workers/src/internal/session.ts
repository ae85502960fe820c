/**
 * The session: one subscription of `offload`/`pipeline`/`parallel` seen from the main thread. It
 * validates the options, makes the hops, spawns and starts the workers, samples their statistics,
 * and tears everything down once (completion, error, unsubscription): the workers' chains are
 * stopped (`StageControl.stop`, so their teardown runs) and their threads terminated.
 */
import { isObservable, type Observable, type Subscriber, type Subscription } from 'rxjs';
import { transfer } from 'comlink';
import type { Chunk, OffloadStats, OverflowPolicy, StageLocation, StageRunOptions, StageStats } from '../types.js';
import { ChunkReader } from './chunk-reader.js';
import { ChunkWriter } from './chunk-writer.js';
import { createHop, openHopReader, openHopWriter, transferablesOf, type Hop } from './hop.js';
import type { FeedHost } from './params-feed.js';
import type { StartConfig } from './protocol.js';
import { threadCanBlock } from './ring-hop.js';
import { StageStatus, ZERO_STATS } from './stage-status.js';
import { StageWorker, resolveStage } from './stage-worker.js';
import { subscribeLinked, type LinkedHandlers } from './subscribe-linked.js';
import { resolveTransport, sharedMemoryUsable } from './transport.js';

const DEFAULT_CAPACITY = 65536;
const DEFAULT_MAX_QUEUED_BYTES = 64 * 2 ** 20;
const DEFAULT_SPIN_MICROS = 50;
const DEFAULT_STATS_INTERVAL = 1000;
/** Milliseconds a stopping worker gets to run its chain's teardown before it is terminated. */
const STOP_GRACE_MS = 500;

/** The validated options of a session. */
export interface Settings {
  readonly what: string;
  readonly transport: 'ring' | 'message';
  /** Bytes per hop. */
  readonly hopBytes: number;
  readonly maxQueuedBytes: number;
  readonly overflow: OverflowPolicy;
  readonly reuse: boolean;
  readonly spinMicros: number;
  readonly statsInterval: number;
  readonly onStats: ((stats: OffloadStats) => void) | undefined;
  readonly execArgv: readonly string[] | undefined;
}

/** Validates the options of `what` (`'offload'`, `'pipeline'`, `'parallel'`): TypeError/RangeError naming the option. */
export function settingsOf(options: StageRunOptions, what: string): Settings {
  if (typeof options !== 'object' || options === null) throw new TypeError(`${what}: options must be an object, got ${String(options)}`);
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  if (typeof capacity !== 'number' || !Number.isSafeInteger(capacity) || capacity <= 0 || capacity > 2 ** 27) {
    throw new RangeError(`${what}: capacity must be an integer from 1 to ${2 ** 27} elements, got ${String(capacity)}`);
  }
  const maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  if (typeof maxQueuedBytes !== 'number' || !Number.isSafeInteger(maxQueuedBytes) || maxQueuedBytes < 0) {
    throw new RangeError(`${what}: maxQueuedBytes must be a non-negative integer number of bytes, got ${String(maxQueuedBytes)}`);
  }
  const overflow = options.overflow ?? 'error';
  if (overflow !== 'error' && overflow !== 'drop-newest' && overflow !== 'block') {
    throw new TypeError(`${what}: overflow must be 'error', 'drop-newest' or 'block', got ${String(overflow)}`);
  }
  const reuse = options.reuse ?? false;
  if (typeof reuse !== 'boolean') throw new TypeError(`${what}: reuse must be a boolean, got ${typeof reuse}`);
  const spinMicros = options.spinMicros ?? DEFAULT_SPIN_MICROS;
  if (typeof spinMicros !== 'number') throw new TypeError(`${what}: spinMicros must be a number of microseconds, got ${typeof spinMicros}`);
  if (!(spinMicros >= 0 && spinMicros <= 1e6)) throw new RangeError(`${what}: spinMicros must be from 0 to 1e6 microseconds, got ${spinMicros}`);
  const statsInterval = options.statsInterval ?? DEFAULT_STATS_INTERVAL;
  if (typeof statsInterval !== 'number' || !(statsInterval >= 0)) throw new RangeError(`${what}: statsInterval must be >= 0 ms, got ${String(statsInterval)}`);
  if (options.onStats !== undefined && typeof options.onStats !== 'function') throw new TypeError(`${what}: onStats must be a function`);
  let transport: 'ring' | 'message';
  try {
    transport = resolveTransport(options.transport);
  } catch (error) {
    throw new TypeError(`${what}: ${(error as Error).message}`);
  }
  if (overflow === 'block' && (transport !== 'ring' || !threadCanBlock())) {
    throw new TypeError(
      `${what}: overflow 'block' needs the ring transport on a thread that may block (Node's main thread, a worker); ` +
        `this ${transport !== 'ring' ? 'subscription uses the message transport' : 'thread cannot block (a browser main thread)'}`,
    );
  }
  return {
    what,
    transport,
    hopBytes: capacity * 8,
    maxQueuedBytes,
    overflow,
    reuse,
    spinMicros,
    statsInterval,
    onStats: options.onStats,
    execArgv: options.execArgv,
  };
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return Object.assign(new Error((error as { message: string }).message), error);
  }
  return new Error(String(error));
}

function noop(): void {}

/** One stage to start: where it reads and writes, its parameters and its place in a pool. */
export interface StartSpec {
  readonly input: Hop;
  readonly output: Hop;
  readonly params: unknown;
  readonly boundaries: boolean;
  readonly workerIndex: number;
  readonly workerCount: number;
}

export class Session implements FeedHost {
  readonly subscriber: Subscriber<Chunk>;
  readonly settings: Settings;
  readonly workers: StageWorker[] = [];
  readonly statuses: StageStatus[] = [];
  readonly subscriptions: Subscription[] = [];
  #hops: Hop[] = [];
  #ends: { dispose(): void }[] = [];
  #done = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  #seq = 0;
  #pendingSource: (() => void) | undefined;

  constructor(subscriber: Subscriber<Chunk>, settings: Settings) {
    this.subscriber = subscriber;
    this.settings = settings;
  }

  get done(): boolean {
    return this.#done;
  }

  /** Errors the subscriber once (the teardown follows). */
  readonly fail = (error: unknown): void => {
    if (this.#done) return;
    this.#done = true;
    this.subscriber.error(toError(error));
  };

  /** Completes the subscriber once. */
  complete(): void {
    if (this.#done) return;
    this.#done = true;
    this.subscriber.complete();
  }

  nextSeq(): number {
    return this.#seq++;
  }

  /** A new hop of the session's size and transport, closed at teardown. */
  hop(): Hop {
    const hop = createHop(this.settings.transport, this.settings.hopBytes);
    this.#hops.push(hop);
    return hop;
  }

  /** The main thread's writer into `hop` (the session's overflow policy; `onStall` runs while it blocks). */
  writer(hop: Hop, onStall?: () => void): ChunkWriter {
    const { overflow, maxQueuedBytes, what } = this.settings;
    const writer = new ChunkWriter(openHopWriter(hop.writer, { canBlock: overflow === 'block' }), { what, overflow, maxQueuedBytes, onStall, onError: this.fail });
    this.#ends.push(writer);
    return writer;
  }

  /** The main thread's reader of `hop` (it never polls: the main thread must not spin). */
  reader(hop: Hop): ChunkReader {
    const reader = new ChunkReader(openHopReader(hop.reader, { spinMicros: 0 }), { reuse: this.settings.reuse });
    this.#ends.push(reader);
    return reader;
  }

  /**
   * Subscribes to the source (linked to the subscriber). With `overflow: 'block'` only once the
   * workers were started (`started()`): a synchronous source would otherwise block the thread
   * before any worker can read (a hot source's earlier emissions are not seen then).
   */
  subscribeSource(source: Observable<Chunk>, handlers: LinkedHandlers<Chunk>): void {
    const subscribe = (): void => subscribeLinked(source, this.subscriber, handlers);
    if (this.settings.overflow === 'block') this.#pendingSource = subscribe;
    else subscribe();
  }

  /** Call once every worker's `start` was sent. */
  started(): void {
    const subscribe = this.#pendingSource;
    this.#pendingSource = undefined;
    if (subscribe !== undefined && !this.#done) subscribe();
  }

  /** Spawns the workers (in parallel) and registers them for teardown; resolves once all are ready. */
  async spawn(stages: readonly StageLocation[]): Promise<StageWorker[]> {
    const urls = stages.map(resolveStage);
    const workers = urls.map((url) => {
      const worker = new StageWorker(url, { execArgv: this.settings.execArgv });
      this.workers.push(worker);
      this.statuses.push(StageStatus.create(sharedMemoryUsable()));
      worker.failure.catch(this.fail);
      return worker;
    });
    if (this.#done) throw new Error('subscription ended');
    await Promise.all(workers.map((w) => w.ready));
    return workers;
  }

  /** Starts worker `index`; resolves when its chain completed and its output was closed. */
  start(index: number, spec: StartSpec): Promise<void> {
    const worker = this.workers[index]!;
    const status = this.statuses[index]!;
    const { params } = spec;
    const initial = params !== undefined && !isObservable(params);
    const config: StartConfig = {
      input: spec.input.reader,
      output: spec.output.writer,
      hasParams: initial,
      ...(initial ? { params } : {}),
      boundaries: spec.boundaries,
      workerIndex: spec.workerIndex,
      workerCount: spec.workerCount,
      spinMicros: this.settings.spinMicros,
      status: status.shared ? (status.buffer as SharedArrayBuffer) : undefined,
      maxQueuedBytes: this.settings.maxQueuedBytes,
      overflow: this.settings.overflow === 'drop-newest' ? 'drop-newest' : 'error',
    };
    const transferables = [...transferablesOf(config.input), ...transferablesOf(config.output)];
    return worker.guard(worker.control.start(transfer(config, transferables as Parameters<typeof transfer>[1])));
  }

  /** Counters of every worker, in order (read from shared memory, or asked for without it). */
  async stageStats(): Promise<StageStats[]> {
    return Promise.all(
      this.workers.map(async (worker, i) => {
        const status = this.statuses[i]!;
        if (status.shared) return status.snapshot();
        try {
          return await worker.guard(worker.control.stats());
        } catch {
          return ZERO_STATS;
        }
      }),
    );
  }

  /** Calls `onStats` every `statsInterval` ms with what `collect` gathers. */
  startStats(collect: () => Promise<OffloadStats>): void {
    const { onStats, statsInterval } = this.settings;
    if (onStats === undefined || statsInterval === 0) return;
    this.#timer = setInterval(() => {
      collect().then((stats) => {
        if (!this.#done) onStats(stats);
      }, noop);
    }, statsInterval);
  }

  /** The last `onStats` call, before completion. */
  async finalStats(collect: () => Promise<OffloadStats>): Promise<void> {
    if (this.settings.onStats === undefined) return;
    const stats = await collect();
    if (!this.#done) this.settings.onStats(stats);
  }

  /** Releases everything (RxJS runs it on error, completion and unsubscription). */
  teardown(): void {
    this.#done = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    for (const s of this.subscriptions) s.unsubscribe();
    // The workers must take the end of their hops for a stop, not for a completion; closing the
    // hops wakes a worker blocked on a full output.
    for (const status of this.statuses) status.requestStop();
    for (const hop of this.#hops) hop.close();
    for (const end of this.#ends) end.dispose();
    for (const worker of this.workers) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
      void Promise.race([worker.guard(worker.control.stop()), grace])
        .catch(noop)
        .then(() => {
          clearTimeout(timer);
          return worker.terminate();
        });
    }
  }
}
