import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { asMultichannel } from '@ringflow/core';
import { interleave } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('interleave', () => {
  it('turns arrays of planar chunks into interleaved [frames, channels] chunks', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: [f32(1, 2), f32(-1, -2)], b: [f32(3), f32(-3)] });
      expectObservable(source.pipe(interleave(2))).toBe('a-b|', { a: asMultichannel(f32(1, -1, 2, -2), 2), b: asMultichannel(f32(3, -3), 2) });
    });
  });

  it('errors the stream on a wrong channel count, unequal lengths or a non-array', () => {
    const errors: unknown[] = [];
    from([[f32(1)]]).pipe(interleave(2)).subscribe({ error: (e) => errors.push(e) });
    from([[f32(1), f32(1, 2)]]).pipe(interleave(2)).subscribe({ error: (e) => errors.push(e) });
    from([f32(1) as unknown as Float32Array[]]).pipe(interleave(1)).subscribe({ error: (e) => errors.push(e) });
    expect(errors.map((e) => (e as Error).constructor)).toEqual([RangeError, RangeError, TypeError]);
  });

  it('rejects bad channel counts at creation', () => {
    expect(() => interleave(0)).toThrow(RangeError);
    expect(() => interleave(1.5)).toThrow(RangeError);
  });
});
