// One side of the raw one-hop ring baseline, in plain JS over the built @ringflow/core: float32
// blocks through a ring, each side retrying its allocation-free write/read until a whole block
// moves (the block divides the capacity), each block's first and last value checked. The same
// measurement as core's ring benchmark: the ceiling a hop of ringflow's ring reaches.
// workerData: { role: 'producer' | 'consumer', handle, block, blocks }
import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer } from '@ringflow/core';

const { role, block, blocks } = workerData;
const ring = RingBuffer.attach(workerData.handle);
const data = new Float32Array(block);
parentPort.once('message', () => {
  let errors = 0;
  for (let b = 0; b < blocks; b++) {
    const tag = b % 1000;
    if (role === 'producer') {
      data[0] = tag;
      data[block - 1] = tag;
      while (ring.write(data) === 0);
    } else {
      while (ring.read(data) === 0);
      if (data[0] !== tag || data[block - 1] !== tag) errors++;
    }
  }
  parentPort.postMessage({ errors });
});
parentPort.postMessage('ready');
