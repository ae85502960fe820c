// Tolerances: float64 within 1e-12 of scipy.signal.lfilter relative to max(1, max|y|); float32
// input within 1e-6; chunkings agree exactly (the convolution is evaluated per sample).
import { describe, expect, it } from 'vitest';
import { BehaviorSubject, from, lastValueFrom, of, Subject, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { firwin } from '../src/design/firwin.js';
import { fir } from '../src/fir.js';
import { expectChunkingIndependent, fixture, join, noise, relError, runChunks, split, badChunks, marbleScheduler } from './helpers/chunking.js';
import { asMultichannel } from '@ringflow/core';
import { take } from 'rxjs';
import { noise as noiseSource } from '../src/noise.js';
import { filtering } from './helpers/filtering-fixture.js';
import { interleave, runFrames } from './helpers/multichannel-lanes.js';
import { expectClose } from './helpers/signal.js';

interface Case {
  name: string;
  taps: number[];
  output: number[];
  outputFloat32Input?: number[];
}
const filters = await fixture<{ input: number[]; cases: Case[] }>('filters/fir.json');

/** Direct convolution y[n] = sum_k h[k] x[n-k], the definition. */
function convolve(h: ArrayLike<number>, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(x.length);
  for (let n = 0; n < x.length; n++) {
    let acc = 0;
    for (let k = 0; k < h.length && k <= n; k++) acc += h[k]! * x[n - k]!;
    y[n] = acc;
  }
  return y;
}

describe('fir', () => {
  it('matches scipy.signal.lfilter(taps, 1, x) when the stream arrives in chunks of 100', async () => {
    const x = Float64Array.from(filters.input);
    for (const c of filters.cases) {
      const y = join(await runChunks(x, 100, fir(c.taps)));
      expect(relError(y, c.output), c.name).toBeLessThan(1e-12);
    }
  });

  it('keeps float32 as float32, within 1e-6 of SciPy, when the input is float32', async () => {
    const c = filters.cases.find((k) => k.outputFloat32Input !== undefined)!;
    const chunks = await runChunks(Float32Array.from(filters.input), 33, fir<Float32Array>(c.taps));
    for (const chunk of chunks) expect(chunk).toBeInstanceOf(Float32Array);
    expect(relError(join(chunks), c.outputFloat32Input!)).toBeLessThan(1e-6);
  });

  it('emits the taps as its impulse response when fed a unit impulse in small chunks', async () => {
    const taps = firwin(63, 0.3);
    const impulse = new Float64Array(100);
    impulse[0] = 1;
    const y = join(await runChunks(impulse, 7, fir<Float64Array>(taps)));
    expect(Array.from(y.subarray(0, 63))).toEqual(Array.from(taps));
    expect(Array.from(y.subarray(63))).toEqual(new Array(37).fill(0));
  });

  it('gives bit-identical output whatever the chunking with the direct method', async () => {
    const taps = noise(41, 3);
    const x = noise(10_000, 4);
    const y = await expectChunkingIndependent(x, () => fir<Float64Array>(taps, { method: 'direct' }), 0);
    expect(relError(y, convolve(taps, x))).toBeLessThan(1e-13);
  });

  it('gives the same output within float64 rounding whatever the chunking with the auto and fft methods', async () => {
    const taps = noise(301, 5);
    const x = noise(10_000, 6);
    for (const method of ['auto', 'fft'] as const) {
      const y = await expectChunkingIndependent(x, () => fir<Float64Array>(taps, { method }), 1e-13);
      expect(relError(y, convolve(taps, x)), method).toBeLessThan(1e-13);
    }
  });

  it('applies live taps of the same length from the next chunk on, over the real past input', async () => {
    const x = noise(300, 9);
    const h1 = noise(16, 1);
    const h2 = noise(16, 2);
    const taps = new BehaviorSubject<ArrayLike<number>>(h1);
    const input = new Subject<Float64Array>();
    const out: Float64Array[] = [];
    input.pipe(fir(taps)).subscribe((c) => out.push(c));
    input.next(x.subarray(0, 100));
    taps.next(h2);
    input.next(x.subarray(100));
    const y = join(out);
    expect(relError(y.subarray(0, 100), convolve(h1, x).subarray(0, 100))).toBeLessThan(1e-14);
    expect(relError(y.subarray(100), convolve(h2, x).subarray(100))).toBeLessThan(1e-14);
  });

  it('restarts the delay line when the live taps change length', async () => {
    const x = noise(200, 9);
    const input = new Subject<Float64Array>();
    const out: Float64Array[] = [];
    const taps = new BehaviorSubject<ArrayLike<number>>([1, 1]);
    input.pipe(fir(taps)).subscribe((c) => out.push(c));
    input.next(x.subarray(0, 100));
    taps.next([0.5, 0.25, 0.25]);
    input.next(x.subarray(100));
    expect(relError(join(out).subarray(100), convolve([0.5, 0.25, 0.25], x.subarray(100)))).toBeLessThan(1e-15);
  });

  it('switches taps exactly at the chunk boundary in a marble timeline', () => {
    const s = new TestScheduler((a, e) => expect(a).toEqual(e));
    s.run(({ cold, expectObservable }) => {
      const taps = cold('p---q', { p: [1, 1], q: [1, -1] });
      const source = cold('-a-b--c|', { a: Float64Array.of(1, 0), b: Float64Array.of(0, 2), c: Float64Array.of(0, 3) });
      expectObservable(source.pipe(fir(taps))).toBe('-a-b--c|', {
        a: Float64Array.of(1, 1),
        b: Float64Array.of(0, 2),
        c: Float64Array.of(-2, 3),
      });
    });
  });

  it('reuses one output buffer when reuse is true and allocates fresh arrays otherwise', async () => {
    const x = noise(400, 1);
    const fresh = await runChunks(x, 100, fir<Float64Array>([0.5, 0.5]));
    expect(new Set(fresh.map((c) => c.buffer)).size).toBe(4);
    const buffers = new Set<ArrayBufferLike>();
    const copies: number[] = [];
    from(split(x, 100))
      .pipe(fir<Float64Array>([0.5, 0.5], { reuse: true }))
      .subscribe((c) => {
        buffers.add(c.buffer);
        copies.push(...c);
      });
    expect(buffers.size).toBe(1);
    expect(Float64Array.from(copies)).toEqual(join(fresh));
  });

  it('throws at creation for empty or non-finite taps', () => {
    expect(() => fir([])).toThrow(RangeError);
    expect(() => fir([1, Number.POSITIVE_INFINITY])).toThrow(TypeError);
    expect(() => fir('abc' as never)).toThrow(TypeError);
    expect(() => firwin(31, 1.0)).toThrow(RangeError); // cutoff at Nyquist
  });

  it('errors the stream for wrong chunk formats, NaN with nan error, and live values that are invalid', async () => {
    await expect(lastValueFrom(badChunks(new Uint8Array(3)).pipe(fir([1])))).rejects.toThrow(TypeError);
    await expect(lastValueFrom(of(Float64Array.of(0, Number.NaN)).pipe(fir([1], { nan: 'error' })))).rejects.toThrow(
      /NaN at input sample 1/,
    );
    const y = await lastValueFrom(of(Float64Array.of(0, Number.NaN, 0, 0)).pipe(fir([1, 1])));
    expect(Array.from(y).map(Number.isNaN)).toEqual([false, true, true, false]);
    await expect(lastValueFrom(of(new Float64Array(2)).pipe(fir(of([])))) ).rejects.toThrow(/fir: taps must not be empty/);
  });

  it('stops and unsubscribes upstream and the taps stream when the subscriber unsubscribes', () => {
    const input = new Subject<Float64Array>();
    const taps = new BehaviorSubject<ArrayLike<number>>([1]);
    const sub = input.pipe(fir(taps)).subscribe();
    sub.unsubscribe();
    expect(input.observed).toBe(false);
    expect(taps.observed).toBe(false);
  });

  it('filters [frames, channels] chunks per channel: SciPy\'s lfilter(taps, 1, x, axis=0), each channel as if alone', async () => {
    const c = filtering.lfilter.find((k) => k.name === 'fir-long')!;
    const stereo = Float64Array.from(filtering.x2.flat());
    for (const method of ['direct', 'fft', 'auto'] as const) {
      const { samples, chunks } = await runFrames(stereo, 2, 17, fir(c.b, { method }));
      expect(chunks[0]!.shape).toEqual([17, 2]);
      expectClose(samples, c.y2.flat(), 1e-12, method);
    }
    for (const channels of [2, 5]) {
      const taps = noise(129, 4);
      const lanes = Array.from({ length: channels }, (_, ch) => noise(2000, 90 + ch));
      const together = await runFrames(interleave(lanes), channels, 500, fir(taps));
      const alone = interleave(await Promise.all(lanes.map(async (lane) => join(await runChunks(lane, 500, fir<Float64Array>(taps))))));
      expect(relError(together.samples, alone)).toBe(0);
    }
  });

  it('runs a 2047-tap filter by FFT within float64 rounding of the direct form, on float32 stereo chunks', async () => {
    const taps = firwin(2047, 0.1);
    const lanes = [noise(20_000, 1), noise(20_000, 2)].map((l) => Float32Array.from(l));
    const stereo = interleave(lanes);
    const fft = await runFrames(stereo, 2, 4096, fir(taps, { method: 'fft' }));
    const direct = await runFrames(stereo, 2, 4096, fir(taps, { method: 'direct' }));
    expect(fft.chunks[0]!.data).toBeInstanceOf(Float32Array);
    // float32 outputs: at most one float32 rounding step apart
    expect(relError(fft.samples, direct.samples)).toBeLessThan(2 ** -23);
  });

  it('errors the stream when a chunk changes layout or channel count mid-stream', async () => {
    await expect(lastValueFrom(of(asMultichannel(new Float64Array(4), 2), asMultichannel(new Float64Array(6), 3)).pipe(fir([1, 1])))).rejects.toThrow(/started as \[frames, 2\] chunks, got \[frames, 3\] chunks/);
    expect(() => fir([1, 2], { method: 'ola' as never })).toThrow(/^fir: method must be/);
  });

  it('follows its doc timeline: fir([1, 1]) over [1 0] [0 2] [0], with subscription timing', () => {
    marbleScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-b-c|', { a: Float64Array.of(1, 0), b: Float64Array.of(0, 2), c: Float64Array.of(0) });
      expectObservable(source.pipe(fir([1, 1]))).toBe('a-b-c|', { a: Float64Array.of(1, 1), b: Float64Array.of(0, 2), c: Float64Array.of(2) });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('returns promptly from an endless noise() source cut by take(3), with long taps on the FFT path', async () => {
    const out = await lastValueFrom(noiseSource({ seed: 3, chunkSize: 4096 }).pipe(fir(firwin(2047, 0.1)), take(3), toArray()));
    expect(out).toHaveLength(3);
  });
});

