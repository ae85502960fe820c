import { afterEach, describe, expect, it, vi } from 'vitest';
import { Subject, from, lastValueFrom, toArray } from 'rxjs';
import { liveWorkerCount, offload, parallel, pipeline, type Chunk } from '@ringflow/workers';
import { filterChain } from './fixtures/filter-chain.js';
import type { affineStage } from './fixtures/affine-stage.js';

const fixture = (name: string): URL => new URL(`./fixtures/${name}.ts`, import.meta.url);

function ramp(lengths: readonly number[]): Float32Array[] {
  let next = 0;
  return lengths.map((n) => Float32Array.from({ length: n }, () => next++ % 1000));
}

describe("transport 'message'", () => {
  it('gives the same results as the ring transport', async () => {
    const chunks = ramp([128, 513, 1, 0, 5000, 64]);
    const viaRing = await lastValueFrom(from(chunks).pipe(offload(fixture('filter-stage'), { transport: 'ring', capacity: 512 }), toArray()));
    const viaMessage = await lastValueFrom(from(chunks).pipe(offload(fixture('filter-stage'), { transport: 'message', capacity: 512 }), toArray()));
    const inThread = await lastValueFrom(from(chunks).pipe(filterChain(0.5, 0.9), toArray()));
    expect(viaMessage).toEqual(viaRing);
    expect(viaMessage).toEqual(inThread);
    expect(chunks[1]!.length).toBe(513); // the source chunks were copied, not detached
  });

  it('carries in-band params, pipelines and pools', async () => {
    const params = new Subject<{ gain: number }>();
    const source = new Subject<Float32Array>();
    const result = lastValueFrom(
      source.pipe(offload<typeof affineStage>(fixture('affine-stage'), { transport: 'message', params }), toArray()),
    );
    source.next(new Float32Array([1]));
    params.next({ gain: 2 });
    source.next(new Float32Array([1]));
    source.complete();
    expect(await result).toEqual([new Float32Array([1]), new Float32Array([2])]);

    const piped = await lastValueFrom(
      from([new Float64Array([7])]).pipe(pipeline([fixture('tag-stage'), fixture('tag-stage')], { transport: 'message' }), toArray()),
    );
    expect(piped).toEqual([new Float64Array([7, 0, 0])]);

    const pooled = await lastValueFrom(
      from(Array.from({ length: 12 }, (_, k) => new Float64Array([k]))).pipe(parallel(fixture('burst-stage'), { transport: 'message', workers: 2 }), toArray()),
    );
    expect(pooled.map((c) => Array.from(c as Float64Array))).toEqual(
      Array.from({ length: 12 }, (_, k) => Array.from({ length: k % 3 }, (_, j) => [k, j])).flat(),
    );
    await vi.waitFor(() => expect(liveWorkerCount()).toBe(0));
  });
});

describe("transport 'auto'", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('falls back to messages without cross-origin isolation and warns once with the headers', async () => {
    vi.stubGlobal('crossOriginIsolated', false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const chunks = ramp([100, 300]);
    const first = await lastValueFrom(from(chunks).pipe(offload(fixture('identity-stage')), toArray()));
    const second = await lastValueFrom(from(chunks).pipe(offload(fixture('identity-stage')), toArray()));
    expect(first).toEqual(chunks);
    expect(second).toEqual(chunks);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('Cross-Origin-Opener-Policy: same-origin');
    expect(String(warn.mock.calls[0]![0])).toContain('Cross-Origin-Embedder-Policy: require-corp');
  });
});
