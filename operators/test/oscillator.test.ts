import { describe, expect, it } from 'vitest';
import { lastValueFrom, Observable, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { concatenate } from '@ringflow/core';
import { oscillator } from '@ringflow/operators';

function all<T extends Float32Array | Float64Array>(source: Observable<T>): T[] {
  const out: T[] = [];
  source.subscribe({ next: (c) => out.push(c), error: (e) => { throw e; } });
  return out;
}

const joined = <T extends Float32Array | Float64Array>(chunks: T[]): T => concatenate(...(chunks as [T]));

describe('oscillator', () => {
  it('emits a sine of the right frequency, amplitude and phase, in chunks of chunkSize', () => {
    const chunks = all(oscillator({ frequency: 440, sampleRate: 48_000, amplitude: 0.5, phase: 0.3, chunkSize: 100, length: 1050 }));
    expect(chunks.map((c) => c.length)).toEqual([...Array(10).fill(100), 50]);
    const x = joined(chunks);
    expect(x).toBeInstanceOf(Float64Array);
    for (let n = 0; n < x.length; n++) expect(x[n]).toBeCloseTo(0.5 * Math.sin((2 * Math.PI * 440 * n) / 48_000 + 0.3), 12);
  });

  it('is phase-continuous and independent of chunkSize', () => {
    const reference = joined(all(oscillator({ frequency: 1234.5, sampleRate: 44_100, length: 10_000, chunkSize: 10_000 })));
    for (const chunkSize of [1, 7, 128, 1000]) {
      expect(joined(all(oscillator({ frequency: 1234.5, sampleRate: 44_100, length: 10_000, chunkSize })))).toEqual(reference);
    }
  });

  it('shapes square, sawtooth and triangle as scipy.signal does', () => {
    const opts = { frequency: 1, sampleRate: 8, length: 8, chunkSize: 3 } as const;
    expect(Array.from(joined(all(oscillator({ ...opts, type: 'square' }))))).toEqual([1, 1, 1, 1, -1, -1, -1, -1]);
    expect(Array.from(joined(all(oscillator({ ...opts, type: 'sawtooth' }))))).toEqual([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75]);
    expect(Array.from(joined(all(oscillator({ ...opts, type: 'triangle' }))))).toEqual([-1, -0.5, 0, 0.5, 1, 0.5, 0, -0.5]);
    expect(Array.from(joined(all(oscillator({ ...opts, type: 'square', phase: Math.PI, amplitude: 2 }))))).toEqual([-2, -2, -2, -2, 2, 2, 2, 2]);
  });

  it('emits float32 when asked, the float64 values rounded once', () => {
    const f32 = joined(all(oscillator({ frequency: 100, sampleRate: 1000, length: 50, format: 'float32' })));
    const f64 = joined(all(oscillator({ frequency: 100, sampleRate: 1000, length: 50, format: 'float64' })));
    expect(f32).toBeInstanceOf(Float32Array);
    expect(f32).toEqual(Float32Array.from(f64));
  });

  it('derives the length from duration, rounded to whole samples', () => {
    expect(joined(all(oscillator({ frequency: 1, sampleRate: 1000, duration: 0.0125 })))).toHaveLength(13);
    expect(all(oscillator({ frequency: 1, sampleRate: 1000, duration: 0 }))).toEqual([]);
  });

  it('runs forever without a length, stopped by take', () => {
    const chunks = all(oscillator({ frequency: 1, sampleRate: 100, chunkSize: 10 }).pipe(take(3)));
    expect(chunks).toHaveLength(3);
  });

  it('paces chunks at the sample rate on a scheduler', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ expectObservable }) => {
      const source = oscillator({ frequency: 0, sampleRate: 1000, chunkSize: 5, length: 12, phase: Math.PI / 2, scheduler });
      expectObservable(source).toBe('a 4ms b 4ms (c|)', { a: new Float64Array(5).fill(1), b: new Float64Array(5).fill(1), c: new Float64Array(2).fill(1) });
    });
  });

  it('restarts at sample 0 for each subscription', async () => {
    const source = oscillator({ frequency: 50, sampleRate: 1000, length: 30, chunkSize: 7 });
    expect(await lastValueFrom(source.pipe(toArray()))).toEqual(await lastValueFrom(source.pipe(toArray())));
  });

  it('rejects bad options at creation', () => {
    expect(() => oscillator({ frequency: Number.NaN, sampleRate: 1000 })).toThrow(RangeError);
    expect(() => oscillator({ frequency: 1, sampleRate: 0 })).toThrow(RangeError);
    expect(() => oscillator({ frequency: 1, sampleRate: 1000, chunkSize: 0 })).toThrow(RangeError);
    expect(() => oscillator({ frequency: 1, sampleRate: 1000, type: 'pulse' as 'sine' })).toThrow(TypeError);
    expect(() => oscillator({ frequency: 1, sampleRate: 1000, format: 'int16' as 'float32' })).toThrow(TypeError);
    expect(() => oscillator({ frequency: 1, sampleRate: 1000, length: 10, duration: 1 })).toThrow(TypeError);
    expect(() => oscillator({ frequency: 1, sampleRate: 1000, length: -1 })).toThrow(RangeError);
    expect(() => oscillator({ frequency: 1, sampleRate: 1000, amplitude: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => oscillator(undefined as never)).toThrow(TypeError);
  });
});
