// Worker bootstrap for tests on Node 20: `--import tsx` in a worker's execArgv does not work there,
// so this plain-JS entry registers tsx inside the worker and then imports the TypeScript entry.
// Start it with `execArgv: ['--conditions=@ringflow/source']` so workspace packages resolve to source.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
