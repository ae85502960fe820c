import { describe, expect, it, vi } from 'vitest';
import { BehaviorSubject, from, lastValueFrom, toArray } from 'rxjs';
import { liveWorkerCount, pipeline, type Chunk, type OffloadStats } from '@ringflow/workers';

const fixture = (name: string): URL => new URL(`./fixtures/${name}.ts`, import.meta.url);

describe('pipeline', () => {
  it('runs stages in separate workers joined by direct rings, in order', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => new Float64Array(i % 7).fill(i));
    let final: OffloadStats | undefined;
    const out = await lastValueFrom(
      from(chunks).pipe(
        pipeline(
          [
            { stage: fixture('tag-stage'), params: { tag: 1 } },
            { stage: fixture('tag-stage'), params: { tag: 2 } },
            { stage: fixture('tag-stage'), params: { tag: 3 } },
          ],
          { capacity: 16, onStats: (s) => (final = s), statsInterval: 0 },
        ),
        toArray(),
      ),
    );
    expect(out).toEqual(chunks.map((c) => Float64Array.from([...c, 1, 2, 3])));
    expect(final?.stages.map((s) => s.chunksIn)).toEqual([40, 40, 40]);
    expect(final?.chunksOut).toBe(40);
    await vi.waitFor(() => expect(liveWorkerCount()).toBe(0));
  });

  it('accepts the variadic form and live params for a later stage', async () => {
    const tag = new BehaviorSubject({ tag: 5 });
    const out = await lastValueFrom(
      from([new Float64Array([0])]).pipe(pipeline(fixture('identity-stage'), { stage: fixture('tag-stage'), params: tag }), toArray()),
    );
    expect(out).toEqual([new Float64Array([0, 5])]);
  });

  it('errors when any stage fails, and terminates every worker', async () => {
    const chunks: Chunk[] = [new Float32Array([1]), new Float32Array([Number.NaN])];
    const error = await lastValueFrom(from(chunks).pipe(pipeline(fixture('identity-stage'), fixture('validate-stage'), fixture('identity-stage')))).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('bad input: NaN at sample 1');
    await vi.waitFor(() => expect(liveWorkerCount()).toBe(0));
  });
});
