// Offload benchmarks, each against a baseline measured in the same process:
// - throughput: an identity stage through offload (fresh arrays, and `reuse`), and the message
//   transport, against the raw one-hop ring (main thread -> worker, float32 blocks, 65 536
//   elements, each block's first and last value checked);
// - two heavy stages (a 256-tap FIR twice) on two workers (pipeline) against a hand-written loop
//   running the same two kernels on one thread;
// - the round trip of one 128-sample chunk main -> worker -> main, ring against message transport.
//
//   npm run bench -- offload      (or: node --import tsx workers/bench/offload.bench.ts [--only=throughput|pipeline|latency])
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { Subject, type OperatorFunction } from 'rxjs';
import { RingBuffer } from '@ringflow/core';
import { liveWorkerCount, offload, pipeline } from '@ringflow/workers';
import { machine, median, rate, repeat, table } from '@ringflow/tools/bench-kit';
import { TAPS, createFir } from './stages/kernels.js';
import type { identityStage } from './stages/identity-stage.js';

const stage = (name: string): URL => new URL(`./stages/${name}.ts`, import.meta.url);
const RUNS = 5;

/** Chunks of `chunkLength` samples, chunk k filled with k % 1000 (what the checks expect). */
function makeChunks(chunkLength: number, total: number): Float32Array[] {
  return Array.from({ length: Math.ceil(total / chunkLength) }, (_, c) => new Float32Array(chunkLength).fill(c % 1000));
}

/** A running operator fed by a Subject: `batch(chunks)` sends them and resolves (elapsed ms) once as many arrived. */
function session(operator: OperatorFunction<Float32Array, Float32Array>, check = false) {
  const source = new Subject<Float32Array>();
  let onOutput: ((chunk: Float32Array) => void) | undefined;
  let failure: unknown;
  const done = new Promise<void>((resolve, reject) =>
    source.pipe(operator).subscribe({
      next: (chunk) => onOutput?.(chunk),
      error: (e: unknown) => {
        failure = e;
        reject(e);
      },
      complete: resolve,
    }),
  );
  done.catch(() => undefined);
  const batch = (chunks: readonly Float32Array[]): Promise<number> =>
    new Promise((resolve, reject) => {
      if (failure !== undefined) reject(failure);
      let seen = 0;
      const t0 = performance.now();
      onOutput = (chunk) => {
        if (check && (chunk[0] !== seen % 1000 || chunk[chunk.length - 1] !== seen % 1000)) reject(new Error(`chunk ${seen} arrived wrong`));
        if (++seen === chunks.length) resolve(performance.now() - t0);
      };
      for (const c of chunks) source.next(c);
    });
  const close = async (): Promise<void> => {
    source.complete();
    await done;
  };
  return { batch, close };
}

/** The raw one-hop ring: two threads moving `chunks.length` blocks of the same size through a 65 536-element ring. */
async function rawRing(chunks: readonly Float32Array[]): Promise<number> {
  const ring = new RingBuffer({ format: 'f', capacity: 65_536 });
  const side = (role: string): Worker =>
    new Worker(new URL('./workers/ring-side.mjs', import.meta.url), { workerData: { role, handle: ring.handle, block: chunks[0]!.length, blocks: chunks.length } });
  const [producer, consumer] = [side('producer'), side('consumer')];
  await Promise.all([once(producer, 'message'), once(consumer, 'message')]);
  const done = once(consumer, 'message') as Promise<[{ errors: number }]>;
  const t0 = performance.now();
  producer.postMessage('go');
  consumer.postMessage('go');
  const [{ errors }] = await done;
  const ms = performance.now() - t0;
  await Promise.all([producer.terminate(), consumer.terminate()]);
  if (errors !== 0) throw new Error(`raw ring: ${errors} blocks arrived wrong`);
  return ms;
}

async function throughput(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const chunkLength of [128, 1024]) {
    const chunks = makeChunks(chunkLength, chunkLength === 128 ? 2 ** 20 : 2 ** 22);
    const samples = chunks.length * chunkLength;
    // The baseline moves 16x the samples (it is that much faster), reported per sample.
    const rawChunks = makeChunks(chunkLength, 16 * samples);
    const base = (median(await repeat(RUNS, () => rawRing(rawChunks))) * samples) / (16 * samples);
    const measured: [string, number][] = [['raw one-hop ring (two threads, the ceiling)', base]];
    const variants: [string, OperatorFunction<Float32Array, Float32Array>][] = [
      ['offload identity, ring, fresh arrays', offload<typeof identityStage>(stage('identity-stage'), { transport: 'ring' })],
      ['offload identity, ring, reuse', offload<typeof identityStage>(stage('pooled-identity-stage'), { transport: 'ring', reuse: true })],
      ['offload identity, message', offload<typeof identityStage>(stage('identity-stage'), { transport: 'message' })],
    ];
    for (const [name, operator] of variants) {
      const s = session(operator, true);
      await s.batch(chunks.slice(0, 2048));
      measured.push([name, median(await repeat(RUNS, () => s.batch(chunks)))]);
      await s.close();
    }
    for (const [name, ms] of measured) {
      rows.push({
        chunk: chunkLength,
        path: name,
        'chunks/s': rate((chunks.length / ms) * 1000),
        'samples/s': rate((samples / ms) * 1000),
        'vs raw ring': (base / ms).toFixed(2),
      });
    }
  }
  table('Offload throughput (identity stage, float32; ratio of samples/s to the raw one-hop ring)', rows);
}

/** The two kernels by hand on this thread: no RxJS, no hop. */
function handLoop(chunks: readonly Float32Array[]): number {
  const first = createFir(TAPS);
  const second = createFir(TAPS);
  const t0 = performance.now();
  let sink = 0;
  for (const chunk of chunks) sink += second(first(chunk))[0]!;
  if (Number.isNaN(sink)) console.log('');
  return performance.now() - t0;
}

async function twoHeavyStages(): Promise<void> {
  const chunks = makeChunks(1024, 2 ** 17);
  const samples = chunks.length * 1024;
  const base = median(await repeat(3, () => handLoop(chunks), 1));
  const rows: Record<string, string | number>[] = [{ path: 'both FIRs by hand, one thread (main)', 'samples/s': rate((samples / base) * 1000), speed: '1.00x' }];
  const variants: [string, OperatorFunction<Float32Array, Float32Array>][] = [
    ['both FIRs in one worker (offload)', offload<typeof identityStage>(stage('fir-twice-stage'))],
    ['one FIR per worker (pipeline)', pipeline<Float32Array, Float32Array>(stage('fir-stage'), stage('fir-stage'))],
  ];
  for (const [name, operator] of variants) {
    const s = session(operator);
    await s.batch(chunks.slice(0, 16));
    const ms = median(await repeat(3, () => s.batch(chunks), 0));
    await s.close();
    rows.push({ path: name, 'samples/s': rate((samples / ms) * 1000), speed: `${(base / ms).toFixed(2)}x` });
  }
  table('Two heavy stages (256-tap FIR twice, 1024-sample chunks) against a hand-written one-thread loop', rows);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Round trips of `chunk` through two bare rings and a worker that echoes with popAsync + write. */
async function ringEcho(chunk: Float32Array, rounds: number): Promise<number[]> {
  const there = new RingBuffer({ format: 'f', capacity: 4096 });
  const back = new RingBuffer({ format: 'f', capacity: 4096 });
  const echo = new Worker(
    `import('@ringflow/core').then(async ({ RingBuffer }) => {
      const { workerData } = require('node:worker_threads');
      const there = RingBuffer.attach(workerData.there);
      const back = RingBuffer.attach(workerData.back);
      for (let c; (c = await there.popAsync(4096, { spinMicros: 50 })) !== null; ) back.write(c);
    });`,
    { eval: true, workerData: { there: there.handle, back: back.handle } },
  );
  const times: number[] = [];
  for (let i = 0; i < rounds + 200; i++) {
    const t0 = performance.now();
    there.write(chunk);
    if ((await back.popAsync(4096)) === null) throw new Error('echo worker ended');
    if (i >= 200) times.push(performance.now() - t0);
  }
  there.close();
  await echo.terminate();
  return times;
}

async function latency(): Promise<void> {
  const chunk = new Float32Array(128).fill(1);
  const rounds = 2000;
  const results: [string, number[]][] = [];
  const configs: [string, { transport: 'ring' | 'message'; spinMicros?: number }][] = [
    ['offload, ring (worker polls 50 µs, default)', { transport: 'ring' }],
    ['offload, ring (spinMicros 0)', { transport: 'ring', spinMicros: 0 }],
    ['offload, message', { transport: 'message' }],
  ];
  for (const [name, options] of configs) {
    const s = session(offload<typeof identityStage>(stage('gain-stage'), options));
    for (let i = 0; i < 200; i++) await s.batch([chunk]);
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push(await s.batch([chunk]));
    await s.close();
    results.push([name, times]);
  }
  results.push(['bare ring echo, worker polls 50 µs (primitive)', await ringEcho(chunk, rounds)]);
  const echo = new Worker("const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m, [m.buffer]));", { eval: true });
  const times: number[] = [];
  let buffer = new Float32Array(new ArrayBuffer(512));
  for (let i = 0; i < rounds + 200; i++) {
    const t0 = performance.now();
    buffer = await new Promise<Float32Array<ArrayBuffer>>((resolve) => {
      echo.once('message', resolve);
      echo.postMessage(buffer, [buffer.buffer]);
    });
    if (i >= 200) times.push(performance.now() - t0);
  }
  await echo.terminate();
  results.push(['bare postMessage echo (peer)', times]);
  const base = median(results.find(([name]) => name === 'offload, message')![1]);
  const rows = results.map(([name, t]) => ({
    path: name,
    'median µs': (median(t) * 1000).toFixed(1),
    'p99 µs': (percentile(t, 99) * 1000).toFixed(1),
    'median vs offload message': (median(t) / base).toFixed(2),
  }));
  table('Round trip of one 128-sample chunk main -> worker -> main', rows);
}

console.log(`# @ringflow/workers offload benchmarks\n\n${await machine()}`);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (only === undefined || only === 'throughput') await throughput();
if (only === undefined || only === 'pipeline') await twoHeavyStages();
if (only === undefined || only === 'latency') await latency();
for (let i = 0; i < 100 && liveWorkerCount() !== 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
if (liveWorkerCount() !== 0) console.log(`\nwarning: ${liveWorkerCount()} workers still alive`);
