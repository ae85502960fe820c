import { describe, expect, it } from 'vitest';
import { from, Observable, take, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { fromSamples, getWindow, slidingWindow } from '@ringflow/operators';

const f64 = (...v: number[]) => new Float64Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function run<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (x) => out.push(x), error: (e) => { throw e; } });
  return out;
}

const counting = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
const range = (start: number, end: number) => Float64Array.from({ length: end - start }, (_, i) => start + i);

describe('slidingWindow', () => {
  it('emits overlapping frames when their last sample arrives (hop < size)', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c-d|', { a: f64(0, 1, 2), b: f64(3, 4, 5), c: f64(6), d: f64(7) });
      expectObservable(source.pipe(slidingWindow({ size: 4, hop: 2 }))).toBe('--(xy)z|', {
        x: f64(0, 1, 2, 3),
        y: f64(2, 3, 4, 5),
        z: f64(4, 5, 6, 7),
      });
    });
  });

  it('tiles frames when hop = size and skips samples when hop > size', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b---|', { a: f64(0, 1, 2, 3, 4), b: f64(5, 6, 7, 8, 9, 10) });
      expectObservable(source.pipe(slidingWindow({ size: 3 }))).toBe('a-(bc)|', { a: f64(0, 1, 2), b: f64(3, 4, 5), c: f64(6, 7, 8) });
      expectObservable(source.pipe(slidingWindow({ size: 2, hop: 5 }))).toBe('a-b---|', { a: f64(0, 1), b: f64(5, 6) });
    });
  });

  it('forwards errors and completion', () => {
    marbles().run(({ cold, expectObservable }) => {
      expectObservable(cold('a---#', { a: f64(1, 2, 3) }).pipe(slidingWindow({ size: 2, hop: 1 }))).toBe('(xy)#', { x: f64(1, 2), y: f64(2, 3) });
      expectObservable(cold('a|', { a: f64(1) }).pipe(slidingWindow({ size: 2 }))).toBe('-|');
    });
  });

  it('frame k holds samples [k*hop, k*hop + size) for every kind of hop', () => {
    for (const [size, hop] of [[8, 3], [8, 8], [5, 9], [1, 1], [4, 1]] as const) {
      const frames = run(fromSamples(counting(100), 13).pipe(slidingWindow({ size, hop })));
      expect(frames).toHaveLength(Math.floor((100 - size) / hop) + 1);
      frames.forEach((frame, k) => expect(frame).toEqual(range(k * hop, k * hop + size)));
    }
  });

  it('gives identical output whatever the input chunking', () => {
    const signal = counting(10_000).map((i) => Math.cos(i * 0.003));
    for (const window of [undefined, 'hann'] as const) {
      const reference = run(fromSamples(signal, 10_000).pipe(slidingWindow({ size: 256, hop: 100, window })));
      expect(reference).toHaveLength(Math.floor((10_000 - 256) / 100) + 1);
      for (const chunkSize of [1, 7, 128, 1000]) {
        expect(run(fromSamples(signal, chunkSize).pipe(slidingWindow({ size: 256, hop: 100, window })))).toEqual(reference);
      }
    }
  });

  it('applies a named window (periodic, from getWindow) or given values', () => {
    const signal = counting(64).map((i) => Math.sin(i));
    const hann = getWindow('hann', 16, { periodic: true });
    const frames = run(fromSamples(signal, 10).pipe(slidingWindow({ size: 16, hop: 8, window: 'hann' })));
    frames.forEach((frame, k) => {
      for (let j = 0; j < 16; j++) expect(frame[j]).toBeCloseTo(signal[k * 8 + j]! * hann[j]!, 15);
    });
    const custom = Float64Array.from({ length: 4 }, (_, i) => i + 1);
    expect(run(from([f64(1, 1, 1, 1, 2, 2, 2, 2)]).pipe(slidingWindow({ size: 4, window: custom })))).toEqual([f64(1, 2, 3, 4), f64(2, 4, 6, 8)]);
    expect(run(from([f64(1, 1, 1, 1)]).pipe(slidingWindow({ size: 4, window: [0, 1, 1, 0] })))).toEqual([f64(0, 1, 1, 0)]);
  });

  it('applies no window by default (samples copied unchanged)', () => {
    const signal = counting(32).map((i) => Math.sin(i) + 2);
    const frames = run(fromSamples(signal, 5).pipe(slidingWindow({ size: 8, hop: 8 })));
    expect(frames).toEqual([signal.slice(0, 8), signal.slice(8, 16), signal.slice(16, 24), signal.slice(24, 32)]);
  });

  it('keeps float32 as float32, windowed in float64 and rounded once', () => {
    const signal = Float32Array.from({ length: 32 }, (_, i) => Math.sin(i * 0.7));
    const hann = getWindow('hann', 8, { periodic: true });
    const frames = run(fromSamples(signal, 3).pipe(slidingWindow({ size: 8, hop: 4, window: 'hann' })));
    expect(frames).toHaveLength(7);
    frames.forEach((frame, k) => {
      expect(frame).toBeInstanceOf(Float32Array);
      for (let j = 0; j < 8; j++) expect(frame[j]).toBe(Math.fround(signal[k * 4 + j]! * hann[j]!));
    });
  });

  it('emits fresh frames by default and one reused buffer with reuse: true', () => {
    const fresh = run(fromSamples(counting(20), 3).pipe(slidingWindow({ size: 4, hop: 2 })));
    expect(new Set(fresh.map((f) => f.buffer)).size).toBe(fresh.length);
    const seen: Float64Array[] = [];
    const values: number[][] = [];
    fromSamples(counting(8), 3).pipe(slidingWindow({ size: 4, hop: 2, reuse: true, window: [1, 1, 1, 2] })).subscribe((f) => {
      seen.push(f);
      values.push(Array.from(f));
    });
    expect(values).toEqual([[0, 1, 2, 6], [2, 3, 4, 10], [4, 5, 6, 14]]);
    expect(new Set(seen).size).toBe(1);
  });

  it('errors the stream for integer chunks with a window, or mixed classes', () => {
    let error: unknown;
    from([new Int16Array(8)]).pipe(slidingWindow({ size: 4, window: 'hann' })).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);
    expect(run(from([new Int16Array([1, 2, 3, 4])]).pipe(slidingWindow({ size: 2 })))).toEqual([new Int16Array([1, 2]), new Int16Array([3, 4])]);
    let error2: unknown;
    from([f64(1), new Float32Array([2]) as unknown as Float64Array]).pipe(slidingWindow({ size: 4 })).subscribe({ error: (e) => (error2 = e) });
    expect(error2).toBeInstanceOf(TypeError);
  });

  it('rejects bad arguments at creation', () => {
    expect(() => slidingWindow({ size: 0 })).toThrow(RangeError);
    expect(() => slidingWindow({ size: 4, hop: 0 })).toThrow(RangeError);
    expect(() => slidingWindow({ size: 4, hop: 1.5 })).toThrow(RangeError);
    expect(() => slidingWindow({ size: Number.NaN })).toThrow(RangeError);
    expect(() => slidingWindow({ size: 4, window: 'nope' as 'hann' })).toThrow(TypeError);
    expect(() => slidingWindow({ size: 4, window: [1, 2, 3] })).toThrow(RangeError);
    expect(() => slidingWindow({ size: 2, window: [1, Number.NaN] })).toThrow(TypeError);
    expect(() => slidingWindow({ size: 2, window: [1, Number.POSITIVE_INFINITY] })).toThrow(TypeError);
    expect(() => slidingWindow(undefined as never)).toThrow(TypeError);
  });

  it('stops producing frames once unsubscribed', () => {
    let emitted = 0;
    run(fromSamples(counting(1000), 1000).pipe(slidingWindow({ size: 10, hop: 1 }), tap(() => emitted++), take(3)));
    expect(emitted).toBe(3);
  });
});
