// The streaming welch operator. Tolerances: at completion it equals signal.welch over the whole
// input exactly (the same kernel, the same segments), whatever the chunking; against SciPy's
// reference vectors within 1e-12 relative to the peak, as signal.welch.
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, take, toArray, type OperatorFunction } from 'rxjs';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { noise as noiseSource, welch, type WelchEstimate, type WelchOperatorOptions, type ChannelSpectra } from '@ringflow/operators';
import * as signal from '@ringflow/operators/signal';
import { CHUNK_SIZES, badChunks, marbleScheduler, noise, runChunks, split } from './helpers/chunking.js';
import { expectReal, input, signalFixture, type InputJson, type Real } from './helpers/signal-fixtures.js';

const run = <T extends Float32Array | Float64Array>(x: T, size: number, options: WelchOperatorOptions) =>
  runChunks(x, size, welch<T>(options));

/** Splits interleaved [frames, channels] samples into multichannel chunks of `frames` frames. */
function multichannelChunks(data: Float64Array, channels: number, frames: number): MultichannelChunk<Float64Array>[] {
  return split(data, frames * channels).map((c) => asMultichannel(c, channels));
}

const options: WelchOperatorOptions[] = [
  {},
  { nperseg: 64 },
  { nperseg: 100, noverlap: 10, fs: 8000, window: 'hamming' },
  { nperseg: 128, nfft: 200, detrend: 'linear', scaling: 'spectrum' },
  { nperseg: 50, noverlap: 49, detrend: false },
  { nperseg: 64, average: 'median' },
  { nperseg: 60, returnOnesided: false, window: ['tukey', 0.3] },
];

describe('welch (operator)', () => {
  const x = noise(10_000, 31);
  for (const o of options) {
    it(`equals signal.welch over the whole input, exactly, for chunks of 1..10 000 when given ${JSON.stringify(o)}`, async () => {
      const expected = signal.welch(x, o);
      for (const size of CHUNK_SIZES) {
        const out = await run(x, size, o);
        expect(out, `chunks of ${size}`).toHaveLength(1);
        expect(Array.from(out[0]!.f)).toEqual(Array.from(expected.f));
        expect(Array.from(out[0]!.Pxx), `chunks of ${size}`).toEqual(Array.from(expected.Pxx));
      }
    });
  }

  const fixture = signalFixture<{ signals: Record<string, InputJson>; cases: { name: string; x: string; options: WelchOperatorOptions; f: number[]; Pxx: Real }[] }>(
    'welch.json',
  );
  for (const c of fixture.cases.filter((k) => Array.isArray(fixture.signals[k.x]))) {
    it(`matches scipy.signal.welch at completion when given ${c.name}`, async () => {
      const out = await run(input(fixture.signals[c.x]!), 37, c.options);
      expectReal(out.at(-1)!.f, c.f, 1e-12, 'f');
      expectReal(out.at(-1)!.Pxx, c.Pxx, 1e-12, 'Pxx');
    });
  }

  it('emits every emitEvery segments the estimate of the segments so far, and the final one at completion', async () => {
    const y = x.subarray(0, 2000);
    const o = { nperseg: 128, noverlap: 64, emitEvery: 5 };
    const out = await run(y, 333, o);
    const total = Math.floor((2000 - 64) / 64);
    expect(out.map((e) => e.segments)).toEqual([5, 10, 15, 20, 25, total]);
    for (const e of out) {
      const prefix = y.subarray(0, 128 + (e.segments - 1) * 64);
      expect(Array.from(e.Pxx)).toEqual(Array.from(signal.welch(prefix, o).Pxx));
    }
    // No repeated emission when the last segment falls on an emitEvery boundary.
    const exact = await run(y.subarray(0, 128 + 9 * 64), 100, o);
    expect(exact.map((e) => e.segments)).toEqual([5, 10]);
  });

  it('gives [channels, bins] for [frames, channels] chunks, row c equal to channel c alone, whatever the chunking', async () => {
    for (const channels of [2, 5]) {
      const data = noise(3000 * channels, 40 + channels);
      const o = { nperseg: 100, noverlap: 30, fs: 1000 };
      const columns = Array.from({ length: channels }, (_, c) => Float64Array.from({ length: 3000 }, (_, f) => data[f * channels + c]!));
      const rows = columns.map((col) => signal.welch(col, o).Pxx);
      for (const frames of [1, 7, 128, 3000]) {
        const out = await lastValueFrom(
          from(multichannelChunks(data, channels, frames)).pipe(welch<MultichannelChunk<Float64Array>>(o), toArray()),
        );
        const Pxx = out.at(-1)!.Pxx as ChannelSpectra<Float64Array>;
        expect(Pxx.shape).toEqual([channels, rows[0]!.length]);
        expect(Pxx.data).toBeInstanceOf(Float64Array);
        for (let c = 0; c < channels; c++) {
          expect(Array.from(Pxx.data.subarray(c * Pxx.shape[1], (c + 1) * Pxx.shape[1])), `${channels} ch, frames ${frames}, row ${c}`).toEqual(Array.from(rows[c]!));
        }
      }
      // signal.welch of the same [frames, channels] data is the transpose ([bins, channels], SciPy's axis=0).
      const whole = signal.welch(asMultichannel(data, channels), o).Pxx;
      expect(whole.shape).toEqual([rows[0]!.length, channels]);
    }
  });

  it('reads strided [frames, channels] views (not interleaved) the same as interleaved chunks', async () => {
    const data = noise(1200, 5);
    // Planar storage: channel 0 in data[0..600), channel 1 in data[600..1200).
    const view = { data, shape: [600, 2] as const, stride: [1, 600] as const, offset: 0 };
    const interleaved = new Float64Array(1200);
    for (let f = 0; f < 600; f++) for (let c = 0; c < 2; c++) interleaved[f * 2 + c] = data[c * 600 + f]!;
    const a = await lastValueFrom(from([view]).pipe(welch<MultichannelChunk<Float64Array>>({ nperseg: 64 })));
    const b = await lastValueFrom(from([asMultichannel(interleaved, 2)]).pipe(welch<MultichannelChunk<Float64Array>>({ nperseg: 64 })));
    expect(Array.from(a.Pxx.data)).toEqual(Array.from(b.Pxx.data));
  });

  it('analyses a stream shorter than nperseg whole, as SciPy clips nperseg, and an empty one as empty', async () => {
    const y = x.subarray(0, 100);
    const out = await run(y, 9, { nperseg: 256 });
    expect(out).toHaveLength(1);
    expect(out[0]!.segments).toBe(1);
    expect(Array.from(out[0]!.Pxx)).toEqual(Array.from(signal.welch(y, { nperseg: 256 }).Pxx));
    const empty = await lastValueFrom(from([] as Float64Array[]).pipe(welch()));
    expect(empty.f.length).toBe(0);
    expect((empty.Pxx as Float64Array).length).toBe(0);
    // An array window longer than the whole stream is SciPy's ValueError: a RangeError here.
    await expect(run(y, 10, { window: new Float64Array(128).fill(1) })).rejects.toThrow(/^welch: window is longer than input signal/);
  });

  it('keeps the float class: Float32Array in, Float32Array estimates out (computed in float64)', async () => {
    const y = Float32Array.from(x.subarray(0, 4000));
    const out = await run(y, 500, { nperseg: 256 });
    expect(out[0]!.Pxx).toBeInstanceOf(Float32Array);
    expect(Array.from(out[0]!.Pxx)).toEqual(Array.from(signal.welch(y, { nperseg: 256 }).Pxx, Math.fround));
  });

  it('throws at creation naming welch for bad options', () => {
    expect(() => welch({ nperseg: 64, noverlap: 64 })).toThrow(/^welch: noverlap must be less than nperseg/);
    expect(() => welch({ emitEvery: 0 })).toThrow(/^welch: emitEvery must be a positive integer/);
    expect(() => welch({ emitEvery: 1.5 })).toThrow(RangeError);
    expect(() => welch({ average: 'max' as 'mean' })).toThrow(/^welch: average must be/);
    expect(() => welch({ window: 'nope' as 'hann' })).toThrow(/^welch: unknown window/);
    expect(() => welch({ fs: 0 })).toThrow(/^welch: fs must be/);
    expect(() => welch(5 as unknown as WelchOperatorOptions)).toThrow(TypeError);
  });

  it('errors the stream for a chunk of another class, another channel count, or 1-D after multichannel', async () => {
    const op = welch({ nperseg: 4 }) as unknown as OperatorFunction<unknown, WelchEstimate<unknown>>;
    await expect(lastValueFrom(badChunks(new Float64Array(8), new Float32Array(8)).pipe(op))).rejects.toThrow(/^welch: every chunk must be a Float64Array/);
    await expect(lastValueFrom(badChunks([1, 2, 3]).pipe(op))).rejects.toThrow(TypeError);
    await expect(lastValueFrom(from([asMultichannel(new Float64Array(8), 2), asMultichannel(new Float64Array(9), 3)]).pipe(op))).rejects.toThrow(
      /^welch: the stream started as \[frames, 2\] chunks, got \[frames, 3\] chunks/,
    );
    await expect(lastValueFrom(from([asMultichannel(new Float64Array(8), 2), new Float64Array(8)]).pipe(op))).rejects.toThrow(/^welch: the stream started as \[frames, 2\] chunks, got mono 1-D chunks/);
    const lying = { data: new Float64Array(6), shape: [1e8, 6], stride: [6, 1], offset: 0 };
    await expect(lastValueFrom(from([lying]).pipe(op))).rejects.toThrow(/does not fit its 6 elements/);
  });

  it('stops an endless synchronous source when take(n) unsubscribes', () => {
    const out: WelchEstimate<Float64Array>[] = [];
    noiseSource({ chunkSize: 100, seed: 3 })
      .pipe(welch<Float64Array>({ nperseg: 64, emitEvery: 2 }), take(3))
      .subscribe((e) => out.push(e));
    expect(out.map((e) => e.segments)).toEqual([2, 4, 6]);
  });

  it('runs its doc timeline: nperseg 4, noverlap 2, emitEvery 2 over [abcdef] [ghij] [k]', () => {
    marbleScheduler().run(({ cold, expectObservable }) => {
      const x = Float64Array.from({ length: 11 }, (_, i) => Math.cos(i) + i / 3);
      const source = cold('a-b-c|', { a: x.slice(0, 6), b: x.slice(6, 10), c: x.slice(10) });
      const o = { nperseg: 4, noverlap: 2, emitEvery: 2 };
      const w = (samples: number, segments: number) => ({ ...signal.welch(x.subarray(0, samples), o), segments });
      const expected = { a: w(6, 2), b: w(10, 4) };
      expectObservable(source.pipe(welch(o))).toBe('a-b--|', { a: { f: expected.a.f, Pxx: expected.a.Pxx, segments: 2 }, b: { f: expected.b.f, Pxx: expected.b.Pxx, segments: 4 } });
    });
  });

  it('emits when the last sample of a segment arrives, and subscribes and unsubscribes with its source', () => {
    marbleScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const chunk = (...v: number[]) => Float64Array.from(v);
      const source = cold('a-b-c|', { a: chunk(1, 2, 3), b: chunk(4, 5), c: chunk(6) });
      const o = { nperseg: 4, noverlap: 2, window: 'boxcar' as const, detrend: false as const, scaling: 'spectrum' as const, emitEvery: 1 };
      const estimate = (samples: number[], segments: number) => {
        const { f, Pxx } = signal.welch(Float64Array.from(samples), { ...o });
        return { f, Pxx, segments };
      };
      expectObservable(source.pipe(welch(o))).toBe('--b-c|', {
        b: estimate([1, 2, 3, 4], 1),
        c: estimate([1, 2, 3, 4, 5, 6], 2),
      });
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });
});
