import { describe, expect, it } from 'vitest';
import { from, Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { asMultichannel, concatenate } from '@ringflow/core';
import { fromSamples, peak } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);
const f64 = (...v: number[]) => new Float64Array(v);

function all<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (x) => out.push(x), error: (e) => { throw e; } });
  return out;
}

describe('peak', () => {
  it('measures max |x| per chunk, or per block of the stream', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: f64(3, -4, 0), b: f64(0, 1) });
      expectObservable(source.pipe(peak())).toBe('a-b|', { a: f64(4), b: f64(1) });
      expectObservable(source.pipe(peak({ blockSize: 2 }))).toBe('a-b|', { a: f64(4), b: f64(0) });
      expectObservable(source.pipe(peak({ blockSize: 2, partial: 'emit' }))).toBe('a-b(c|)', { a: f64(4), b: f64(0), c: f64(1) });
    });
  });

  it('gives identical block peaks whatever the input chunking', () => {
    const x = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i * 0.013) * Math.cos(i * 0.0007));
    const reference = concatenate(...(all(fromSamples(x, 10_000).pipe(peak({ blockSize: 256 }))) as [Float64Array]));
    for (const chunkSize of [1, 7, 128, 1000]) {
      expect(concatenate(...(all(fromSamples(x, chunkSize).pipe(peak({ blockSize: 256 }))) as [Float64Array]))).toEqual(reference);
    }
  });

  it('measures interleaved channels separately and keeps float32', () => {
    const [p] = all(from([asMultichannel(f32(0.5, -0.25, 1, -2), 2)]).pipe(peak({ channels: 2 })));
    expect(p!.data).toBeInstanceOf(Float32Array);
    expect(p).toEqual(asMultichannel(f32(1, 2), 2));
  });

  it('reports NaN for a block holding NaN', () => {
    const [p] = all(from([f64(1, Number.NaN, 3)]).pipe(peak()));
    expect(p![0]).toBeNaN();
  });

  it('rejects bad options at creation', () => {
    expect(() => peak({ blockSize: -1 })).toThrow(RangeError);
    expect(() => peak({ channels: 0 })).toThrow(RangeError);
  });
});
