import { describe, expect, it } from 'vitest';
import { from, Observable, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { asMultichannel, concatenate, type MultichannelChunk } from '@ringflow/core';
import { fromSamples, mix } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);
const f64 = (...v: number[]) => new Float64Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function all<T>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (x) => out.push(x), error: (e) => { throw e; } });
  return out;
}

describe('mix', () => {
  describe('mix(...others): sample-aligned sum of streams', () => {
    it('adds streams sample by sample, emitting as soon as every input has samples', () => {
      marbles().run(({ cold, expectObservable }) => {
        const a = cold('a---b----|', { a: f64(1, 2), b: f64(3, 4, 5) });
        const b = cold('-x-y--z|', { x: f64(10), y: f64(20, 30), z: f64(40, 50) });
        expectObservable(a.pipe(mix(b))).toBe('-x-yz-w|', { x: f64(11), y: f64(22), z: f64(33), w: f64(44, 55) });
      });
    });

    it('completes when the shortest input has been mixed (like zip)', () => {
      marbles().run(({ cold, expectObservable, expectSubscriptions }) => {
        const a = cold('a-b-c-d|', { a: f64(1), b: f64(2), c: f64(3), d: f64(4) });
        const b = cold('(xy|)', { x: f64(10, 20), y: f64(30) });
        expectObservable(a.pipe(mix(b))).toBe('a-b-(c|)', { a: f64(11), b: f64(22), c: f64(33) });
        expectSubscriptions(a.subscriptions).toBe('^---!');
      });
    });

    it('forwards an error from any input', () => {
      marbles().run(({ cold, expectObservable }) => {
        const a = cold('a---b|', { a: f64(1), b: f64(2) });
        const b = cold('x-#', { x: f64(10) });
        expectObservable(a.pipe(mix(b))).toBe('a-#', { a: f64(11) });
      });
    });

    it('sums three inputs whatever their chunking', () => {
      const n = 10_000;
      const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
      const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
      const z = Float64Array.from({ length: n }, (_, i) => i / n);
      const expected = Float64Array.from({ length: n }, (_, i) => x[i]! + y[i]! + z[i]!);
      for (const [cx, cy, cz] of [[1, 7, 128], [1000, 10_000, 3], [128, 128, 128]]) {
        const out = all(fromSamples(x, cx!).pipe(mix(fromSamples(y, cy!), fromSamples(z, cz!))));
        expect(concatenate(...(out as [Float64Array]))).toEqual(expected);
      }
    });

    it('keeps float32, summing in float64 and rounding once', () => {
      const a = f32(0.1, 0.2);
      const b = f32(0.3, 0.4);
      const c = f32(1e-8, 1e-8);
      const [out] = all(from([a]).pipe(mix(from([b]), from([c]))));
      expect(out).toBeInstanceOf(Float32Array);
      expect(out).toEqual(Float32Array.from([0, 1], (i) => a[i]! + b[i]! + c[i]!));
    });

    it('errors the stream on mixed classes', () => {
      const a = new Subject<Float64Array>();
      let error: unknown;
      a.pipe(mix(from([f32(1)] as unknown as Float64Array[]))).subscribe({ error: (e) => (error = e) });
      a.next(f64(1));
      expect(error).toBeInstanceOf(TypeError);
    });
  });

  describe('mix(weights): downmix of [frames, channels] chunks to mono', () => {
    it('gives the weighted sum of the channels of each frame', () => {
      marbles().run(({ cold, expectObservable }) => {
        const source = cold('a-b|', { a: asMultichannel(f64(1, 10, 2, 20), 2), b: asMultichannel(f64(4, 8), 2) });
        expectObservable(source.pipe(mix([0.5, 0.5]))).toBe('a-b|', { a: f64(5.5, 11), b: f64(6) });
        expectObservable(source.pipe(mix([1, -1]))).toBe('a-b|', { a: f64(-9, -18), b: f64(-4) });
      });
    });

    it('errors the stream for chunks with another channel count, or mono chunks with several weights', () => {
      const errors: unknown[] = [];
      from([asMultichannel(f32(1, 2, 3), 3)]).pipe(mix([1, 1])).subscribe({ error: (e) => errors.push(e) });
      from([f32(1, 2)]).pipe(mix([1, 1])).subscribe({ error: (e) => errors.push(e) });
      expect(errors.map((e) => (e as Error).constructor)).toEqual([RangeError, RangeError]);
      expect((errors[1] as Error).message).toMatch(/asMultichannel/);
    });

    it('errors the stream with a TypeError for a float64 chunk after float32 ones', () => {
      let error: unknown;
      from([asMultichannel(f32(1, 2), 2), asMultichannel(f64(1, 2), 2)] as never[]).pipe(mix([1, 1])).subscribe({ error: (e) => (error = e) });
      expect(error).toBeInstanceOf(TypeError);
    });
  });

  describe('mix(matrix): channels to channels', () => {
    it('computes each output channel as its row of weights times the input channels', () => {
      const out: MultichannelChunk<Float64Array>[] = [];
      from([asMultichannel(f64(1, 10, 2, 20), 2)]).pipe(mix<Float64Array>([[1, 0], [0, 1], [0.5, 0.5]])).subscribe((c) => out.push(c));
      expect(out).toEqual([asMultichannel(f64(1, 10, 5.5, 2, 20, 11), 3)]);
    });

    it('upmixes mono 1-D chunks with one-column rows, keeping float32', () => {
      const out: MultichannelChunk<Float32Array>[] = [];
      from([f32(0.1, 0.2)]).pipe(mix<Float32Array>([[1], [-1]])).subscribe((c) => out.push(c));
      expect(out).toEqual([asMultichannel(f32(0.1, -0.1, 0.2, -0.2), 2)]);
    });

    it('rejects rows of unequal lengths or non-finite weights at creation, and other channel counts per chunk', () => {
      expect(() => mix([[1, 0], [1]])).toThrow(RangeError);
      expect(() => mix([[1, Number.NaN]])).toThrow(TypeError);
      expect(() => mix([[]])).toThrow(RangeError);
      let error: unknown;
      from([asMultichannel(f32(1, 2, 3), 3)]).pipe(mix([[1, 1]])).subscribe({ error: (e) => (error = e) });
      expect(error).toBeInstanceOf(RangeError);
    });
  });

  describe('mix(...others) on multichannel streams', () => {
    it('sums [frames, channels] streams frame by frame', () => {
      const a = asMultichannel(f64(1, 2, 3, 4, 5, 6), 2);
      const b = asMultichannel(f64(10, 20, 30, 40, 50, 60), 2);
      const out = all(from([a]).pipe(mix(from([b]))));
      expect(out).toEqual([asMultichannel(f64(11, 22, 33, 44, 55, 66), 2)]);
    });

    it('errors the stream when the inputs have different layouts', () => {
      let error: unknown;
      from([asMultichannel(f64(1, 2), 2)]).pipe(mix(from([f64(1, 2)]) as never)).subscribe({ error: (e) => (error = e) });
      expect(error).toBeInstanceOf(RangeError);
    });
  });

  it('rejects bad arguments at creation', () => {
    expect(() => mix()).toThrow(RangeError);
    expect(() => mix([])).toThrow(RangeError);
    expect(() => mix([1, Number.NaN])).toThrow(TypeError);
    expect(() => mix(3 as never)).toThrow(TypeError);
  });
});
