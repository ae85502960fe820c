// `ringflow analyze` on a 1-minute and a 10-minute 48 kHz stereo 16-bit WAV file, run as a user
// runs it (a fresh `node cli/dist/bin.js analyze` process per run): realtime factor and peak RSS,
// the worker offload (the default) against everything on the main thread (--in-thread), side by
// side. Run from the repository root (npm run bench builds first):
//
//   npm run bench -- cli
//
// Targets (issue 8): >= 300x realtime on this 2-core machine; RSS independent of the file's
// length (10 min / 1 min close to 1). Each round runs every case once, back to back, so drift on
// a shared machine hits all alike; the table shows medians over RUNS rounds and the median of the
// per-round ratio workers / in-thread.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, Observable } from 'rxjs';
import { asMultichannel } from '@ringflow/core';
import { toWavFile } from '@ringflow/io';
import { machine, median, table } from '../../scripts/bench-kit.js';
import type { AnalyzeReport } from '../src/index.js';

const RUNS = Number(process.env['RUNS'] ?? 3);
const RATE = 48_000;
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ringflow-cli-bench-'));

/** A stereo int16 WAV of `seconds`: two tones and a little noise, written in 1 s chunks. */
async function makeFile(seconds: number): Promise<string> {
  const path = join(dir, `${seconds}s.wav`);
  let seed = 1;
  const chunks = new Observable<ReturnType<typeof asMultichannel<Float32Array>>>((subscriber) => {
    for (let s = 0; s < seconds && !subscriber.closed; s++) {
      const data = new Float32Array(RATE * 2);
      for (let i = 0; i < RATE; i++) {
        const t = (s * RATE + i) / RATE;
        seed = (seed * 1_103_515_245 + 12_345) >>> 0;
        const noise = (seed / 2 ** 32 - 0.5) * 0.002;
        data[2 * i] = 0.5 * Math.sin(2 * Math.PI * 440 * t) + noise;
        data[2 * i + 1] = 0.25 * Math.sin(2 * Math.PI * 3000 * t) + noise;
      }
      subscriber.next(asMultichannel(data, 2));
    }
    subscriber.complete();
  });
  await lastValueFrom(chunks.pipe(toWavFile(path, { sampleRate: RATE, format: 'int16' })));
  return path;
}

/** One run of the command; its report. */
function analyze(file: string, inThread: boolean): AnalyzeReport {
  const out = join(dir, `out-${inThread ? '1t' : 'w'}`);
  const args = [BIN, 'analyze', file, '--out', out, '-q', '--json', ...(inThread ? ['--in-thread'] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`ringflow analyze failed (${run.status}): ${run.stderr}`);
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as AnalyzeReport;
}

console.log(`# ringflow analyze, ${await machine()}\n`);
const files = { '1 min': await makeFile(60), '10 min': await makeFile(600) };
const results: Record<string, { rt: number[]; rss: number[]; ratio: number[] }> = {};
for (let round = 0; round < RUNS; round++) {
  for (const [length, file] of Object.entries(files)) {
    const workers = analyze(file, false);
    const single = analyze(file, true);
    for (const [mode, report] of [['workers', workers], ['in-thread', single]] as const) {
      const entry = (results[`${length} ${mode}`] ??= { rt: [], rss: [], ratio: [] });
      entry.rt.push(report.timing.realtimeFactor);
      entry.rss.push(report.timing.maxRssMiB);
      entry.ratio.push(report.timing.realtimeFactor / single.timing.realtimeFactor);
    }
  }
}
table(
  `analyze, 48 kHz stereo int16, 4096-point STFT hop 1024, 20 Hz high-pass (median of ${RUNS})`,
  Object.entries(results).map(([name, r]) => ({
    case: name,
    'realtime factor': `${median(r.rt).toFixed(0)}x`,
    'workers / in-thread': median(r.ratio).toFixed(2),
    'peak RSS (MiB)': median(r.rss).toFixed(0),
  })),
);
for (const mode of ['workers', 'in-thread']) {
  const ratio = median(results[`10 min ${mode}`]!.rss) / median(results[`1 min ${mode}`]!.rss);
  console.log(`${mode}: peak RSS 10 min / 1 min = ${ratio.toFixed(2)}`);
}
rmSync(dir, { recursive: true, force: true });
