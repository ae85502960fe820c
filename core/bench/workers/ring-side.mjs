// One side of a two-thread ring benchmark, in plain JS so it runs the built packages (dist/).
// workerData: { impl: 'ringflow' | 'ringbuf.js', role: 'producer' | 'consumer', sab or handle, block, blocks }
// Both implementations are driven the same way: retry the allocation-free write/read until it moves a
// block (every block has the same size and divides the capacity, so a call moves a whole block or
// nothing), and check each block's first and last value (a light verification that cannot be skipped).
import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer } from '@ringflow/core';
import { RingBuffer as RingbufJs } from 'ringbuf.js';

const { impl, role, block, blocks } = workerData;
let write, read;
if (impl === 'ringflow') {
  const ring = RingBuffer.attach(workerData.handle);
  write = (a) => ring.write(a);
  read = (a) => ring.read(a);
} else {
  const ring = new RingbufJs(workerData.sab, Float32Array);
  write = (a) => ring.push(a);
  read = (a) => ring.pop(a);
}

const data = new Float32Array(block);
parentPort.once('message', () => {
  let errors = 0;
  if (role === 'producer') {
    for (let b = 0; b < blocks; b++) {
      const tag = b % 16777216;
      data[0] = tag;
      data[block - 1] = tag;
      while (write(data) === 0);
    }
  } else {
    for (let b = 0; b < blocks; b++) {
      const tag = b % 16777216;
      while (read(data) === 0);
      if (data[0] !== tag || data[block - 1] !== tag) errors++;
    }
  }
  parentPort.postMessage({ errors });
});
parentPort.postMessage('ready');
