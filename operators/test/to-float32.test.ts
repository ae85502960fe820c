import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { from, map, toArray, lastValueFrom } from 'rxjs';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { fromFloat32, toFloat32 } from '@ringflow/operators';
import { toFloat32 as fromKernels } from '@ringflow/operators/kernels';

/** sox converts raw PCM files; the cross-checks need it (CI installs it: .ci/run). */
export const hasSox = spawnSync('sox', ['--version']).status === 0;

/** Runs sox on raw files: `sox -t <from> in -t <to> out` (mono, 8 kHz, no dither); returns the output bytes. */
export function sox(input: Uint8Array, from: string[], to: string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ringflow-sox-'));
  try {
    writeFileSync(join(dir, 'in.raw'), input);
    const run = spawnSync('sox', ['-D', '-V1', '-r', '8000', '-c', '1', ...from, join(dir, 'in.raw'), ...to, join(dir, 'out.raw')]);
    if (run.status !== 0) throw new Error(`sox failed: ${run.stderr.toString()}`);
    return readFileSync(join(dir, 'out.raw'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('toFloat32', () => {
  it('converts int16 to [-1, 1) float32 by 1 / 32768', () => {
    const out = toFloat32(Int16Array.of(-32768, 0, 16384, 32767));
    expect(out).toBeInstanceOf(Float32Array);
    expect(out).toEqual(Float32Array.of(-1, 0, 0.5, 32767 / 32768));
  });

  it('keeps the [frames, channels] layout, strided views included', () => {
    const stereo = toFloat32(asMultichannel(Int16Array.of(-32768, 16384, 0, 8192), 2));
    expect(stereo).toEqual(asMultichannel(Float32Array.of(-1, 0.5, 0, 0.25), 2));
    // Channel-major storage of the same two frames.
    const view: MultichannelChunk<Int16Array> = { data: Int16Array.of(-32768, 0, 16384, 8192), shape: [2, 2], stride: [1, 2], offset: 0 };
    expect(toFloat32(view)).toEqual(stereo);
  });

  it('takes the format from the class unless given (int24 in an Int32Array), and passes floats unscaled', () => {
    expect(toFloat32(Uint8Array.of(0, 128, 255))).toEqual(Float32Array.of(-1, 0, 127 / 128));
    expect(toFloat32(Int32Array.of(2 ** 22), 'int24')).toEqual(Float32Array.of(0.5));
    expect(toFloat32(Float64Array.of(0.1, 2))).toEqual(Float32Array.of(0.1, 2));
  });

  it('works inside map() and is the same function in ./kernels', async () => {
    const out = await lastValueFrom(from([Int16Array.of(16384), Int16Array.of(-16384)]).pipe(map((c) => toFloat32(c)), toArray()));
    expect(out).toEqual([Float32Array.of(0.5), Float32Array.of(-0.5)]);
    expect(fromKernels).toBe(toFloat32);
  });

  it('rejects BigInt arrays, plain arrays and bad formats', () => {
    expect(() => toFloat32(new BigInt64Array(2) as never)).toThrow(TypeError);
    expect(() => toFloat32([1, 2] as never)).toThrow(TypeError);
    expect(() => toFloat32(new Int16Array(2), 'int24')).toThrow(TypeError);
    expect(() => toFloat32(asMultichannel(new Int16Array(4), 2), 'pcm' as never)).toThrow(TypeError);
  });

  it.skipIf(!hasSox)('matches sox reading s8/u8/s16 raw files as 32-bit floats exactly, s32 to the 24 bits sox keeps', () => {
    const rng = (n: number, lo: number, hi: number) => Float64Array.from({ length: n }, (_, i) => Math.floor(lo + ((i * 2654435761) % 4294967296) / 4294967296 * (hi - lo)));
    const cases: [Int8Array | Uint8Array | Int16Array | Int32Array, string][] = [
      [Int8Array.from(rng(256, -128, 128)), 's8'],
      [Uint8Array.from(rng(256, 0, 256)), 'u8'],
      [Int16Array.from([-32768, 32767, 0, ...rng(2000, -32768, 32768)]), 's16'],
      [Int32Array.from([-(2 ** 31), 2 ** 31 - 1, ...rng(2000, -(2 ** 31), 2 ** 31)]), 's32'],
    ];
    for (const [pcm, type] of cases) {
      const expected = new Float32Array(new Uint8Array(sox(new Uint8Array(pcm.buffer), ['-t', type], ['-t', 'f32'])).buffer);
      const got = toFloat32(pcm);
      if (type !== 's32') expect(got, type).toEqual(expected);
      // Ours is the correctly rounded x / 2^31; sox keeps 24 bits of a 32-bit sample (1000 reads as 1024 / 2^31).
      else for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThanOrEqual(2 ** -24);
    }
  });

  it('runs the sox cross-checks in CI', () => {
    if (process.env['RINGFLOW_CI'] === '1') expect(hasSox, 'sox must be installed in CI (.ci/run)').toBe(true);
  });
});

describe('fromFloat32', () => {
  it('converts floats to int16 with rounding and clipping, keeping the layout', () => {
    expect(fromFloat32(Float32Array.of(-1, 0.5, 1, -2), 'int16')).toEqual(Int16Array.of(-32768, 16384, 32767, -32768));
    expect(fromFloat32(asMultichannel(Float64Array.of(0.25, -0.25), 2), 'int8')).toEqual(asMultichannel(Int8Array.of(32, -32), 2));
    expect(fromFloat32(Float32Array.of(0), 'uint8')).toEqual(Uint8Array.of(128));
    expect(fromFloat32(Float32Array.of(0.5), 'h')).toEqual(Int16Array.of(16384));
  });

  it('undoes toFloat32 exactly for every format', () => {
    const cases = [Int8Array.of(-128, -1, 0, 127), Uint8Array.of(0, 1, 128, 255), Int16Array.of(-32768, -1, 1, 32767), Uint16Array.of(0, 65535), Int32Array.of(-(2 ** 31), 12345, 2 ** 31 - 1)];
    const formats = ['int8', 'uint8', 'int16', 'uint16', 'int32'] as const;
    cases.forEach((pcm, k) => {
      // int32 needs float64 to be exact (float32 keeps 24 bits).
      const f = k === 4 ? Float64Array.from(toFloat32(pcm), (_, i) => pcm[i]! / 2 ** 31) : toFloat32(pcm);
      expect(fromFloat32(f, formats[k]!)).toEqual(pcm);
    });
  });

  it('dithers reproducibly with a seeded source, and with a random one on request', async () => {
    const { createTpdfDither } = await import('@ringflow/operators');
    const x = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i) * 0.001);
    expect(fromFloat32(x, 'int16', { dither: createTpdfDither(1) })).toEqual(fromFloat32(x, 'int16', { dither: createTpdfDither(1) }));
    const random = fromFloat32(x, 'int16', { dither: 'tpdf' });
    expect(random).toBeInstanceOf(Int16Array);
    expect(random.some((v, i) => Math.abs(v - x[i]! * 32768) > 0.5)).toBe(true);
  });

  it('rejects non-float input, unknown formats and options', () => {
    expect(() => fromFloat32(new Int16Array(1) as never, 'int16')).toThrow(TypeError);
    expect(() => fromFloat32(new Float32Array(1), 'int12' as never)).toThrow(TypeError);
    expect(() => fromFloat32(new Float32Array(1), 'int16', { dither: 'rpdf' as never })).toThrow(TypeError);
    expect(() => fromFloat32(new Float32Array(1), 'int16', { ditherr: 'tpdf' } as never)).toThrow(TypeError);
  });

  it.skipIf(!hasSox)('matches sox writing 32-bit floats as s8/u8/s16 without dither exactly (rounding ties and clipping included), s32 to 1 LSB', () => {
    const lsb16 = 2 ** -15;
    const x = Float32Array.from([
      ...[0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 100.5, -100.5].map((k) => k * lsb16),
      1, -1, 0.99999, -1.5, 2,
      ...Array.from({ length: 2000 }, (_, i) => Math.sin(i * 0.37) * 1.1),
    ]);
    const cases: [string, 'int8' | 'uint8' | 'int16' | 'int32', new (b: ArrayBuffer) => ArrayLike<number>][] = [
      ['s8', 'int8', Int8Array],
      ['u8', 'uint8', Uint8Array],
      ['s16', 'int16', Int16Array],
      ['s32', 'int32', Int32Array],
    ];
    for (const [type, format, Type] of cases) {
      const bytes = sox(new Uint8Array(x.buffer), ['-t', 'f32'], ['-t', type]);
      const expected = Array.from(new Type(new Uint8Array(bytes).buffer));
      const got = Array.from(fromFloat32(x, format));
      // sox truncates at 32 bits (then rounds half up to fewer bits): an exact tie at 32 bits can differ by 1.
      const slack = type === 's32' ? 1 : 0;
      const mismatches = got.map((v, i) => [i, v, expected[i]!]).filter(([, v, e]) => Math.abs(v! - e!) > slack);
      expect(mismatches.slice(0, 5), type).toEqual([]);
    }
  });
});
