import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { concat, from, lastValueFrom, of, Subject, throwError } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWav, toWavFile, type WavSampleFormat } from '@ringflow/io';
import { hasSox, requireSoxInCi, soxFloat32, soxi, tempDir } from './helpers/sox.js';

const { dir, remove } = tempDir();
afterAll(remove);
let made = 0;
const path = (name: string) => join(dir, `${made++}-${name}`);

/** Deterministic test signal in [-0.9, 0.9): a different waveform per channel, interleaved. */
function signal(frames: number, channels: number, Ctor: Float32ArrayConstructor | Float64ArrayConstructor = Float32Array): Float32Array | Float64Array {
  const out = new Ctor(frames * channels);
  let seed = 12345;
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels; c++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = seed / 2 ** 32 - 0.5;
      out[f * channels + c] = 0.45 * Math.sin((2 * Math.PI * (c + 1) * 220 * f) / 8000) + 0.9 * noise;
    }
  }
  return out;
}

/** Splits interleaved samples into multichannel chunks of `size` frames. */
function chunksOf<T extends Float32Array | Float64Array>(data: T, channels: number, size: number): MultichannelChunk<T>[] {
  const out: MultichannelChunk<T>[] = [];
  for (let f = 0; f * channels < data.length; f += size) out.push(asMultichannel(data.subarray(f * channels, Math.min(data.length, (f + size) * channels)) as T, channels));
  return out;
}

const LSB: Record<WavSampleFormat, number> = { uint8: 2 ** -7, int16: 2 ** -15, int24: 2 ** -23, int32: 2 ** -31, float32: 0, float64: 0 };
const SOX_ENCODING: Record<WavSampleFormat, string> = {
  uint8: 'Unsigned Integer PCM',
  int16: 'Signed Integer PCM',
  int24: 'Signed Integer PCM',
  int32: 'Signed Integer PCM',
  float32: 'Floating Point PCM',
  float64: 'Floating Point PCM',
};
const BITS: Record<WavSampleFormat, string> = { uint8: '8', int16: '16', int24: '24', int32: '32', float32: '32', float64: '64' };

describe('toWavFile', () => {
  requireSoxInCi();

  describe.runIf(hasSox)('read back by sox', () => {
    for (const format of ['uint8', 'int16', 'int24', 'int32', 'float32', 'float64'] as const) {
      for (const channels of [1, 2, 3, 6]) {
        it(`writes a ${format} file of ${channels} channel(s) that soxi and sox read as written`, async () => {
          const file = path(`${format}-${channels}.wav`);
          const input = signal(1001, channels);
          const stats = await lastValueFrom(from(chunksOf(input, channels, 256)).pipe(toWavFile(file, { sampleRate: 8000, format })));
          expect(stats).toMatchObject({ path: file, frames: 1001, channels, sampleRate: 8000, format, clipped: 0 });
          expect(stats.bytes).toBe(statSync(file).size);
          expect(soxi('-r', file)).toBe('8000');
          expect(soxi('-c', file)).toBe(String(channels));
          expect(soxi('-s', file)).toBe('1001');
          expect(soxi('-b', file)).toBe(BITS[format]);
          expect(soxi('-e', file)).toBe(SOX_ENCODING[format]);
          const back = soxFloat32(file, dir);
          expect(back.length).toBe(input.length);
          // Rounded to nearest: within half a step of the format (plus sox's 2^-31 steps and float32).
          const tol = Math.max(LSB[format] / 2, 2 ** -30) + 2 ** -25;
          let worst = 0;
          for (let i = 0; i < input.length; i++) worst = Math.max(worst, Math.abs(back[i]! - input[i]!));
          expect(worst).toBeLessThanOrEqual(tol);
          const header = await readWav(file);
          // As sox writes them: integer PCM beyond 2 channels or 16 bits is extensible, float never.
          expect(header.extensible).toBe(!format.startsWith('float') && (channels > 2 || (format !== 'uint8' && format !== 'int16')));
          expect(header.riffChunks.map((c) => c.id)).toEqual(header.extensible || format.startsWith('float') ? ['fmt ', 'fact', 'data'] : ['fmt ', 'data']);
        });
      }
    }

    it('leaves a valid file holding every frame written when the source errors', async () => {
      const file = path('error.wav');
      const input = signal(300, 2);
      const failure = new Error('upstream broke');
      const source = concat(from(chunksOf(input, 2, 100)), throwError(() => failure));
      let sizeWhenErrorArrived = -1;
      await expect(
        new Promise((resolve, reject) =>
          source.pipe(toWavFile(file, { sampleRate: 8000, format: 'int16' })).subscribe({
            next: resolve,
            error: (e: unknown) => {
              sizeWhenErrorArrived = statSync(file).size;
              reject(e);
            },
          }),
        ),
      ).rejects.toBe(failure);
      expect(sizeWhenErrorArrived).toBe(44 + 300 * 4); // complete before the error was passed on
      expect(soxi('-s', file)).toBe('300');
      const back = soxFloat32(file, dir);
      for (let i = 0; i < input.length; i++) expect(Math.abs(back[i]! - input[i]!)).toBeLessThanOrEqual(2 ** -16);
    });

    it('errors with a RangeError on a chunk of another channel count, keeping what came before', async () => {
      const file = path('mismatch.wav');
      const source = from([asMultichannel(signal(10, 2) as Float32Array, 2), new Float32Array(10)]);
      await expect(lastValueFrom(source.pipe(toWavFile(file, { sampleRate: 8000 })))).rejects.toThrow(/a chunk of 1 channel \(1-D\) in a 2-channel file/);
      expect(soxi('-s', file)).toBe('10');
      expect(soxi('-c', file)).toBe('2');
    });

    it('finalises the file when the subscription is unsubscribed mid-stream', async () => {
      const file = path('unsubscribed.wav');
      const subject = new Subject<Float32Array>();
      const subscription = subject.pipe(toWavFile(file, { sampleRate: 8000, format: 'int24' })).subscribe();
      subject.next(new Float32Array(100).fill(0.25));
      subject.next(new Float32Array(50).fill(-0.25));
      subscription.unsubscribe();
      expect(soxi('-s', file)).toBe('150');
      const back = soxFloat32(file, dir);
      expect([back[0], back[149]]).toEqual([0.25, -0.25]);
    });

    it('writes a valid empty file for an empty stream', async () => {
      const file = path('empty.wav');
      const stats = await lastValueFrom(from([] as Float32Array[]).pipe(toWavFile(file, { sampleRate: 44100, format: 'int16', channels: 2 })));
      expect(stats).toMatchObject({ frames: 0, channels: 2, bytes: 44 });
      expect(soxi('-s', file)).toBe('0');
      expect(soxi('-c', file)).toBe('2');
    });

    it('pads an odd-sized data chunk', async () => {
      const file = path('odd.wav');
      const stats = await lastValueFrom(of(new Float32Array([0, 0.5, -0.5])).pipe(toWavFile(file, { sampleRate: 8000, format: 'uint8' })));
      expect(stats.bytes).toBe(44 + 3 + 1);
      expect(statSync(file).size).toBe(48);
      expect(readFileSync(file).readUInt32LE(4)).toBe(40);
      expect(Array.from(soxFloat32(file, dir))).toEqual([0, 0.5, -0.5]);
    });
  });

  it('clips floats outside [-1, 1), writes NaN as 0 and rounds halves up', async () => {
    const file = path('clip.wav');
    const input = new Float32Array([1.5, -2, Number.NaN, 1, -1, 0.5 / 32768, -0.5 / 32768, 1.5 / 32768, 32767 / 32768]);
    const stats = await lastValueFrom(of(input).pipe(toWavFile(file, { sampleRate: 8000, format: 'int16' })));
    expect(stats.clipped).toBe(4); // 1.5, -2, NaN, and 1.0 (32768 does not fit in int16)
    const { samples } = await readWav(file, { dtype: 'raw' });
    expect(Array.from(samples.data)).toEqual([32767, -32768, 0, 32767, -32768, 1, 0, 2, 32767]);
  });

  it('writes the same bytes however the stream is chunked and buffered', async () => {
    const input = signal(777, 3);
    const files: Buffer[] = [];
    for (const [size, bufferBytes] of [[777, undefined], [1, 7], [7, 60], [100, 1 << 20]] as const) {
      const file = path(`chunked-${size}.wav`);
      await lastValueFrom(from(chunksOf(input, 3, size)).pipe(toWavFile(file, { sampleRate: 8000, format: 'int24', bufferBytes })));
      files.push(readFileSync(file));
    }
    for (const f of files.slice(1)) expect(f.equals(files[0]!)).toBe(true);
  });

  it('writes strided multichannel views in frame order', async () => {
    const file = path('strided.wav');
    // A [3, 2] view in Fortran order (planar data): channel 0 = 0.1 0.2 0.3, channel 1 = -0.1 -0.2 -0.3.
    const planar = new Float32Array([0.1, 0.2, 0.3, -0.1, -0.2, -0.3]);
    const view: MultichannelChunk<Float32Array> = { data: planar, shape: [3, 2], stride: [1, 3], offset: 0 };
    await lastValueFrom(of(view).pipe(toWavFile(file, { sampleRate: 8000 })));
    expect(Array.from((await readWav(file)).samples.data)).toEqual(Array.from(new Float32Array([0.1, -0.1, 0.2, -0.2, 0.3, -0.3])));
  });

  it('takes the format from the first chunk, and raw integers unchanged', async () => {
    const cases = [
      [new Int16Array([1, -2, 32767]), 'int16'],
      [new Uint8Array([0, 128, 255]), 'uint8'],
      [new Int32Array([1, -2, 2 ** 31 - 1]), 'int32'],
      [new Float64Array([0.25, -0.125, 3]), 'float64'],
    ] as const;
    for (const [data, format] of cases) {
      const file = path(`raw-${format}.wav`);
      const stats = await lastValueFrom(of(data).pipe(toWavFile(file, { sampleRate: 8000 })));
      expect(stats.format).toBe(format);
      const back = await readWav(file, { dtype: 'raw' });
      expect(back.format).toBe(format);
      expect(Array.from(back.samples.data)).toEqual(Array.from(data));
    }
    const int24 = path('raw-int24.wav');
    const stats = await lastValueFrom(of(new Int32Array([8388607, -8388608, 9000000])).pipe(toWavFile(int24, { sampleRate: 8000, format: 'int24' })));
    expect(stats.clipped).toBe(1);
    expect(Array.from((await readWav(int24, { dtype: 'raw' })).samples.data)).toEqual([8388607, -8388608, 8388607]);
  });

  it('accepts sox-style and libsndfile-style names for the formats', async () => {
    for (const [alias, format] of [['pcm16', 'int16'], ['s24', 'int24'], ['f32', 'float32'], ['double', 'float64'], ['u8', 'uint8']] as const) {
      const file = path(`alias-${alias}.wav`);
      const stats = await lastValueFrom(of(new Float32Array([0.5, -0.5])).pipe(toWavFile(file, { sampleRate: 8000, format: alias })));
      expect(stats.format).toBe(format);
      expect((await readWav(file)).format).toBe(format);
    }
  });

  it('rejects raw integers of another format and things that are not chunks', async () => {
    await expect(lastValueFrom(of(new Int16Array(4)).pipe(toWavFile(path('a.wav'), { sampleRate: 8000, format: 'float32' })))).rejects.toThrow(/Int16Array samples are raw integers and fit only a file of their own format, not 'float32'/);
    await expect(lastValueFrom(of([0.1, 0.2] as unknown as Float32Array).pipe(toWavFile(path('b.wav'), { sampleRate: 8000 })))).rejects.toThrow(/got a plain Array/);
    await expect(lastValueFrom(of(new Int8Array(2) as unknown as Int16Array).pipe(toWavFile(path('c.wav'), { sampleRate: 8000 })))).rejects.toThrow(/got Int8Array/);
    await expect(lastValueFrom(of(new Float32Array(4)).pipe(toWavFile(path('d.wav'), { sampleRate: 8000, channels: 2 })))).rejects.toThrow(/first chunk has 1 channel, the options say 2/);
  });

  it('rejects bad options when it is created', () => {
    expect(() => toWavFile('', { sampleRate: 8000 })).toThrow(TypeError);
    expect(() => toWavFile('x.wav', { sampleRate: 44100.5 })).toThrow(/sampleRate must be a positive integer number of Hz/);
    expect(() => toWavFile('x.wav', { sampleRate: 0 })).toThrow(RangeError);
    expect(() => toWavFile('x.wav', { sampleRate: 8000, format: 'pcm12' as WavSampleFormat })).toThrow(/format must be one of 'uint8', 'int16', 'int24', 'int32', 'float32', 'float64'; got "pcm12"/);
    expect(() => toWavFile('x.wav', { sampleRate: 8000, channels: 0 })).toThrow(RangeError);
    expect(() => toWavFile('x.wav', undefined as unknown as { sampleRate: number })).toThrow(TypeError);
  });

  it('errors the stream (not the caller) when the file cannot be created', async () => {
    const operator = toWavFile(join(dir, 'no', 'such', 'folder', 'x.wav'), { sampleRate: 8000 });
    await expect(lastValueFrom(of(new Float32Array(1)).pipe(operator))).rejects.toMatchObject({ code: 'ENOENT' });
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      await expect(lastValueFrom(of(new Float32Array(1)).pipe(toWavFile(join(locked, 'x.wav'), { sampleRate: 8000 })))).rejects.toMatchObject({ code: 'EACCES' });
    }
  });

  it('round-trips every format through readWav', async () => {
    for (const format of ['uint8', 'int16', 'int24', 'int32', 'float32', 'float64'] as const) {
      const file = path(`rt-${format}.wav`);
      const input = signal(100, 2, Float64Array);
      await lastValueFrom(of(asMultichannel(input, 2)).pipe(toWavFile(file, { sampleRate: 96000, format })));
      const back = await readWav(file, { dtype: 'float64' });
      expect(back.samples.shape).toEqual([100, 2]);
      expect(back.sampleRate).toBe(96000);
      const tol = format === 'float32' ? 2 ** -24 : LSB[format] / 2;
      for (let i = 0; i < input.length; i++) expect(Math.abs(back.samples.data[i]! - input[i]!)).toBeLessThanOrEqual(tol);
    }
  });
});
