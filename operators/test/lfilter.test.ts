// Tolerances: float64 within 1e-12 of scipy.signal.lfilter relative to max(1, max|y|); float32
// input within 1e-6; chunkings and channel layouts agree bit for bit (the recursion is per sample
// and per channel).
import { describe, expect, it } from 'vitest';
import { first, lastValueFrom, of, Subject, take, toArray } from 'rxjs';
import { asMultichannel } from '@ringflow/core';
import { lfilter } from '../src/lfilter.js';
import { noise as noiseSource } from '../src/noise.js';
import { filtering } from './helpers/filtering-fixture.js';
import { badChunks, expectChunkingIndependent, join, marbleScheduler, noise, relError, runChunks } from './helpers/chunking.js';
import { interleave, runFrames } from './helpers/multichannel-lanes.js';
import { expectClose } from './helpers/signal.js';

const x = Float64Array.from(filtering.x);

describe('lfilter', () => {
  it('matches scipy.signal.lfilter when the stream arrives in chunks of 16', async () => {
    for (const c of filtering.lfilter) expectClose(join(await runChunks(x, 16, lfilter<Float64Array>(c.b, c.a))), c.y, 1e-12, c.name);
  });

  it('gives bit-identical output whatever the chunking when fed 10 000 samples in chunks of 1..10 000', async () => {
    const c = filtering.lfilter.find((k) => k.name === 'cheby1-bp')!;
    await expectChunkingIndependent(noise(10_000, 2), () => lfilter<Float64Array>(c.b, c.a), 0);
  });

  it('starts from the steady state with zi step, as lfilter(b, a, x, zi=lfilter_zi(b, a) * x[0])', async () => {
    for (const c of filtering.lfilter.filter((k) => k.yStep !== undefined)) {
      expectClose(join(await runChunks(x, 50, lfilter<Float64Array>(c.b, c.a, { zi: 'step' }))), c.yStep!, 1e-12, c.name);
    }
  });

  it('starts from an explicit zi', async () => {
    const c = filtering.lfilter.find((k) => k.name === 'butter4')!;
    const zi = c.zi.map((v) => v * x[0]!);
    expectClose(join(await runChunks(x, 50, lfilter<Float64Array>(c.b, c.a, { zi }))), c.yStep!, 1e-12, 'explicit');
  });

  it('filters [frames, channels] chunks per channel: SciPy\'s axis=0 numbers, and each channel as if alone', async () => {
    const c = filtering.lfilter.find((k) => k.name === 'butter4')!;
    const stereo = Float64Array.from(filtering.x2.flat());
    const { samples, chunks } = await runFrames(stereo, 2, 13, lfilter(c.b, c.a));
    expect(chunks[0]!.shape).toEqual([13, 2]);
    expectClose(samples, c.y2.flat(), 1e-12, 'axis 0');
    const step = await runFrames(stereo, 2, 13, lfilter(c.b, c.a, { zi: 'step' }));
    expectClose(step.samples, c.y2Step!.flat(), 1e-12, 'step per channel');
    const explicit = await runFrames(stereo, 2, 13, lfilter(c.b, c.a, { zi: c.zi2! }));
    expectClose(explicit.samples, c.y2Step!.flat(), 1e-12, 'explicit [K, channels]');
    for (const channels of [2, 5]) {
      const lanes = Array.from({ length: channels }, (_, ch) => noise(700, 80 + ch));
      const together = await runFrames(interleave(lanes), channels, 64, lfilter(c.b, c.a));
      const alone = interleave(await Promise.all(lanes.map(async (lane) => join(await runChunks(lane, 700, lfilter<Float64Array>(c.b, c.a))))));
      expect(relError(together.samples, alone)).toBe(0);
    }
  });

  it('keeps float32 as float32, within 1e-6 of SciPy', async () => {
    const c = filtering.lfilter.find((k) => k.name === 'onepole')!;
    const chunks = await runChunks(Float32Array.from(x), 40, lfilter<Float32Array>(c.b, c.a));
    for (const chunk of chunks) expect(chunk).toBeInstanceOf(Float32Array);
    expectClose(join(chunks), c.yFloat32, 1e-6, 'float32');
  });

  it('follows its doc timeline: lfilter([1], [1, -0.5]) over [4 0] [0] [2]', () => {
    marbleScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-b-c|', { a: Float64Array.of(4, 0), b: Float64Array.of(0), c: Float64Array.of(2) });
      expectObservable(source.pipe(lfilter([1], [1, -0.5]))).toBe('a-b-c|', { a: Float64Array.of(4, 2), b: Float64Array.of(1), c: Float64Array.of(2.5) });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('unsubscribes from the source when a downstream take ends it early', () => {
    marbleScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-a-a-a-a|', { a: Float64Array.of(1) });
      expectObservable(source.pipe(lfilter([1], [1]), take(2))).toBe('a-(a|)', { a: Float64Array.of(1) });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  it('returns promptly from an endless synchronous noise() source cut by take(3) or first()', async () => {
    const three = await lastValueFrom(noiseSource({ seed: 1, chunkSize: 64 }).pipe(lfilter([0.2], [1, -0.8]), take(3), toArray()));
    expect(three).toHaveLength(3);
    const one = await lastValueFrom(noiseSource({ seed: 1, chunkSize: 64 }).pipe(lfilter([1], [1, 0.5], { zi: 'step' }), first()));
    expect(one).toHaveLength(64);
  });

  it('throws at creation for bad coefficients, zi and options; errors the stream for bad chunks and a zi shape that does not fit', async () => {
    expect(() => lfilter([1], [0, 1])).toThrow(/^lfilter: a\[0\] must not be 0/);
    expect(() => lfilter([], [1])).toThrow(RangeError);
    expect(() => lfilter([1], [1], { zi: 'ramp' as never })).toThrow(/^lfilter: zi must be 'step' or an explicit state array/);
    expect(() => lfilter([1], [1], { nan: 'skip' as never })).toThrow(TypeError);
    await expect(lastValueFrom(badChunks(new Int16Array(4)).pipe(lfilter([1], [1])))).rejects.toThrow(TypeError);
    await expect(lastValueFrom(of(new Float64Array(4)).pipe(lfilter([1, 1, 1], [1], { zi: [1] })))).rejects.toThrow(/^lfilter: zi must have shape \[2\]/);
    await expect(lastValueFrom(of(asMultichannel(new Float64Array(4), 2), new Float64Array(2)).pipe(lfilter([1], [1])))).rejects.toThrow(/started as \[frames, 2\] chunks/);
    await expect(lastValueFrom(of(Float64Array.of(1, Number.NaN)).pipe(lfilter([1], [1], { nan: 'error' })))).rejects.toThrow(/NaN at input sample 1/);
  });

  it('keeps separate memory per subscription and emits fresh arrays unless reuse is true', async () => {
    const input = new Subject<Float64Array>();
    const a: Float64Array[] = [];
    const b: Float64Array[] = [];
    const op = lfilter<Float64Array>([1], [1, -0.5], { reuse: true });
    input.pipe(op).subscribe((c) => a.push(Float64Array.from(c)));
    input.next(Float64Array.of(1));
    input.pipe(op).subscribe((c) => b.push(c));
    input.next(Float64Array.of(0));
    input.next(Float64Array.of(0));
    expect(a.map((c) => c[0])).toEqual([1, 0.5, 0.25]);
    expect(b.map((c) => c[0])).toEqual([0, 0]);
    expect(b[0]!.buffer).toBe(b[1]!.buffer);
  });

  it('takes live { b, a } values: same order keeps the memory, another order restarts it', () => {
    const params = new Subject<{ b: number[]; a: number[] }>();
    const input = new Subject<Float64Array>();
    const out: number[] = [];
    input.pipe(lfilter<Float64Array>(params)).subscribe((c) => out.push(...c));
    params.next({ b: [1], a: [1, -0.5] });
    input.next(Float64Array.of(4, 0));
    params.next({ b: [1], a: [1, -0.25] }); // same order: continues from y = 2
    input.next(Float64Array.of(0));
    params.next({ b: [1], a: [1, 0, 0.5] }); // another order: from zeros
    input.next(Float64Array.of(2, 0));
    expect(out).toEqual([4, 2, 1, 2, 0]);
  });

  it('errors the stream for an invalid live value and a chunk before the first value', async () => {
    await expect(lastValueFrom(of(new Float64Array(2)).pipe(lfilter(of({ b: [1], a: [0] }))))).rejects.toThrow(/^lfilter: a\[0\] must not be 0/);
    await expect(lastValueFrom(of(new Float64Array(2)).pipe(lfilter(new Subject<{ b: number[]; a: number[] }>())))).rejects.toThrow(/before the first parameter value/);
  });
});

