import { describe, expect, expectTypeOf, it } from 'vitest';
import { from, map, withLatestFrom, type Observable, type OperatorFunction } from 'rxjs';
import { fft, magnitude, rms } from '@ringflow/operators';
import { defineStage, offload, parallel, type Chunk, type InputOf, type OutputOf, type ParamsOf, type StageDefinition } from '@ringflow/workers';

// The README's stage, as written there: P from `params`, In and Out from `build`'s types.
const gainStage = defineStage({
  params: { gain: 1 },
  build: (source: Observable<Float32Array>, params) =>
    source.pipe(
      withLatestFrom(params),
      map(([chunk, { gain }]) => chunk.map((x) => x * gain)),
    ),
});

const url = new URL('./fixtures/affine-stage.ts', import.meta.url);

describe('defineStage', () => {
  it('types a stage in its parameters, what it takes and what it gives', () => {
    expectTypeOf<ParamsOf<typeof gainStage>>().toEqualTypeOf<{ gain: number }>();
    expectTypeOf<InputOf<typeof gainStage>>().toEqualTypeOf<Float32Array>();
    expectTypeOf<OutputOf<typeof gainStage>>().toMatchTypeOf<Float32Array>();
    // A plain stage function too.
    const spectrum = (source: Observable<Float64Array>) => source.pipe(fft(), magnitude());
    expectTypeOf<InputOf<typeof spectrum>>().toEqualTypeOf<Float64Array>();
    expectTypeOf<OutputOf<typeof spectrum>>().toMatchTypeOf<Float64Array>();
    // Nothing said: any chunk.
    expectTypeOf<InputOf<StageDefinition>>().toEqualTypeOf<Chunk>();
  });

  it('lets offload<typeof stage> compose with typed operators, with no casts', () => {
    const source: Observable<Float32Array> = from([new Float32Array(4)]);
    const levels = source.pipe(offload<typeof gainStage>(url, { params: { gain: 2 } }), rms());
    expectTypeOf(levels).toMatchTypeOf<Observable<Float32Array>>();
    expectTypeOf(offload<typeof gainStage>(url)).toMatchTypeOf<OperatorFunction<Float32Array, Float32Array>>();
    expectTypeOf(parallel<typeof gainStage>(url)).toMatchTypeOf<OperatorFunction<Float32Array, Float32Array>>();
    // @ts-expect-error: the parameters are typed against the stage
    offload<typeof gainStage>(url, { params: { gian: 2 } });
    // @ts-expect-error: so is its input
    from([new Int16Array(4)]).pipe(offload<typeof gainStage>(url));
  });

  it('rejects a definition without build, and a reuse that is not a boolean', () => {
    expect(() => defineStage({} as never)).toThrow(TypeError);
    expect(() => defineStage({ build: (s: Observable<Chunk>) => s, reuse: 1 as unknown as boolean })).toThrow(/defineStage: reuse must be a boolean/);
    expect(defineStage({ build: (s: Observable<Chunk>) => s }).reuse).toBe(false);
  });
});
