// Two-thread throughput of ringflow's ring vs ringbuf.js and vs postMessage, the single-thread
// copy limit, and the allocation check of write/read. Runs the built packages (dist/).
//   npm run bench            (all packages)
//   node --expose-gc --import tsx core/bench/ring.bench.ts [--only=throughput|allocation]
import { once } from 'node:events';
import { PerformanceObserver } from 'node:perf_hooks';
import { MessageChannel, Worker, type TransferListItem } from 'node:worker_threads';
import { RingBuffer, resolveFormat, type FormatName } from '@ringflow/core';
import { RingBuffer as RingbufJs } from 'ringbuf.js';
import { machine, median, rate, repeat, table } from '../../scripts/bench-kit.js';

const CAPACITY = 65_536;
const SAMPLES = 64 * 2 ** 20; // per run and block size
const RUNS = 5;
const ringSide = new URL('./workers/ring-side.mjs', import.meta.url);
const postSide = new URL('./workers/post-side.mjs', import.meta.url);

async function ready(worker: Worker): Promise<void> {
  const [message] = await once(worker, 'message');
  if (message !== 'ready') throw new Error(`unexpected ${String(message)}`);
}

/** Runs producer and consumer workers, returns samples/s measured from "go" to the consumer's "done". */
async function twoThreads(file: URL, producerData: object, consumerData: object, transfer: TransferListItem[] = []): Promise<number> {
  const producer = new Worker(file, { workerData: { role: 'producer', ...producerData }, transferList: transfer.slice(0, 1) });
  const consumer = new Worker(file, { workerData: { role: 'consumer', ...consumerData }, transferList: transfer.slice(1) });
  await Promise.all([ready(producer), ready(consumer)]);
  const done = once(consumer, 'message');
  const start = performance.now();
  producer.postMessage('go');
  consumer.postMessage('go');
  const [result] = (await done) as [{ errors: number }];
  const seconds = (performance.now() - start) / 1000;
  await Promise.all([producer.terminate(), consumer.terminate()]);
  if (result.errors !== 0) throw new Error(`${file.pathname}: ${result.errors} blocks arrived wrong`);
  return seconds;
}

async function ringflowRun(block: number): Promise<number> {
  const ring = new RingBuffer({ format: 'f', capacity: CAPACITY });
  const data = { impl: 'ringflow', handle: ring.handle, block, blocks: SAMPLES / block };
  return SAMPLES / (await twoThreads(ringSide, data, data));
}

async function ringbufJsRun(block: number): Promise<number> {
  const sab = RingbufJs.getStorageForCapacity(CAPACITY, Float32Array);
  const data = { impl: 'ringbuf.js', sab, block, blocks: SAMPLES / block };
  return SAMPLES / (await twoThreads(ringSide, data, data));
}

async function postMessageRun(block: number, mode: 'clone' | 'transfer'): Promise<number> {
  const blocks = Math.min(SAMPLES / block, 200_000);
  const { port1, port2 } = new MessageChannel();
  const seconds = await twoThreads(
    postSide,
    { mode, block, blocks, port: port1 },
    { mode, block, blocks, port: port2 },
    [port1, port2],
  );
  return (blocks * block) / seconds;
}

/**
 * One thread doing write + read pairs: the ring's own per-call cost, without cross-core traffic.
 * One loop per implementation, calling the methods directly: a shared call site would turn
 * polymorphic and slow down whichever ran second.
 */
function singleThread(block: number, impl: 'ringflow' | 'ringbuf.js'): number {
  const src = new Float32Array(block);
  const dst = new Float32Array(block);
  const pairs = SAMPLES / block / 4;
  const start = performance.now();
  if (impl === 'ringflow') {
    const ring = new RingBuffer({ format: 'f', capacity: CAPACITY });
    for (let i = 0; i < pairs; i++) {
      ring.write(src);
      ring.read(dst);
    }
  } else {
    const ring = new RingbufJs(RingbufJs.getStorageForCapacity(CAPACITY, Float32Array), Float32Array);
    for (let i = 0; i < pairs; i++) {
      ring.push(src);
      ring.pop(dst);
    }
  }
  return (pairs * block) / ((performance.now() - start) / 1000);
}

function copyLimit(block: number): number {
  const store = new Float32Array(CAPACITY);
  const src = new Float32Array(block);
  const views = Array.from({ length: CAPACITY / block }, (_, i) => store.subarray(i * block, (i + 1) * block));
  const dst = new Float32Array(block);
  const blocks = SAMPLES / block;
  const start = performance.now();
  for (let b = 0, slot = 0; b < blocks; b++) {
    store.set(src, slot * block);
    dst.set(views[slot]!);
    if (++slot === views.length) slot = 0;
  }
  return SAMPLES / ((performance.now() - start) / 1000);
}

async function throughput(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  // The one-thread rows first, in a fresh process: they measure each ring's own per-call cost.
  const alone = new Map<number, [number, number]>();
  for (const block of [128, 1024]) {
    alone.set(block, [
      median(await repeat(RUNS, () => singleThread(block, 'ringflow'))),
      median(await repeat(RUNS, () => singleThread(block, 'ringbuf.js'))),
    ]);
  }
  for (const block of [128, 1024]) {
    const ours = median(await repeat(RUNS, () => ringflowRun(block)));
    const peer = median(await repeat(RUNS, () => ringbufJsRun(block)));
    const clone = median(await repeat(RUNS, () => postMessageRun(block, 'clone')));
    const transfer = median(await repeat(RUNS, () => postMessageRun(block, 'transfer')));
    const copy = median(await repeat(RUNS, () => copyLimit(block)));
    const [oursOne, peerOne] = alone.get(block)!;
    rows.push(
      { block, path: 'ringflow RingBuffer (2 threads)', samples: rate(ours), chunks: rate(ours / block), 'ringflow / this': '1.00' },
      { block, path: 'ringbuf.js 0.4.0 (2 threads)', samples: rate(peer), chunks: rate(peer / block), 'ringflow / this': (ours / peer).toFixed(2) },
      { block, path: 'postMessage, structured clone', samples: rate(clone), chunks: rate(clone / block), 'ringflow / this': (ours / clone).toFixed(2) },
      { block, path: 'postMessage, transfer list', samples: rate(transfer), chunks: rate(transfer / block), 'ringflow / this': (ours / transfer).toFixed(2) },
      { block, path: 'set() in + out, 1 thread (copy limit)', samples: rate(copy), chunks: rate(copy / block), 'ringflow / this': (ours / copy).toFixed(2) },
      { block, path: 'ringflow write+read, 1 thread', samples: rate(oursOne), chunks: rate(oursOne / block), 'ringflow / this': '-' },
      { block, path: 'ringbuf.js push+pop, 1 thread', samples: rate(peerOne), chunks: rate(peerOne / block), 'ringflow / this': `${(oursOne / peerOne).toFixed(2)} (1 thread)` },
    );
  }
  table(`Float32 blocks through a ${CAPACITY}-element ring, median of ${RUNS} runs of ${SAMPLES / 2 ** 20} Mi samples`, rows);
}

async function allocation(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const rows: Record<string, string | number>[] = [];
  const formats: FormatName[] = ['b', 'B', 'h', 'H', 'i', 'I', 'f', 'd'];
  for (const format of formats) {
    for (const capacity of [CAPACITY, 1000]) {
      const ring = new RingBuffer({ format, capacity });
      const Type = resolveFormat(format).ArrayType as unknown as Float32ArrayConstructor;
      const src = new Type(128);
      const dst = new Type(128);
      for (let i = 0; i < 100_000; i++) {
        ring.write(src);
        ring.read(dst);
      }
      gc?.();
      let collections = 0;
      const observer = new PerformanceObserver((list) => void (collections += list.getEntries().length));
      observer.observe({ entryTypes: ['gc'] });
      const heapBefore = process.memoryUsage().heapUsed;
      for (let i = 0; i < 1_000_000; i++) {
        ring.write(src);
        ring.read(dst);
      }
      const heapAfter = process.memoryUsage().heapUsed;
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      rows.push({ format, capacity, calls: '1e6 write + 1e6 read', 'gc events': collections, 'heap delta (KiB)': ((heapAfter - heapBefore) / 1024).toFixed(1) });
    }
  }
  table(`Allocation: 128-element write/read pairs${gc ? '' : ' (run with --expose-gc for a clean start)'}`, rows);
}

console.log(`# core: ring benchmarks\n\n${await machine()}`);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (only === undefined || only === 'throughput') await throughput();
if (only === undefined || only === 'allocation') await allocation();
