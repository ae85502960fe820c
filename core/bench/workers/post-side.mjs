// One side of the postMessage benchmark: blocks of Float32 samples sent over a MessagePort,
// either structured-cloned (the same array each time) or transferred (a fresh array each time).
import { parentPort, workerData } from 'node:worker_threads';

const { role, block, blocks, mode, port } = workerData;
parentPort.once('message', () => {
  if (role === 'producer') {
    const reused = new Float32Array(block);
    for (let b = 0; b < blocks; b++) {
      const tag = b % 16777216;
      if (mode === 'transfer') {
        const data = new Float32Array(block);
        data[0] = tag;
        data[block - 1] = tag;
        port.postMessage(data, [data.buffer]);
      } else {
        reused[0] = tag;
        reused[block - 1] = tag;
        port.postMessage(reused);
      }
    }
  } else {
    let b = 0;
    let errors = 0;
    port.on('message', (data) => {
      const tag = b % 16777216;
      if (data[0] !== tag || data[block - 1] !== tag) errors++;
      if (++b === blocks) {
        port.close();
        parentPort.postMessage({ errors });
      }
    });
  }
});
parentPort.postMessage('ready');
