// producer.ts: the producer thread; attaches to the ring and pushes 1000 blocks
import { workerData } from 'node:worker_threads';
import { RingBuffer, type RingHandle } from '@ringflow/core';

const ring = RingBuffer.attach(workerData as RingHandle<'f'>);
const block = new Float32Array(512);
for (let i = 0; i < 1000; i++) {
  block.fill(i);
  ring.pushBlocking(block); // sleeps (Atomics.wait) while the ring is full
}
ring.close(); // the consumer drains what is left, then popAsync resolves null
