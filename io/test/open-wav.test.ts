import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asapScheduler, firstValueFrom, lastValueFrom, take, tap, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { openWav, readWav, WavError, type WavSampleFormat } from '@ringflow/io';
import { hasSox, requireSoxInCi, sox, soxEncoding, soxFloat32, tempDir } from './helpers/sox.js';

const { dir, remove } = tempDir();
afterAll(remove);

const FORMATS: WavSampleFormat[] = ['uint8', 'int16', 'int24', 'int32', 'float32', 'float64'];
const CHANNELS = [1, 2, 3, 6];
let made = 0;

/** A generator per channel, so that channels differ (sox's synth takes one per channel). */
const GENERATORS = [['whitenoise'], ['sine', '300'], ['sawtooth', '500'], ['pinknoise'], ['square', '700'], ['triangle', '900']];

/** A sox-made file of `seconds` at 8 kHz: noise, tones and other waves, a different one per channel. */
function soxWav(format: WavSampleFormat, channels: number, seconds = 0.25): string {
  const file = join(dir, `sox-${format}-${channels}-${made++}.wav`);
  const synth = Array.from({ length: channels }, (_, c) => GENERATORS[c % GENERATORS.length]!).flat();
  sox('-D', '-n', '-r', '8000', '-c', String(channels), ...soxEncoding(format), file, 'synth', String(seconds), ...synth, 'vol', '0.7');
  return file;
}

/** Joins the chunks of a stream into one interleaved array. */
function joined(chunks: { data: ArrayLike<number> }[]): number[] {
  return chunks.flatMap((c) => Array.from(c.data));
}

describe('openWav', () => {
  requireSoxInCi();

  describe.runIf(hasSox)('against sox', () => {
    for (const format of FORMATS) {
      for (const channels of CHANNELS) {
        it(`streams the samples sox decodes when the file is ${format} with ${channels} channel(s)`, async () => {
          const file = soxWav(format, channels);
          const wav = await openWav(file);
          const ref = soxFloat32(file, dir);
          expect(wav.format).toBe(format);
          expect(wav.channels).toBe(channels);
          expect(wav.sampleRate).toBe(8000);
          expect(wav.frames).toBe(2000);
          expect(wav.truncated).toBe(false);
          // sox writes integer PCM as extensible beyond 2 channels or 16 bits, float never.
          expect(wav.extensible).toBe(!format.startsWith('float') && (channels > 2 || (format !== 'uint8' && format !== 'int16')));
          const chunks = await lastValueFrom(wav.chunks({ chunkFrames: 333 }).pipe(toArray()));
          expect(chunks.every((c) => c.shape[1] === channels && c.data instanceof Float32Array)).toBe(true);
          expect(chunks.map((c) => c.shape[0])).toEqual([...Array(6).fill(333), 2]);
          const got = joined(chunks);
          expect(got.length).toBe(ref.length);
          // Integers up to 24 bits: sox and ringflow both give k / 2^(bits-1), exactly. int32:
          // ringflow rounds k / 2^31 once to float32, sox's own arithmetic may land one float32
          // step away. Floats: sox passes them through its 32-bit integer samples (2^-31 steps).
          const tol = format.startsWith('float') || format === 'int32' ? 2 ** -24 : 0;
          let worst = 0;
          for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(got[i]! - ref[i]!));
          expect(worst).toBeLessThanOrEqual(tol);
        });
      }
    }

    it('gives raw integers with dtype raw, equal to sox samples times 2^(bits-1)', async () => {
      for (const [format, scale, Ctor] of [['uint8', 128, Uint8Array], ['int16', 32768, Int16Array], ['int24', 8388608, Int32Array], ['int32', 2147483648, Int32Array]] as const) {
        const file = soxWav(format, 2);
        const ref = soxFloat32(file, dir);
        const { samples } = await readWav(file, { dtype: 'raw' });
        expect(samples.data).toBeInstanceOf(Ctor);
        const offset = format === 'uint8' ? 128 : 0;
        for (let i = 0; i < ref.length; i += 7) {
          // float32 holds 24 bits: exact up to int24, within one float32 step for int32.
          if (format === 'int32') expect(Math.abs(samples.data[i]! / scale - ref[i]!)).toBeLessThanOrEqual(2 ** -24);
          else expect(samples.data[i]).toBe(Math.round(ref[i]! * scale) + offset);
        }
      }
    });

    it('gives float64 samples with dtype float64', async () => {
      const file = soxWav('int24', 1);
      const { samples } = await readWav(file, { dtype: 'float64' });
      const ref = soxFloat32(file, dir);
      expect(samples.data).toBeInstanceOf(Float64Array);
      for (let i = 0; i < ref.length; i++) expect(samples.data[i]).toBeCloseTo(ref[i]!, 7);
    });

    it('reads a mono file as [frames, 1] chunks', async () => {
      const wav = await openWav(soxWav('int16', 1));
      const first = await firstValueFrom(wav.chunks({ chunkFrames: 100 }));
      expect(first.shape).toEqual([100, 1]);
      expect(first.stride).toEqual([1, 1]);
    });

    it('gives the same samples whatever the chunk size, from start to end', async () => {
      const file = soxWav('int16', 3);
      const wav = await openWav(file);
      const whole = Array.from((await readWav(file)).samples.data);
      for (const chunkFrames of [1, 7, 2000, 10_000]) {
        expect(joined(await lastValueFrom(wav.chunks({ chunkFrames }).pipe(toArray())))).toEqual(whole);
      }
      const part = joined(await lastValueFrom(wav.chunks({ chunkFrames: 64, start: 100, end: 350 }).pipe(toArray())));
      expect(part).toEqual(whole.slice(300, 1050));
      expect(await lastValueFrom(wav.chunks({ start: 5000 }).pipe(toArray()))).toEqual([]);
    });

    it('stops reading as soon as a downstream take(n) has its chunks', async () => {
      const wav = await openWav(soxWav('float32', 2, 2));
      let read = 0;
      const chunks = await lastValueFrom(wav.chunks({ chunkFrames: 10 }).pipe(tap(() => read++), take(3), toArray()));
      expect(chunks.length).toBe(3);
      expect(read).toBe(3);
    });

    it('reads each chunk in a task of its own with a scheduler', async () => {
      const file = soxWav('int16', 2);
      const wav = await openWav(file);
      const seen: number[] = [];
      const done = lastValueFrom(wav.chunks({ chunkFrames: 500, scheduler: asapScheduler }).pipe(tap((c) => seen.push(c.shape[0])), toArray()));
      expect(seen).toEqual([]); // nothing synchronously
      const chunks = await done;
      expect(seen).toEqual([500, 500, 500, 500]);
      expect(joined(chunks)).toEqual(Array.from((await readWav(file)).samples.data));
    });

    it('reads every complete frame of a truncated data chunk and flags it', async () => {
      const file = soxWav('int16', 2);
      const full = await readWav(file);
      truncateSync(file, full.dataOffset + 10 * 4 + 3); // 10 frames and 3 bytes of the 11th
      const cut = await openWav(file);
      expect(cut.truncated).toBe(true);
      expect(cut.frames).toBe(10);
      const chunks = await lastValueFrom(cut.chunks().pipe(toArray()));
      expect(joined(chunks)).toEqual(Array.from(full.samples.data.subarray(0, 20)));
    });

    it('skips LIST and other chunks before the data, with or without their pad byte', async () => {
      const file = soxWav('int16', 2);
      const bytes = readFileSync(file);
      const ref = await readWav(file);
      const at = ref.riffChunks.find((c) => c.id === 'data')!.offset - 8;
      const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([5, 0, 0, 0]), Buffer.from('INFOx')]);
      for (const pad of [Buffer.from([0]), Buffer.alloc(0)]) {
        const edited = Buffer.concat([bytes.subarray(0, at), list, pad, Buffer.from('junk'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.from([0]), bytes.subarray(at)]);
        edited.writeUInt32LE(edited.length - 8, 4);
        const got = await readWav(edited);
        expect(got.riffChunks.map((c) => c.id)).toEqual(['fmt ', 'LIST', 'junk', 'data']);
        expect(Array.from(got.samples.data)).toEqual(Array.from(ref.samples.data));
      }
    });

    it('reads RF64 (64-bit sizes in a ds64 chunk)', async () => {
      const file = soxWav('int16', 2);
      const plain = await readWav(file);
      const bytes = readFileSync(file);
      const ds64 = Buffer.alloc(8 + 28);
      ds64.write('ds64', 0);
      ds64.writeUInt32LE(28, 4);
      ds64.writeBigUInt64LE(BigInt(bytes.length + 36 - 8), 8);
      ds64.writeBigUInt64LE(BigInt(plain.dataBytes), 16);
      ds64.writeBigUInt64LE(BigInt(plain.frames), 24);
      const rf64 = Buffer.concat([Buffer.from('RF64'), Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.from('WAVE'), ds64, bytes.subarray(12)]);
      const dataAt = rf64.indexOf('data', 12);
      rf64.writeUInt32LE(0xffffffff, dataAt + 4);
      writeFileSync(join(dir, 'rf64.wav'), rf64);
      const wav = await openWav(join(dir, 'rf64.wav'));
      expect(wav.container).toBe('RF64');
      expect(wav.frames).toBe(plain.frames);
      expect(joined(await lastValueFrom(wav.chunks().pipe(toArray())))).toEqual(Array.from(plain.samples.data));
    });

    it('reads Ambisonic B-format (sox .amb) files', async () => {
      const file = join(dir, 'b-format.amb');
      sox('-D', '-n', '-r', '8000', '-c', '4', '-b', '16', file, 'synth', '0.1', 'sine', '440');
      const wav = await readWav(readFileSync(file));
      expect(wav.channels).toBe(4);
      expect(Array.from(wav.samples.data)).toEqual(Array.from(soxFloat32(file, dir)));
    });
  });
});

describe('openWav and readWav on bad input', () => {
  requireSoxInCi();

  /** The WavError reading `bytes` gives, from both readers. */
  async function failure(bytes: Uint8Array): Promise<WavError> {
    const file = join(dir, `bad-${made++}.wav`);
    writeFileSync(file, bytes);
    const fromOpen = await openWav(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    const fromRead = await readWav(bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fromOpen).toBeInstanceOf(WavError);
    expect(fromRead).toBeInstanceOf(WavError);
    expect((fromOpen as WavError).message).toContain(`openWav: ${file}: `);
    expect((fromRead as WavError).message).toContain('readWav: <bytes>: ');
    expect((fromRead as WavError).code).toBe((fromOpen as WavError).code);
    return fromOpen as WavError;
  }

  /** A canonical 16-bit stereo header with `frames` frames of zeros, to break. */
  function wavBytes(frames = 4): Buffer {
    const b = Buffer.alloc(44 + frames * 4);
    b.write('RIFF', 0);
    b.writeUInt32LE(36 + frames * 4, 4);
    b.write('WAVEfmt ', 8);
    b.writeUInt32LE(16, 16);
    b.writeUInt16LE(1, 20);
    b.writeUInt16LE(2, 22);
    b.writeUInt32LE(8000, 24);
    b.writeUInt32LE(32000, 28);
    b.writeUInt16LE(4, 32);
    b.writeUInt16LE(16, 34);
    b.write('data', 36);
    b.writeUInt32LE(frames * 4, 40);
    return b;
  }

  it('reads the canonical header these tests break', async () => {
    const wav = await readWav(wavBytes(4));
    expect([wav.channels, wav.frames, wav.format, wav.truncated]).toEqual([2, 4, 'int16', false]);
  });

  it('says what a file that is not RIFF looks like', async () => {
    const mp3 = await failure(Buffer.from('ID3\x04\0\0\0\0\0\0\0\0\0\0\0\0'));
    expect(mp3.code).toBe('not-riff');
    expect(mp3.message).toMatch(/not a WAV file: it looks like an MP3 file/);
    expect((await failure(Buffer.from('hello, world, this is text'))).message).toMatch(/it starts with "hell"/);
    expect((await failure(new Uint8Array(0))).message).toMatch(/0 bytes long/);
    expect((await failure(Buffer.from('RIFX\0\0\0\0WAVE'))).message).toMatch(/big-endian RIFX/);
  });

  it('rejects a RIFF file that is not WAVE', async () => {
    const avi = await failure(Buffer.from('RIFF\x04\0\0\0AVI '));
    expect(avi.code).toBe('not-wave');
    expect(avi.message).toMatch(/form type "AVI "/);
  });

  it('names an unsupported codec in the format tag', async () => {
    for (const [tag, name] of [[0x55, 'MPEG Layer 3 (MP3)'], [0x11, 'IMA ADPCM'], [0x06, 'A-law'], [0x07, 'mu-law'], [0x1234, 'format tag 0x1234']] as const) {
      const b = wavBytes();
      b.writeUInt16LE(tag, 20);
      const e = await failure(b);
      expect(e.code).toBe('unsupported-codec');
      expect(e.message).toContain(`unsupported codec ${name}`);
    }
  });

  it.runIf(hasSox)('names the codec of sox-made ADPCM, A-law, mu-law and GSM files', async () => {
    for (const [encoding, name] of [['ima-adpcm', 'IMA ADPCM'], ['ms-adpcm', 'Microsoft ADPCM'], ['a-law', 'A-law'], ['u-law', 'mu-law'], ['gsm-full-rate', 'GSM 6.10']] as const) {
      const file = join(dir, `${encoding}.wav`);
      sox('-n', '-r', '8000', '-c', '1', '-e', encoding, file, 'synth', '0.1', 'sine', '440');
      const e = await failure(readFileSync(file));
      expect(e.code).toBe('unsupported-codec');
      expect(e.message).toContain(name);
    }
  });

  it('rejects an extensible header with an unknown sub-format', async () => {
    const b = Buffer.concat([wavBytes().subarray(0, 36), Buffer.alloc(24), wavBytes().subarray(36)]);
    b.writeUInt32LE(40, 16);
    b.writeUInt16LE(0xfffe, 20);
    b.writeUInt16LE(22, 36);
    b.writeUInt16LE(0x55, 44); // MP3 GUID: 00000055-0000-0010-8000-00aa00389b71
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(b, 46);
    expect((await failure(b)).message).toContain('MPEG Layer 3 (MP3) (format tag 0x0055) (as a WAVE_FORMAT_EXTENSIBLE sub-format)');
    Buffer.from('0000000000000000000000000000', 'hex').copy(b, 46);
    expect((await failure(b)).message).toContain('sub-format GUID 5500');
  });

  it('rejects zero channels, a zero sample rate, odd bit depths and sizes that disagree', async () => {
    const cases: [number, number, number, RegExp][] = [
      [22, 2, 0, /0 channels/],
      [24, 4, 0, /sample rate of 0 Hz/],
      [34, 2, 0, /0 bits per sample/],
      [34, 2, 40, /40-bit integer PCM is not supported/],
      [32, 2, 6, /block align \(6 bytes\) disagrees with 2 channels of 2 bytes/],
    ];
    for (const [offset, width, value, message] of cases) {
      const b = wavBytes();
      if (width === 2) b.writeUInt16LE(value, offset);
      else b.writeUInt32LE(value, offset);
      const e = await failure(b);
      expect(e.code).toBe('bad-format');
      expect(e.message).toMatch(message);
    }
    const float16 = wavBytes();
    float16.writeUInt16LE(3, 20);
    expect((await failure(float16)).message).toMatch(/16-bit IEEE float is not supported/);
  });

  it('rejects absurd chunk sizes without allocating them', async () => {
    const b = wavBytes();
    b.writeUInt32LE(0xfffffff0, 16); // fmt chunk "4 GiB long"
    expect((await failure(b)).code).toBe('bad-chunk');
    const list = Buffer.concat([wavBytes().subarray(0, 36), Buffer.from('LIST'), Buffer.from([0xf0, 0xff, 0xff, 0xff]), wavBytes().subarray(36)]);
    const e = await failure(list);
    expect(e.code).toBe('bad-chunk');
    expect(e.message).toMatch(/"LIST" chunk at byte 36 says 4294967280 bytes, past the end of the file/);
  });

  it('reads what is there when the data chunk says 4 GiB, and flags it', async () => {
    const b = wavBytes(3);
    b.writeUInt32LE(0xfffffff0, 40);
    const wav = await readWav(b);
    expect([wav.frames, wav.truncated]).toEqual([3, true]);
  });

  it('reads to the end of the file when the data size is 0xFFFFFFFF (a streaming writer)', async () => {
    const b = wavBytes(3);
    b.writeUInt32LE(0xffffffff, 40);
    const wav = await readWav(b);
    expect([wav.frames, wav.truncated]).toEqual([3, false]);
  });

  it('rejects files without fmt or data chunks', async () => {
    expect((await failure(wavBytes().subarray(0, 36))).code).toBe('no-data');
    const noFmt = Buffer.concat([wavBytes().subarray(0, 12), wavBytes().subarray(36)]);
    const e = await failure(noFmt);
    expect(e.code).toBe('bad-format');
    expect(e.message).toMatch(/data chunk comes before any fmt chunk/);
    expect((await failure(Buffer.from('RIFF\x04\0\0\0WAVE'))).message).toMatch(/no fmt chunk/);
  });

  it('rejects an RF64 file without ds64', async () => {
    const b = wavBytes();
    b.write('RF64', 0);
    b.writeUInt32LE(0xffffffff, 40);
    expect((await failure(b)).message).toMatch(/RF64 file without a ds64 chunk/);
  });

  it('passes file system errors through, and rejects what is not a path or bytes', async () => {
    await expect(openWav(join(dir, 'missing.wav'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readWav(dir)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(openWav('')).rejects.toThrow(TypeError);
    await expect(readWav(42 as unknown as string)).rejects.toThrow(/expected a file path or bytes/);
    await expect(readWav(wavBytes(), { dtype: 'int8' as 'raw' })).rejects.toThrow(TypeError);
  });

  it('rejects bad chunk options', async () => {
    const file = join(dir, 'ok.wav');
    writeFileSync(file, wavBytes());
    const wav = await openWav(file);
    expect(() => wav.chunks({ chunkFrames: 0 })).toThrow(RangeError);
    expect(() => wav.chunks({ chunkFrames: 1.5 })).toThrow(/chunkFrames must be a positive integer, got 1.5/);
    expect(() => wav.chunks({ start: -1 })).toThrow(RangeError);
    expect(() => wav.chunks({ start: 3, end: 2 })).toThrow(/start \(3\) is after end \(2\)/);
  });

  it('errors the stream when the file shrank after openWav', async () => {
    const file = join(dir, 'shrinks.wav');
    writeFileSync(file, wavBytes(100));
    const wav = await openWav(file);
    truncateSync(file, 44 + 40);
    await expect(lastValueFrom(wav.chunks({ chunkFrames: 16 }))).rejects.toMatchObject({ code: 'changed' });
  });
});
