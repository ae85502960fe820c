// `ringflow filter`, `ringflow resample` and `ringflow info` on files sox made, checked against
// sox's own reading of the results and against the filters' known responses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWav } from '@ringflow/io';
import { butter, sosfreqz } from '@ringflow/operators/signal';
import { hasSox, requireSoxInCi, sox, soxi } from '../../io/test/helpers/sox.js';
import { ringflow, toneAmplitude } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ringflow-cli-transform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
requireSoxInCi();

const db = (x: number): number => 20 * Math.log10(x);

describe.runIf(hasSox)('ringflow filter, resample, info', () => {
  const input = join(dir, 'two-tones.wav');
  it('makes its input with sox: 500 Hz and 6 kHz at 0.2 each (the mix of synth halves 0.4), 48 kHz float32 stereo', () => {
    sox('-c', '2', '-r', '48000', '-n', '-b', '32', '-e', 'floating-point', input, 'synth', '2', 'sine', '500', 'sine', '500', 'synth', '2', 'sine', 'mix', '6000', 'sine', 'mix', '6000', 'vol', '0.4');
    expect(soxi('-c', input)).toBe('2');
  });

  it('filter --lowpass: each tone attenuated as sosfreqz of the same Butterworth design says (within 0.1 dB)', async () => {
    const out = join(dir, 'low.wav');
    const run = await ringflow(['filter', input, out, '--lowpass', '2000', '--order', '6', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Butterworth low-pass 2000 Hz, order 6');
    const { samples, sampleRate, format } = await readWav(out);
    expect(format).toBe('float32');
    expect(soxi('-s', out)).toBe(String(2 * 48_000));
    const [before, after] = [(await readWav(input)).samples.data, samples.data];
    const sos = butter(6, 2000, { fs: 48_000 });
    for (const f of [500, 6000]) {
      const { h } = sosfreqz(sos, [f], { fs: 48_000 });
      const expected = db(Math.hypot(h.re[0]!, h.im[0]!));
      for (const c of [0, 1]) {
        const gain = db(toneAmplitude(after, sampleRate, f, 2, c)) - db(toneAmplitude(before, sampleRate, f, 2, c));
        expect(Math.abs(gain - expected), `${f} Hz channel ${c}: ${gain} vs ${expected}`).toBeLessThan(0.1);
      }
    }
  });

  it('filter --bandstop with --format int16 writes a 16-bit file sox reads', async () => {
    const out = join(dir, 'notch.wav');
    const run = await ringflow(['filter', input, out, '--bandstop', '5000,7000', '--design', 'cheby2', '--attenuation', '50', '--format', 'int16', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(soxi('-b', out)).toBe('16');
    const { samples } = await readWav(out);
    expect(db(toneAmplitude(samples.data, 48_000, 6000, 2, 0))).toBeLessThan(db(0.2) - 45);
    expect(db(toneAmplitude(samples.data, 48_000, 500, 2, 0))).toBeCloseTo(db(0.2), 1);
  });

  it('resample 48 kHz -> 44.1 kHz: the rate and length sox reports, the tones where they were', async () => {
    const out = join(dir, 'cd.wav');
    const run = await ringflow(['resample', input, out, '--rate', '44100', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('up 147, down 160');
    expect(soxi('-r', out)).toBe('44100');
    // resample_poly's length: ceil(n * up / down).
    expect(Number(soxi('-s', out))).toBe(Math.ceil((96_000 * 147) / 160));
    const { samples } = await readWav(out);
    for (const f of [500, 6000]) expect(db(toneAmplitude(samples.data, 44_100, f, 2, 1))).toBeCloseTo(db(0.2), 1);
  });

  it('info prints what soxi prints, and JSON with --json', async () => {
    const run = await ringflow(['info', input]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/channels\s+2/);
    expect(run.stdout).toMatch(/sample rate\s+48000 Hz/);
    expect(run.stdout).toMatch(new RegExp(`frames\\s+${soxi('-s', input)}`));
    const json = await ringflow(['info', '--json', input, join(dir, 'cd.wav')]);
    const infos = JSON.parse(json.stdout) as { sampleRate: number; channels: number; frames: number; format: string }[];
    expect(infos.map((i) => [i.sampleRate, i.channels, i.frames, i.format])).toEqual([
      [48_000, 2, 96_000, 'float32'],
      [44_100, 2, 88_200, 'float32'],
    ]);
  });

  it('refuses to overwrite its input', async () => {
    const run = await ringflow(['filter', input, input, '--lowpass', '100']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is the input file/);
  });
});
