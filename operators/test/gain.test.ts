import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { gain } from '@ringflow/operators';

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

  it('scales [frames, channels] chunks and keeps their shape', () => {
    const out: unknown[] = [];
    const stereo = asMultichannel(f32(1, -1, 2, -2), 2);
    from([stereo]).pipe(gain(3)).subscribe((c) => out.push(c));
    expect(out).toHaveLength(1);
    const chunk = out[0] as MultichannelChunk<Float32Array>;
    expect(chunk.shape).toEqual([2, 2]);
    expect(Array.from(chunk.data)).toEqual([3, -3, 6, -6]);
  });

  it('reads strided and offset views as the frames they describe', () => {
    // Two frames of two channels, stored channel-major (stride [1, 2]) after one unused sample.
    const view = { data: f64(99, 1, 2, 10, 20), shape: [2, 2] as const, stride: [1, 2] as const, offset: 1 };
    let chunk: MultichannelChunk<Float64Array> | undefined;
    from([view]).pipe(gain(2)).subscribe((c) => (chunk = c as MultichannelChunk<Float64Array>));
    expect(Array.from(chunk!.data)).toEqual([2, 20, 4, 40]);
  });

  it('errors with a RangeError when the layout or channel count changes mid-stream', () => {
    const errors: unknown[] = [];
    from([asMultichannel(f32(1, 2), 2), f32(1)] as never[]).pipe(gain(2)).subscribe({ error: (e) => errors.push(e) });
    from([f32(1), asMultichannel(f32(1, 2), 2)] as never[]).pipe(gain(2)).subscribe({ error: (e) => errors.push(e) });
    from([asMultichannel(f32(1, 2), 2), asMultichannel(f32(1, 2, 3), 3)] as never[]).pipe(gain(2)).subscribe({ error: (e) => errors.push(e) });
    from([{ data: f32(1, 2), shape: [1e8, 2], stride: [2, 1], offset: 0 }] as never[]).pipe(gain(2)).subscribe({ error: (e) => errors.push(e) });
    expect(errors).toHaveLength(4);
    for (const e of errors) expect(e).toBeInstanceOf(RangeError);
    expect((errors[2] as Error).message).toMatch(/started as \[frames, 2\] chunks, got \[frames, 3\] chunks/);
  });

  it('errors with a TypeError for a float64 chunk after float32 ones', () => {
    let error: unknown;
    from([f32(1), f64(1)] as Float32Array[]).pipe(gain(2)).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);
  });
  it('errors with a RangeError, before allocating, on a stride-0 chunk whose shape holds more elements than its data', async () => {
    const { lastValueFrom } = await import('rxjs');
    const broadcast = { data: f32(1, 2), shape: [2 ** 30, 2], stride: [0, 1], offset: 0 } as unknown as MultichannelChunk<Float32Array>;
    await expect(lastValueFrom(from([broadcast]).pipe(gain(2)))).rejects.toThrow(/^gain: a \[1073741824, 2\] chunk \(2147483648 elements\) over 2 data elements/);
    // a stride-0 view within the data's size is read as what it addresses
    const repeated = { data: f32(1, 2, 3, 4), shape: [2, 2], stride: [0, 1], offset: 0 } as unknown as MultichannelChunk<Float32Array>;
    const out = (await lastValueFrom(from([repeated]).pipe(gain(2)))) as MultichannelChunk<Float32Array>;
    expect(Array.from(out.data)).toEqual([2, 4, 2, 4]);
  });
});
