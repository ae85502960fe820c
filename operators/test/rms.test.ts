import { describe, expect, it } from 'vitest';
import { from, Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { concatenate } from '@ringflow/core';
import { fromSamples } from '../src/from-samples.js';
import { rms } from '../src/rms.js';

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

  it('measures interleaved channels separately, frames may straddle chunks', () => {
    const frames = 1000;
    const x = new Float64Array(frames * 2);
    for (let f = 0; f < frames; f++) {
      x[2 * f] = Math.sin(f * 0.1);
      x[2 * f + 1] = 0.5;
    }
    const out = concatenate(...(all(fromSamples(x, 7).pipe(rms({ blockSize: 500, channels: 2 }))) as [Float64Array]));
    expect(out).toHaveLength(4);
    expect(out[1]).toBeCloseTo(0.5, 12);
    expect(out[3]).toBeCloseTo(0.5, 12);
    expect(out[0]).toBeCloseTo(Math.SQRT1_2, 2);
    const [perChunk] = all(from([f64(3, 1, -3, 1)]).pipe(rms({ channels: 2 })));
    expect(perChunk).toEqual(f64(3, 1));
  });

  it('keeps float32 as float32 and measures integers into float64', () => {
    const [a] = all(from([f32(3, 4)]).pipe(rms()));
    expect(a).toBeInstanceOf(Float32Array);
    expect(a).toEqual(f32(Math.sqrt(12.5)));
    const [b] = all(from([new Int16Array([3, -4])]).pipe(rms()));
    expect(b).toBeInstanceOf(Float64Array);
    expect(b).toEqual(f64(Math.sqrt(12.5)));
  });

  it('errors the stream for a chunk that is not whole frames (per-chunk mode)', () => {
    let error: unknown;
    from([f64(1, 2, 3)]).pipe(rms({ channels: 2 })).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(RangeError);
  });

  it('rejects bad options at creation', () => {
    expect(() => rms({ blockSize: 0 })).toThrow(RangeError);
    expect(() => rms({ channels: 1.5 })).toThrow(RangeError);
    expect(() => rms({ partial: 'pad' as 'emit' })).toThrow(TypeError);
  });
});
