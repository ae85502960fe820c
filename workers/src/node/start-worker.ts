import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { locateWorkerFile } from '../internal/locate-worker-file.js';

/** The export condition under which workspace packages resolve to their TypeScript sources. */
const SOURCE_CONDITION = '@ringflow/source';

const TS_FILE = /\.[cm]?tsx?$/;

/** Options of `startWorker`: Node's `WorkerOptions` (without `eval`), plus `sourceCondition`. */
export interface StartWorkerOptions extends Omit<WorkerOptions, 'eval'> {
  /**
   * Adds `--conditions=@ringflow/source` to the worker's `execArgv`, so that ringflow's workspace
   * packages resolve to their TypeScript sources inside the worker (development inside this
   * repository). Default `false`: packages resolve as plain Node resolves them (their built
   * `dist/`). Flags the main thread was started with are inherited as Node does when `execArgv`
   * is not given, a `--conditions` flag among them.
   */
  readonly sourceCondition?: boolean;
}

/** A location given to `startWorker`, as a file URL object. */
function toFileUrl(file: string | URL): URL {
  if (file instanceof URL) return file;
  if (typeof file !== 'string' || file === '') {
    throw new TypeError(`startWorker: expected a file URL or path of a .js or .ts file, got ${file === '' ? 'an empty string' : typeof file}`);
  }
  return file.startsWith('file:') ? new URL(file) : pathToFileURL(resolve(file));
}

/** The file to run: the one named, or its `.ts` sibling (see `locateWorkerFile`). */
function locate(url: URL): string {
  if (url.protocol !== 'file:') {
    throw new TypeError(`startWorker: expected a file: URL or a path, got ${url.href}`);
  }
  const { found, tried } = locateWorkerFile(fileURLToPath(url));
  if (found !== undefined) return found;
  const also = tried.length > 1 ? ` (nor ${tried[1]})` : '';
  throw new TypeError(`startWorker: expected an existing .js or .ts file, got ${tried[0]}: no such file${also}`);
}

/** Where tsx's ESM API is: resolved from the worker file first (the user's tsx), then from here. */
function resolveTsx(entry: string): string {
  for (const base of [entry, fileURLToPath(import.meta.url)]) {
    try {
      const manifestPath = createRequire(base).resolve('tsx/package.json');
      const manifest = createRequire(base)(manifestPath) as { exports?: Record<string, unknown> };
      const api = manifest.exports?.['./esm/api'] as { import?: string | { default?: string } } | undefined;
      const target = typeof api?.import === 'string' ? api.import : api?.import?.default;
      if (typeof target === 'string') return pathToFileURL(join(dirname(manifestPath), target)).href;
    } catch {
      // not installed there: try the next place
    }
  }
  throw new Error(
    `startWorker: cannot run the TypeScript file ${entry}: the tsx package is not installed ` +
      '(npm install --save-dev tsx), or start the built .js file',
  );
}

/**
 * The bootstrap of a TypeScript worker (plain CommonJS, run with `eval: true`): registers tsx in
 * the worker, then imports the entry. Node 20 cannot take `--import tsx` in a worker's `execArgv`.
 * An error while loading the entry is rethrown as an uncaught exception: the `Worker` emits it as
 * `'error'`.
 */
function bootstrap(tsx: string, entry: string): string {
  return `import(${JSON.stringify(tsx)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })
  .catch((error) => { process.nextTick(() => { throw error; }); });`;
}

/**
 * Starts a worker thread on a JavaScript or TypeScript file, the way a user runs the file.
 *
 * @remarks
 * Node only (`@ringflow/workers/node`). A `.js`/`.mjs` file starts as `new Worker(file)` would. A
 * `.ts`/`.mts` file starts through a small plain-JS bootstrap that registers tsx inside the worker
 * and then imports the file (Node 20 cannot take `--import tsx` in a worker's `execArgv`, so a
 * program run with `npx tsx` cannot start a `.ts` worker with `new Worker` alone); tsx is then
 * needed (a development dependency). A `.js` name that does not exist falls back to its `.ts`
 * sibling, as TypeScript's NodeNext imports do: `startWorker(new URL('./producer.js',
 * import.meta.url))` in `main.ts` runs `producer.ts` under `npx tsx main.ts`, and the compiled
 * `producer.js` once built.
 *
 * `workerData`, `execArgv` and every other option go to the `Worker` unchanged (the worker sees
 * its own `workerData`, not the bootstrap's). Without `execArgv` the worker inherits the main
 * thread's flags, as Node does. `sourceCondition: true` adds `--conditions=@ringflow/source`.
 *
 * @param file - The worker file: a `file:` URL (usually `new URL('./worker.js', import.meta.url)`),
 *   a `file:` URL string, or a path (relative to the working directory).
 * @param options - Node's `WorkerOptions` (without `eval`) and `sourceCondition`.
 * @returns The started `Worker`; a failure to load the file is its `'error'` event.
 * @throws TypeError when the file does not exist (naming the `.js` and `.ts` names tried); Error
 *   when a TypeScript file needs tsx and it is not installed.
 *
 * @example
 * ```ts
 * import { once } from 'node:events';
 * import { startWorker } from '@ringflow/workers/node';
 *
 * const worker = startWorker(new URL('./producer.js', import.meta.url), { workerData: { total: 1000 } });
 * worker.on('error', (error) => console.error('producer failed:', error));
 * await once(worker, 'exit');
 * ```
 */
export function startWorker(file: string | URL, options: StartWorkerOptions = {}): Worker {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`startWorker: expected options to be an object, got ${options === null ? 'null' : typeof options}`);
  }
  const { sourceCondition = false, ...workerOptions } = options;
  if (typeof sourceCondition !== 'boolean') {
    throw new TypeError(`startWorker: expected sourceCondition to be a boolean, got ${typeof sourceCondition}`);
  }
  const path = locate(toFileUrl(file));
  const init: WorkerOptions = { ...workerOptions };
  if (sourceCondition) {
    const flags = [...(init.execArgv ?? process.execArgv)];
    if (!flags.some((flag) => flag === `--conditions=${SOURCE_CONDITION}` || flag === `-C=${SOURCE_CONDITION}`)) {
      flags.push(`--conditions=${SOURCE_CONDITION}`);
    }
    init.execArgv = flags;
  }
  if (!TS_FILE.test(path)) return new Worker(pathToFileURL(path), init);
  return new Worker(bootstrap(resolveTsx(path), pathToFileURL(path).href), { ...init, eval: true });
}
