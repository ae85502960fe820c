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
//    SciPy's oaconvolve(x, taps) and lfilter(taps, 1, x) in one child /usr/bin/python3 on the same
//    samples (time.perf_counter inside Python, one call per request). Each round times SciPy's
//    oaconvolve right before each of our variants: "SciPy oaconvolve / this" is the median of those
//    paired ratios (> 1: ours faster), so a change of the machine's load between rounds cancels
//    out; lfilter is timed after the rounds (one run for the long filter). direct / this: medians.
// 2. Steady-state allocation of fir(2047 taps, { reuse: true }) per 4096-sample chunk (heap and
//    ArrayBuffer deltas over rounds of chunks, gc() before each round), as chain.bench.ts measures it.
// 3. The cost model's constants against this machine: ns per tap-sample (direct) and ns per
//    N log2 N (one FFT block), measured here, next to the values the model uses.
// The load average is printed: the machine is shared, absolute numbers drift, ratios hold better.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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

/**
 * SciPy in one child /usr/bin/python3 that stays up for the whole benchmark: it loads the same
 * float32 samples and the taps once, then times one call per request (`oa i` or `lf i`: oaconvolve
 * or lfilter with filter i, time.perf_counter inside Python), so that every round can time SciPy
 * and ours back to back and the ratio is taken within the round (the machine is shared: its load
 * changes from one second to the next).
 */
class SciPy {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  private readonly dir: string;

  constructor(filters: readonly Float64Array[]) {
    this.dir = mkdtempSync(join(tmpdir(), 'ringflow-fir-bench-'));
    writeFileSync(join(this.dir, 'x.f32'), audio);
    filters.forEach((taps, i) => writeFileSync(join(this.dir, `h${i}.f64`), taps));
    const script = `
import sys, time
import numpy as np, scipy.signal as s
d = sys.argv[1]
x = np.fromfile(d + '/x.f32', dtype=np.float32)
hs = [np.fromfile(d + '/h%d.f64' % i, dtype=np.float64) for i in range(int(sys.argv[2]))]
print('ready', flush=True)
for line in sys.stdin:
    what, i = line.split()
    h = hs[int(i)]
    fn = (lambda: s.oaconvolve(x, h)) if what == 'oa' else (lambda: s.lfilter(h, 1.0, x))
    t = time.perf_counter(); fn(); print((time.perf_counter() - t) * 1e3, flush=True)
`;
    this.child = spawn(PYTHON, ['-c', script, this.dir, String(filters.length)]);
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  /** Resolves once SciPy has loaded the data, or with the reason it cannot run. */
  async ready(): Promise<string | undefined> {
    const stderr: Buffer[] = [];
    this.child.stderr.on('data', (b: Buffer) => stderr.push(b));
    const failed = new Promise<string>((resolve) => {
      this.child.on('error', (e) => resolve(e.message));
      this.child.on('exit', () => resolve(Buffer.concat(stderr).toString().trim().split('\n').at(-1) ?? 'exited'));
    });
    const first = this.lines.next().then((r) => (r.done === true ? undefined : r.value));
    const line = await Promise.race([first, failed]);
    return line === 'ready' ? undefined : `SciPy not measured (${PYTHON}: ${line ?? 'no output'})`;
  }

  /** ms of one SciPy call: `what` 'oa' (oaconvolve) or 'lf' (lfilter) with filter `i`. */
  async time(what: 'oa' | 'lf', i: number): Promise<number> {
    this.child.stdin.write(`${what} ${i}\n`);
    const r = await this.lines.next();
    if (r.done === true) throw new Error('the SciPy child ended');
    return Number(r.value);
  }

  close(): void {
    this.child.stdin.end();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

console.log(await machine());
console.log(`load average (1, 5, 15 min): ${loadavg().map((v) => v.toFixed(2)).join(', ')}`);
console.log(`${SECONDS} s of ${SAMPLE_RATE} Hz float32 audio (${total} samples); medians of ${RUNS} rounds; in each round SciPy's oaconvolve and every variant run back to back and "SciPy oaconvolve / this" is the median of the per-round ratios; direct form timed over ${DIRECT_SECONDS} s and scaled to ${SECONDS} s`);

const scipy = new SciPy(FILTERS.map(([, taps]) => taps));
const scipyProblem = await scipy.ready();
if (scipyProblem !== undefined) console.log(scipyProblem);
const rows: Record<string, string | number>[] = [];
for (const [index, [name, taps]] of FILTERS.entries()) {
  const directSamples = audio.subarray(0, SAMPLE_RATE * DIRECT_SECONDS);
  const direct = runs(streamed(taps, 4096, 'direct', directSamples), 3, 1) * (SECONDS / DIRECT_SECONDS);
  const variants: [string, () => void][] = [];
  for (const chunk of [128, 1024, 4096, 16_384, 48_000]) variants.push([`fir operator, chunks of ${chunk}`, streamed(taps, chunk, 'auto')]);
  variants.push(['fir kernel, chunks of 4096', kernel(taps, 4096)]);
  variants.push(['signal.oaconvolve, whole array', () => void oaconvolve(audio, taps)]);
  for (const [, fn] of variants) for (let i = 0; i < 2; i++) fn(); // JIT warm-up
  if (scipyProblem === undefined) await scipy.time('oa', index);
  const times = variants.map((): number[] => []);
  const ratios = variants.map((): number[] => []);
  const oa: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    for (let v = 0; v < variants.length; v++) {
      const theirs = scipyProblem === undefined ? await scipy.time('oa', index) : NaN;
      const ours = timeMs(variants[v]![1]);
      oa.push(theirs);
      times[v]!.push(ours);
      ratios[v]!.push(theirs / ours);
    }
  }
  const lfilter: number[] = [];
  if (scipyProblem === undefined) for (let r = 0; r < (taps.length > 4096 ? 1 : 3); r++) lfilter.push(await scipy.time('lf', index));
  variants.forEach(([variant], v) => {
    const ms = median(times[v]!);
    rows.push({
      filter: name,
      variant,
      'ms / 10 s': ms.toFixed(1),
      'realtime x': (SECONDS * 1000 / ms).toFixed(0),
      'direct / this': (direct / ms).toFixed(1),
      'SciPy oaconvolve / this': scipyProblem === undefined ? median(ratios[v]!).toFixed(2) : '-',
      'ratio range': scipyProblem === undefined ? `${Math.min(...ratios[v]!).toFixed(2)}-${Math.max(...ratios[v]!).toFixed(2)}` : '-',
    });
  });
  const oaMs = median(oa);
  rows.push({ filter: name, variant: 'direct form (fir method direct, 4096)', 'ms / 10 s': direct.toFixed(0), 'realtime x': (SECONDS * 1000 / direct).toFixed(1), 'direct / this': '1.0', 'SciPy oaconvolve / this': scipyProblem === undefined ? (oaMs / direct).toFixed(3) : '-', 'ratio range': '-' });
  if (scipyProblem === undefined) {
    const lfMs = median(lfilter);
    rows.push({ filter: name, variant: 'SciPy oaconvolve (whole array)', 'ms / 10 s': oaMs.toFixed(1), 'realtime x': (SECONDS * 1000 / oaMs).toFixed(0), 'direct / this': (direct / oaMs).toFixed(1), 'SciPy oaconvolve / this': '1.00', 'ratio range': '-' });
    rows.push({ filter: name, variant: 'SciPy lfilter(taps, 1, x)', 'ms / 10 s': lfMs.toFixed(0), 'realtime x': (SECONDS * 1000 / lfMs).toFixed(1), 'direct / this': (direct / lfMs).toFixed(2), 'SciPy oaconvolve / this': (oaMs / lfMs).toFixed(3), 'ratio range': '-' });
  }
}
scipy.close();
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
  for (let i = 0; i < 1000; i++) push!(chunk); // past the JIT tiers: their code and feedback land on the heap too
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
