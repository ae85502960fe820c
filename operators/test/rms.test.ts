import { describe, expect, it } from 'vitest';
import { from, map, Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { asMultichannel, concatenate } from '@ringflow/core';
import { fromSamples, rms } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);
const f64 = (...v: number[]) => new Float64Array(v);

function all<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (x) => out.push(x), error: (e) => { throw e; } });
  return out;
}

describe('rms', () => {
  it('measures each chunk without blockSize, and blocks of the stream with it', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: f64(3, 4, 0), b: f64(0, 1) });
      expectObservable(source.pipe(rms())).toBe('a-b|', { a: f64(Math.sqrt(25 / 3)), b: f64(Math.sqrt(0.5)) });
      expectObservable(source.pipe(rms({ blockSize: 2 }))).toBe('a-b|', { a: f64(Math.sqrt(12.5)), b: f64(0) });
      expectObservable(source.pipe(rms({ blockSize: 2, partial: 'emit' }))).toBe('a-b(c|)', { a: f64(Math.sqrt(12.5)), b: f64(0), c: f64(1) });
      expectObservable(source.pipe(rms({ blockSize: 10 }))).toBe('---|');
    });
  });

  it('gives identical block levels whatever the input chunking', () => {
    const x = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i * 0.05) * (1 + i / 10_000));
    const reference = concatenate(...(all(fromSamples(x, 10_000).pipe(rms({ blockSize: 300 }))) as [Float64Array]));
    expect(reference).toHaveLength(33);
    for (const chunkSize of [1, 7, 128, 1000]) {
      expect(concatenate(...(all(fromSamples(x, chunkSize).pipe(rms({ blockSize: 300 }))) as [Float64Array]))).toEqual(reference);
    }
  });

  it('measures the channels of [frames, channels] chunks separately, in blocks of frames', () => {
    const frames = 1000;
    const x = new Float64Array(frames * 2);
    for (let f = 0; f < frames; f++) {
      x[2 * f] = Math.sin(f * 0.1);
      x[2 * f + 1] = 0.5;
    }
    const chunks = all(fromSamples(x, 14).pipe(map((c) => asMultichannel(c, 2)), rms({ blockSize: 500, channels: 2 })));
    const out = concatenate(...(chunks.map((c) => c.data) as [Float64Array]));
    expect(chunks.every((c) => c.shape[1] === 2)).toBe(true);
    expect(out).toHaveLength(4);
    expect(out[1]).toBeCloseTo(0.5, 12);
    expect(out[3]).toBeCloseTo(0.5, 12);
    expect(out[0]).toBeCloseTo(Math.SQRT1_2, 2);
    const [perChunk] = all(from([asMultichannel(f64(3, 1, -3, 1), 2)]).pipe(rms()));
    expect(perChunk).toEqual(asMultichannel(f64(3, 1), 2));
  });

  it('keeps float32 as float32 and measures integers into float64', () => {
    const [a] = all(from([f32(3, 4)]).pipe(rms()));
    expect(a).toBeInstanceOf(Float32Array);
    expect(a).toEqual(f32(Math.sqrt(12.5)));
    const [b] = all(from([new Int16Array([3, -4])]).pipe(rms()));
    expect(b).toBeInstanceOf(Float64Array);
    expect(b).toEqual(f64(Math.sqrt(12.5)));
  });

  it('errors the stream when the chunks do not carry the channels asked for', () => {
    const errors: unknown[] = [];
    from([f64(1, 2, 3, 4)]).pipe(rms({ channels: 2 })).subscribe({ error: (e) => errors.push(e) });
    from([asMultichannel(f64(1, 2, 3), 3)]).pipe(rms({ channels: 2 })).subscribe({ error: (e) => errors.push(e) });
    expect(errors.map((e) => (e as Error).constructor)).toEqual([RangeError, RangeError]);
    expect((errors[0] as Error).message).toMatch(/asMultichannel/);
  });

  it('rejects bad options at creation', () => {
    expect(() => rms({ blockSize: 0 })).toThrow(RangeError);
    expect(() => rms({ channels: 1.5 })).toThrow(RangeError);
    expect(() => rms({ partial: 'pad' as 'emit' })).toThrow(TypeError);
  });
});
