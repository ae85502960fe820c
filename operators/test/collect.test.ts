import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { collect } from '@ringflow/operators';

const f64 = (...v: number[]) => new Float64Array(v);

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('collect', () => {
  it('emits all chunks joined when the source completes', () => {
    marbles().run(({ cold, expectObservable }) => {
      const source = cold('a-b--c|', { a: f64(1, 2), b: f64(3), c: f64(4, 5) });
      expectObservable(source.pipe(collect())).toBe('------(x|)', { x: f64(1, 2, 3, 4, 5) });
    });
  });

  it('completes without emitting for an empty source, and forwards errors', () => {
    marbles().run(({ cold, expectObservable }) => {
      expectObservable(cold<Float64Array>('--|').pipe(collect())).toBe('--|');
      expectObservable(cold('a-#', { a: f64(1) }).pipe(collect())).toBe('--#');
    });
  });

  it('emits a fresh array of the first chunk class', () => {
    const a = new Uint8Array([1, 2]);
    let out: Uint8Array | undefined;
    from([a]).pipe(collect()).subscribe((c) => (out = c));
    expect(out).toEqual(a);
    expect(out).not.toBe(a);
    expect(out).toBeInstanceOf(Uint8Array);
  });

  it('errors the stream on mixed classes', () => {
    let error: unknown;
    from([f64(1), new Float32Array([2]) as unknown as Float64Array]).pipe(collect()).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);
  });
});

describe('collect with empty chunks', () => {
  it('emits one empty array of the chunks\' class when every chunk was empty', async () => {
    const { lastValueFrom } = await import('rxjs');
    const out = await lastValueFrom(from([new Float32Array(0), new Float32Array(0)]).pipe(collect()));
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.length).toBe(0);
    const mixed = await lastValueFrom(from([new Float32Array(0), new Float32Array([1, 2]), new Float32Array(0)]).pipe(collect()));
    expect(mixed).toEqual(new Float32Array([1, 2]));
  });
});
