// Tolerances: spectra within 1e-12 of numpy.fft.rfft relative to max(1, max|X|); round trips
// within 1e-12 absolute on O(1) signals; Parseval within 1e-12 relative.
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, of, Subject, toArray } from 'rxjs';
import { fft, ifft } from '@ringflow/operators';
import { fixture, marbleScheduler, noise, relError, badChunks } from './helpers/chunking.js';

interface RfftCase {
  n: number;
  x: number[];
  X: number[];
}
const rfftCases = [
  ...(await fixture<{ cases: RfftCase[] }>('spectral/rfft-small.json')).cases,
  ...(await fixture<{ cases: RfftCase[] }>('spectral/rfft-1000.json')).cases,
  ...(await fixture<{ cases: RfftCase[] }>('spectral/rfft-1024.json')).cases,
];
const irfftCases = (await fixture<{ cases: { n: number; X: number[]; x: number[] }[] }>('spectral/irfft.json')).cases;


describe('fft', () => {
  it('matches numpy.fft.rfft frame by frame when frames of many lengths go through one subscription', async () => {
    const out = await lastValueFrom(from(rfftCases.map((c) => Float64Array.from(c.x))).pipe(fft(), toArray()));
    expect(out).toHaveLength(rfftCases.length);
    rfftCases.forEach((c, k) => {
      expect(out[k]).toHaveLength(2 * (Math.floor(c.n / 2) + 1));
      expect(relError(out[k]!, c.X), `n=${c.n}`).toBeLessThan(1e-12);
    });
  });

  it('keeps float32 as float32 when the frames are float32', async () => {
    const x = Float32Array.from(noise(256, 1));
    const [X] = await lastValueFrom(of(x).pipe(fft(), toArray()));
    expect(X).toBeInstanceOf(Float32Array);
    const [X64] = await lastValueFrom(of(Float64Array.from(x)).pipe(fft(), toArray()));
    expect(X).toEqual(Float32Array.from(X64!));
  });

  it('satisfies Parseval when given a random frame', async () => {
    const n = 1024;
    const x = noise(n, 2);
    const X = await lastValueFrom(of(x).pipe(fft()));
    let time = 0;
    for (const v of x) time += v * v;
    let freq = 0;
    for (let k = 0; k <= n / 2; k++) {
      const p = X[2 * k]! ** 2 + X[2 * k + 1]! ** 2;
      freq += k === 0 || k === n / 2 ? p : 2 * p;
    }
    expect(Math.abs(freq / n - time) / time).toBeLessThan(1e-12);
  });

  it('emits one spectrum per frame, in step with the frames', () => {
    marbleScheduler().run(({ cold, expectObservable }) => {
      const source = cold('-a--b|', { a: Float64Array.of(1, 0, 0, 0), b: Float64Array.of(1, 1) });
      expectObservable(source.pipe(fft())).toBe('-a--b|', { a: Float64Array.of(1, 0, 1, 0, 1, 0), b: Float64Array.of(2, 0, 0, 0) });
    });
  });

  it('reuses one output buffer when reuse is true', async () => {
    const frames = [noise(64, 1), noise(64, 2)];
    const buffers = new Set<ArrayBufferLike>();
    from(frames).pipe(fft({ reuse: true })).subscribe((X) => buffers.add(X.buffer));
    expect(buffers.size).toBe(1);
    const fresh = await lastValueFrom(from(frames).pipe(fft(), toArray()));
    expect(fresh[0]!.buffer).not.toBe(fresh[1]!.buffer);
  });

  it('errors the stream for empty frames, wrong formats, and NaN with nan error', async () => {
    await expect(lastValueFrom(of(new Float64Array(0)).pipe(fft()))).rejects.toThrow(RangeError);
    await expect(lastValueFrom(badChunks(new Int32Array(8)).pipe(fft()))).rejects.toThrow(TypeError);
    const nanFrame = Float64Array.of(1, Number.NaN, 0, 0);
    const X = await lastValueFrom(of(nanFrame).pipe(fft()));
    for (let k = 0; k < 3; k++) expect(X[2 * k], `bin ${k}`).toBeNaN();
    await expect(lastValueFrom(of(nanFrame).pipe(fft({ nan: 'error' })))).rejects.toThrow(/NaN/);
    expect(() => fft({ reuse: 'yes' as never })).toThrow(TypeError);
  });

  it('stops when the subscriber unsubscribes', () => {
    const input = new Subject<Float64Array>();
    let count = 0;
    const sub = input.pipe(fft()).subscribe(() => count++);
    input.next(new Float64Array(4));
    sub.unsubscribe();
    input.next(new Float64Array(4));
    expect(count).toBe(1);
    expect(input.observed).toBe(false);
  });
});

describe('ifft', () => {
  it('matches numpy.fft.irfft when given the size of each frame', async () => {
    for (const c of irfftCases) {
      const x = await lastValueFrom(of(Float64Array.from(c.X)).pipe(ifft({ size: c.n })));
      expect(relError(x, c.x), `n=${c.n}`).toBeLessThan(1e-12);
    }
  });

  it('defaults to 2 * (bins - 1) samples and round-trips fft output of even and odd lengths', async () => {
    const even = noise(1000, 3);
    const back = await lastValueFrom(of(even).pipe(fft(), ifft()));
    expect(back).toHaveLength(1000);
    expect(relError(back, even)).toBeLessThan(1e-12);
    const odd = noise(255, 4);
    const backOdd = await lastValueFrom(of(odd).pipe(fft(), ifft({ size: 255 })));
    expect(relError(backOdd, odd)).toBeLessThan(1e-12);
    const f32 = Float32Array.from(noise(64, 5));
    const back32 = await lastValueFrom(of(f32).pipe(fft(), ifft()));
    expect(back32).toBeInstanceOf(Float32Array);
    expect(relError(back32, f32)).toBeLessThan(1e-6);
  });

  it('errors the stream for odd lengths, a single bin without size, or bins that do not fit size', async () => {
    await expect(lastValueFrom(of(new Float64Array(5)).pipe(ifft()))).rejects.toThrow(/even/);
    await expect(lastValueFrom(of(new Float64Array(2)).pipe(ifft()))).rejects.toThrow(/size/);
    await expect(lastValueFrom(of(new Float64Array(10)).pipe(ifft({ size: 16 })))).rejects.toThrow(/needs 9 bins, got 5/);
    expect(() => ifft({ size: 0 })).toThrow(RangeError);
    expect(() => ifft({ size: 2.5 })).toThrow(RangeError);
  });
});

