// ringflow demo, in two parts.
// 1. A worker thread streams a generated signal to the main thread through a lock-free
//    SharedArrayBuffer ring. The main thread awaits chunks (no spinning), checks every sample
//    against the signal it expects, and prints throughput and what was lost (nothing).
// 2. A DSP pipeline: a 100 Hz -> 12 kHz chirp goes through a high-pass filter and a spectrogram
//    that run on a worker (offload), and the main thread follows the chirp's frequency.
//
//   npm start
import { once } from 'node:events';
import { lastValueFrom, map, toArray } from 'rxjs';
import { RingBuffer } from '@ringflow/core';
import { chirp } from '@ringflow/operators';
import { offload } from '@ringflow/workers';
import { startWorker } from '@ringflow/workers/node';
import type { spectrumStage } from './spectrum-stage.js';
import { SAMPLE_RATE, fillSignal } from './signal.js';

const total = Number(process.env.DEMO_SAMPLES ?? 100_000_000);
const block = 4096;
const ring = new RingBuffer({ format: 'f', capacity: 1 << 16 });

// `.js`, as an import would say: under tsx startWorker runs demo-producer.ts (registering tsx in
// the worker), and the compiled demo-producer.js once built.
const worker = startWorker(new URL('./demo-producer.js', import.meta.url), {
  workerData: { handle: ring.handle, total, block },
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

// ---- 2. a pipeline across threads -------------------------------------------------------------
const seconds2 = 4;
const f0 = 100;
const f1 = 12_000;
console.log(`\npipeline: chirp ${f0} Hz -> ${f1 / 1000} kHz over ${seconds2} s  ->  [worker: high-pass, 2048-point spectrogram]  ->  peak frequency`);
const binHz = SAMPLE_RATE / 2048;
const peaks = await lastValueFrom(
  chirp({ f0, f1, duration: seconds2, sampleRate: SAMPLE_RATE, chunkSize: 480, format: 'float32' }).pipe(
    offload<typeof spectrumStage>(new URL('./spectrum-stage.ts', import.meta.url)),
    map((spectrum) => {
      let best = 0;
      for (let k = 1; k < spectrum.length; k++) if (spectrum[k]! > spectrum[best]!) best = k;
      return best * binHz;
    }),
    toArray(),
  ),
);
let worst = 0;
peaks.forEach((hz, frame) => {
  // The frame's centre time, and the chirp's frequency there (linear sweep).
  const t = (frame * 1024 + 1024) / SAMPLE_RATE;
  const expected = f0 + ((f1 - f0) * t) / seconds2;
  worst = Math.max(worst, Math.abs(hz - expected));
  if (frame % 30 === 0) console.log(`  t = ${t.toFixed(2)} s   peak ${hz.toFixed(0).padStart(6)} Hz   (chirp ${expected.toFixed(0).padStart(6)} Hz)`);
});
console.log(`${peaks.length} spectra; the peak follows the chirp within ${worst.toFixed(0)} Hz (a bin is ${binHz.toFixed(1)} Hz)`);
if (worst > 4 * binHz) {
  console.error('FAILED: the spectrogram did not follow the chirp');
  process.exitCode = 1;
}
