// A producer thread for the ring-buffer notebook: pushes `blocks` blocks of `blockSize` float32
// samples (a counting sequence) every `periodMs` milliseconds, sleeping while the ring is full,
// then closes the ring. Plain JavaScript on the built packages, as a user runs a worker file.
import { workerData } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { RingBuffer } from '@ringflow/core';

const { handle, blocks, blockSize, periodMs } = workerData;
const ring = RingBuffer.attach(handle);
const block = new Float32Array(blockSize);
let next = 0;
for (let b = 0; b < blocks; b++) {
  for (let i = 0; i < blockSize; i++) block[i] = next++;
  ring.pushBlocking(block); // Atomics.wait while the ring is full
  await sleep(periodMs);
}
ring.close(); // the consumer drains what is left, then popAsync resolves null
