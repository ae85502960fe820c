// Tolerances: whole-stream output within 1e-12 of scipy.signal.resample_poly relative to
// max(1, max|y|) for float64; float32 within 1e-5 (SciPy resamples float32 in float32); chunkings
// agree exactly (each output is the same dot product whatever the chunking).
import { describe, expect, it } from 'vitest';
import { lastValueFrom, map, of, Subject } from 'rxjs';
import { resample, type ResampleOperatorOptions } from '@ringflow/operators';
import { expectChunkingIndependent, fixture, join, marbleScheduler, noise, relError, runChunks, badChunks } from './helpers/chunking.js';

interface Case {
  up: number;
  down: number;
  window: null | string | [string, number] | number[];
  inputLength: number;
  output: number[];
  float32?: boolean;
}
const fixtures = await Promise.all(
  ['resample-integer.json', 'resample-rational.json', 'resample-windows.json'].map((f) =>
    fixture<{ input: number[]; cases: Case[] }>(`filters/${f}`),
  ),
);
const options = (c: Case): ResampleOperatorOptions =>
  c.window === null ? {} : { window: c.window as ResampleOperatorOptions['window'] };

describe('resample', () => {
  it('matches scipy.signal.resample_poly over the whole stream, tail included, when fed in chunks of 100', async () => {
    let count = 0;
    for (const f of fixtures) {
      for (const c of f.cases) {
        const label = JSON.stringify({ up: c.up, down: c.down, window: c.window });
        if (c.float32 === true) {
          const out = await runChunks(Float32Array.from(f.input.slice(0, c.inputLength)), 100, resample<Float32Array>(c.up, c.down, options(c)));
          for (const chunk of out) expect(chunk).toBeInstanceOf(Float32Array);
          expect(relError(join(out), c.output), label).toBeLessThan(1e-5);
        } else {
          const out = await runChunks(Float64Array.from(f.input.slice(0, c.inputLength)), 100, resample<Float64Array>(c.up, c.down, options(c)));
          expect(relError(join(out), c.output), label).toBeLessThan(1e-12);
        }
        count++;
      }
    }
    expect(count).toBeGreaterThan(12);
  });

  it('gives the same output whatever the chunking when fed 10 000 samples in chunks of 1..10 000', async () => {
    const x = noise(10_000, 17);
    for (const [up, down] of [[3, 2], [160, 147], [1, 4]] as const) {
      const y = await expectChunkingIndependent(x, () => resample<Float64Array>(up, down), 0);
      expect(y).toHaveLength(Math.ceil((10_000 * up) / down));
    }
  });

  it('emits the outputs each chunk completes and flushes the tail at completion', () => {
    // resample(2, 1): half_len 20, so output t leaves once input floor((t + 20) / 2) arrived.
    const a = noise(12, 1);
    const b = noise(2, 2);
    marbleScheduler().run(({ cold, expectObservable }) => {
      const lengths = cold('a-b--|', { a, b }).pipe(resample(2, 1), map((c) => c.length));
      expectObservable(lengths).toBe('a-b--(t|)', { a: 4, b: 4, t: 20 });
    });
  });

  it('emits chunks of 4, 4 and a 20-sample tail for 12 + 2 samples at 2:1', async () => {
    const out = await runChunks(noise(14, 3), 12, resample<Float64Array>(2, 1));
    expect(out.map((c) => c.length)).toEqual([4, 4, 20]);
  });

  it('throws at creation for factors that are not positive integers or bad windows', () => {
    expect(() => resample(0, 1)).toThrow(RangeError);
    expect(() => resample(1, 2.5)).toThrow(RangeError);
    expect(() => resample('2' as never, 1)).toThrow(TypeError);
    expect(() => resample(2, 1, { window: [] })).toThrow(RangeError);
    expect(() => resample(2, 1, { window: 'nope' as never })).toThrow(TypeError);
  });

  it('errors the stream for wrong formats and NaN with nan error, and stops when unsubscribed', async () => {
    await expect(lastValueFrom(badChunks(new Int16Array(100)).pipe(resample(3, 2)))).rejects.toThrow(TypeError);
    await expect(lastValueFrom(of(Float64Array.of(0, Number.NaN)).pipe(resample(3, 2, { nan: 'error' })))).rejects.toThrow(/NaN/);
    const input = new Subject<Float64Array>();
    const sub = input.pipe(resample(3, 2)).subscribe();
    sub.unsubscribe();
    expect(input.observed).toBe(false);
  });

  it('reuses one buffer for per-chunk outputs when reuse is true', async () => {
    const x = noise(2000, 4);
    const buffers = new Set<ArrayBufferLike>();
    const copies: number[] = [];
    const input = new Subject<Float64Array>();
    input.pipe(resample<Float64Array>(3, 2, { reuse: true })).subscribe((c) => {
      buffers.add(c.buffer);
      copies.push(...c);
    });
    for (let i = 0; i < 2000; i += 200) input.next(x.subarray(i, i + 200));
    expect(buffers.size).toBe(1);
    input.complete();
    expect(Float64Array.from(copies)).toEqual(join(await runChunks(x, 200, resample<Float64Array>(3, 2))));
  });
});
