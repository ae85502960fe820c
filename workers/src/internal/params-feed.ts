/**
 * The parameter feed: how live parameter updates reach a stage, both ends.
 *
 * Main side (`ParamsFeed`): updates from an Observable. In band (the first stage of a pipeline,
 * every worker of a pool): a params marker with a sequence number goes into the input hop with
 * the chunks, so the update applies exactly from the next source chunk on; the value follows by
 * Comlink (`setParams(seq, value)`). Out of band (later pipeline stages): the value goes by Comlink
 * with `seq = -1` and applies at the stage's next chunk boundary. Updates emitted before the
 * workers are ready are sent just before `start`, so they apply from the first chunk on.
 *
 * Worker side (`ParamsInbox`): matches each marker read from the input with its value (which may
 * arrive before or after the marker), and merges updates into the current parameters.
 */
import type { Observable, Subscription } from 'rxjs';
import type { ChunkWriter } from './chunk-writer.js';
import type { StageWorker } from './stage-worker.js';

/** Shallow-merges a plain-object update into plain-object parameters; replaces anything else. */
export function mergeParams(current: unknown, update: unknown): unknown {
  return isPlainObject(current) && isPlainObject(update) ? { ...current, ...update } : update;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** What a feed needs from its session. */
export interface FeedHost {
  /** The next in-band sequence number (one counter per session, shared by its feeds). */
  nextSeq(): number;
  /** Ends the session with an error. */
  fail(error: unknown): void;
}

/** Main side: forwards the updates of one Observable to one stage (or every worker of a pool). */
export class ParamsFeed {
  readonly subscription: Subscription;
  readonly #host: FeedHost;
  readonly #inBand: readonly ChunkWriter[] | undefined;
  #workers: readonly StageWorker[] | undefined;
  #queue: { seq: number; value: unknown }[] = [];

  /** @param inBand - The input writers that carry the markers, or undefined for out-of-band updates. */
  constructor(host: FeedHost, source: Observable<unknown>, inBand: readonly ChunkWriter[] | undefined) {
    this.#host = host;
    this.#inBand = inBand;
    this.subscription = source.subscribe({ next: (value) => this.#next(value), error: (error: unknown) => host.fail(error) });
  }

  #next(value: unknown): void {
    let seq = -1;
    if (this.#inBand !== undefined) {
      seq = this.#host.nextSeq();
      try {
        for (const writer of this.#inBand) writer.write({ marker: 'params', seq });
      } catch (error) {
        this.#host.fail(error);
        return;
      }
    }
    if (this.#workers === undefined) this.#queue.push({ seq, value });
    else this.#send(this.#workers, seq, value);
  }

  #send(workers: readonly StageWorker[], seq: number, value: unknown): void {
    for (const w of workers) w.guard(w.control.setParams(seq, value)).catch((error: unknown) => this.#host.fail(error));
  }

  /** Call right before `start`: sends what was queued, then sends updates as they come. */
  attach(workers: readonly StageWorker[]): void {
    this.#workers = workers;
    for (const { seq, value } of this.#queue) this.#send(workers, seq, value);
    this.#queue = [];
  }
}

/** Worker side: the values sent by `setParams`, matched with the markers of the input. */
export class ParamsInbox {
  readonly #pending = new Map<number, unknown>();
  readonly #waiters = new Map<number, (value: unknown) => void>();
  #loose: unknown[] = [];

  /** A value from `setParams`. */
  deliver(seq: number, value: unknown): void {
    if (seq < 0) {
      this.#loose.push(value);
      return;
    }
    const waiter = this.#waiters.get(seq);
    if (waiter !== undefined) {
      this.#waiters.delete(seq);
      waiter(value);
    } else {
      this.#pending.set(seq, value);
    }
  }

  /** Whether the value of marker `seq` is here already. */
  has(seq: number): boolean {
    return this.#pending.has(seq);
  }

  /** The value of marker `seq` (call `has` first), or a promise of it. */
  take(seq: number): unknown {
    const value = this.#pending.get(seq);
    this.#pending.delete(seq);
    return value;
  }

  /** Resolves with the value of marker `seq` once it arrives. */
  arrival(seq: number): Promise<unknown> {
    if (this.#pending.has(seq)) return Promise.resolve(this.take(seq));
    return new Promise((resolve) => this.#waiters.set(seq, resolve));
  }

  /** Out-of-band updates received since the last call, in order. */
  takeLoose(): readonly unknown[] {
    if (this.#loose.length === 0) return EMPTY;
    const loose = this.#loose;
    this.#loose = [];
    return loose;
  }
}

const EMPTY: readonly unknown[] = Object.freeze([]);
