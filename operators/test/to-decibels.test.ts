// Tolerances: within 1e-12 dB of the reference (librosa-style formulas in numpy).
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, of, toArray } from 'rxjs';
import { asMultichannel } from '@ringflow/core';
import { rms, toDecibels } from '@ringflow/operators';
import { fixture, marbleScheduler, relError, badChunks } from './helpers/chunking.js';

const ref = await fixture<Record<string, number[]>>('spectral/magnitude.json');

describe('toDecibels', () => {
  it('matches the amplitude_to_db / power_to_db reference when given each option set', async () => {
    const a = Float64Array.from(ref['magnitude']!);
    const p = Float64Array.from(ref['power']!);
    const maxA = Math.max(...a);
    const maxP = Math.max(...p);
    const run = (x: Float64Array, o: Parameters<typeof toDecibels>[0]) => lastValueFrom(of(x).pipe(toDecibels(o)));
    expect(relError(await run(a, {}), ref['db']!)).toBeLessThan(1e-12);
    expect(relError(await run(a, { ref: 0.5, amin: 1e-3 }), ref['dbRef']!)).toBeLessThan(1e-12);
    expect(relError(await run(a, { ref: maxA }), ref['dbRefMax']!)).toBeLessThan(1e-12);
    expect(relError(await run(a, { ref: 'max' }), ref['dbRefMax']!)).toBeLessThan(1e-12);
    expect(relError(await run(a, { topDb: 60 }), ref['dbTop']!)).toBeLessThan(1e-12);
    expect(relError(await run(p, { power: true }), ref['powerDb']!)).toBeLessThan(1e-12);
    expect(relError(await run(p, { power: true, ref: maxP, topDb: 80 }), ref['powerDbRefMaxTop']!)).toBeLessThan(1e-12);
  });

  it('converts each chunk on its own, keeping float32, when chunks arrive over time', () => {
    marbleScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: Float32Array.of(1, 0.1, 0), b: Float32Array.of(10) });
      expectObservable(source.pipe(toDecibels())).toBe('a-b|', { a: Float32Array.of(0, -20, -100), b: Float32Array.of(20) });
      // ref 'max' is per chunk: each chunk's maximum maps to 0 dB.
      expectObservable(source.pipe(toDecibels({ ref: 'max' }))).toBe('a-b|', { a: Float32Array.of(0, -20, -100), b: Float32Array.of(0) });
    });
  });

  it('throws at creation for ref <= 0, amin <= 0 or topDb < 0', () => {
    expect(() => toDecibels({ ref: 0 })).toThrow(/toDecibels: ref/);
    expect(() => toDecibels({ amin: -1 })).toThrow(RangeError);
    expect(() => toDecibels({ topDb: -3 })).toThrow(RangeError);
    expect(() => toDecibels({ power: 'yes' as never })).toThrow(TypeError);
  });

  it('gives NaN for NaN input by default and errors the stream when nan is error', async () => {
    const db = await lastValueFrom(of(Float64Array.of(Number.NaN, 1)).pipe(toDecibels()));
    expect(db[0]).toBeNaN();
    expect(db[1]).toBe(0);
    await expect(lastValueFrom(of(Float64Array.of(1, Number.NaN)).pipe(toDecibels({ nan: 'error' })))).rejects.toThrow(/NaN at input sample 1/);
    await expect(lastValueFrom(badChunks([1, 2]).pipe(toDecibels()))).rejects.toThrow(TypeError);
  });

  it('converts [blocks, channels] levels whatever the number of blocks per chunk (rms -> toDecibels)', async () => {
    const x = asMultichannel(Float64Array.from({ length: 2 * 1000 }, (_, i) => (i % 2 === 0 ? 0.5 : 0.05)), 2);
    const levels = await lastValueFrom(from([x]).pipe(rms({ blockSize: 300 }), toDecibels(), toArray()));
    expect(levels.map((l) => l.shape)).toEqual([[3, 2]]);
    const more = await lastValueFrom(from([x, x]).pipe(rms({ blockSize: 300 }), toDecibels(), toArray()));
    expect(more.map((l) => l.shape)).toEqual([[3, 2], [3, 2]]);
    expect(Array.from(more[0]!.data, (v) => Math.round(v * 1000) / 1000)).toEqual([-6.021, -26.021, -6.021, -26.021, -6.021, -26.021]);
    const uneven = await lastValueFrom(from([asMultichannel(x.data.subarray(0, 2 * 700), 2), asMultichannel(x.data.subarray(0, 2 * 200), 2)]).pipe(rms({ blockSize: 300 }), toDecibels(), toArray()));
    expect(uneven.map((l) => l.shape)).toEqual([[2, 2], [1, 2]]);
  });
});
