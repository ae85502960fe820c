import { describe, expect, it } from 'vitest';
import { from, Observable, Subject, take, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { batch, fromSamples } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function run<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (x) => out.push(x), error: (e) => { throw e; } });
  return out;
}

function counting(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => i);
}

describe('batch', () => {
  it('regroups chunks into exact sizes with the timing of the completing input', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b--c|', { a: f32(1, 2, 3), b: f32(4, 5, 6, 7, 8, 9, 10), c: f32(11) });
      expectObservable(source.pipe(batch(4))).toBe('--(xy)(z|)', {
        x: f32(1, 2, 3, 4),
        y: f32(5, 6, 7, 8),
        z: f32(9, 10, 11),
      });
    });
  });

  it('drops or zero-pads the final partial chunk on request', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: f32(1, 2, 3), b: f32(4, 5) });
      expectObservable(source.pipe(batch(2, { partial: 'drop' }))).toBe('a-b|', { a: f32(1, 2), b: f32(3, 4) });
      expectObservable(source.pipe(batch(2, { partial: 'pad' }))).toBe('a-b(c|)', { a: f32(1, 2), b: f32(3, 4), c: f32(5, 0) });
      expectObservable(source.pipe(batch(4, { partial: 'pad' }))).toBe('--a(c|)', { a: f32(1, 2, 3, 4), c: f32(5, 0, 0, 0) });
      expectObservable(source.pipe(batch(4, { partial: 'emit' }))).toBe('--a(c|)', { a: f32(1, 2, 3, 4), c: f32(5) });
    });
  });

  it('forwards errors and emits nothing for an empty stream', () => {
    marbles().run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#', { a: f32(1, 2, 3) }).pipe(batch(2))).toBe('a-#', { a: f32(1, 2) });
      expectObservable(cold<Float32Array>('--|').pipe(batch(2))).toBe('--|');
    });
  });

  it('gives identical output whatever the input chunking', () => {
    const signal = counting(10_000).map((i) => Math.sin(i * 0.01));
    const reference = run(fromSamples(signal, 10_000).pipe(batch(256)));
    expect(reference).toHaveLength(40);
    for (const chunkSize of [1, 7, 128, 1000, 10_000]) {
      const got = run(fromSamples(signal, chunkSize).pipe(batch(256)));
      expect(got).toEqual(reference);
    }
    expect(reference.at(-1)).toHaveLength(10_000 - 39 * 256);
  });

  it('emits fresh arrays by default and one reused buffer with reuse: true', () => {
    const signal = counting(20);
    const fresh = run(fromSamples(signal, 3).pipe(batch(4)));
    expect(new Set(fresh.map((c) => c.buffer)).size).toBe(fresh.length);

    const seen: Float64Array[] = [];
    const copies: number[][] = [];
    fromSamples(signal, 3)
      .pipe(batch(4, { reuse: true }))
      .subscribe((c) => {
        seen.push(c);
        copies.push(Array.from(c));
      });
    expect(copies).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15], [16, 17, 18, 19]]);
    expect(new Set(seen.map((c) => c.buffer)).size).toBe(1);
  });

  it('keeps the input class (float32 stays float32, ints too)', () => {
    const [a] = run(from([f32(1.5, 2.5)]).pipe(batch(2)));
    expect(a).toBeInstanceOf(Float32Array);
    const [b] = run(from([new Int16Array([1, 2, 3])]).pipe(batch(3)));
    expect(b).toBeInstanceOf(Int16Array);
    const [c] = run(from([new BigInt64Array([1n])]).pipe(batch(2, { partial: 'pad' })));
    expect(c).toEqual(new BigInt64Array([1n, 0n]));
  });

  it('errors the stream for chunks of another class or non-arrays', () => {
    const subject = new Subject<Float32Array>();
    let error: unknown;
    subject.pipe(batch(2)).subscribe({ error: (e) => (error = e) });
    subject.next(f32(1));
    subject.next(new Float64Array([2]) as unknown as Float32Array);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/Float32Array/);

    let error2: unknown;
    from([[1, 2] as unknown as Float32Array]).pipe(batch(2)).subscribe({ error: (e) => (error2 = e) });
    expect(error2).toBeInstanceOf(TypeError);
    expect(String(error2)).toMatch(/plain Array/);
  });

  it('rejects bad arguments at creation', () => {
    expect(() => batch(0)).toThrow(RangeError);
    expect(() => batch(-1)).toThrow(RangeError);
    expect(() => batch(1.5)).toThrow(RangeError);
    expect(() => batch(Number.NaN)).toThrow(RangeError);
    expect(() => batch('4' as unknown as number)).toThrow(TypeError);
    expect(() => batch(4, { partial: 'zero' as 'pad' })).toThrow(TypeError);
  });

  it('stops when the consumer unsubscribes during a burst', () => {
    let emitted = 0;
    const got = run(fromSamples(counting(100), 100).pipe(batch(10), tap(() => emitted++), take(2)));
    expect(got).toEqual([counting(10), counting(20).subarray(10)]);
    expect(emitted).toBe(2);
  });
});
