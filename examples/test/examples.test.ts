// Runs every example of examples/src as a child process, the way examples/README.md says to run
// it, on small input, and checks what it prints and writes.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'examples', 'src');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const out = mkdtempSync(join(tmpdir(), 'ringflow-examples-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs `node args...` in the repository root; resolves with stdout, rejects with stdout and stderr. */
function node(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error }));
      else resolve(stdout);
    });
  });
}

/** Runs an example's TypeScript file with tsx, as examples/README.md does (`npx tsx --conditions=@ringflow/source ...`). */
const runTs = (file: string, args: string[] = [], env?: Record<string, string>) =>
  node([tsx, '--conditions=@ringflow/source', join('examples', 'src', file), ...args], env);

/** Compiles the .ts files of a folder of examples/src to JavaScript, under examples/.build/<folder>. */
function buildJs(folder: string): string {
  const target = join(root, 'examples', '.build', folder);
  for (const name of readdirSync(join(src, folder))) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(join(src, folder, name), 'utf8');
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, name.replace(/\.ts$/, '.js')), js.outputText);
  }
  return target;
}

/** A number printed after `label` in `text`. */
function numberAfter(text: string, label: string): number {
  const match = new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(-?[0-9.e+-]+)`).exec(text);
  if (match === null) throw new Error(`no number after "${label}" in:\n${text}`);
  return Number(match[1]);
}

/** Width and height of a PNG file, from its IHDR chunk (after checking the signature). */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The fenced blocks of a Markdown file. */
function blocksOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe.concurrent('examples', () => {
  describe('ring-threads', () => {
    it('is the core README two-thread example, file for file', () => {
      const blocks = blocksOf(join(root, 'core', 'README.md'));
      for (const file of ['main.ts', 'producer.ts']) {
        expect(blocks, file).toContain(readFileSync(join(src, 'ring-threads', file), 'utf8'));
      }
    });

    it('runs under tsx with a .ts producer thread', async () => {
      const stdout = await node([tsx, join('examples', 'src', 'ring-threads', 'main.ts')]);
      expect(stdout).toContain(`received 512000 samples, sum ${(512 * 999 * 1000) / 2}`);
    });

    it('runs as built JavaScript with a .js producer thread', async () => {
      expect(existsSync(join(root, 'core', 'dist', 'index.js')), 'build first: tsc -b').toBe(true);
      const dir = buildJs('ring-threads');
      const stdout = await node([relative(root, join(dir, 'main.js'))]);
      expect(stdout).toContain(`received 512000 samples, sum ${(512 * 999 * 1000) / 2}`);
    });
  });

  it('wav-chain: filters a stereo WAV, keeping the 440 Hz tone and removing the 5 kHz one', async () => {
    const dir = join(out, 'wav-chain');
    const stdout = await runTs('wav-chain.ts', ['--out', dir]);
    expect(stdout).toMatch(/48000 frames, 2 channels, 48000 Hz, float32/);
    expect(stdout).toContain('rms in:  0.500 0.500');
    const levels = /rms out: ([0-9.]+) ([0-9.]+)/.exec(stdout)!.slice(1).map(Number);
    for (const level of levels) expect(level).toBeCloseTo(0.5 / Math.SQRT2, 2);
    const { readWav } = await import('@ringflow/io');
    const back = await readWav(join(dir, 'filtered.wav'));
    expect([back.frames, back.channels, back.sampleRate]).toEqual([48_000, 2, 48_000]);
  });

  it('filter-response: prints the Butterworth gains and writes a PNG plot', async () => {
    const dir = join(out, 'filter-response');
    const stdout = await runTs('filter-response.ts', ['--out', dir]);
    expect(numberAfter(stdout, 'gain at 100 Hz:')).toBeCloseTo(0, 2);
    expect(numberAfter(stdout, 'gain at 1000 Hz:')).toBeCloseTo(-3.01, 2);
    // |H|^2 = 1 / (1 + (f / fc)^(2 n)) for an analog Butterworth; bilinear warping makes it a little lower.
    expect(numberAfter(stdout, 'gain at 2000 Hz:')).toBeLessThan(10 * Math.log10(1 / (1 + 2 ** 8)));
    const { width, height } = pngSize(join(dir, 'filter-response.png'));
    expect(width).toBeGreaterThan(100);
    expect(height).toBeGreaterThan(100);
  });

  it('stft-roundtrip: gets the input back to rounding', async () => {
    const stdout = await runTs('stft-roundtrip.ts');
    expect(stdout).toContain('48000 samples in, 47872 out; 187 frames');
    expect(numberAfter(stdout, '768..47103 =')).toBeLessThan(1e-12);
  });

  it('resample-wav: writes 48 kHz from 44.1 kHz, read back', async () => {
    const dir = join(out, 'resample');
    const stdout = await runTs('resample-wav.ts', ['--out', dir]);
    expect(stdout).toContain('44100 frames at 44100 Hz, 2 channels');
    expect(stdout).toContain('read back: 48000 frames, 2 channels, 48000 Hz');
  });

  it('offload-live-param: the gain changes exactly at the chunk after the update, under tsx and built', async () => {
    const expected = `gain per chunk: ${[...Array(10).fill(1), ...Array(10).fill(0.5)].join(' ')}`;
    expect(await runTs('offload-live-param.ts')).toContain(expected);
    expect(existsSync(join(root, 'workers', 'dist', 'index.js')), 'build first: tsc -b').toBe(true);
    const dir = buildJs('');
    expect(await node([relative(root, join(dir, 'offload-live-param.js'))])).toContain(expected);
  });

  it('worker-pipeline: two workers joined by a ring give the RMS of the amplified sine', async () => {
    const stdout = await runTs('worker-pipeline.ts');
    const levels = /rms per chunk: ([0-9. ]+) \(/.exec(stdout)![1]!.trim().split(' ').map(Number);
    expect(levels).toHaveLength(10);
    for (const level of levels) expect(level).toBeCloseTo(3 / Math.SQRT2, 3);
  });

  it('latency: prints the round-trip quantiles of the chunks measured', async () => {
    const stdout = await runTs('latency.ts', ['--chunks', '200']);
    expect(stdout).toContain('main -> worker -> main, 180 chunks');
    const [median, p90, p99] = ['median', 'p90', 'p99'].map((q) => numberAfter(stdout, q));
    expect(median).toBeGreaterThan(0);
    expect(p90).toBeGreaterThanOrEqual(median!);
    expect(p99).toBeGreaterThanOrEqual(p90!);
  });

  it('zmq-receive: a second process sends every frame over tcp://127.0.0.1', async () => {
    const stdout = await runTs('zmq-receive.ts');
    expect(stdout).toMatch(/receiving on tcp:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/sent 48000 frames \(48 chunks, \d+ messages\)/);
    expect(stdout).toContain('received 48000 frames (1 s at 48000 Hz), rms 0.354');
    expect(stdout).toMatch(/gaps 0, malformed 0/);
  });
});
