// Operator overhead of a spectrogram chain, realtime factor, and steady-state allocation per chunk.
// Run from the repository root:
//
//   node --expose-gc --conditions=@ringflow/source --import tsx operators/bench/chain.bench.ts
//
// 1. The chain batch(1024) -> slidingWindow({ size: 1024, hop: 256, window: 'hann' }) -> fft() ->
//    magnitude() over 60 s of 48 kHz float32 audio arriving in chunks of 128, against a hand-written
//    loop that calls the same kernels (rfft, processMagnitude) on the same frames with preallocated
//    buffers. Each run times the loop and the chain back to back; the ratio column is the median
//    over runs of loop time / chain time (1 = no overhead; the target is >= 0.8).
// 2. Realtime factor: seconds of audio processed per second of CPU time (process.cpuUsage, one core).
// 3. Steady-state allocation per input chunk: after a warm-up, rounds of N chunks of 128 samples are
//    pushed through one operator (from a bare push source; the sink only reads the length); the
//    deltas of a round (process.memoryUsage(): heapUsed for JS objects, arrayBuffers for typed-array
//    backing stores, which V8 keeps off the JS heap above 64 bytes; gc() before, none inside) divided
//    by N, median over rounds, and the number of GCs during the rounds (a GC hides allocation from
//    the deltas, so it is reported too). Needs --expose-gc.
import { PerformanceObserver } from 'node:perf_hooks';
import { from, Observable, type OperatorFunction } from 'rxjs';
import { machine, median, rate, repeat, table } from '@ringflow/tools/bench-kit';
import { batch } from '../src/batch.js';
import { butter } from '../src/design/butter.js';
import { firwin } from '../src/design/firwin.js';
import { getWindow } from '../src/design/windows.js';
import { fft } from '../src/fft.js';
import { fir } from '../src/fir.js';
import { createFftPlan, rfft } from '../src/kernels/fft.js';
import { processMagnitude } from '../src/kernels/magnitude.js';
import { magnitude } from '../src/magnitude.js';
import { slidingWindow } from '../src/sliding-window.js';
import { sosfilt } from '../src/sosfilt.js';

const RUNS = Number(process.env['RUNS'] ?? 7);
const SAMPLE_RATE = 48_000;
const SECONDS = Number(process.env['SECONDS'] ?? 60);
const CHUNK = 128;
const SIZE = 1024;
const HOP = 256;
const BINS = SIZE / 2 + 1;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.error('run with node --expose-gc (allocation figures need a clean heap)');
  process.exit(1);
}

// 60 s of a chirp plus noise, float32, cut into views of 128 samples.
const total = SAMPLE_RATE * SECONDS;
const audio = new Float32Array(total);
let seed = 1;
for (let i = 0; i < total; i++) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  const t = i / SAMPLE_RATE;
  audio[i] = 0.5 * Math.sin(2 * Math.PI * (200 + 50 * t) * t) + 0.01 * (seed / 2 ** 32 - 0.5);
}
const chunks: Float32Array[] = [];
for (let i = 0; i < total; i += CHUNK) chunks.push(audio.subarray(i, i + CHUNK));
const expectedFrames = Math.floor((total - SIZE) / HOP) + 1;

/** The hand-written baseline: framing, windowing, rfft and magnitude with preallocated buffers. */
function loop(): number {
  const window = getWindow('hann', SIZE);
  const plan = createFftPlan(SIZE);
  const gather = new Float32Array(SIZE);
  const frame = new Float32Array(SIZE);
  const spectrum = new Float32Array(2 * BINS);
  const mags = new Float32Array(BINS);
  let filled = 0;
  let frames = 0;
  let checksum = 0;
  for (const chunk of chunks) {
    let i = 0;
    while (i < chunk.length) {
      const take = Math.min(SIZE - filled, chunk.length - i);
      gather.set(chunk.subarray(i, i + take), filled);
      filled += take;
      i += take;
      if (filled === SIZE) {
        for (let j = 0; j < SIZE; j++) frame[j] = gather[j]! * window[j]!;
        rfft(plan, frame, spectrum);
        processMagnitude(spectrum, mags);
        checksum += mags[10]!;
        frames++;
        gather.copyWithin(0, HOP, SIZE);
        filled = SIZE - HOP;
      }
    }
  }
  if (frames !== expectedFrames) throw new Error(`loop: ${frames} frames, expected ${expectedFrames}`);
  return checksum;
}

/** The operator chain; `reuse` switches every stage to its reused output buffer. */
function chain(reuse: boolean): number {
  let frames = 0;
  let checksum = 0;
  from(chunks)
    .pipe(
      batch<Float32Array>(SIZE, { reuse }),
      slidingWindow<Float32Array>({ size: SIZE, hop: HOP, window: 'hann', reuse }),
      fft<Float32Array>({ reuse }),
      magnitude<Float32Array>({ reuse }),
    )
    .subscribe((mags) => {
      checksum += mags[10]!;
      frames++;
    });
  if (frames !== expectedFrames) throw new Error(`chain: ${frames} frames, expected ${expectedFrames}`);
  return checksum;
}

// Same frames, same numbers (batch(1024) regroups without changing the sample sequence).
const reference = loop();
for (const reuse of [false, true]) {
  const c = chain(reuse);
  if (Math.abs(c - reference) > 1e-6 * Math.abs(reference)) throw new Error(`chain checksum ${c} != loop ${reference}`);
}

interface Timing {
  wall: number;
  cpu: number;
}
function timed(fn: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

const results: Record<'loop' | 'fresh' | 'reuse', Timing[]> = { loop: [], fresh: [], reuse: [] };
await repeat(RUNS, () => {
  results.loop.push(timed(loop));
  results.fresh.push(timed(() => chain(false)));
  results.reuse.push(timed(() => chain(true)));
  return 0;
});
const wall = (k: keyof typeof results) => median(results[k].map((t) => t.wall));
const cpu = (k: keyof typeof results) => median(results[k].map((t) => t.cpu));
const ratio = (k: 'fresh' | 'reuse') => median(results[k].map((t, r) => results.loop[r]!.wall / t.wall));

console.log(await machine());
table(`Spectrogram chain over ${SECONDS} s of 48 kHz float32 audio in chunks of ${CHUNK} (${expectedFrames} frames of ${SIZE}, hop ${HOP}); medians of ${RUNS} runs`, [
  { variant: 'hand-written loop (same kernels)', 'wall ms': (wall('loop') * 1e3).toFixed(1), 'samples/s': rate(total / wall('loop')), 'realtime factor (CPU)': (SECONDS / cpu('loop')).toFixed(0) + 'x', 'ratio loop/variant': '1.00' },
  { variant: 'operators, fresh arrays', 'wall ms': (wall('fresh') * 1e3).toFixed(1), 'samples/s': rate(total / wall('fresh')), 'realtime factor (CPU)': (SECONDS / cpu('fresh')).toFixed(0) + 'x', 'ratio loop/variant': ratio('fresh').toFixed(2) },
  { variant: 'operators, reuse: true', 'wall ms': (wall('reuse') * 1e3).toFixed(1), 'samples/s': rate(total / wall('reuse')), 'realtime factor (CPU)': (SECONDS / cpu('reuse')).toFixed(0) + 'x', 'ratio loop/variant': ratio('reuse').toFixed(2) },
]);

// --- Steady-state allocation per chunk -------------------------------------------------------
let gcCount = 0;
const observer = new PerformanceObserver((list) => {
  gcCount += list.getEntries().length;
});
observer.observe({ entryTypes: ['gc'] });

const N = Number(process.env['ALLOC_CHUNKS'] ?? 5_000);
const ROUNDS = 5;
const chunk128 = audio.subarray(0, CHUNK);

async function allocation(name: string, op: () => OperatorFunction<Float32Array, Float32Array>): Promise<Record<string, string>> {
  // A bare push source: rxjs's Subject.next allocates ~240 bytes per call itself (errorContext),
  // which would drown what the operators allocate.
  let push: (chunk: Float32Array) => void = () => undefined;
  const input = new Observable<Float32Array>((subscriber) => {
    push = (chunk) => subscriber.next(chunk);
  });
  let sink = 0;
  const sub = input.pipe(op()).subscribe((c) => {
    sink += c.length;
  });
  for (let i = 0; i < 20_000; i++) push(chunk128); // warm-up: JIT, buffers sized
  const perChunk: number[] = [];
  const backingPerChunk: number[] = [];
  let gcs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 5)); // let the gc observer settle
    const gcBefore = gcCount;
    const m0 = process.memoryUsage();
    for (let i = 0; i < N; i++) push(chunk128);
    const m1 = process.memoryUsage();
    await new Promise((resolve) => setTimeout(resolve, 5));
    gcs += gcCount - gcBefore;
    perChunk.push((m1.heapUsed - m0.heapUsed) / N);
    backingPerChunk.push((m1.arrayBuffers - m0.arrayBuffers) / N);
  }
  sub.unsubscribe();
  if (sink === 0) throw new Error('nothing emitted');
  return {
    operator: name,
    'JS heap bytes/chunk': median(perChunk).toFixed(1),
    'ArrayBuffer bytes/chunk': median(backingPerChunk).toFixed(1),
    'GCs during runs': String(gcs),
  };
}

const taps = firwin(63, 0.2);
const sos = butter(4, 1000, { type: 'highpass', sampleRate: SAMPLE_RATE });
const rows: Record<string, string>[] = [];
for (const reuse of [true, false]) {
  const tag = reuse ? 'reuse: true' : 'fresh';
  rows.push(await allocation(`batch(1024) ${tag}`, () => batch<Float32Array>(SIZE, { reuse })));
  rows.push(await allocation(`slidingWindow(1024/256, hann) ${tag}`, () => slidingWindow<Float32Array>({ size: SIZE, hop: HOP, window: 'hann', reuse })));
  rows.push(await allocation(`fir(63 taps) ${tag}`, () => fir<Float32Array>(taps, { reuse })));
  rows.push(await allocation(`sosfilt(butter 4) ${tag}`, () => sosfilt<Float32Array>(sos, { reuse })));
  rows.push(
    await allocation(`whole chain ${tag}`, () => (s) =>
      s.pipe(
        batch<Float32Array>(SIZE, { reuse }),
        slidingWindow<Float32Array>({ size: SIZE, hop: HOP, window: 'hann', reuse }),
        fft<Float32Array>({ reuse }),
        magnitude<Float32Array>({ reuse }),
      ),
    ),
  );
}
observer.disconnect();
table(`Steady-state allocation per input chunk of ${CHUNK} float32 samples (median of ${ROUNDS} rounds of ${N} chunks after a 20 000-chunk warm-up; a GC during a round hides part of its allocation)`, rows);
