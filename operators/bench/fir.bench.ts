// Long FIR filters: streaming fir() (overlap-save FFT, chosen by the cost model) against the direct
// form and against SciPy's oaconvolve and lfilter on the same data, side by side. Run from the
// repository root:
//
//   npm run bench -- fir
//   (or: node --expose-gc --conditions=@ringflow/source --import tsx operators/bench/fir.bench.ts)
//
// Data: 10 s of 48 kHz float32 audio (a chirp plus noise), filtered by firwin(2047, 0.1) and
// firwin(16383, 0.02).
// 1. Time to filter the whole 10 s, median over RUNS runs, for: the fir operator (fromSamples ->
//    fir({ reuse: true }) -> a sink) in chunks of 128, 1024, 4096, 16 384 and 48 000 samples; the fir
//    kernel in chunks of 4096 (no RxJS); signal.oaconvolve over the whole array; the direct form
//    (fir({ method: 'direct' }) in chunks of 4096: timed over the first DIRECT_SECONDS seconds and
//    scaled to 10 s, since it is linear in the signal length and takes tens of seconds otherwise);
//    SciPy's oaconvolve(x, taps) and lfilter(taps, 1, x) in a child /usr/bin/python3 on the same
//    samples (time.perf_counter inside Python, median of its own runs; lfilter is one run for the
//    long filter). Ratios: SciPy oaconvolve time / ours (> 1: ours faster), direct time / ours.
// 2. Steady-state allocation of fir(2047 taps, { reuse: true }) per 4096-sample chunk (heap and
//    ArrayBuffer deltas over rounds of chunks, gc() before each round), as chain.bench.ts measures it.
// 3. The cost model's constants against this machine: ns per tap-sample (direct) and ns per
//    N log2 N (one FFT block), measured here, next to the values the model uses.
// The load average is printed: the machine is shared, absolute numbers drift, ratios hold better.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Observable } from 'rxjs';
import { machine, median, table } from '@ringflow/tools/bench-kit';
import { firwin } from '../src/design/firwin.js';
import { fir } from '../src/fir.js';
import { fromSamples } from '../src/from-samples.js';
import { createFirState, processFir } from '../src/kernels/fir.js';
import { CONVOLUTION_COST, bestFftSize, convolveBlock, createOverlapSaveBlock } from '../src/kernels/overlap-save.js';
import { oaconvolve } from '../src/signal/oaconvolve.js';

const RUNS = Number(process.env['RUNS'] ?? 7);
const SAMPLE_RATE = 48_000;
const SECONDS = 10;
const DIRECT_SECONDS = Number(process.env['DIRECT_SECONDS'] ?? 1);
const PYTHON = '/usr/bin/python3';

const gc = (globalThis as { gc?: () => void }).gc;

const total = SAMPLE_RATE * SECONDS;
const audio = new Float32Array(total);
let seed = 7;
for (let i = 0; i < total; i++) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  const t = i / SAMPLE_RATE;
  audio[i] = 0.5 * Math.sin(2 * Math.PI * (200 + 400 * t) * t) + 0.1 * (seed / 2 ** 32 - 0.5);
}

const FILTERS: [string, Float64Array][] = [
  ['2047 taps', firwin(2047, 0.1)],
  ['16 383 taps', firwin(16_383, 0.02)],
];

function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function runs(fn: () => void, count = RUNS, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn(); // JIT warm-up
  const out: number[] = [];
  for (let r = 0; r < count; r++) out.push(timeMs(fn));
  return median(out);
}

/** The operator over the whole signal in chunks of `chunk`, into a sink that only reads lengths. */
function streamed(taps: Float64Array, chunk: number, method: 'auto' | 'direct', samples = audio): () => void {
  return () => {
    let n = 0;
    fromSamples(samples, chunk, { view: true })
      .pipe(fir(taps, { reuse: true, method }))
      .subscribe((c) => (n += c.length));
    if (n !== samples.length) throw new Error(`fir emitted ${n} samples, expected ${samples.length}`);
  };
}

function kernel(taps: Float64Array, chunk: number): () => void {
  const out = new Float32Array(chunk);
  return () => {
    const state = createFirState(taps);
    for (let i = 0; i < total; i += chunk) {
      const input = audio.subarray(i, Math.min(total, i + chunk));
      processFir(state, input, input.length === chunk ? out : out.subarray(0, input.length));
    }
  };
}

interface PythonTimes {
  oaconvolve: number;
  lfilter: number;
}

/** SciPy on the same float32 samples and taps, timed inside Python (median of its runs, in ms). */
function scipyTimes(taps: Float64Array, lfilterRuns: number): PythonTimes | string {
  const dir = mkdtempSync(join(tmpdir(), 'ringflow-fir-bench-'));
  try {
    writeFileSync(join(dir, 'x.f32'), audio);
    writeFileSync(join(dir, 'h.f64'), taps);
    const script = `
import json, sys, time
import numpy as np, scipy.signal as s
x = np.fromfile(sys.argv[1], dtype=np.float32)
h = np.fromfile(sys.argv[2], dtype=np.float64)
def med(fn, n):
    fn()
    ts = []
    for _ in range(n):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return float(np.median(ts)) * 1e3
print(json.dumps({'oaconvolve': med(lambda: s.oaconvolve(x, h), ${RUNS}), 'lfilter': med(lambda: s.lfilter(h, 1.0, x), ${lfilterRuns})}))
`;
    const run = spawnSync(PYTHON, ['-c', script, join(dir, 'x.f32'), join(dir, 'h.f64')], { encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0) return `SciPy not measured (${PYTHON}: ${run.error?.message ?? run.stderr.trim().split('\n').at(-1)})`;
    return JSON.parse(run.stdout) as PythonTimes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(await machine());
console.log(`load average (1, 5, 15 min): ${loadavg().map((v) => v.toFixed(2)).join(', ')}`);
console.log(`${SECONDS} s of ${SAMPLE_RATE} Hz float32 audio (${total} samples); medians of ${RUNS} runs; direct form timed over ${DIRECT_SECONDS} s and scaled to ${SECONDS} s`);

const rows: Record<string, string | number>[] = [];
for (const [name, taps] of FILTERS) {
  const python = scipyTimes(taps, taps.length > 4096 ? 1 : 3);
  const directSamples = audio.subarray(0, SAMPLE_RATE * DIRECT_SECONDS);
  const direct = runs(streamed(taps, 4096, 'direct', directSamples), 3, 1) * (SECONDS / DIRECT_SECONDS);
  const entries: [string, number][] = [];
  for (const chunk of [128, 1024, 4096, 16_384, 48_000]) entries.push([`fir operator, chunks of ${chunk}`, runs(streamed(taps, chunk, 'auto'))]);
  entries.push(['fir kernel, chunks of 4096', runs(kernel(taps, 4096))]);
  entries.push(['signal.oaconvolve, whole array', runs(() => void oaconvolve(audio, taps))]);
  for (const [variant, ms] of entries) {
    rows.push({
      filter: name,
      variant,
      'ms / 10 s': ms.toFixed(1),
      'realtime x': (SECONDS * 1000 / ms).toFixed(0),
      'direct / this': (direct / ms).toFixed(1),
      'SciPy oaconvolve / this': typeof python === 'string' ? '-' : (python.oaconvolve / ms).toFixed(2),
    });
  }
  rows.push({ filter: name, variant: 'direct form (fir method direct, 4096)', 'ms / 10 s': direct.toFixed(0), 'realtime x': (SECONDS * 1000 / direct).toFixed(1), 'direct / this': '1.0', 'SciPy oaconvolve / this': typeof python === 'string' ? '-' : (python.oaconvolve / direct).toFixed(3) });
  if (typeof python === 'string') console.log(python);
  else {
    rows.push({ filter: name, variant: 'SciPy oaconvolve (whole array)', 'ms / 10 s': python.oaconvolve.toFixed(1), 'realtime x': (SECONDS * 1000 / python.oaconvolve).toFixed(0), 'direct / this': (direct / python.oaconvolve).toFixed(1), 'SciPy oaconvolve / this': '1.00' });
    rows.push({ filter: name, variant: 'SciPy lfilter(taps, 1, x)', 'ms / 10 s': python.lfilter.toFixed(0), 'realtime x': (SECONDS * 1000 / python.lfilter).toFixed(1), 'direct / this': (direct / python.lfilter).toFixed(2), 'SciPy oaconvolve / this': (python.oaconvolve / python.lfilter).toFixed(3) });
  }
}
table('Long FIR filters over 10 s of 48 kHz float32 audio', rows);

// 2. Steady-state allocation with reuse: true on the FFT path.
if (gc !== undefined) {
  const CHUNK = 4096;
  const ROUNDS = 5;
  const PER_ROUND = 200;
  const chunk = audio.subarray(0, CHUNK);
  let push: ((c: Float32Array) => void) | undefined;
  const source = new Observable<Float32Array>((s) => {
    push = (c) => s.next(c);
  });
  let seen = 0;
  source.pipe(fir(FILTERS[0]![1], { reuse: true })).subscribe((c) => (seen += c.length));
  for (let i = 0; i < 100; i++) push!(chunk);
  const heap: number[] = [];
  const buffers: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    gc();
    const m0 = process.memoryUsage();
    for (let i = 0; i < PER_ROUND; i++) push!(chunk);
    const m1 = process.memoryUsage();
    heap.push((m1.heapUsed - m0.heapUsed) / PER_ROUND);
    buffers.push((m1.arrayBuffers - m0.arrayBuffers) / PER_ROUND);
  }
  table('Steady-state allocation, fir(2047 taps, { reuse: true }), chunks of 4096', [
    { 'JS heap bytes / chunk': median(heap).toFixed(1), 'ArrayBuffer bytes / chunk': median(buffers).toFixed(1), samples: seen },
  ]);
} else {
  console.log('(run with --expose-gc for the allocation figures)');
}

// 3. The cost model's constants measured on this machine.
{
  const taps = firwin(2047, 0.1);
  const n = SAMPLE_RATE;
  const out = new Float32Array(n);
  const direct = runs(() => processFir(createFirState(taps, { method: 'direct' }), audio.subarray(0, n), out), 3, 1);
  const constants: Record<string, string | number>[] = [{ constant: 'direct (ns per tap-sample)', model: CONVOLUTION_COST.direct, measured: ((direct * 1e6) / (n * taps.length)).toFixed(2) }];
  for (const size of [4096, 16_384, 65_536]) {
    const block = createOverlapSaveBlock(taps, size);
    block.time.set(audio.subarray(0, size));
    const reps = Math.max(4, Math.round(4e6 / size));
    const ms = runs(() => {
      for (let i = 0; i < reps; i++) convolveBlock(block);
    });
    constants.push({ constant: `fft, N = ${size} (ns per N log2 N)`, model: CONVOLUTION_COST.fft, measured: ((ms * 1e6) / reps / (size * Math.log2(size))).toFixed(2) });
  }
  table('Cost model constants (model vs this machine)', constants);
  console.log(`cost model picks: 2047 taps, 4096-sample chunks -> N = ${bestFftSize(2047, 4096)}; 48 000 -> N = ${bestFftSize(2047, 48_000)}; 16 383 taps, 48 000 -> N = ${bestFftSize(16_383, 48_000)}`);
}
