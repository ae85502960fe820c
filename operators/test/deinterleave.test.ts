import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { deinterleave } from '../src/deinterleave.js';
import { interleave } from '../src/interleave.js';

const f32 = (...v: number[]) => new Float32Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('deinterleave', () => {
  it('splits interleaved chunks into planar channels', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b|', { a: f32(1, -1, 2, -2), b: f32(3, -3) });
      expectObservable(source.pipe(deinterleave(2))).toBe('a-b|', { a: [f32(1, 2), f32(-1, -2)], b: [f32(3), f32(-3)] });
    });
  });

  it('is the inverse of interleave, keeping the class', () => {
    const chunk = Float64Array.from({ length: 30 }, (_, i) => i * 0.5);
    let back: Float64Array | undefined;
    from([chunk]).pipe(deinterleave(3), interleave(3)).subscribe((c) => (back = c));
    expect(back).toEqual(chunk);
    expect(back).toBeInstanceOf(Float64Array);
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
