/** Every worker spawned by this package that has not exited yet (diagnostics: `liveWorkerCount`). */
export const liveWorkers = new Set<object>();
