// `ringflow send` and `ringflow receive` between two processes over loopback TCP: every sample
// arrives bit-exact, and `receive --analyze` finds the tones of what was sent.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWav } from '@ringflow/io';
import type { AnalyzeReport } from '../src/index.js';
import { ringflow } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ringflow-cli-zmq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('ringflow send -> ringflow receive', () => {
  it('carries a stereo float32 file bit-exact (the ringflow wire, PUSH/PULL)', async () => {
    const made = await ringflow(['analyze', '--duration', '2', '--out', join(dir, 'src'), '--highpass', '0', '-q', '--in-thread'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const input = join(dir, 'src', 'filtered.wav'); // the built-in signal, unfiltered
    const port = await freePort();
    const receive = ringflow(['receive', `tcp://127.0.0.1:${port}`, '--channels', '2', '--wav', join(dir, 'got.wav')], { cwd: dir });
    const send = await ringflow(['send', input, `tcp://127.0.0.1:${port}`, '--chunk', '1000', '-q'], { cwd: dir });
    expect(send.code, send.stderr).toBe(0);
    expect(send.stdout).toContain('96000 frames');
    const got = await receive;
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toMatch(/0 malformed, 0 sequence gaps/);
    const [a, b] = [await readWav(input), await readWav(join(dir, 'got.wav'))];
    expect([b.sampleRate, b.channels, b.frames]).toEqual([48_000, 2, 96_000]);
    expect(Buffer.from(b.samples.data.buffer).equals(Buffer.from(a.samples.data.buffer))).toBe(true);
  });

  it('receive --analyze reports the tones of the stream, per channel', async () => {
    const input = join(dir, 'src', 'filtered.wav');
    const port = await freePort();
    const out = join(dir, 'remote');
    const receive = ringflow(['receive', `tcp://127.0.0.1:${port}`, '--channels', '2', '--analyze', '--out', out, '-q'], { cwd: dir });
    const send = await ringflow(['send', input, `tcp://127.0.0.1:${port}`, '-q'], { cwd: dir });
    expect(send.code, send.stderr).toBe(0);
    const got = await receive;
    expect(got.code, got.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as AnalyzeReport;
    expect(report.input.frames).toBe(96_000);
    expect(report.channels.map((c) => c.tones.map((t) => Math.round(t.frequency / 100)))).toEqual([
      [4, 50],
      [10, 50],
    ]);
  });

  it('a receiver told the wrong channel count fails with one line, naming what the sender sends', async () => {
    const input = join(dir, 'src', 'filtered.wav');
    const port = await freePort();
    const receive = ringflow(['receive', `tcp://127.0.0.1:${port}`, '--wav', join(dir, 'bad.wav')], { cwd: dir });
    const send = ringflow(['send', input, `tcp://127.0.0.1:${port}`, '-q'], { cwd: dir, timeoutMs: 20_000 }).catch((error: Error) => error);
    const got = await receive;
    expect(got.code).toBe(1);
    expect(got.stderr.trim().split('\n').at(-1)).toMatch(/^ringflow: .*channel/);
    await send; // the sender may wait for a receiver until its timeout: either way it ends
  });
});
