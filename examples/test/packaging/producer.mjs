import { workerData } from 'node:worker_threads';
import { RingBuffer } from '@ringflow/core';

const ring = RingBuffer.attach(workerData.handle);
const block = new Float64Array(777);
for (let sent = 0; sent < workerData.total; ) {
  const n = Math.min(block.length, workerData.total - sent);
  for (let i = 0; i < n; i++) block[i] = sent + i;
  ring.pushBlocking(block.subarray(0, n));
  sent += n;
}
ring.close();
