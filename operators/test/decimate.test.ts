// Tolerances: within 1e-12 of scipy.signal.decimate(zero_phase=False) relative to max(1, max|y|);
// float32 within 5e-5 (SciPy filters float32 in float32); chunkings agree exactly.
import { describe, expect, it } from 'vitest';
import { lastValueFrom, map, of, Subject } from 'rxjs';
import { decimate } from '@ringflow/operators';
import { expectChunkingIndependent, fixture, join, marbleScheduler, noise, relError, runChunks, badChunks } from './helpers/chunking.js';

interface Case {
  q: number;
  ftype: 'iir' | 'fir';
  n: number | null;
  output: number[];
  outputFloat32: number[];
}
const ref = await fixture<{ input: number[]; cases: Case[] }>('filters/decimate.json');
const opts = (c: Case) => ({ ftype: c.ftype, ...(c.n === null ? {} : { n: c.n }) });

describe('decimate', () => {
  it('matches scipy.signal.decimate(zero_phase=False) when fed in chunks of 77', async () => {
    for (const c of ref.cases) {
      const y = join(await runChunks(Float64Array.from(ref.input), 77, decimate<Float64Array>(c.q, opts(c))));
      expect(relError(y, c.output), JSON.stringify(opts(c))).toBeLessThan(1e-12);
    }
  });

  it('keeps float32 as float32, within 5e-5 of SciPy, when the input is float32', async () => {
    for (const c of ref.cases) {
      const out = await runChunks(Float32Array.from(ref.input), 128, decimate<Float32Array>(c.q, opts(c)));
      for (const chunk of out) expect(chunk).toBeInstanceOf(Float32Array);
      expect(relError(join(out), c.outputFloat32)).toBeLessThan(5e-5);
    }
  });

  it('gives the same output whatever the chunking when fed 10 000 samples in chunks of 1..10 000', async () => {
    const x = noise(10_000, 23);
    expect(await expectChunkingIndependent(x, () => decimate<Float64Array>(3), 0)).toHaveLength(3334);
    expect(await expectChunkingIndependent(x, () => decimate<Float64Array>(4, { ftype: 'fir' }), 0)).toHaveLength(2500);
  });

  it('emits the kept samples of each chunk and nothing for chunks that keep none', () => {
    marbleScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c|', { a: new Float64Array(4), b: new Float64Array(1), c: new Float64Array(3) });
      // q = 3 keeps inputs 0 and 3 (in a), none in b (4), 6 in c (5..7).
      expectObservable(source.pipe(decimate(3), map((y) => y.length))).toBe('a---c|', { a: 2, c: 1 });
    });
  });

  it('throws at creation for a bad factor, order or filter type', () => {
    expect(() => decimate(0)).toThrow(RangeError);
    expect(() => decimate(2.5)).toThrow(RangeError);
    expect(() => decimate(1, { ftype: 'fir' })).toThrow(RangeError);
    expect(() => decimate(2, { ftype: 'fancy' as never })).toThrow(TypeError);
    expect(() => decimate(2, { n: 0 })).toThrow(RangeError);
  });

  it('errors the stream for wrong formats and NaN with nan error, and stops when unsubscribed', async () => {
    await expect(lastValueFrom(badChunks(new Uint16Array(9)).pipe(decimate(3)))).rejects.toThrow(TypeError);
    await expect(lastValueFrom(of(Float64Array.of(1, Number.NaN)).pipe(decimate(2, { nan: 'error' })))).rejects.toThrow(/NaN at input sample 1/);
    const input = new Subject<Float64Array>();
    const sub = input.pipe(decimate(2)).subscribe();
    sub.unsubscribe();
    expect(input.observed).toBe(false);
  });
});
