import { transfer } from 'comlink';
import { Observable, isObservable, type OperatorFunction, type Subscriber, type Subscription } from 'rxjs';
import type { OffloadStats, StageLocation, StageRunOptions, StageStats } from '../types.js';
import type { Chunk } from '../types.js';
import { chunkFormatId, createLink, isChunk, openReader, openWriter, transferablesOf, writerFill, type ChunkReader, type ChunkWriter, type Item, type Link } from './channel.js';
import type { StartConfig } from './protocol.js';
import { StageWorker, resolveStage } from './stage-worker.js';
import { resolveTransport } from './transport.js';

/** One stage to run: where it is and its parameters (a value, a stream of updates, or none). */
export interface StepSpec {
  readonly stage: StageLocation;
  readonly params?: unknown;
}

const DEFAULT_CAPACITY = 65536;
const DEFAULT_FRAME_CAPACITY = 4096;
const DEFAULT_STATS_INTERVAL = 1000;

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return Object.assign(new Error((error as { message: string }).message), error);
  }
  return new Error(String(error));
}

function noop(): void {}

interface Settings {
  readonly transport: 'ring' | 'message';
  readonly capacity: number;
  readonly frameCapacity: number;
  readonly spinMicros: number;
  readonly statsInterval: number;
  readonly onStats: ((stats: OffloadStats) => void) | undefined;
  readonly execArgv: readonly string[] | undefined;
}

const DEFAULT_SPIN_MICROS = 50;

function spinMicrosOf(value: unknown): number {
  if (value === undefined) return DEFAULT_SPIN_MICROS;
  if (typeof value !== 'number') throw new TypeError(`spinMicros must be a number of microseconds, got ${typeof value}`);
  if (!(value >= 0 && value <= 1e6)) throw new RangeError(`spinMicros must be from 0 to 1e6 microseconds, got ${value}`);
  return value;
}

function settingsOf(options: StageRunOptions): Settings {
  const statsInterval = options.statsInterval ?? DEFAULT_STATS_INTERVAL;
  if (typeof statsInterval !== 'number' || !(statsInterval >= 0)) throw new RangeError(`statsInterval must be >= 0 ms, got ${String(statsInterval)}`);
  if (options.onStats !== undefined && typeof options.onStats !== 'function') throw new TypeError('onStats must be a function');
  return {
    transport: resolveTransport(options.transport),
    capacity: positiveInteger(options.capacity, DEFAULT_CAPACITY, 'capacity'),
    frameCapacity: positiveInteger(options.frameCapacity, DEFAULT_FRAME_CAPACITY, 'frameCapacity'),
    spinMicros: spinMicrosOf(options.spinMicros),
    statsInterval,
    onStats: options.onStats,
    execArgv: options.execArgv,
  };
}

const ZERO_STATS: StageStats = { chunksIn: 0, samplesIn: 0, chunksOut: 0, samplesOut: 0, busyMs: 0, outputOverruns: 0 };

/**
 * State of one subscription: its workers, hop ends, timers and subscriptions; `fail` errors the
 * subscriber once, and the teardown (run by RxJS on error, completion and unsubscription)
 * releases everything.
 */
class Session {
  readonly subscriber: Subscriber<Chunk>;
  readonly settings: Settings;
  readonly workers: StageWorker[] = [];
  readonly writers: ChunkWriter[] = [];
  readonly readers: ChunkReader[] = [];
  readonly subscriptions: Subscription[] = [];
  done = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  #seq = 0;

  constructor(subscriber: Subscriber<Chunk>, settings: Settings) {
    this.subscriber = subscriber;
    this.settings = settings;
  }

  readonly fail = (error: unknown): void => {
    if (this.done) return;
    this.done = true;
    this.subscriber.error(toError(error));
  };

  nextSeq(): number {
    return this.#seq++;
  }

  /** Spawns the workers (in parallel) and registers them for teardown. */
  async spawn(stages: readonly StageLocation[]): Promise<StageWorker[]> {
    const urls = await Promise.all(stages.map(resolveStage));
    const workers = await Promise.all(
      urls.map(async (url) => {
        const worker = await StageWorker.spawn(url, { execArgv: this.settings.execArgv });
        if (this.done) void worker.terminate();
        else {
          this.workers.push(worker);
          worker.failure.catch(this.fail);
        }
        return worker;
      }),
    );
    if (this.done) throw new Error('subscription ended');
    await Promise.all(workers.map((w) => w.ready));
    return workers;
  }

  startStats(collect: () => Promise<OffloadStats>): void {
    const { onStats, statsInterval } = this.settings;
    if (onStats === undefined || statsInterval === 0) return;
    this.#timer = setInterval(() => {
      collect().then((stats) => {
        if (!this.done) onStats(stats);
      }, noop);
    }, statsInterval);
  }

  async finalStats(collect: () => Promise<OffloadStats>): Promise<void> {
    if (this.settings.onStats === undefined) return;
    const stats = await collect();
    if (!this.done) this.settings.onStats(stats);
  }

  teardown(): void {
    this.done = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    for (const s of this.subscriptions) s.unsubscribe();
    for (const w of this.writers) w.dispose();
    for (const r of this.readers) r.dispose();
    for (const w of this.workers) void w.terminate();
  }
}

async function stageStats(worker: StageWorker): Promise<StageStats> {
  try {
    return await worker.guard(worker.control.stats());
  } catch {
    return ZERO_STATS;
  }
}

/** Whether a source value is a chunk of a ring format; anything else fails the session with a TypeError. */
function acceptChunk(chunk: unknown, session: Session): boolean {
  try {
    chunkFormatId(chunk);
    return true;
  } catch (error) {
    session.fail(error);
    return false;
  }
}

function startConfig(input: Link, output: Link, step: StepSpec, index: number, count: number, boundaries: boolean, spinMicros: number): StartConfig {
  const value = step.params;
  const initial = value !== undefined && !isObservable(value);
  return {
    input: input.consumer,
    output: output.producer,
    hasParams: initial,
    ...(initial ? { params: value } : {}),
    boundaries,
    workerIndex: index,
    workerCount: count,
    spinMicros,
  };
}

function callStart(worker: StageWorker, config: StartConfig): Promise<void> {
  const transferables = [...transferablesOf(config.input), ...transferablesOf(config.output)];
  return worker.guard(worker.control.start(transfer(config, transferables as Parameters<typeof transfer>[1])));
}

/**
 * Parameter updates from an Observable, for one stage (or every worker of a pool).
 *
 * In band (the first stage, pools): a marker goes into the input with the chunks, so an update
 * applies exactly from the next source chunk on; with rings the value follows by Comlink under the
 * marker's sequence number. Out of band (later pipeline stages): the update is sent by Comlink and
 * applies at the stage's next chunk boundary; updates emitted before the workers started are sent
 * just before `start`, so they apply from the first chunk on.
 */
class ParamsFeed {
  readonly #session: Session;
  readonly #inBand: readonly ChunkWriter[] | undefined;
  #workers: readonly StageWorker[] | undefined;
  #queue: { seq: number; value: unknown }[] = [];

  constructor(session: Session, source: Observable<unknown>, inBand: readonly ChunkWriter[] | undefined) {
    this.#session = session;
    this.#inBand = inBand;
    session.subscriptions.push(source.subscribe({ next: (value) => this.#next(value), error: session.fail }));
  }

  #next(value: unknown): void {
    const session = this.#session;
    let seq = -1;
    if (this.#inBand !== undefined) {
      seq = session.nextSeq();
      const marker: Item =
        session.settings.transport === 'message' ? { marker: 'params', seq, hasValue: true, value } : { marker: 'params', seq, hasValue: false };
      for (const writer of this.#inBand) writer.write(marker).catch(session.fail);
      if (session.settings.transport === 'message') return;
    }
    if (this.#workers === undefined) this.#queue.push({ seq, value });
    else this.#send(this.#workers, seq, value);
  }

  #send(workers: readonly StageWorker[], seq: number, value: unknown): void {
    for (const w of workers) w.guard(w.control.setParams(seq, value)).catch(this.#session.fail);
  }

  /** Call right before `start`: sends what was queued, then sends updates as they come. */
  attach(workers: readonly StageWorker[]): void {
    this.#workers = workers;
    for (const { seq, value } of this.#queue) this.#send(workers, seq, value);
    this.#queue = [];
  }
}

/** Runs `steps` in consecutive workers joined by direct hops: the engine of `offload` and `pipeline`. */
export function runSerial(steps: readonly StepSpec[], options: StageRunOptions): OperatorFunction<Chunk, Chunk> {
  if (steps.length === 0) throw new RangeError('pipeline needs at least one stage');
  const settings = settingsOf(options);
  return (source) =>
    new Observable<Chunk>((subscriber) => {
      const session = new Session(subscriber, settings);
      const n = steps.length;
      const links = Array.from({ length: n + 1 }, () => createLink(settings.transport, settings.capacity, settings.frameCapacity));
      const input = openWriter(links[0]!.producer);
      const output = openReader(links[n]!.consumer);
      session.writers.push(input);
      session.readers.push(output);

      const spawned = session.spawn(steps.map((s) => s.stage));
      spawned.catch(session.fail);
      const feeds = steps.map((step, i) => (isObservable(step.params) ? new ParamsFeed(session, step.params, i === 0 ? [input] : undefined) : undefined));

      session.subscriptions.push(
        source.subscribe({
          next: (chunk) => {
            if (acceptChunk(chunk, session)) input.write(chunk).catch(session.fail);
          },
          error: session.fail,
          complete: () => {
            input.close().catch(session.fail);
          },
        }),
      );

      const collect = async (): Promise<OffloadStats> => {
        const stages = await Promise.all(session.workers.map(stageStats));
        const first = stages[0] ?? ZERO_STATS;
        const last = stages[stages.length - 1] ?? ZERO_STATS;
        return {
          chunksIn: first.chunksIn,
          samplesIn: first.samplesIn,
          chunksOut: last.chunksOut,
          samplesOut: last.samplesOut,
          busyMs: stages.reduce((sum, s) => sum + s.busyMs, 0),
          inputFill: writerFill(input) ?? links[0]!.fill(),
          outputFill: links[n]!.fill(),
          overruns: input.overruns + stages.reduce((sum, s) => sum + s.outputOverruns, 0),
          stages,
        };
      };

      const run = async (): Promise<void> => {
        const workers = await spawned;
        const starts = workers.map((worker, i) => {
          feeds[i]?.attach([worker]);
          const start = callStart(worker, startConfig(links[i]!, links[i + 1]!, steps[i]!, 0, 1, false, settings.spinMicros));
          if (i < n - 1) start.catch(session.fail);
          return start;
        });
        session.startStats(collect);
        const reading = (async () => {
          for (;;) {
            const item = await output.read();
            if (item === null || session.done) return;
            if (isChunk(item)) subscriber.next(item);
          }
        })();
        await Promise.all([reading, starts[n - 1]]);
        await session.finalStats(collect);
        if (!session.done) subscriber.complete();
      };
      run().catch(session.fail);
      return () => session.teardown();
    });
}

/** Runs one stateless stage on `count` workers, round-robin, re-ordering the results: the engine of `parallel`. */
export function runParallel(step: StepSpec, count: number, options: StageRunOptions): OperatorFunction<Chunk, Chunk> {
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError(`workers must be a positive integer, got ${String(count)}`);
  const settings = settingsOf(options);
  return (source) =>
    new Observable<Chunk>((subscriber) => {
      const session = new Session(subscriber, settings);
      const inLinks = Array.from({ length: count }, () => createLink(settings.transport, settings.capacity, settings.frameCapacity));
      const outLinks = Array.from({ length: count }, () => createLink(settings.transport, settings.capacity, settings.frameCapacity));
      const writers = inLinks.map((link) => openWriter(link.producer));
      const readers = outLinks.map((link) => openReader(link.consumer));
      session.writers.push(...writers);
      session.readers.push(...readers);

      const spawned = session.spawn(Array.from({ length: count }, () => step.stage));
      spawned.catch(session.fail);
      const feed = isObservable(step.params) ? new ParamsFeed(session, step.params, writers) : undefined;

      let dispatched = 0;
      session.subscriptions.push(
        source.subscribe({
          next: (chunk) => {
            if (acceptChunk(chunk, session)) writers[dispatched++ % count]!.write(chunk).catch(session.fail);
          },
          error: session.fail,
          complete: () => {
            for (const w of writers) w.close().catch(session.fail);
          },
        }),
      );

      const collect = async (): Promise<OffloadStats> => {
        const stages = await Promise.all(session.workers.map(stageStats));
        const sum = (pick: (s: StageStats) => number): number => stages.reduce((total, s) => total + pick(s), 0);
        const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
        return {
          chunksIn: sum((s) => s.chunksIn),
          samplesIn: sum((s) => s.samplesIn),
          chunksOut: sum((s) => s.chunksOut),
          samplesOut: sum((s) => s.samplesOut),
          busyMs: sum((s) => s.busyMs),
          inputFill: mean(writers.map((w, k) => writerFill(w) ?? inLinks[k]!.fill())),
          outputFill: mean(outLinks.map((l) => l.fill())),
          overruns: writers.reduce((total, w) => total + w.overruns, 0) + sum((s) => s.outputOverruns),
          stages,
        };
      };

      const run = async (): Promise<void> => {
        const workers = await spawned;
        feed?.attach(workers);
        const starts = workers.map((worker, k) => callStart(worker, startConfig(inLinks[k]!, outLinks[k]!, step, k, count, true, settings.spinMicros)));
        for (const start of starts) start.catch(session.fail);
        session.startStats(collect);
        // Chunk i went to worker i % count; its outputs end with a boundary marker.
        for (let i = 0; ; ) {
          const item = await readers[i % count]!.read();
          if (session.done) return;
          if (item === null) break;
          if (isChunk(item)) subscriber.next(item);
          else if (item.marker === 'boundary') i++;
        }
        // What a stage emits on completion (after its last boundary), worker by worker.
        for (const reader of readers) {
          for (let item = await reader.read(); item !== null && !session.done; item = await reader.read()) {
            if (isChunk(item)) subscriber.next(item);
          }
        }
        await Promise.all(starts);
        await session.finalStats(collect);
        if (!session.done) subscriber.complete();
      };
      run().catch(session.fail);
      return () => session.teardown();
    });
}
