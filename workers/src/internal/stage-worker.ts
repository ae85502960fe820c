import { platform } from '#platform';
import { wrap, type Remote } from 'comlink';
import type { StageLocation } from '../types.js';
import { READY_KEY, type StageControl } from './protocol.js';
import { liveWorkers } from './registry.js';

/** Options of a spawned worker. */
export interface SpawnOptions {
  /** Extra Node CLI options for the worker (Node only). */
  readonly execArgv?: readonly string[] | undefined;
}

/** Resolves a stage location to an absolute URL. */
export function resolveStage(location: StageLocation): URL {
  if (location instanceof URL) return location;
  if (typeof location !== 'string' || location.length === 0) {
    throw new TypeError(`offload: stage must be a URL or a path of a stage module, got ${typeof location}`);
  }
  if (/^[a-zA-Z][a-zA-Z\d+.-]+:/.test(location)) return new URL(location);
  return platform.resolvePath(location);
}

/**
 * One stage worker seen from the thread that started it: its Comlink control proxy, a `failure`
 * promise that rejects when the worker errors or exits on its own, and `terminate`.
 */
export class StageWorker {
  readonly control: Remote<StageControl>;
  /** Resolves once the stage module called `exposeStage` and listens. */
  readonly ready: Promise<void>;
  /** Rejects with the worker's error (uncaught exception, load error) or an exit error; never resolves. */
  readonly failure: Promise<never>;
  readonly #thread: { terminate(): Promise<void> };
  #terminated = false;

  /** Starts a worker running the stage module at `url`. */
  constructor(url: URL, options: SpawnOptions = {}) {
    const thread = platform.spawn(url, { execArgv: options.execArgv, name: `ringflow stage ${url.pathname.split('/').pop() ?? ''}` });
    this.#thread = thread;
    liveWorkers.add(this);
    let fail!: (error: Error) => void;
    this.failure = new Promise<never>((_, reject) => {
      fail = (error) => {
        if (!this.#terminated) reject(error);
      };
    });
    this.failure.catch(() => undefined);
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    thread.onMessage((data) => {
      if (typeof data === 'object' && data !== null && (data as Record<string, unknown>)[READY_KEY] === true) markReady();
    });
    thread.onError(fail);
    thread.onExit((code) => {
      liveWorkers.delete(this);
      fail(new Error(`the stage worker for ${url.href} exited unexpectedly with code ${code}`));
    });
    this.ready = Promise.race([ready, this.failure]);
    this.control = wrap<StageControl>(thread.endpoint);
  }

  /** `promise`, or the worker's failure if that comes first. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failure]);
  }

  /** Terminates the thread (idempotent); its failure no longer rejects. */
  terminate(): Promise<void> {
    if (this.#terminated) return Promise.resolve();
    this.#terminated = true;
    return this.#thread.terminate().then(
      () => void liveWorkers.delete(this),
      () => void liveWorkers.delete(this),
    );
  }
}
