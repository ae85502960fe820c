import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { gain } from '../src/gain.js';

const f32 = (...v: number[]) => new Float32Array(v);
const f64 = (...v: number[]) => new Float64Array(v);

describe('gain', () => {
  it('scales every sample by the factor, chunk by chunk', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      expectObservable(cold('a-b|', { a: f64(1, 2), b: f64(-3) }).pipe(gain(2))).toBe('a-b|', { a: f64(2, 4), b: f64(-6) });
      expectObservable(cold('a-#', { a: f64(1) }).pipe(gain(2))).toBe('a-#', { a: f64(2) });
    });
  });

  it('takes decibels: +20 dB is x10, -6.0206 dB is x0.5', () => {
    const out: Float64Array[] = [];
    from([f64(1, -2)]).pipe(gain({ decibels: 20 })).subscribe((c) => out.push(c));
    from([f64(1, -2)]).pipe(gain({ decibels: 20 * Math.log10(0.5) })).subscribe((c) => out.push(c));
    expect(out[0]![0]).toBeCloseTo(10, 12);
    expect(out[0]![1]).toBeCloseTo(-20, 12);
    expect(out[1]![0]).toBeCloseTo(0.5, 12);
  });

  it('keeps float32 as float32 (product rounded once) and returns fresh arrays', () => {
    const input = f32(0.1, 0.2, 0.3);
    let out: Float32Array | undefined;
    from([input]).pipe(gain(3)).subscribe((c) => (out = c));
    expect(out).toBeInstanceOf(Float32Array);
    expect(out).toEqual(Float32Array.from(input, (v) => v * 3));
    expect(out).not.toBe(input);
    expect(input).toEqual(f32(0.1, 0.2, 0.3));
  });

  it('errors the stream for integer chunks', () => {
    let error: unknown;
    from([new Int16Array(2) as unknown as Float32Array]).pipe(gain(2)).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);
  });

  it('rejects non-finite factors at creation', () => {
    expect(() => gain(Number.NaN)).toThrow(RangeError);
    expect(() => gain(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => gain({ decibels: Number.NaN })).toThrow(RangeError);
    expect(() => gain('2' as never)).toThrow(TypeError);
  });
});
