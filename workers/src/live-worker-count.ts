import { liveWorkers } from './internal/registry.js';

/**
 * The number of stage workers started by this package that are still alive.
 *
 * @remarks
 * Diagnostics and tests: after every `offload`/`pipeline`/`parallel` subscription has ended
 * (completed, errored or unsubscribed) and the workers' exits were observed, it returns 0. A
 * worker counts from its spawn until its thread has exited (Node: the `'exit'` event; browsers:
 * `terminate()`). Main thread; does not allocate.
 *
 * @returns How many stage workers are alive.
 *
 * @example
 * ```ts
 * import { liveWorkerCount } from '@ringflow/workers';
 * console.log(liveWorkerCount()); // 0 when nothing is offloaded
 * ```
 */
export function liveWorkerCount(): number {
  return liveWorkers.size;
}
