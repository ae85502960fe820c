/**
 * `@ringflow/workers/node`: Node-only helpers (they import `node:*` modules, so the main entry,
 * which bundles for browsers, does not re-export them).
 *
 * @packageDocumentation
 * @module @ringflow/workers/node
 */
export { startWorker } from './start-worker.js';
export type { StartWorkerOptions } from './start-worker.js';
