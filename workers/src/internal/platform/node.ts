/**
 * The platform of Node: `worker_threads`, with a plain-JS bootstrap that registers tsx for
 * TypeScript stage modules (Node 20 cannot take `--import tsx` in a worker's `execArgv`).
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, parentPort } from 'node:worker_threads';
import type { Endpoint } from 'comlink';
import nodeAdapter from 'comlink/dist/esm/node-adapter.mjs';
import { locateWorkerFile } from '../locate-worker-file.js';
import { EXPOSED_KEY } from '../protocol.js';
import type { Platform, SpawnOptions, SpawnedThread } from './platform.js';

/**
 * The worker bootstrap (plain CommonJS, run with `eval: true`): registers tsx for `.ts` entries (and
 * whenever workspace packages resolve to sources), then imports the stage module.
 */
const BOOTSTRAP = `
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
  if (globalThis.${EXPOSED_KEY} !== true) {
    throw new Error('the stage module ' + entry + ' did not call exposeStage()');
  }
})().catch((error) => {
  process.nextTick(() => { throw error; });
});
`;

const SOURCE_CONDITION = '@ringflow/source';

/** The `--conditions` / `-C` flags of this process, to hand to workers. */
function parentConditions(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
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

/** Comlink's adapter: a Node `Worker` or `parentPort` seen as the browser-style `Endpoint`. */
const toEndpoint = nodeAdapter as (source: Worker | NonNullable<typeof parentPort>) => Endpoint;

function spawn(location: URL, options: SpawnOptions): SpawnedThread {
  // A `.js` stage name that does not exist runs its `.ts` sibling (as TypeScript imports name it).
  const found = location.protocol === 'file:' ? locateWorkerFile(fileURLToPath(location)).found : undefined;
  const url = found !== undefined ? pathToFileURL(found) : location;
  const execArgv = parentConditions();
  if (/\.[cm]?tsx?$/.test(url.pathname) && !execArgv.includes(`--conditions=${SOURCE_CONDITION}`)) {
    execArgv.push(`--conditions=${SOURCE_CONDITION}`);
  }
  execArgv.push(...(options.execArgv ?? []));
  // Under the source condition workspace packages resolve to .ts files: register tsx (when
  // installed) even for a .js stage module.
  const sourceCondition = execArgv.includes(`--conditions=${SOURCE_CONDITION}`);
  const thread = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: url.href, tsx: resolveTsx(), sourceCondition },
    execArgv,
    name: options.name,
  });
  return {
    endpoint: toEndpoint(thread),
    onMessage: (listener) => thread.on('message', listener),
    onError: (listener) => thread.on('error', (error: unknown) => listener(error instanceof Error ? error : new Error(String(error)))),
    onExit: (listener) => thread.on('exit', listener),
    terminate: async () => {
      await thread.terminate();
    },
  };
}

export const platform: Platform = {
  spawn,
  parentEndpoint: () => {
    if (parentPort === null) throw new Error('exposeStage: not running in a worker thread (load the module with offload/pipeline/parallel)');
    return toEndpoint(parentPort);
  },
  resolvePath: (path) => pathToFileURL(resolve(path)),
  yieldToEventLoop: () => new Promise((done) => setImmediate(done)),
};
