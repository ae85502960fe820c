import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { deinterleave, interleave } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('deinterleave', () => {
  it('splits [frames, channels] chunks into planar channels', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: asMultichannel(f32(1, -1, 2, -2), 2), b: asMultichannel(f32(3, -3), 2) });
      expectObservable(source.pipe(deinterleave())).toBe('a-b|', { a: [f32(1, 2), f32(-1, -2)], b: [f32(3), f32(-3)] });
    });
  });

  it('reads 1-D chunks as raw interleaved samples when given the channel count', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: f32(1, -1, 2, -2), b: f32(3, -3) });
      expectObservable(source.pipe(deinterleave(2))).toBe('a-b|', { a: [f32(1, 2), f32(-1, -2)], b: [f32(3), f32(-3)] });
    });
  });

  it('splits strided views (channel-major storage) correctly', () => {
    // Two frames of three channels stored channel by channel: stride [1, 2].
    const view: MultichannelChunk<Float32Array> = { data: f32(1, 2, 10, 20, 100, 200), shape: [2, 3], stride: [1, 2], offset: 0 };
    let planes: Float32Array[] | undefined;
    from([view]).pipe(deinterleave(3)).subscribe((p) => (planes = p));
    expect(planes).toEqual([f32(1, 2), f32(10, 20), f32(100, 200)]);
  });

  it('is the inverse of interleave, keeping the class', () => {
    const chunk = asMultichannel(Float64Array.from({ length: 30 }, (_, i) => i * 0.5), 3);
    let back: MultichannelChunk<Float64Array> | undefined;
    from([chunk]).pipe(deinterleave(), interleave(3)).subscribe((c) => (back = c));
    expect(back).toEqual(chunk);
    expect(back!.data).toBeInstanceOf(Float64Array);
  });

  it('errors the stream on a channel count other than the one asked for, or a layout change', () => {
    const errors: unknown[] = [];
    from([asMultichannel(f32(1, 2, 3, 4), 2)]).pipe(deinterleave(4)).subscribe({ error: (e) => errors.push(e) });
    from([asMultichannel(f32(1, 2), 2), f32(1, 2)]).pipe(deinterleave()).subscribe({ error: (e) => errors.push(e) });
    expect(errors.map((e) => (e as Error).constructor)).toEqual([RangeError, RangeError]);
  });

  it('errors the stream for a chunk that is not a whole number of frames', () => {
    let error: unknown;
    from([f32(1, 2, 3)]).pipe(deinterleave(2)).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(RangeError);
  });

  it('rejects bad channel counts at creation', () => {
    expect(() => deinterleave(0)).toThrow(RangeError);
    expect(() => deinterleave(-2)).toThrow(RangeError);
  });
});
