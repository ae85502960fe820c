// The demo's producer thread: generates the signal block by block and pushes it into the ring,
// sleeping (Atomics.wait) whenever the ring is full, then closes the ring.
import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer, type RingHandle } from '@ringflow/core';
import { fillSignal } from './signal.js';

const { handle, total, block } = workerData as { handle: RingHandle<'f'>; total: number; block: number };
const ring = RingBuffer.attach(handle);
const scratch = new Float32Array(block);
for (let sent = 0; sent < total; sent += block) {
  const n = Math.min(block, total - sent);
  const chunk = n === block ? scratch : scratch.subarray(0, n);
  fillSignal(chunk, sent);
  ring.pushBlocking(chunk);
}
ring.close();
parentPort?.postMessage('done');
