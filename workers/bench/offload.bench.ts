// Offload benchmarks: throughput (in-thread vs ring vs message transport), two heavy stages on two
// workers (pipeline) vs one thread, and the round-trip latency of one 128-sample chunk.
//
//   npm run bench -- offload      (or: node --import tsx workers/bench/offload.bench.ts after a build)
//
// Prints Markdown tables of medians over several runs, with ratios to a baseline measured in the
// same process.
import { Worker } from 'node:worker_threads';
import { Subject, from, lastValueFrom, type OperatorFunction } from 'rxjs';
import { RingBuffer } from '@ringflow/core';
import { liveWorkerCount, offload, pipeline, type Chunk } from '@ringflow/workers';
import { machine, median, rate, repeat, table } from '../../scripts/bench-kit.js';
import { TAPS, firChain, gainChain } from './stages/kernels.js';

const stage = (name: string): URL => new URL(`./stages/${name}.ts`, import.meta.url);

function makeChunks(chunkLength: number, total: number): Float32Array[] {
  return Array.from({ length: Math.ceil(total / chunkLength) }, (_, c) => Float32Array.from({ length: chunkLength }, (_, i) => Math.sin(c * chunkLength + i)));
}

/** A running operator instance fed by a Subject: measures a batch once the worker is warm. */
async function session(operator: OperatorFunction<Chunk, Chunk>) {
  const source = new Subject<Chunk>();
  let onOutput: (() => void) | undefined;
  let failure: unknown;
  const done = new Promise<void>((resolve, reject) =>
    source.pipe(operator).subscribe({
      next: () => onOutput?.(),
      error: (e: unknown) => {
        failure = e;
        reject(e);
      },
      complete: resolve,
    }),
  );
  done.catch(() => undefined);
  /** Sends `chunks`, resolves when as many outputs arrived; returns elapsed ms. */
  const batch = (chunks: readonly Chunk[]): Promise<number> =>
    new Promise((resolve, reject) => {
      if (failure !== undefined) reject(failure);
      let left = chunks.length;
      const t0 = performance.now();
      onOutput = () => {
        if (--left === 0) resolve(performance.now() - t0);
      };
      for (const c of chunks) source.next(c);
    });
  const close = async (): Promise<void> => {
    source.complete();
    await done;
  };
  return { batch, close };
}

async function inThread(operator: OperatorFunction<Chunk, Chunk>, chunks: readonly Chunk[]): Promise<number> {
  const t0 = performance.now();
  await lastValueFrom(from(chunks).pipe(operator), { defaultValue: undefined });
  return performance.now() - t0;
}

async function throughput(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  for (const chunkLength of [128, 1024]) {
    const chunks = makeChunks(chunkLength, chunkLength === 128 ? 2 ** 19 : 2 ** 21);
    const samples = chunks.length * chunkLength;
    const base = median(await repeat(5, () => inThread(gainChain(), chunks)));
    const measured: [string, number][] = [['in-thread (rxjs map)', base]];
    for (const transport of ['ring', 'message'] as const) {
      const s = await session(offload(stage('gain-stage'), { transport }));
      await s.batch(chunks.slice(0, 64));
      measured.push([`offload, ${transport}`, median(await repeat(5, () => s.batch(chunks)))]);
      await s.close();
    }
    for (const [name, ms] of measured) {
      rows.push({
        chunk: chunkLength,
        path: name,
        'chunks/s': rate((chunks.length / ms) * 1000),
        'samples/s': rate((samples / ms) * 1000),
        'time vs in-thread': (ms / base).toFixed(2),
      });
    }
  }
  table('Offload throughput (gain stage, float32)', rows);
}

async function twoHeavyStages(): Promise<void> {
  const chunks = makeChunks(1024, 2 ** 17);
  const samples = chunks.length * 1024;
  const base = median(await repeat(3, () => inThread((s) => s.pipe(firChain(TAPS), firChain(TAPS)), chunks), 0));
  const rows: Record<string, string | number>[] = [{ path: 'both FIRs in-thread (main)', 'samples/s': rate((samples / base) * 1000), speed: '1.00x' }];
  const variants: [string, OperatorFunction<Chunk, Chunk>][] = [
    ['both FIRs in one worker (offload)', offload(stage('fir-twice-stage'))],
    ['one FIR per worker (pipeline)', pipeline(stage('fir-stage'), stage('fir-stage'))],
  ];
  for (const [name, operator] of variants) {
    const s = await session(operator);
    await s.batch(chunks.slice(0, 16));
    const ms = median(await repeat(3, () => s.batch(chunks), 0));
    await s.close();
    rows.push({ path: name, 'samples/s': rate((samples / ms) * 1000), speed: `${(base / ms).toFixed(2)}x` });
  }
  table('Two heavy stages (256-tap FIR twice, 1024-sample chunks)', rows);
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
  const rows: Record<string, string | number>[] = [];
  const results: [string, number[]][] = [];
  const configs: [string, { transport: 'ring' | 'message'; spinMicros?: number }][] = [
    ['offload, ring (worker polls 50 µs, default)', { transport: 'ring' }],
    ['offload, ring (spinMicros 0)', { transport: 'ring', spinMicros: 0 }],
    ['offload, message', { transport: 'message' }],
  ];
  for (const [name, options] of configs) {
    const s = await session(offload(stage('gain-stage'), options));
    for (let i = 0; i < 200; i++) await s.batch([chunk]);
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) times.push(await s.batch([chunk]));
    await s.close();
    results.push([name, times]);
  }
  // The primitive underneath: a worker echoing through two bare rings (popAsync polling 50 µs), no RxJS.
  results.push(['bare ring echo, worker polls 50 µs (primitive)', await ringEcho(chunk, rounds)]);
  // Peer: a bare worker echoing a transferred buffer with postMessage (no RxJS, no framing).
  const echo = new Worker(
    "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m, [m.buffer]));",
    { eval: true },
  );
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
  for (const [name, t] of results) {
    rows.push({
      path: name,
      'median µs': (median(t) * 1000).toFixed(1),
      'p99 µs': (percentile(t, 99) * 1000).toFixed(1),
      'median vs offload message': (median(t) / base).toFixed(2),
    });
  }
  table('Round trip of one 128-sample chunk main -> worker -> main', rows);
}

console.log(`# @ringflow/workers offload benchmarks\n\n${await machine()}`);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (only === undefined || only === 'throughput') await throughput();
if (only === undefined || only === 'pipeline') await twoHeavyStages();
if (only === undefined || only === 'latency') await latency();
if (liveWorkerCount() !== 0) console.log(`\nwarning: ${liveWorkerCount()} workers still alive`);
