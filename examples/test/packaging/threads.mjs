// Two threads through a ring, run with plain node against the installed packages; the producer
// thread starts through @ringflow/workers/node's startWorker, as the core README does.
import { RingBuffer } from '@ringflow/core';
import { startWorker } from '@ringflow/workers/node';

const total = 1_000_000;
const ring = new RingBuffer({ format: 'float64', capacity: 4096 });
const worker = startWorker(new URL('./producer.mjs', import.meta.url), { workerData: { handle: ring.handle, total } });
let received = 0;
for (;;) {
  const block = await ring.popAsync(1000, { timeout: 30_000 });
  if (block === null) break;
  for (let i = 0; i < block.length; i++) if (block[i] !== received + i) throw new Error(`element ${received + i} is ${block[i]}`);
  received += block.length;
}
await new Promise((resolve) => worker.once('exit', resolve));
console.log(JSON.stringify({ received }));
