// WAV read and write throughput and memory, ringflow against a plain readFileSync + manual decode
// baseline, the wavefile library and sox (spawned), side by side in one process. Run from the
// repository root (npm run bench builds first and runs against dist/):
//
//   npm run bench -- wav
//
// Files: 48 kHz stereo, 60 s, int16 (11.5 MB) and float32 (23 MB), made by sox. Every run times
// each contender once, back to back, so drift on a shared machine hits all alike; tables show
// medians over RUNS runs and, per contender, the median of its paired ratio to the manual
// baseline (> 1 means faster than the baseline). MB/s counts the WAV file's bytes.
//
// Memory: a fresh Node process per case streams a 1-minute and a 10-minute file through
// openWav().chunks() (and, for contrast, readWav of the whole file) and reports its peak RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { from, lastValueFrom } from 'rxjs';
import { asMultichannel } from '@ringflow/core';
import { openWav, readWav, toWavFile } from '@ringflow/io';
import wavefile from 'wavefile';
import { machine, median, table } from '@ringflow/tools/bench-kit';

const RUNS = Number(process.env['RUNS'] ?? 7);
const WAVEFILE_RUNS = 3;
const SECONDS = 60;
const RATE = 48000;
const dir = mkdtempSync(join(tmpdir(), 'ringflow-wav-bench-'));
const hasSox = spawnSync('sox', ['--version']).status === 0;

function ms(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function msAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The baseline reader: the whole file in memory, a fixed 44-byte header assumed, samples scaled by hand. */
function manualRead(path: string, format: 'int16' | 'float32'): Float32Array {
  const bytes = readFileSync(path);
  // Finds "data" instead of assuming 44 bytes (sox writes a fact chunk for float files).
  const at = bytes.indexOf('data', 12) + 8;
  const n = (bytes.length - at) / (format === 'int16' ? 2 : 4);
  const out = new Float32Array(n);
  const copy = bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + n * (format === 'int16' ? 2 : 4));
  if (format === 'int16') {
    const src = new Int16Array(copy);
    for (let i = 0; i < n; i++) out[i] = src[i]! / 32768;
  } else out.set(new Float32Array(copy));
  return out;
}

/** The baseline writer: encode everything into one Buffer with a 44-byte header, writeFileSync. */
function manualWrite(path: string, samples: Float32Array, format: 'int16' | 'float32'): void {
  const bytesPer = format === 'int16' ? 2 : 4;
  const out = Buffer.alloc(44 + samples.length * bytesPer);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + samples.length * bytesPer, 4);
  out.write('WAVEfmt ', 8);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(format === 'int16' ? 1 : 3, 20);
  out.writeUInt16LE(2, 22);
  out.writeUInt32LE(RATE, 24);
  out.writeUInt32LE(RATE * 2 * bytesPer, 28);
  out.writeUInt16LE(2 * bytesPer, 32);
  out.writeUInt16LE(bytesPer * 8, 34);
  out.write('data', 36);
  out.writeUInt32LE(samples.length * bytesPer, 40);
  if (format === 'int16') {
    const view = new Int16Array(out.buffer, out.byteOffset + 44, samples.length);
    for (let i = 0; i < samples.length; i++) view[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32768)));
  } else new Float32Array(out.buffer, out.byteOffset + 44, samples.length).set(samples);
  writeFileSync(path, out);
}

async function ringflowStream(path: string): Promise<number> {
  const wav = await openWav(path);
  let total = 0;
  await new Promise<void>((resolve, reject) => wav.chunks({ chunkFrames: 4096 }).subscribe({ next: (c) => (total += c.data.length), error: reject, complete: resolve }));
  return total;
}

function chunked(samples: Float32Array, frames: number): ReturnType<typeof asMultichannel<Float32Array>>[] {
  const out = [];
  for (let i = 0; i < samples.length; i += frames * 2) out.push(asMultichannel(samples.subarray(i, Math.min(samples.length, i + frames * 2)), 2));
  return out;
}

interface Row {
  name: string;
  times: number[];
  ratios: number[];
}

function rows(title: string, bytes: number, results: Row[]): void {
  table(
    title,
    results.map((r) => ({
      path: r.name,
      'median ms': median(r.times).toFixed(1),
      'MB/s': (bytes / 1e6 / (median(r.times) / 1e3)).toFixed(0),
      'speed vs manual': r.ratios.length > 0 ? `${median(r.ratios).toFixed(2)}x` : '1.00x',
    })),
  );
}

async function throughput(format: 'int16' | 'float32'): Promise<void> {
  const file = join(dir, `in-${format}.wav`);
  execFileSync('sox', ['-D', '-n', '-r', String(RATE), '-c', '2', '-b', format === 'int16' ? '16' : '32', '-e', format === 'int16' ? 'signed-integer' : 'floating-point', file, 'synth', String(SECONDS), 'sine', '440', 'pinknoise', 'vol', '0.5']);
  const bytes = statSync(file).size;
  const samples = manualRead(file, format);
  const contenders: Record<string, Row> = {};
  const add = (name: string, t: number, base: number) => {
    if (Number.isNaN(t)) return;
    const row = (contenders[name] ??= { name, times: [], ratios: [] });
    row.times.push(t);
    if (name !== 'manual: readFileSync + decode' && name !== 'manual: encode + writeFileSync') row.ratios.push(base / t);
  };
  // Read.
  for (let run = 0; run < RUNS + 1; run++) {
    const base = ms(() => manualRead(file, format));
    const stream = await msAsync(() => ringflowStream(file));
    const whole = await msAsync(() => readWav(file));
    // wavefile is 10-300x slower: measured in the first WAVEFILE_RUNS runs only, to keep the benchmark short.
    const wf = run <= WAVEFILE_RUNS ? ms(() => new wavefile.WaveFile(readFileSync(file)).getSamples(true, Float32Array)) : Number.NaN;
    const sox = hasSox ? ms(() => execFileSync('sox', [file, '-t', 'f32', join(dir, 'sox-out.raw')])) : Number.NaN;
    if (run === 0) continue; // warm-up
    add('manual: readFileSync + decode', base, base);
    add('ringflow openWav().chunks(4096)', stream, base);
    add('ringflow readWav', whole, base);
    add('wavefile 11: getSamples (raw ints, not scaled)', wf, base);
    if (hasSox) add('sox in.wav -t f32 out.raw (spawned)', sox, base);
  }
  rows(`read ${format} stereo, ${SECONDS} s at 48 kHz (${(bytes / 1e6).toFixed(1)} MB)`, bytes, Object.values(contenders));
  // Write: the same samples as float32 chunks of 4096 frames.
  const chunks = chunked(samples, 4096);
  const raw = join(dir, 'in.f32');
  writeFileSync(raw, samples);
  for (const key of Object.keys(contenders)) delete contenders[key];
  for (let run = 0; run < RUNS + 1; run++) {
    const out = join(dir, `out-${format}.wav`);
    const base = ms(() => manualWrite(out, samples, format));
    const ours = await msAsync(() => lastValueFrom(from(chunks).pipe(toWavFile(out, { sampleRate: RATE, format }))));
    const wf = run > WAVEFILE_RUNS ? Number.NaN : ms(() => {
      const w = new wavefile.WaveFile();
      w.fromScratch(2, RATE, format === 'int16' ? '32f' : '32f', samples);
      if (format === 'int16') w.toBitDepth('16');
      writeFileSync(out, w.toBuffer());
    });
    const sox = hasSox ? ms(() => execFileSync('sox', ['-t', 'f32', '-r', String(RATE), '-c', '2', raw, '-D', '-b', format === 'int16' ? '16' : '32', '-e', format === 'int16' ? 'signed-integer' : 'floating-point', out])) : Number.NaN;
    if (run === 0) continue;
    add('manual: encode + writeFileSync', base, base);
    add('ringflow toWavFile (4096-frame chunks)', ours, base);
    add(`wavefile 11: fromScratch('32f')${format === 'int16' ? ' + toBitDepth(16)' : ''} + toBuffer`, wf, base);
    if (hasSox) add('sox -t f32 in.raw out.wav (spawned)', sox, base);
  }
  rows(`write ${format} stereo, ${SECONDS} s at 48 kHz (${(bytes / 1e6).toFixed(1)} MB)`, bytes, Object.values(contenders));
}

/** Peak RSS (MiB) of a fresh Node process that reads `file` with `how`. */
function peakRss(file: string, how: 'stream' | 'whole'): number {
  const script = how === 'stream'
    ? `import { openWav } from '@ringflow/io'; const w = await openWav(${JSON.stringify(file)}); let n = 0; w.chunks({ chunkFrames: 4096 }).subscribe((c) => { n += c.data.length; }); console.log(process.resourceUsage().maxRSS);`
    : `import { readWav } from '@ringflow/io'; const w = await readWav(${JSON.stringify(file)}); console.log(process.resourceUsage().maxRSS, w.frames);`;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return Number(out.trim().split(/\s+/)[0]) / 1024;
}

async function memory(): Promise<void> {
  const results: Record<string, string | number>[] = [];
  const baseline = Number(execFileSync(process.execPath, ['--input-type=module', '-e', `import '@ringflow/io'; console.log(process.resourceUsage().maxRSS)`], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' }).trim()) / 1024;
  for (const minutes of [1, 10]) {
    const file = join(dir, `long-${minutes}.wav`);
    execFileSync('sox', ['-D', '-n', '-r', String(RATE), '-c', '2', '-b', '16', file, 'synth', String(minutes * 60), 'sine', '440', 'vol', '0.5']);
    const size = statSync(file).size / 2 ** 20;
    const stream = median([0, 1, 2].map(() => peakRss(file, 'stream')));
    const whole = peakRss(file, 'whole');
    results.push({ file: `${minutes} min int16 stereo (${size.toFixed(0)} MiB)`, 'openWav().chunks peak RSS (MiB)': stream.toFixed(1), 'readWav peak RSS (MiB)': whole.toFixed(1), 'import only (MiB)': baseline.toFixed(1) });
    rmSync(file);
  }
  // 2 GiB: a sparse file (a header, then holes that read as zeros), so it costs no disk or sox time.
  const big = join(dir, 'big.wav');
  const header = Buffer.alloc(44);
  const dataBytes = 2 ** 31 - 64;
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  writeFileSync(big, header);
  truncateSync(big, 44 + dataBytes);
  results.push({ file: `${((dataBytes / 4 / RATE) / 60).toFixed(0)} min int16 stereo (2048 MiB, sparse)`, 'openWav().chunks peak RSS (MiB)': peakRss(big, 'stream').toFixed(1), 'readWav peak RSS (MiB)': '-', 'import only (MiB)': baseline.toFixed(1) });
  rmSync(big);
  table('peak RSS of a fresh process reading the whole file', results);
}

console.log(await machine());
if (!hasSox) console.log('sox is not installed: files cannot be made (apt-get install -y --no-install-recommends sox)');
else {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  if (only === undefined || only === 'throughput') {
    await throughput('int16');
    await throughput('float32');
  }
  if (only === undefined || only === 'memory') await memory();
}
rmSync(dir, { recursive: true, force: true });
