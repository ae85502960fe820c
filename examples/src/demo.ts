// ringflow demo: a worker thread streams a generated signal to the main thread through a
// lock-free SharedArrayBuffer ring. The main thread awaits chunks (no spinning), checks every
// sample against the signal it expects, and prints throughput and what was lost (nothing).
//
//   npm start
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { RingBuffer } from '@ringflow/core';
import { SAMPLE_RATE, fillSignal } from './signal.js';

const total = Number(process.env.DEMO_SAMPLES ?? 100_000_000);
const block = 4096;
const ring = new RingBuffer({ format: 'f', capacity: 1 << 16 });

const worker = new Worker(new URL('../../scripts/ts-worker.mjs', import.meta.url), {
  workerData: { entry: new URL('./demo-producer.ts', import.meta.url).href, handle: ring.handle, total, block },
  execArgv: ['--conditions=@ringflow/source'],
});
worker.on('error', (error) => {
  console.error('producer failed:', error);
  process.exitCode = 1;
});

console.log(`ringflow demo: streaming ${(total / 1e6).toFixed(0)} M float32 samples (${(total / SAMPLE_RATE / 60).toFixed(1)} min of 48 kHz audio)`);
console.log(`worker thread -> RingBuffer(${ring.format}, capacity ${ring.capacity}) -> main thread (popAsync)\n`);

const start = performance.now();
const expected = new Float32Array(16_384);
let received = 0;
let mismatches = 0;
let chunks = 0;
let peak = 0;
for (;;) {
  const chunk = await ring.popAsync(expected.length);
  if (chunk === null) break;
  const want = expected.subarray(0, chunk.length);
  fillSignal(want, received);
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] !== want[i]) mismatches++;
    const a = Math.abs(chunk[i]!);
    if (a > peak) peak = a;
  }
  received += chunk.length;
  chunks++;
}
const seconds = (performance.now() - start) / 1000;
await once(worker, 'exit');

const lost = total - received;
console.log(`received   ${received} samples in ${chunks} chunks, ${seconds.toFixed(2)} s`);
console.log(`throughput ${(received / seconds / 1e6).toFixed(1)} M samples/s (${(received / SAMPLE_RATE / seconds).toFixed(0)}x realtime at 48 kHz, checking every sample)`);
console.log(`peak       ${peak.toFixed(4)}`);
console.log(`lost ${lost}, corrupted ${mismatches}, ring closed ${ring.closed}`);
if (lost !== 0 || mismatches !== 0) {
  console.error('FAILED: the stream did not arrive intact');
  process.exitCode = 1;
} else {
  console.log('OK: every sample arrived once, in order, bit-exact');
}
