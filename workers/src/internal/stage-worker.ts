import { wrap, type Endpoint, type Remote } from 'comlink';
import type { StageLocation } from '../types.js';
import { nodeEndpoint } from './node-endpoint.js';
import { isNode } from './platform.js';
import { READY_KEY, type StageControl } from './protocol.js';
import { liveWorkers } from './registry.js';

/**
 * The worker bootstrap (plain CommonJS, run with `eval: true`): registers tsx for `.ts` entries (and
 * whenever workspace packages resolve to sources), then imports the stage module.
 */
const NODE_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { entry, tsx, sourceCondition } = workerData;
(async () => {
  const isTs = /\\.[cm]?tsx?$/.test(new URL(entry).pathname);
  if (isTs || (sourceCondition && typeof tsx === 'string')) {
    if (typeof tsx !== 'string') {
      throw new Error('cannot load the TypeScript stage module ' + entry + ': the tsx package is not installed ' +
        '(npm install --save-dev tsx), or point offload() at the built JavaScript file');
    }
    (await import(tsx)).register();
  }
  await import(entry);
  if (globalThis.${'__ringflowStageExposed'} !== true) {
    throw new Error('the stage module ' + entry + ' did not call exposeStage()');
  }
})().catch((error) => {
  process.nextTick(() => { throw error; });
});
`;

const SOURCE_CONDITION = '@ringflow/source';

/** Options of a spawned worker. */
export interface SpawnOptions {
  /** Extra Node CLI options for the worker (Node only). */
  readonly execArgv?: readonly string[] | undefined;
}

/** The `--conditions` / `-C` flags of this process, to hand to workers. */
function parentConditions(): string[] {
  const argv = (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? [];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--conditions' || arg === '-C') {
      const value = argv[i + 1];
      if (value !== undefined) out.push(`--conditions=${value}`);
      i++;
    } else if (arg.startsWith('--conditions=') || arg.startsWith('-C=')) {
      out.push(`--conditions=${arg.slice(arg.indexOf('=') + 1)}`);
    }
  }
  return out;
}

let tsxUrl: string | null | undefined;
/** Where tsx's ESM API is, resolved from this package; `null` when tsx is not installed. */
function resolveTsx(): string | null {
  if (tsxUrl === undefined) {
    try {
      tsxUrl = import.meta.resolve('tsx/esm/api');
    } catch {
      tsxUrl = null;
    }
  }
  return tsxUrl;
}

/** Resolves a stage location to an absolute URL. */
export async function resolveStage(location: StageLocation): Promise<URL> {
  if (location instanceof URL) return location;
  if (typeof location !== 'string' || location.length === 0) {
    throw new TypeError(`stage must be a URL or a path of a stage module, got ${typeof location}`);
  }
  if (/^[a-zA-Z][a-zA-Z\d+.-]+:/.test(location)) return new URL(location);
  if (isNode()) {
    const { pathToFileURL } = await import('node:url');
    const { resolve } = await import('node:path');
    return pathToFileURL(resolve(location));
  }
  const base = (globalThis as { location?: { href: string } }).location?.href;
  return new URL(location, base);
}

/** A browser `Worker`, as far as we use it (no DOM lib). */
interface BrowserWorker extends Endpoint {
  terminate(): void;
}
type BrowserWorkerConstructor = new (url: string | URL, options: { type: 'module'; name?: string }) => BrowserWorker;

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
  readonly #terminate: () => Promise<void>;
  #terminated = false;

  private constructor(control: Remote<StageControl>, ready: Promise<void>, failure: Promise<never>, terminate: () => Promise<void>) {
    this.control = control;
    this.failure = failure;
    this.ready = Promise.race([ready, failure]);
    this.#terminate = terminate;
  }

  /** Starts a worker running the stage module at `url`. */
  static async spawn(url: URL, options: SpawnOptions = {}): Promise<StageWorker> {
    let fail!: (error: Error) => void;
    let terminated = false;
    const failure = new Promise<never>((_, reject) => {
      fail = (error) => {
        if (!terminated) reject(error);
      };
    });
    failure.catch(() => undefined);
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const isReady = (data: unknown): void => {
      if (typeof data === 'object' && data !== null && (data as Record<string, unknown>)[READY_KEY] === true) markReady();
    };
    let worker: StageWorker;
    if (isNode()) {
      const { Worker } = await import('node:worker_threads');
      const execArgv = parentConditions();
      if (/\.[cm]?tsx?$/.test(url.pathname) && !execArgv.includes(`--conditions=${SOURCE_CONDITION}`)) {
        execArgv.push(`--conditions=${SOURCE_CONDITION}`);
      }
      execArgv.push(...(options.execArgv ?? []));
      // Under the source condition workspace packages resolve to .ts files: register tsx (when
      // installed) even for a .js stage module.
      const sourceCondition = execArgv.includes(`--conditions=${SOURCE_CONDITION}`);
      const thread = new Worker(NODE_BOOTSTRAP, {
        eval: true,
        workerData: { entry: url.href, tsx: resolveTsx(), sourceCondition },
        execArgv,
        name: `ringflow stage ${url.pathname.split('/').pop() ?? ''}`,
      });
      liveWorkers.add(thread);
      thread.on('message', isReady);
      thread.on('error', (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
      thread.on('exit', (code: number) => {
        liveWorkers.delete(thread);
        fail(new Error(`the stage worker for ${url.href} exited unexpectedly with code ${code}`));
      });
      worker = new StageWorker(wrap<StageControl>(nodeEndpoint(thread)), ready, failure, async () => {
        terminated = true;
        await thread.terminate();
        liveWorkers.delete(thread);
      });
    } else {
      const Ctor = (globalThis as { Worker?: BrowserWorkerConstructor }).Worker;
      if (Ctor === undefined) throw new TypeError('offload: this platform has neither worker_threads nor Web Workers');
      const thread = new Ctor(url, { type: 'module', name: `ringflow stage ${url.pathname.split('/').pop() ?? ''}` });
      liveWorkers.add(thread);
      thread.addEventListener('message', (event: unknown) => isReady((event as { data?: unknown }).data));
      thread.addEventListener('error', (event: unknown) => {
        const e = event as { message?: string; filename?: string; lineno?: number; error?: unknown };
        fail(e.error instanceof Error ? e.error : new Error(`${e.message ?? 'the stage worker failed'} (${e.filename ?? url.href}:${e.lineno ?? 0})`));
      });
      worker = new StageWorker(wrap<StageControl>(thread), ready, failure, async () => {
        terminated = true;
        thread.terminate();
        liveWorkers.delete(thread);
      });
    }
    return worker;
  }

  /** `promise`, or the worker's failure if that comes first. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failure]);
  }

  /** Terminates the thread (idempotent); its failure no longer rejects. */
  terminate(): Promise<void> {
    if (this.#terminated) return Promise.resolve();
    this.#terminated = true;
    return this.#terminate().catch(() => undefined);
  }
}
