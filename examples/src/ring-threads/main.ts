// main.ts: the consumer; creates the ring and starts the producer thread
import { RingBuffer } from '@ringflow/core';
import { startWorker } from '@ringflow/workers/node';

const ring = new RingBuffer({ format: 'float32', capacity: 65_536 });
// './producer.js' as an import names it: `npx tsx main.ts` runs producer.ts, `node main.js` the built producer.js
const producer = startWorker(new URL('./producer.js', import.meta.url), { workerData: ring.handle });
producer.on('error', (error) => {
  console.error('producer failed:', error);
  process.exitCode = 1;
});
let received = 0;
let sum = 0;
for (let chunk; (chunk = await ring.popAsync(4096)) !== null; ) {
  // chunk: Float32Array of 1..4096 samples; popAsync sleeps (no spinning) until data or close
  received += chunk.length;
  for (const sample of chunk) sum += sample;
}
console.log(`received ${received} samples, sum ${sum}`); // received 512000 samples, sum 255744000
