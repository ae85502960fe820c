import { describe, expect, it, vi } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { liveWorkerCount, parallel, type OffloadStats } from '@ringflow/workers';
import type { affineStage } from './fixtures/affine-stage.js';
import type { flushStage } from './fixtures/flush-stage.js';

const fixture = (name: string): URL => new URL(`./fixtures/${name}.ts`, import.meta.url);

describe('parallel', () => {
  it('dispatches round-robin and re-orders results to input order (0, 1 or 2 outputs per chunk)', async () => {
    const chunks = Array.from({ length: 60 }, (_, k) => new Float64Array([k, 0, 0]));
    const expected = chunks.flatMap((c) => Array.from({ length: c[0]! % 3 }, (_, j) => new Float64Array([c[0]!, j])));
    let final: OffloadStats | undefined;
    const out = await lastValueFrom(
      from(chunks).pipe(parallel(fixture('burst-stage'), { workers: 3, onStats: (s) => (final = s), statsInterval: 0 }), toArray()),
    );
    expect(out).toEqual(expected);
    expect(final?.stages.map((s) => s.chunksIn)).toEqual([20, 20, 20]);
    await vi.waitFor(() => expect(liveWorkerCount()).toBe(0));
  });

  for (const [chunks, workers] of [[7, 2], [6, 3], [1, 3], [0, 2]] as const) {
    it(`delivers the outputs emitted at completion last, in worker order (${chunks} chunks on ${workers} workers)`, async () => {
      const input = Array.from({ length: chunks }, (_, k) => new Float64Array([k]));
      const out = await lastValueFrom(from(input).pipe(parallel<typeof flushStage>(fixture('flush-stage'), { workers }), toArray()));
      expect(out.map((c) => c[0])).toEqual([...input.map((_, k) => k), ...Array.from({ length: workers }, (_, w) => 1000 + w)]);
    });
  }

  it('passes params to every worker', async () => {
    const chunks = Array.from({ length: 6 }, (_, k) => new Float32Array([k]));
    const out = await lastValueFrom(
      from(chunks).pipe(parallel<typeof affineStage>(fixture('affine-stage'), { workers: 2, params: { offset: 100 } }), toArray()),
    );
    expect(out.map((c) => c[0])).toEqual([100, 101, 102, 103, 104, 105]);
  });

  it('errors when one worker fails', async () => {
    const chunks = [1, 2, 3, Number.NaN, 5].map((x) => new Float32Array([x]));
    const error = await lastValueFrom(from(chunks).pipe(parallel(fixture('validate-stage'), { workers: 2 }))).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/bad input: NaN/);
    await vi.waitFor(() => expect(liveWorkerCount()).toBe(0));
  });
});
