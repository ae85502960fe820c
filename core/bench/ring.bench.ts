// Two-thread throughput of ringflow's ring against the lean JS ring (the JS ceiling), boost's C++
// spsc_queue, ringbuf.js and postMessage; the single-thread per-call cost; the allocation check of
// write/read. Runs the built packages (dist/).
//   npm run bench -- ring       (builds first)
//   node --expose-gc --import tsx core/bench/ring.bench.ts [--only=throughput|allocation]
// Instruction counts per write + read pair (callgrind): node core/bench/instructions.mjs 128
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MessageChannel, Worker, type TransferListItem } from 'node:worker_threads';
import { RingBuffer, resolveFormat, type FormatName } from '@ringflow/core';
import { RingBuffer as RingbufJs } from 'ringbuf.js';
import { machine, median, rate, table } from '@ringflow/tools/bench-kit';
import { LeanRing } from './lean-ring.mjs';

const CAPACITY = 65_536;
const SAMPLES = 64 * 2 ** 20; // per run and block size
/** Rounds per measurement (`--runs=N` overrides); `--paths=a,b` keeps only the two-thread paths whose names contain a or b. */
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
const PATHS = process.argv.find((a) => a.startsWith('--paths='))?.slice(8).split(',');
/** Block sizes (`--blocks=128,1024`). */
const BLOCKS = (process.argv.find((a) => a.startsWith('--blocks='))?.slice(9) ?? '128,1024').split(',').map(Number);
const ringSide = new URL('./workers/ring-side.mjs', import.meta.url);
const postSide = new URL('./workers/post-side.mjs', import.meta.url);

async function ready(worker: Worker): Promise<void> {
  const [message] = await once(worker, 'message');
  if (message !== 'ready') throw new Error(`unexpected ${String(message)}`);
}

/** Runs producer and consumer workers, returns seconds from "go" to the consumer's "done". */
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

/** A two-thread JS ring run: samples/s. */
async function jsRing(impl: 'ringflow' | 'ringflow-blocks' | 'lean' | 'ringbuf.js', block: number): Promise<number> {
  let data: object;
  if (impl === 'ringflow' || impl === 'ringflow-blocks') data = { handle: new RingBuffer({ format: 'f', capacity: CAPACITY }).handle };
  else if (impl === 'lean') data = { sab: LeanRing.storage(CAPACITY), capacity: CAPACITY };
  else data = { sab: RingbufJs.getStorageForCapacity(CAPACITY, Float32Array) };
  const job = { impl, block, blocks: SAMPLES / block, ...data };
  return SAMPLES / (await twoThreads(ringSide, job, job));
}

// ---- boost::lockfree::spsc_queue, built here ---------------------------------------------------

const boostSource = fileURLToPath(new URL('./boost/spsc-queue.cpp', import.meta.url));

/** Compiles the boost program (cached by source hash); the binary's path, or why it is not there. */
function buildBoost(): { binary: string } | { missing: string } {
  if (!existsSync('/usr/include/boost/lockfree/spsc_queue.hpp')) {
    return { missing: "boost's headers are not installed (Debian: apt-get install -y --no-install-recommends libboost-dev)" };
  }
  const source = readFileSync(boostSource);
  const dir = join(tmpdir(), 'ringflow-bench');
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, `spsc-queue-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`);
  if (existsSync(binary)) return { binary };
  const built = spawnSync('g++', ['-O2', '-std=c++17', '-pthread', '-o', binary, boostSource], { encoding: 'utf8' });
  if (built.error !== undefined) return { missing: `g++ is not available (${built.error.message}; Debian: apt-get install -y --no-install-recommends g++)` };
  if (built.status !== 0) return { missing: `g++ failed: ${built.stderr.trim().split('\n')[0]}` };
  return { binary };
}

async function boostRun(binary: string, block: number, mode: 'block' | 'batch'): Promise<number> {
  const { stdout } = await promisify(execFile)(binary, [String(block), String(SAMPLES / block), String(CAPACITY), mode]);
  const result = JSON.parse(stdout) as { seconds: number; errors: number };
  if (result.errors !== 0) throw new Error(`boost: ${result.errors} blocks arrived wrong`);
  return SAMPLES / result.seconds;
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
function singleThread(block: number, impl: 'ringflow' | 'lean' | 'ringbuf.js'): number {
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
  } else if (impl === 'lean') {
    const ring = new LeanRing(LeanRing.storage(CAPACITY), CAPACITY);
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

interface Path {
  readonly name: string;
  readonly run: (block: number) => Promise<number> | number;
}

/** Runs every path once per round, in a rotating order, for RUNS rounds (after one warm-up round): rates by path, per round. */
/** The highest 1-minute load average seen at the start of a round (above the core count, two-thread rows measure the scheduler). */
let peakLoad = loadavg()[0]!;

async function rounds(paths: readonly Path[], block: number): Promise<Map<string, number[]>> {
  const rates = new Map<string, number[]>(paths.map((p) => [p.name, []]));
  for (let round = -1; round < RUNS; round++) {
    peakLoad = Math.max(peakLoad, loadavg()[0]!);
    for (let i = 0; i < paths.length; i++) {
      const path = paths[(i + Math.max(round, 0)) % paths.length]!;
      const value = await path.run(block);
      if (round >= 0) rates.get(path.name)!.push(value);
    }
  }
  return rates;
}

async function throughput(): Promise<void> {
  const boost = buildBoost();
  if ('missing' in boost) console.log(`\n(boost rows skipped: ${boost.missing})`);
  // The one-thread rows first, in a fresh process: they measure each ring's own per-call cost.
  const alone = new Map<number, Map<string, number[]>>();
  for (const block of BLOCKS) {
    alone.set(block, await rounds((['ringflow', 'lean', 'ringbuf.js'] as const).map((impl) => ({ name: impl, run: (b) => singleThread(b, impl) })), block));
  }
  const all: Path[] = [
    { name: 'ringflow RingBuffer write/read', run: (b) => jsRing('ringflow', b) },
    { name: 'ringflow, consumer readBlocks', run: (b) => jsRing('ringflow-blocks', b) },
    { name: 'lean JS ring (JS ceiling)', run: (b) => jsRing('lean', b) },
    ...('binary' in boost
      ? [
          { name: 'boost spsc_queue (C++), pop per block', run: (b: number) => boostRun(boost.binary, b, 'block') },
          { name: 'boost spsc_queue (C++), pop all there is', run: (b: number) => boostRun(boost.binary, b, 'batch') },
        ]
      : []),
    { name: 'ringbuf.js 0.4.0', run: (b) => jsRing('ringbuf.js', b) },
  ];
  const paths = all.filter((p, i) => i === 0 || PATHS === undefined || PATHS.some((name) => p.name.includes(name)));
  const rows: Record<string, string | number>[] = [];
  const targets: Record<string, string | number>[] = [];
  for (const block of BLOCKS) {
    peakLoad = loadavg()[0]!;
    const rates = await rounds(paths, block);
    const loaded = peakLoad > availableParallelism();
    const clone = median(await repeatRuns(() => postMessageRun(block, 'clone')));
    const transfer = median(await repeatRuns(() => postMessageRun(block, 'transfer')));
    const copy = median(await repeatRuns(() => copyLimit(block)));
    const ours = median(rates.get(paths[0]!.name)!);
    const row = (path: string, value: number, note = ''): void =>
      void rows.push({ block, path, samples: rate(value), chunks: rate(value / block), 'ringflow / this': value === ours ? '1.00' : `${(ours / value).toFixed(2)}${note}` });
    for (const p of paths) row(`${p.name} (2 threads)`, median(rates.get(p.name)!));
    row('postMessage, structured clone', clone);
    row('postMessage, transfer list', transfer);
    row('set() in + out, 1 thread (copy limit)', copy);
    const one = alone.get(block)!;
    for (const [impl, values] of one) rows.push({ block, path: `${impl} write+read, 1 thread`, samples: rate(median(values)), chunks: rate(median(values) / block), 'ringflow / this': `${(median(one.get('ringflow')!) / median(values)).toFixed(2)} (1 thread)` });
    // Each round's ratio, paired (both measured minutes apart at most): robust to the VM's slow episodes.
    const paired = (a: string, b: string): number[] => rates.get(a)!.map((v, i) => v / rates.get(b)![i]!);
    const target = (what: string, a: string, b: string, goal: number): void => {
      if (!rates.has(a) || !rates.has(b)) return;
      const ratios = paired(a, b);
      // The best round of each path is the one the other tenants of the machine disturbed least.
      const best = Math.max(...rates.get(a)!) / Math.max(...rates.get(b)!);
      targets.push({
        block,
        ratio: what,
        target: goal > 0 ? `>= ${goal.toFixed(2)}` : '-',
        'median of rounds': median(ratios).toFixed(2),
        range: `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`,
        'best / best': best.toFixed(2),
        // Both measures agree, or the run was too noisy to say.
        'load avg': peakLoad.toFixed(1),
        met:
          (goal <= 0 ? '-' : median(ratios) >= goal && best >= goal ? 'yes' : median(ratios) < goal && best < goal ? 'no' : 'unclear (noisy run)') +
          (loaded && goal > 0 ? `, unreliable (load above ${availableParallelism()} cores)` : ''),
      });
    };
    const [ringflow, blocks, lean, boostBlock] = [all[0]!.name, all[1]!.name, all[2]!.name, 'boost spsc_queue (C++), pop per block'];
    if (block === 128) {
      target('ringflow / lean', ringflow, lean, 0.9);
      target('ringflow / boost', ringflow, boostBlock, 1.0);
      target('readBlocks / boost', blocks, boostBlock, 1.2);
    } else {
      target('ringflow / lean', ringflow, lean, 0.95);
      target('ringflow / boost', ringflow, boostBlock, 0);
      target('readBlocks / boost', blocks, boostBlock, 0);
    }
  }
  table(`Float32 blocks through a ${CAPACITY}-element ring, two threads, median of ${RUNS} rounds of ${SAMPLES / 2 ** 20} Mi samples (paths in rotating order per round)`, rows);
  table('Targets: ratios per round (each round measures every path once): median and range over the rounds, and the ratio of the best rounds', targets);
}

/** RUNS runs of one measurement after a warm-up. */
async function repeatRuns(fn: () => Promise<number> | number): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await fn());
  return out;
}

/** GC events and heap growth over 1e6 rounds of `step` (after 1e5 unmeasured ones). */
async function collections(step: () => void): Promise<{ events: number; heapKiB: string }> {
  for (let i = 0; i < 100_000; i++) step();
  (globalThis as { gc?: () => void }).gc?.();
  let events = 0;
  const observer = new PerformanceObserver((list) => void (events += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1_000_000; i++) step();
  const heapAfter = process.memoryUsage().heapUsed;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { events, heapKiB: ((heapAfter - heapBefore) / 1024).toFixed(1) };
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
      const { events, heapKiB } = await collections(() => {
        ring.write(src);
        ring.read(dst);
      });
      rows.push({ format, capacity, calls: '1e6 write + 1e6 read', 'gc events': events, 'heap delta (KiB)': heapKiB });
    }
  }
  for (const capacity of [CAPACITY, 1000]) {
    // The batch consumer: two blocks in, every whole block out (positions drift over the 1000-element ring).
    const ring = new RingBuffer({ format: 'f', capacity });
    const src = new Float32Array(128);
    const batch = new Float32Array(capacity);
    const { events, heapKiB } = await collections(() => {
      ring.write(src);
      ring.write(src);
      ring.readBlocks(batch, 128);
    });
    rows.push({ format: 'f', capacity, calls: '2e6 write + 1e6 readBlocks', 'gc events': events, 'heap delta (KiB)': heapKiB });
  }
  table(`Allocation: 128-element write/read pairs${gc ? '' : ' (run with --expose-gc for a clean start)'}`, rows);
}

console.log(`# core: ring benchmarks\n\n${await machine()}; load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} at the start`);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (only === undefined || only === 'throughput') await throughput();
if (only === undefined || only === 'allocation') await allocation();
