import { describe, expect, it } from 'vitest';
import { from, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { concatenateChunks } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('concatenateChunks', () => {
  it('joins every count chunks, emitting the last partial group at completion', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c-d-e|', { a: f32(1, 2), b: f32(3), c: f32(4, 5), d: f32(6), e: f32(7) });
      expectObservable(source.pipe(concatenateChunks(2))).toBe('--x---y--(z|)', { x: f32(1, 2, 3), y: f32(4, 5, 6), z: f32(7) });
      expectObservable(source.pipe(concatenateChunks(5))).toBe('--------x|', { x: f32(1, 2, 3, 4, 5, 6, 7) });
      expectObservable(source.pipe(concatenateChunks(1))).toBe('a-b-c-d-e|', { a: f32(1, 2), b: f32(3), c: f32(4, 5), d: f32(6), e: f32(7) });
    });
  });

  it('forwards errors without emitting the pending group', () => {
    marbles().run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#', { a: f32(1) }).pipe(concatenateChunks(2))).toBe('--#');
      expectObservable(cold<Float32Array>('-|').pipe(concatenateChunks(2))).toBe('-|');
    });
  });

  it('emits fresh arrays of the input class, even for count 1', () => {
    const input = [new Int16Array([1, 2]), new Int16Array([3])];
    const out: Int16Array[] = [];
    from(input).pipe(concatenateChunks(1)).subscribe((c) => out.push(c));
    expect(out).toEqual(input);
    expect(out[0]).toBeInstanceOf(Int16Array);
    expect(out[0]).not.toBe(input[0]);
  });

  it('errors the stream on mixed classes', () => {
    const subject = new Subject<Float32Array>();
    let error: unknown;
    subject.pipe(concatenateChunks(2)).subscribe({ error: (e) => (error = e) });
    subject.next(f32(1));
    subject.next(new Float64Array([2]) as unknown as Float32Array);
    expect(error).toBeInstanceOf(TypeError);
  });

  it('rejects bad counts at creation', () => {
    expect(() => concatenateChunks(0)).toThrow(RangeError);
    expect(() => concatenateChunks(1.5)).toThrow(RangeError);
    expect(() => concatenateChunks(Number.NaN)).toThrow(RangeError);
    expect(() => concatenateChunks('2' as unknown as number)).toThrow(TypeError);
  });
});

describe('concatenateChunks with empty chunks', () => {
  it('emits an empty array for a group of empty chunks and errors on mixed classes', async () => {
    const { lastValueFrom, toArray } = await import('rxjs');
    const out = await lastValueFrom(
      from([new Int16Array(0), new Int16Array(0), new Int16Array([3]), new Int16Array(0)]).pipe(concatenateChunks(2), toArray()),
    );
    expect(out).toEqual([new Int16Array(0), new Int16Array([3])]);
    await expect(lastValueFrom(from([new Int16Array(0), new Float32Array(0)] as Int16Array[]).pipe(concatenateChunks(2)))).rejects.toThrow(TypeError);
  });
});
