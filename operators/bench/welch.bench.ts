// Welch PSD throughput: signal.welch (whole array) and the streaming welch operator (chunks of
// 480) versus scipy.signal.welch, all on the same 10 s of 48 kHz noise, side by side.
//
//   npm run bench -- welch          (or: node --import tsx operators/bench/welch.bench.ts, after a build)
//
// SciPy runs in a Debian python3 child process that times itself with the same protocol (median of
// RUNS runs after one warm-up) on the same samples (sent as float64 bytes); its numbers are checked
// against ours before timing. Without /usr/bin/python3 + scipy the SciPy row says so. The table
// shows medians in ms and the ratio SciPy time / ours (> 1: ours faster).
import { spawnSync } from 'node:child_process';
import { lastValueFrom, from } from 'rxjs';
import * as signal from '@ringflow/operators/signal';
import { welch } from '@ringflow/operators';
import { machine, median, repeat, table } from '@ringflow/tools/bench-kit';

const RUNS = Number(process.env['RUNS'] ?? 9);
const FS = 48_000;
const N = 10 * FS;

let seed = 12345;
const x = Float64Array.from({ length: N }, () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32 - 0.5;
});
const chunks: Float64Array[] = [];
for (let i = 0; i < N; i += 480) chunks.push(x.subarray(i, i + 480));

const PY = `
import sys, time, json, numpy as np, scipy.signal as s
x = np.frombuffer(sys.stdin.buffer.read(), dtype=np.float64)
cfg = json.loads(sys.argv[1])
out = {}
for name, kw in cfg.items():
    f, p = s.welch(x, **kw)
    s.welch(x, **kw)
    ts = []
    for _ in range(${RUNS}):
        t0 = time.perf_counter(); s.welch(x, **kw); ts.append((time.perf_counter() - t0) * 1e3)
    out[name] = {'ms': sorted(ts)[len(ts) // 2], 'head': [float(v) for v in p[:8]]}
print(json.dumps(out))
`;

const configs: Record<string, signal.WelchOptions> = {
  'nperseg 1024': { fs: FS, nperseg: 1024 },
  'nperseg 4096, median': { fs: FS, nperseg: 4096, average: 'median' },
  'nperseg 1000 (Bluestein)': { fs: FS, nperseg: 1000 },
};

function scipy(): Record<string, { ms: number; head: number[] }> | string {
  const run = spawnSync('/usr/bin/python3', ['-c', PY, JSON.stringify(configs)], { input: Buffer.from(x.buffer), maxBuffer: 1 << 24 });
  if (run.error !== undefined || run.status !== 0) return `SciPy not run (${run.error?.message ?? run.stderr.toString().trim().split('\n').at(-1)})`;
  return JSON.parse(run.stdout.toString()) as Record<string, { ms: number; head: number[] }>;
}

console.log(await machine());
console.log(`${N} samples (10 s at 48 kHz), median of ${RUNS} runs; the machine may be loaded: read the ratios.`);
const theirs = scipy();
const rows: Record<string, string | number>[] = [];
for (const [name, o] of Object.entries(configs)) {
  const ours = signal.welch(x, o).Pxx;
  if (typeof theirs !== 'string') {
    const ref = theirs[name]!.head;
    ref.forEach((v, i) => {
      if (Math.abs(v - ours[i]!) > 1e-10 * Math.abs(v)) throw new Error(`${name}: bin ${i} differs from SciPy (${ours[i]} vs ${v})`);
    });
  }
  const whole = median(await repeat(RUNS, () => {
    const t0 = performance.now();
    signal.welch(x, o);
    return performance.now() - t0;
  }));
  const streaming = median(await repeat(RUNS, async () => {
    const t0 = performance.now();
    await lastValueFrom(from(chunks).pipe(welch<Float64Array>(o)));
    return performance.now() - t0;
  }));
  const sp = typeof theirs === 'string' ? Number.NaN : theirs[name]!.ms;
  rows.push({
    case: name,
    'signal.welch ms': whole.toFixed(1),
    'welch operator ms (chunks of 480)': streaming.toFixed(1),
    'scipy.signal.welch ms': typeof theirs === 'string' ? theirs : sp.toFixed(1),
    'scipy / signal.welch': Number.isNaN(sp) ? '-' : (sp / whole).toFixed(2),
    'scipy / operator': Number.isNaN(sp) ? '-' : (sp / streaming).toFixed(2),
  });
}
table('Welch PSD of 10 s of 48 kHz float64 noise', rows);
