// Real-input FFT throughput: ringflow's rfft versus fft.js (realTransform), side by side in one
// process. Run from the repository root:
//
//   node --conditions=@ringflow/source --import tsx operators/bench/fft.bench.ts
//
// For each n, every run times a batch of transforms of each contender back to back (so drift on a
// shared machine hits both alike); the table shows the median ns per transform over the runs, and
// the median over runs of the paired throughput ratio fft.js time / ours time (> 1 means ours is
// faster). The fft.js baseline is the faster of its two usual
// call styles (plain Array output from createComplexArray, or a Float64Array output); the
// "+complete" column adds completeSpectrum (the full two-sided spectrum), for reference only.
// Only fft.js is installed as a peer; other libraries were not measured.
import FFT from 'fft.js';
import { createFftPlan, rfft } from '../src/kernels/fft.js';

const RUNS = Number(process.env['RUNS'] ?? 21);
const BATCH_MS = Number(process.env['BATCH_MS'] ?? 15);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Iterations so that one batch of `fn` takes about BATCH_MS. */
function calibrate(fn: () => void): number {
  let iters = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < iters; i++) fn();
    const dt = performance.now() - t0;
    if (dt > BATCH_MS / 4) return Math.max(1, Math.round((iters * BATCH_MS) / dt));
    iters *= 2;
  }
}

/** Nanoseconds per call of one batch. */
function timeBatch(fn: () => void, iters: number): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) fn();
  return Number(process.hrtime.bigint() - t0) / iters;
}

function check(n: number, ours: Float64Array, theirs: ArrayLike<number>): void {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < n + 2; i++) {
    err = Math.max(err, Math.abs(ours[i]! - theirs[i]!));
    scale = Math.max(scale, Math.abs(ours[i]!));
  }
  if (err > 1e-9 * scale) throw new Error(`n=${n}: results differ (max error ${err})`);
}

interface Row {
  n: number;
  ratio: number;
  ours: number;
  ours32: number;
  fftjs: number;
  fftjsComplete: number;
}

const rows: Row[] = [];
for (const n of [256, 1024, 4096]) {
  const x64 = new Float64Array(n);
  for (let i = 0; i < n; i++) x64[i] = Math.sin(0.1 * i) + 0.25 * Math.cos(0.37 * i * i);
  const x32 = Float32Array.from(x64);
  const plan = createFftPlan(n);
  const out64 = new Float64Array(2 * plan.bins);
  const out32 = new Float32Array(2 * plan.bins);

  const f = new FFT(n);
  const xArr = Array.from(x64);
  const outArr = f.createComplexArray() as number[];
  const outTyped = new Float64Array(2 * n);

  const ours = (): void => void rfft(plan, x64, out64);
  const ours32 = (): void => void rfft(plan, x32, out32);
  const fjArray = (): void => f.realTransform(outArr, xArr);
  const fjTyped = (): void => f.realTransform(outTyped, x64);
  const fjComplete = (): void => {
    f.realTransform(outTyped, x64);
    f.completeSpectrum(outTyped);
  };

  ours();
  fjArray();
  fjTyped();
  check(n, out64, outArr);
  check(n, out64, outTyped);

  const contenders = { ours, ours32, fjArray, fjTyped, fjComplete };
  const iters: Record<string, number> = {};
  const samples: Record<string, number[]> = {};
  for (const [name, fn] of Object.entries(contenders)) {
    iters[name] = calibrate(fn);
    samples[name] = [];
  }
  for (let r = 0; r < RUNS; r++) {
    for (const [name, fn] of Object.entries(contenders)) samples[name]!.push(timeBatch(fn, iters[name]!));
  }
  const med = (name: string): number => median(samples[name]!);
  const baseline = med('fjArray') <= med('fjTyped') ? 'fjArray' : 'fjTyped';
  const ratios = samples['ours']!.map((t, r) => samples[baseline]![r]! / t);
  rows.push({
    n,
    ratio: median(ratios),
    ours: med('ours'),
    ours32: med('ours32'),
    fftjs: Math.min(med('fjArray'), med('fjTyped')),
    fftjsComplete: med('fjComplete'),
  });
}

console.log(`rfft, real input, one transform per frame; medians of ${RUNS} runs (${process.version}, ${process.arch})`);
console.log('');
console.log('| n | ours f64 ns | ours f32 ns | fft.js ns | fft.js +complete ns | ratio fft.js/ours (paired median) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.n} | ${r.ours.toFixed(0)} | ${r.ours32.toFixed(0)} | ${r.fftjs.toFixed(0)} | ${r.fftjsComplete.toFixed(0)} | ${r.ratio.toFixed(2)}x |`,
  );
}

// Other lengths (no fft.js counterpart: it supports powers of two only).
const other: string[] = [];
for (const n of [1000, 4095]) {
  const x = new Float64Array(n).map((_, i) => Math.sin(0.1 * i));
  const plan = createFftPlan(n);
  const out = new Float64Array(2 * plan.bins);
  const fn = (): void => void rfft(plan, x, out);
  const it = calibrate(fn);
  const s: number[] = [];
  for (let r = 0; r < RUNS; r++) s.push(timeBatch(fn, it));
  other.push(`| ${n} | ${median(s).toFixed(0)} |`);
}
console.log('');
console.log('| n (not a power of two) | ours f64 ns |');
console.log('| ---: | ---: |');
for (const line of other) console.log(line);
