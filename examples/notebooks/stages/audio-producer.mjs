// An audio-rate producer for notebook 05, as an audio callback would behave: every 128 frames at
// 48 kHz (2.67 ms) it writes one block into the ring without ever waiting. A block that does not
// fit is dropped and counted as an overrun (in shared memory, so the main thread can read it).
// Sample 0 of each block is the wall-clock time it was produced (ms), sample 1 its block number.
import { workerData } from 'node:worker_threads';
import { RingBuffer } from '@ringflow/core';

const { handle, counters, blocks, blockSize, sampleRate } = workerData;
const ring = RingBuffer.attach(handle);
const stats = new Int32Array(counters); // [blocks written, overruns]
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const period = (blockSize / sampleRate) * 1000; // ms
const block = new Float64Array(blockSize);
const start = performance.now();
for (let n = 0; n < blocks; n++) {
  const wait = start + n * period - performance.now();
  if (wait > 0) Atomics.wait(sleeper, 0, 0, wait); // sleep until this block's deadline
  block[0] = performance.timeOrigin + performance.now();
  block[1] = n;
  if (ring.writeAvailable >= blockSize) {
    ring.write(block); // realtime-safe: a copy and one atomic store, no allocation
    Atomics.add(stats, 0, 1);
  } else {
    Atomics.add(stats, 1, 1); // overrun: the consumer fell behind, this block is lost
  }
}
ring.close();
