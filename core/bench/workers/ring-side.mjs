// One side of a two-thread ring benchmark, in plain JS so it runs the built packages (dist/).
// workerData: { impl: 'ringflow' | 'ringbuf.js', role: 'producer' | 'consumer', sab or handle, block, blocks }
// Both implementations are driven the same way: wait (spin) until a whole block fits / is there,
// copy it, and check each block's first and last value (a light verification that cannot be skipped).
import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer } from '@ringflow/core';
import { RingBuffer as RingbufJs } from 'ringbuf.js';

const { impl, role, block, blocks } = workerData;
let canWrite, canRead, write, read;
if (impl === 'ringflow') {
  const ring = RingBuffer.attach(workerData.handle);
  canWrite = () => ring.writeAvailable >= block;
  canRead = () => ring.readAvailable >= block;
  write = (a) => ring.write(a);
  read = (a) => ring.read(a);
} else {
  const ring = new RingbufJs(workerData.sab, Float32Array);
  canWrite = () => ring.available_write() >= block;
  canRead = () => ring.available_read() >= block;
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
      while (!canWrite());
      write(data);
    }
  } else {
    for (let b = 0; b < blocks; b++) {
      const tag = b % 16777216;
      while (!canRead());
      read(data);
      if (data[0] !== tag || data[block - 1] !== tag) errors++;
    }
  }
  parentPort.postMessage({ errors });
});
parentPort.postMessage('ready');
