import { expose, type Endpoint } from 'comlink';
import { BehaviorSubject, Observable, isObservable, type Subscription } from 'rxjs';
import type { StageDefinition, StageFunction } from './define-stage.js';
import { BOUNDARY, chunkFormatId, isChunk, openReader, openWriter, type ChunkReader, type ChunkWriter } from './internal/channel.js';
import { nodeEndpoint } from './internal/node-endpoint.js';
import { isNode } from './internal/platform.js';
import { EXPOSED_KEY, READY_KEY, type StageControl, type StartConfig } from './internal/protocol.js';
import { registerRingTransferHandler } from './register-ring-transfer-handler.js';
import type { Chunk, StageStats } from './types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Shallow-merges a plain-object update into plain-object parameters; replaces anything else. */
function mergeParams(current: unknown, update: unknown): unknown {
  return isPlainObject(current) && isPlainObject(update) ? { ...current, ...update } : update;
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' ? error : `stage failed with ${String(error)}`);
}

function noop(): void {}

/** Runs one stage definition inside its worker; the object behind the Comlink control API. */
class StageHost {
  readonly #definition: StageDefinition<unknown>;
  readonly #pending = new Map<number, unknown>();
  readonly #waiters = new Map<number, (value: unknown) => void>();
  #loose: unknown[] = [];
  #running = false;
  #subscription: Subscription | undefined;
  #reader: ChunkReader | undefined;
  #writer: ChunkWriter | undefined;
  #stopSource: (() => void) | undefined;
  #chunksIn = 0;
  #samplesIn = 0;
  #chunksOut = 0;
  #samplesOut = 0;
  #busyMs = 0;

  constructor(definition: StageDefinition<unknown>) {
    this.#definition = definition;
  }

  readonly control: StageControl = {
    start: (config) => this.#start(config),
    setParams: (seq, value) => this.#setParams(seq, value),
    stats: () => this.#stats(),
    stop: () => this.#stop(),
  };

  #stats(): StageStats {
    return {
      chunksIn: this.#chunksIn,
      samplesIn: this.#samplesIn,
      chunksOut: this.#chunksOut,
      samplesOut: this.#samplesOut,
      busyMs: this.#busyMs,
      outputOverruns: this.#writer?.overruns ?? 0,
    };
  }

  #setParams(seq: number, value: unknown): void {
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

  #takeParams(seq: number): Promise<unknown> | unknown {
    if (this.#pending.has(seq)) {
      const value = this.#pending.get(seq);
      this.#pending.delete(seq);
      return value;
    }
    return new Promise((resolve) => this.#waiters.set(seq, resolve));
  }

  #stop(): void {
    this.#stopSource?.();
    this.#subscription?.unsubscribe();
    this.#reader?.dispose();
    this.#writer?.dispose();
    this.#running = false;
  }

  #start(config: StartConfig): Promise<void> {
    if (this.#running) return Promise.reject(new Error('exposeStage: the stage is already running'));
    this.#running = true;
    const defaults = this.#definition.params;
    const params = new BehaviorSubject<unknown>(config.hasParams ? mergeParams(defaults, config.params) : defaults);
    const apply = (update: unknown): void => params.next(mergeParams(params.getValue(), update));
    const reader = openReader(config.input, config.spinMicros ?? 0);
    const writer = openWriter(config.output);
    this.#reader = reader;
    this.#writer = writer;
    const source = new Observable<Chunk>((subscriber) => {
      let active = true;
      this.#stopSource = () => (active = false);
      const loop = async (): Promise<void> => {
        while (active) {
          const item = await reader.read();
          if (!active) return;
          if (item === null) {
            subscriber.complete();
            return;
          }
          if (!isChunk(item)) {
            if (item.marker === 'params') apply(item.hasValue ? item.value : await this.#takeParams(item.seq));
            continue;
          }
          if (this.#loose.length > 0) {
            const updates = this.#loose;
            this.#loose = [];
            for (const update of updates) apply(update);
          }
          this.#chunksIn++;
          this.#samplesIn += item.length;
          const t0 = performance.now();
          subscriber.next(item);
          this.#busyMs += performance.now() - t0;
          if (config.boundaries) writer.write(BOUNDARY).catch(noop);
          await writer.drained();
        }
      };
      loop().catch((error: unknown) => {
        if (active) subscriber.error(error);
      });
      return () => {
        active = false;
      };
    });
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const fail = (error: unknown): void => {
        if (done) return;
        done = true;
        this.#subscription?.unsubscribe();
        this.#running = false;
        reject(asError(error));
      };
      let output: Observable<Chunk>;
      try {
        output = this.#definition.build(source, params.asObservable(), {
          workerIndex: config.workerIndex,
          workerCount: config.workerCount,
        });
        if (!isObservable(output)) throw new TypeError('the stage must return an Observable of chunks');
      } catch (error) {
        fail(error);
        return;
      }
      this.#subscription = output.subscribe({
        next: (chunk) => {
          try {
            chunkFormatId(chunk);
            this.#chunksOut++;
            this.#samplesOut += chunk.length;
            writer.write(chunk).catch(fail);
          } catch (error) {
            fail(error);
          }
        },
        error: fail,
        complete: () => {
          writer.close().then(() => {
            if (done) return;
            done = true;
            this.#running = false;
            resolve();
          }, fail);
        },
      });
      if (done) this.#subscription.unsubscribe();
    });
  }
}

async function parentEndpoint(): Promise<Endpoint> {
  if (isNode()) {
    const { parentPort } = await import('node:worker_threads');
    if (parentPort === null) throw new Error('exposeStage: not running in a worker thread (load the module with offload/pipeline/parallel)');
    return nodeEndpoint(parentPort);
  }
  return globalThis as unknown as Endpoint;
}

/**
 * Makes this module a stage: exposes the control API to the thread that started the worker.
 *
 * @remarks
 * Call it once, at the top level of a stage module that `offload`, `pipeline` or `parallel` loads
 * in a worker (Node `worker_threads` or a browser module worker). The data path never touches
 * Comlink: input chunks are read from a ring (or a MessagePort with the `'message'` transport)
 * without spinning, go through the chain `stage` builds, and each emitted chunk is written to the
 * output with backpressure (the next input chunk is read only once the outputs of the previous one
 * are written). When the chain completes the output is closed; an error in the chain (or thrown by
 * `build`) reaches the caller as an Error with this worker's message and stack.
 *
 * @param stage - A stage function `(source, params, context) => Observable<Chunk>`, or a
 *   `defineStage({ params, build })` definition (typed parameters with defaults).
 *
 * @example
 * ```ts
 * import { map } from 'rxjs';
 * import { exposeStage } from '@ringflow/workers';
 *
 * exposeStage((source) => source.pipe(map((chunk) => Float32Array.from(chunk as Float32Array, (x) => x * 2))));
 * ```
 */
export function exposeStage<P>(stage: StageFunction<P> | StageDefinition<P>): void {
  const definition: StageDefinition<P> | undefined =
    typeof stage === 'function'
      ? { params: undefined, build: stage }
      : typeof stage === 'object' && stage !== null && typeof stage.build === 'function'
        ? stage
        : undefined;
  if (definition === undefined) {
    throw new TypeError('exposeStage: expected a stage function (source, params, context) => Observable, or defineStage({ params, build })');
  }
  const flags = globalThis as Record<string, unknown>;
  if (flags[EXPOSED_KEY] === true) throw new Error('exposeStage: called twice in one worker');
  flags[EXPOSED_KEY] = true;
  registerRingTransferHandler();
  const host = new StageHost(definition as StageDefinition<unknown>);
  parentEndpoint().then(
    (endpoint) => {
      expose(host.control, endpoint);
      endpoint.postMessage({ [READY_KEY]: true });
    },
    (error: unknown) => {
      setTimeout(() => {
        throw error;
      });
    },
  );
}
