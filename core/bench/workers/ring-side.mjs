// One side of a two-thread ring benchmark, in plain JS so it runs the built packages (dist/).
// workerData: { impl, role: 'producer' | 'consumer', sab or handle, block, blocks, capacity }
//   impl: 'ringflow' | 'ringflow-blocks' | 'lean' | 'ringbuf.js'
// Every implementation is driven the same way: retry the allocation-free write/read until it moves
// a block (every block has the same size and divides the capacity, so a call moves a whole block or
// nothing), and check each block's first and last value (a light verification that cannot be
// skipped). 'ringflow-blocks' is the batch consumer: `readBlocks` takes every whole block there is
// (up to the whole ring) per call, and the check runs over each block of the batch.
import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer } from '@ringflow/core';
import { RingBuffer as RingbufJs } from 'ringbuf.js';
import { LeanRing } from '../lean-ring.mjs';

const { impl, role, block, blocks } = workerData;
let write, read, ring;
if (impl === 'ringflow' || impl === 'ringflow-blocks') {
  ring = RingBuffer.attach(workerData.handle);
  write = (a) => ring.write(a);
  read = (a) => ring.read(a);
} else if (impl === 'lean') {
  ring = new LeanRing(workerData.sab, workerData.capacity);
  write = (a) => ring.write(a);
  read = (a) => ring.read(a);
} else {
  ring = new RingbufJs(workerData.sab, Float32Array);
  write = (a) => ring.push(a);
  read = (a) => ring.pop(a);
}

function produce() {
  const data = new Float32Array(block);
  for (let b = 0; b < blocks; b++) {
    const tag = b % 16777216;
    data[0] = tag;
    data[block - 1] = tag;
    while (write(data) === 0);
  }
  return 0;
}

function consume() {
  const data = new Float32Array(block);
  let errors = 0;
  for (let b = 0; b < blocks; b++) {
    const tag = b % 16777216;
    while (read(data) === 0);
    if (data[0] !== tag || data[block - 1] !== tag) errors++;
  }
  return errors;
}

function consumeBatches() {
  const batch = new Float32Array(ring.capacity);
  let errors = 0;
  for (let b = 0; b < blocks; ) {
    const n = ring.readBlocks(batch, block);
    for (let at = 0; at < n; at += block, b++) {
      const tag = b % 16777216;
      if (batch[at] !== tag || batch[at + block - 1] !== tag) errors++;
    }
  }
  return errors;
}

parentPort.once('message', () => {
  const errors = role === 'producer' ? produce() : impl === 'ringflow-blocks' ? consumeBatches() : consume();
  parentPort.postMessage({ errors });
});
parentPort.postMessage('ready');
