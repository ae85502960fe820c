import { describe, expect, it } from 'vitest';
import { take, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { fromSamples } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);

function all<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (x) => out.push(x) });
  return out;
}

describe('fromSamples', () => {
  it('splits an array into chunks of chunkSize, the last one shorter, synchronously', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      expectObservable(fromSamples(f32(1, 2, 3, 4, 5), 2)).toBe('(abc|)', { a: f32(1, 2), b: f32(3, 4), c: f32(5) });
      expectObservable(fromSamples(f32(), 2)).toBe('|');
    });
  });

  it('emits fresh copies by default and views with view: true', () => {
    const input = f32(1, 2, 3, 4);
    const copies = all(fromSamples(input, 2));
    copies[0]![0] = 99;
    expect(input[0]).toBe(1);
    const views = all(fromSamples(input, 2, { view: true }));
    expect(views[1]!.buffer).toBe(input.buffer);
    views[1]![0] = 42;
    expect(input[2]).toBe(42);
  });

  it('accepts ndarray views (gathering strided ones) and raw bytes', () => {
    const data = Float64Array.from([0, 10, 1, 11, 2, 12]);
    const left = { data, shape: [3], stride: [2], offset: 0 };
    expect(all(fromSamples(left, 2))).toEqual([new Float64Array([0, 1]), new Float64Array([2])]);
    expect(all(fromSamples(new Uint8Array([1, 2, 3]).buffer, 2))).toEqual([new Uint8Array([1, 2]), new Uint8Array([3])]);
    const buffer = Buffer.from([1, 2, 3]);
    const chunks = all(fromSamples(buffer, 2));
    expect(chunks[0]!.constructor).toBe(Uint8Array);
    chunks[0]![0] = 99; // a copy, not a view (Buffer#slice would share memory)
    expect(buffer[0]).toBe(1);
  });

  it('emits on a scheduler, one chunk per task', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      expectObservable(fromSamples(f32(1, 2, 3), 1, { scheduler })).toBe('(abc|)', { a: f32(1), b: f32(2), c: f32(3) });
    });
  });

  it('stops once unsubscribed', () => {
    expect(all(fromSamples(new Float64Array(1000), 1).pipe(take(2)))).toHaveLength(2);
  });

  it('rejects plain arrays and bad chunk sizes at creation', () => {
    expect(() => fromSamples([1, 2] as never, 2)).toThrow(/TypedArray/);
    expect(() => fromSamples([1, 2] as never, 2)).toThrow(TypeError);
    expect(() => fromSamples(f32(1), 0)).toThrow(RangeError);
    expect(() => fromSamples(f32(1), 1.5)).toThrow(RangeError);
    expect(() => fromSamples('abc' as never, 1)).toThrow(TypeError);
    expect(() => fromSamples({ data: new Float32Array(4), shape: [2, 2], stride: [2, 1], offset: 0 }, 1)).toThrow(RangeError);
  });
});
