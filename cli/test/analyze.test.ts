// `ringflow analyze` run as a user runs it: on the built-in signal and on files sox made, checking
// the report's tones and levels against what went in, the PNG, the filtered WAV, and that the
// worker and one-thread pipelines agree.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWav } from '@ringflow/io';
import { decodePng } from '../../io/test/helpers/images.js';
import { hasSox, requireSoxInCi, sox } from '../../io/test/helpers/sox.js';
import type { AnalyzeReport } from '../src/index.js';
import { ringflow, toneAmplitude } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ringflow-cli-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (out: string): AnalyzeReport => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as AnalyzeReport;

requireSoxInCi();

describe('ringflow analyze on the built-in signal', () => {
  const out = join(dir, 'builtin');
  let run: Awaited<ReturnType<typeof ringflow>>;

  it('runs with no input, prints a summary and the paths, exit 0', async () => {
    run = await ringflow(['analyze', '--duration', '3', '--out', out], { cwd: dir });
    expect(run.stderr).toContain('analyze: 100%');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('built-in signal');
    expect(run.stdout).toMatch(/x realtime/);
    for (const file of ['spectrogram.png', 'filtered.wav', 'report.json']) expect(run.stdout).toContain(join(out, file).replace(`${dir}/`, ''));
  });

  it('finds the three tones per channel, each within one bin and 0.5 dB of its level', () => {
    const r = report(out);
    const binHz = 48_000 / 4096;
    expect(r.settings.binHz).toBeCloseTo(binHz, 9);
    const expected = [
      [[440, -6], [5000, -20]],
      [[1000, -12], [5000, -26]],
    ];
    r.channels.forEach((channel, c) => {
      expect(channel.tones.map((t) => Math.round(t.frequency / binHz))).toEqual(expected[c]!.map(([f]) => Math.round(f! / binHz)));
      channel.tones.forEach((tone, i) => {
        expect(Math.abs(tone.frequency - expected[c]![i]![0]!)).toBeLessThan(binHz);
        expect(Math.abs(tone.levelDbfs - expected[c]![i]![1]!)).toBeLessThan(0.5);
      });
    });
    expect(r.channels.map((c) => c.name)).toEqual(['left', 'right']);
  });

  it('reports RMS and peak per channel as computed from the tones (noise and chirp are 35 dB lower)', () => {
    const r = report(out);
    const sineRms = (dbfs: number[]): number => 10 * Math.log10(dbfs.reduce((sum, l) => sum + 10 ** (l / 10) / 2, 0));
    expect(r.channels[0]!.rmsDbfs).toBeCloseTo(sineRms([-6, -20]), 1);
    expect(r.channels[1]!.rmsDbfs).toBeCloseTo(sineRms([-12, -26]), 1);
    expect(r.channels[0]!.peakDbfs).toBeLessThan(20 * Math.log10(10 ** (-6 / 20) + 10 ** (-20 / 20)) + 0.3);
    expect(r.timing.realtimeFactor).toBeGreaterThan(0);
    expect(r.rings.filter?.chunksIn).toBeGreaterThan(0);
    expect(r.rings.spectrum?.chunksOut).toBe(r.timing.spectra);
    expect(r.timing.spectra).toBe(Math.floor((3 * 48_000 - 4096) / 1024) + 1);
  });

  it('writes a spectrogram PNG with one plot per channel, the tone rows brighter than the rest', () => {
    const png = decodePng(readFileSync(join(out, 'spectrogram.png')));
    expect(png.width).toBe(1000);
    expect(png.height).toBe(640);
  });

  it('writes the filtered audio: same length and channels, tones unchanged by the 20 Hz high-pass', async () => {
    const wav = await readWav(join(out, 'filtered.wav'));
    expect(wav.channels).toBe(2);
    expect(wav.sampleRate).toBe(48_000);
    expect(wav.frames).toBe(3 * 48_000);
    const data = wav.samples.data;
    expect(20 * Math.log10(toneAmplitude(data, 48_000, 440, 2, 0))).toBeCloseTo(-6, 1);
    expect(20 * Math.log10(toneAmplitude(data, 48_000, 1000, 2, 1))).toBeCloseTo(-12, 1);
  });

  it('gives the same report and the same filtered samples on one thread (--in-thread)', async () => {
    const single = join(dir, 'builtin-1t');
    const run1 = await ringflow(['analyze', '--duration', '3', '--out', single, '--in-thread', '-q'], { cwd: dir });
    expect(run1.code, run1.stderr).toBe(0);
    expect(run1.stderr).toBe('');
    expect(report(single).channels).toEqual(report(out).channels);
    expect(report(single).rings).toEqual({});
    expect(readFileSync(join(single, 'filtered.wav')).equals(readFileSync(join(out, 'filtered.wav')))).toBe(true);
  });

  it('prints the report as JSON with --json', async () => {
    const json = join(dir, 'builtin-json');
    const r = await ringflow(['analyze', '--duration', '1', '--out', json, '--json', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as AnalyzeReport;
    expect(printed).toEqual(report(json));
    expect(printed.input.frames).toBe(48_000);
  });
});

describe.runIf(hasSox)('ringflow analyze on files sox made', () => {
  it('analyses each channel of a 16-bit stereo file on its own, and the low-pass removes the high tone from filtered.wav', async () => {
    const input = join(dir, 'stereo.wav');
    // Left: 1 kHz at -6 dBFS and 9 kHz at -12 dBFS; right: 3 kHz at -10 dBFS.
    sox('-c', '3', '-r', '44100', '-n', '-b', '16', '-e', 'signed-integer', input, 'synth', '2', 'sine', '1000', 'sine', '3000', 'sine', '9000', 'remix', '1v0.5012,3v0.2512', '2v0.3162');
    const out = join(dir, 'sox-stereo');
    const run = await ringflow(['analyze', input, '--out', out, '--lowpass', '5000', '--order', '10', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = report(out);
    expect(r.input).toMatchObject({ sampleRate: 44_100, channels: 2, format: 'int16', frames: 88_200 });
    expect(r.settings.filter).toBe('Butterworth band-pass 20-5000 Hz, order 10');
    const binHz = 44_100 / 4096;
    // The tones are measured after the filter: 9 kHz is 50+ dB down (below --min-level), 1 and 3 kHz unchanged.
    expect(r.channels[0]!.tones.map((t) => [Math.round(t.frequency / binHz), Math.round(t.levelDbfs)])).toEqual([[Math.round(1000 / binHz), -6]]);
    expect(r.channels[1]!.tones.map((t) => [Math.round(t.frequency / binHz), Math.round(t.levelDbfs)])).toEqual([[Math.round(3000 / binHz), -10]]);
    const wav = await readWav(join(out, 'filtered.wav'));
    expect(wav.format).toBe('int16');
    const left = wav.samples.data;
    expect(20 * Math.log10(toneAmplitude(left, 44_100, 9000, 2, 0))).toBeLessThan(-12 - 50);
    expect(20 * Math.log10(toneAmplitude(left, 44_100, 1000, 2, 0))).toBeCloseTo(-6, 0);
  });

  it('analyses a mono 24-bit file and a 6-channel float file', async () => {
    const mono = join(dir, 'mono24.wav');
    sox('-n', '-r', '48000', '-b', '24', '-e', 'signed-integer', mono, 'synth', '1', 'sine', '2000', 'vol', '0.5');
    const r1 = await ringflow(['analyze', mono, '--out', join(dir, 'mono'), '-q'], { cwd: dir });
    expect(r1.code, r1.stderr).toBe(0);
    const m = report(join(dir, 'mono'));
    expect(m.channels).toHaveLength(1);
    expect(m.channels[0]!.tones).toHaveLength(1);
    expect(m.channels[0]!.tones[0]!.levelDbfs).toBeCloseTo(-6.02, 0);
    expect(decodePng(readFileSync(join(dir, 'mono', 'spectrogram.png'))).height).toBe(320);

    const six = join(dir, 'six.wav');
    sox('-c', '6', '-r', '48000', '-n', '-b', '32', '-e', 'floating-point', six, 'synth', '1', 'sine', '500', 'sine', '1500', 'sine', '2500', 'sine', '3500', 'sine', '4500', 'sine', '5500', 'vol', '0.5');
    const r6 = await ringflow(['analyze', six, '--out', join(dir, 'six'), '-q', '--fft-size', '2048'], { cwd: dir });
    expect(r6.code, r6.stderr).toBe(0);
    const s = report(join(dir, 'six'));
    expect(s.channels.map((c) => c.name)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `channel ${n}`));
    s.channels.forEach((channel, c) => {
      expect(channel.tones).toHaveLength(1);
      expect(Math.abs(channel.tones[0]!.frequency - (500 + 1000 * c))).toBeLessThan(48_000 / 2048);
    });
    expect(decodePng(readFileSync(join(dir, 'six', 'spectrogram.png'))).height).toBe(6 * 320);
  });
});
