// Tolerances: within 1e-14 relative of numpy's abs / abs**2 (one sqrt of a float64 sum).
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, of, Subject, toArray } from 'rxjs';
import { fft, magnitude } from '@ringflow/operators';
import { fixture, marbleScheduler, noise, relError, badChunks } from './helpers/chunking.js';

const ref = await fixture<{ z: number[]; magnitude: number[]; power: number[] }>('spectral/magnitude.json');

describe('magnitude', () => {
  it('matches numpy abs(z) and abs(z)**2 when given interleaved complex chunks', async () => {
    const z = Float64Array.from(ref.z);
    expect(relError(await lastValueFrom(of(z).pipe(magnitude())), ref.magnitude)).toBeLessThan(1e-14);
    expect(relError(await lastValueFrom(of(z).pipe(magnitude({ power: true }))), ref.power)).toBeLessThan(1e-14);
  });

  it('emits one chunk of half the length per spectrum, keeping float32', () => {
    marbleScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: Float32Array.of(3, 4, 0, -2), b: Float32Array.of(1, 0) });
      expectObservable(source.pipe(magnitude())).toBe('a-b|', { a: Float32Array.of(5, 2), b: Float32Array.of(1) });
    });
  });

  it('gives the spectrum of a sine its peak at the right bin when chained after fft', async () => {
    const n = 256;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 10 * i) / n));
    const m = await lastValueFrom(of(x).pipe(fft(), magnitude()));
    expect(m).toHaveLength(129);
    expect(m[10]).toBeCloseTo(n / 2, 9);
    expect(Math.max(...Array.from(m).filter((_, k) => k !== 10))).toBeLessThan(1e-9);
  });

  it('reuses one buffer when reuse is true', () => {
    const buffers = new Set<ArrayBufferLike>();
    from([noise(8, 1), noise(8, 2)]).pipe(magnitude({ reuse: true })).subscribe((m) => buffers.add(m.buffer));
    expect(buffers.size).toBe(1);
  });

  it('errors the stream for an odd length or a wrong format', async () => {
    await expect(lastValueFrom(of(new Float64Array(3)).pipe(magnitude()))).rejects.toThrow(/even length/);
    await expect(lastValueFrom(badChunks(new Int8Array(4)).pipe(magnitude()))).rejects.toThrow(TypeError);
    expect(() => magnitude({ power: 1 as never })).toThrow(TypeError);
  });

  it('propagates NaN to its bin only, or errors when nan is error', async () => {
    const m = await lastValueFrom(of(Float64Array.of(Number.NaN, 0, 3, 4)).pipe(magnitude()));
    expect(m[0]).toBeNaN();
    expect(m[1]).toBe(5);
    await expect(lastValueFrom(of(Float64Array.of(Number.NaN, 0)).pipe(magnitude({ nan: 'error' })))).rejects.toThrow(RangeError);
  });

  it('stops when unsubscribed', async () => {
    const input = new Subject<Float64Array>();
    const sub = input.pipe(magnitude()).subscribe();
    sub.unsubscribe();
    expect(input.observed).toBe(false);
    expect(await lastValueFrom(from([]).pipe(magnitude(), toArray()))).toEqual([]);
  });
});
