// Tolerances: float64 output within 1e-12 of SciPy relative to max(1, max|y|) (both sides run the
// same float64 recursion; differences are rounding of the coefficient normalisation); float32
// input within 1e-6 (SciPy filters float32 in float64 too, we round the output once); chunkings
// must agree exactly (the recursion is per sample, chunk boundaries change nothing).
import { describe, expect, it } from 'vitest';
import { BehaviorSubject, from, lastValueFrom, of, Subject, throwError, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { butter } from '../src/design/butter.js';
import { createSosfiltState, processSosfilt } from '../src/kernels/sosfilt.js';
import { sosfilt } from '../src/sosfilt.js';
import { expectChunkingIndependent, fixture, join, noise, relError, runChunks, split, badChunks, marbleScheduler } from './helpers/chunking.js';
import { asMultichannel } from '@ringflow/core';
import { filtering } from './helpers/filtering-fixture.js';
import { interleave, runFrames } from './helpers/multichannel-lanes.js';
import { expectClose } from './helpers/signal.js';

interface Case {
  name: string;
  sos: number[][];
  output: number[];
  outputFloat32Input?: number[];
}
const filters = await fixture<{ input: number[]; cases: Case[] }>('filters/sosfilt.json');
const switching = await fixture<{
  input: number[];
  at: number;
  sos1: number[][];
  sos2: number[][];
  sos3: number[][];
  sameShape: number[];
  otherShape: number[];
}>('operators/sosfilt-switch.json');

/** The kernel over a whole signal, as a reference. */
function reference(sos: number[][], x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(x.length);
  processSosfilt(createSosfiltState(sos), Float64Array.from(x), y);
  return y;
}

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('sosfilt', () => {
  it('matches scipy.signal.sosfilt when the stream arrives in chunks of 128', async () => {
    const x = Float64Array.from(filters.input);
    for (const c of filters.cases) {
      const y = join(await runChunks(x, 128, sosfilt(c.sos)));
      expect(relError(y, c.output), c.name).toBeLessThan(1e-12);
    }
  });

  it('keeps float32 as float32, within 1e-6 of SciPy, when the input is float32', async () => {
    const c = filters.cases.find((k) => k.outputFloat32Input !== undefined)!;
    const chunks = await runChunks(Float32Array.from(filters.input), 100, sosfilt<Float32Array>(c.sos));
    for (const chunk of chunks) expect(chunk).toBeInstanceOf(Float32Array);
    expect(relError(join(chunks), c.outputFloat32Input!)).toBeLessThan(1e-6);
  });

  it('gives the same output whatever the chunking when fed 10 000 samples in chunks of 1..10 000', async () => {
    const sos = butter(6, [0.1, 0.3], { type: 'bandpass' });
    const x = noise(10_000, 7);
    const y = await expectChunkingIndependent(x, () => sosfilt<Float64Array>(sos), 0);
    expect(relError(y, reference(sos, x))).toBe(0);
  });

  it('matches sosfilt with zi carried over (SciPy) when the coefficients change live at a chunk boundary', async () => {
    const x = Float64Array.from(switching.input);
    const params = new BehaviorSubject<number[][]>(switching.sos1);
    const input = new Subject<Float64Array>();
    const out: Float64Array[] = [];
    input.pipe(sosfilt(params)).subscribe((c) => out.push(c));
    for (const chunk of split(x, 100)) {
      if (out.length * 100 === switching.at) params.next(switching.sos2);
      input.next(chunk);
    }
    expect(relError(join(out), switching.sameShape)).toBeLessThan(1e-12);
  });

  it('restarts from zero memory when the live coefficients have another number of sections', async () => {
    const x = Float64Array.from(switching.input);
    const params = new Subject<number[][]>();
    const input = new Subject<Float64Array>();
    const out: Float64Array[] = [];
    input.pipe(sosfilt(params)).subscribe((c) => out.push(c));
    params.next(switching.sos1);
    input.next(x.subarray(0, switching.at));
    params.next(switching.sos3);
    input.next(x.subarray(switching.at));
    expect(relError(join(out), switching.otherShape)).toBeLessThan(1e-12);
  });

  it('applies a live change at the next chunk boundary, never inside a chunk', () => {
    const p = butter(2, 0.1);
    const q = butter(2, 0.4, { type: 'highpass' });
    const a = noise(4, 1);
    const b = noise(4, 2);
    const c = noise(4, 3);
    // Expected: a and b through p, then c through q starting from p's memory after b.
    const state = createSosfiltState(p);
    const ya = new Float64Array(4);
    const yb = new Float64Array(4);
    const yc = new Float64Array(4);
    processSosfilt(state, a, ya);
    processSosfilt(state, b, yb);
    state.coefficients.set(createSosfiltState(q).coefficients);
    processSosfilt(state, c, yc);
    marbles().run(({ cold, expectObservable }) => {
      const params = cold('p---q---', { p, q });
      const source = cold('-a-b---c|', { a, b, c });
      expectObservable(source.pipe(sosfilt(params))).toBe('-a-b---c|', { a: ya, b: yb, c: yc });
    });
  });

  it('keeps separate filter memory for each subscription when subscribed twice', async () => {
    const x = noise(1000, 11);
    const filtered = from(split(x, 64)).pipe(sosfilt<Float64Array>(butter(4, 0.2)), toArray());
    const first = join(await lastValueFrom(filtered));
    const second = join(await lastValueFrom(filtered));
    expect(second).toEqual(first);
    expect(relError(first, reference(butter(4, 0.2), x))).toBe(0);
  });

  it('emits fresh arrays by default and views of one buffer when reuse is true', async () => {
    const x = noise(512, 5);
    const fresh = await runChunks(x, 128, sosfilt<Float64Array>(butter(2, 0.3)));
    expect(new Set(fresh.map((c) => c.buffer)).size).toBe(4);
    const buffers = new Set<ArrayBufferLike>();
    const copies: number[] = [];
    from(split(x, 128))
      .pipe(sosfilt<Float64Array>(butter(2, 0.3), { reuse: true }))
      .subscribe((c) => {
        buffers.add(c.buffer);
        copies.push(...c);
      });
    expect(buffers.size).toBe(1);
    expect(Float64Array.from(copies)).toEqual(join(fresh));
  });

  it('propagates NaN like SciPy by default and errors with a RangeError when nan is error', async () => {
    const x = new Float64Array([1, 0, Number.NaN, 0, 0]);
    const y = join(await runChunks(x, 2, sosfilt<Float64Array>(butter(2, 0.2))));
    expect(Number.isNaN(y[1]!)).toBe(false);
    expect(Array.from(y.subarray(2)).every(Number.isNaN)).toBe(true);
    await expect(runChunks(x, 2, sosfilt<Float64Array>(butter(2, 0.2), { nan: 'error' }))).rejects.toThrow(
      /sosfilt: NaN at input sample 2/,
    );
  });

  it('errors the stream with a TypeError when a chunk has the wrong format', async () => {
    const op = () => sosfilt(butter(2, 0.2));
    await expect(lastValueFrom(badChunks(new Int16Array(4)).pipe(op()))).rejects.toThrow(TypeError);
    await expect(lastValueFrom(badChunks([1, 2, 3]).pipe(op()))).rejects.toThrow(/new Float64Array/);
    await expect(
      lastValueFrom(badChunks(new Float64Array(2), new Float32Array(2)).pipe(op())),
    ).rejects.toThrow(/every chunk must be a Float64Array/);
  });

  it('throws at creation when the sections are invalid or the cutoff is at or above Nyquist', () => {
    expect(() => sosfilt([])).toThrow(RangeError);
    expect(() => sosfilt([[1, 0, 0, 1, 0]])).toThrow(/6 coefficients/);
    expect(() => sosfilt([[1, 0, 0, 0, 0, 0]])).toThrow(/a0/);
    expect(() => sosfilt([[1, 0, Number.NaN, 1, 0, 0]])).toThrow(TypeError);
    expect(() => sosfilt(butter(2, 24_000, { sampleRate: 48_000 }))).toThrow(RangeError);
    expect(() => sosfilt(butter(2, 0.2), { nan: 'ignore' as never })).toThrow(TypeError);
  });

  it('errors the stream when a live value is invalid, the parameter errors, or no value came first', async () => {
    const x = new Float64Array(8);
    await expect(lastValueFrom(of(x).pipe(sosfilt(of([[1, 2, 3]]))))).rejects.toThrow(/sosfilt: .*6 coefficients/);
    await expect(lastValueFrom(of(x).pipe(sosfilt(throwError(() => new Error('knob broke')))))).rejects.toThrow('knob broke');
    await expect(lastValueFrom(of(x).pipe(sosfilt(new Subject<number[][]>())))).rejects.toThrow(/before the first parameter value/);
  });

  it('unsubscribes from the source and the live parameter when the subscriber unsubscribes', () => {
    const input = new Subject<Float64Array>();
    const params = new BehaviorSubject(butter(2, 0.2));
    let count = 0;
    const sub = input.pipe(sosfilt(params)).subscribe(() => count++);
    input.next(new Float64Array(4));
    expect(input.observed && params.observed).toBe(true);
    sub.unsubscribe();
    expect(input.observed).toBe(false);
    expect(params.observed).toBe(false);
    input.next(new Float64Array(4));
    expect(count).toBe(1);
  });

  it('forwards source errors and completion, and emits nothing for empty chunks', () => {
    marbles().run(({ cold, expectObservable }) => {
      const a = new Float64Array([1, 2]);
      const ya = reference(butter(1, 0.5), a);
      expectObservable(cold('a-e-#', { a, e: new Float64Array(0) }).pipe(sosfilt(butter(1, 0.5)))).toBe('a---#', { a: ya });
      expectObservable(cold<Float64Array>('--|').pipe(sosfilt(butter(1, 0.5)))).toBe('--|');
    });
  });

  it('starts from the steady state with zi step, as sosfilt(sos, x, zi=sosfilt_zi(sos) * x[0])', async () => {
    const x = Float64Array.from(filtering.x);
    for (const c of filtering.sosfilt) {
      expectClose(join(await runChunks(x, 33, sosfilt<Float64Array>(c.sos, { zi: 'step' }))), c.yStep, 1e-12, c.name);
      const zi = c.zi.map((r) => r.map((v) => v * x[0]!));
      expectClose(join(await runChunks(x, 33, sosfilt<Float64Array>(c.sos, { zi }))), c.yStep, 1e-12, `${c.name} explicit`);
    }
  });

  it('filters [frames, channels] chunks per channel: SciPy\'s axis=0 numbers with zeros, step and explicit zi', async () => {
    const stereo = Float64Array.from(filtering.x2.flat());
    for (const c of filtering.sosfilt) {
      const plain = await runFrames(stereo, 2, 9, sosfilt(c.sos));
      expect(plain.chunks[0]!.shape).toEqual([9, 2]);
      expectClose(plain.samples, c.y2.flat(), 1e-12, c.name);
      expectClose((await runFrames(stereo, 2, 9, sosfilt(c.sos, { zi: 'step' }))).samples, c.y2Step.flat(), 1e-12, `${c.name} step`);
      expectClose((await runFrames(stereo, 2, 9, sosfilt(c.sos, { zi: c.zi2 }))).samples, c.y2Step.flat(), 1e-12, `${c.name} zi`);
    }
  });

  it('filters 2 and 5 channels exactly as each channel alone, also after a live coefficient change', async () => {
    for (const channels of [2, 5]) {
      const lanes = Array.from({ length: channels }, (_, ch) => noise(900, 70 + ch));
      const sos = butter(4, 0.2);
      const together = await runFrames(interleave(lanes), channels, 100, sosfilt(sos));
      const alone = interleave(await Promise.all(lanes.map(async (lane) => join(await runChunks(lane, 100, sosfilt<Float64Array>(sos))))));
      expect(relError(together.samples, alone)).toBe(0);
    }
    const params = new BehaviorSubject<number[][]>(butter(2, 0.1));
    const input = new Subject<ReturnType<typeof asMultichannel<Float64Array>>>();
    const out: Float64Array[] = [];
    input.pipe(sosfilt(params)).subscribe((c) => out.push(c.data));
    const lanes = [noise(40, 1), noise(40, 2)];
    const frames = interleave(lanes);
    input.next(asMultichannel(frames.subarray(0, 40), 2));
    params.next(butter(2, 0.3));
    input.next(asMultichannel(frames.subarray(40), 2));
    for (let ch = 0; ch < 2; ch++) {
      const state = createSosfiltState(butter(2, 0.1));
      const y = new Float64Array(40);
      processSosfilt(state, lanes[ch]!.subarray(0, 20), y.subarray(0, 20));
      state.coefficients.set(createSosfiltState(butter(2, 0.3)).coefficients);
      processSosfilt(state, lanes[ch]!.subarray(20), y.subarray(20));
      const got = join(out).filter((_, i) => i % 2 === ch);
      expect(relError(got, y)).toBe(0);
    }
  });

  it('errors the stream with a RangeError when an explicit zi does not fit the stream\'s channels', async () => {
    const sos = butter(2, 0.2);
    await expect(lastValueFrom(of(asMultichannel(new Float64Array(4), 2)).pipe(sosfilt(sos, { zi: [[0, 0]] })))).rejects.toThrow(/^sosfilt: zi must have shape \[1, 2, 2\]/);
    expect(() => sosfilt(sos, { zi: 3 as never })).toThrow(/^sosfilt: zi must be 'step'/);
    expect(() => sosfilt({ data: new Float64Array(6), shape: [1e8, 6] })).toThrow(/^sosfilt: sos has shape \[100000000, 6\]/);
  });

  it('follows its doc timeline: sosfilt([[1, 0, 0, 1, -0.5, 0]]) over [4 0] [0] [2], with subscription timing', () => {
    marbleScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-b-c|', { a: Float64Array.of(4, 0), b: Float64Array.of(0), c: Float64Array.of(2) });
      expectObservable(source.pipe(sosfilt([[1, 0, 0, 1, -0.5, 0]]))).toBe('a-b-c|', { a: Float64Array.of(4, 2), b: Float64Array.of(1), c: Float64Array.of(2.5) });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });
});
