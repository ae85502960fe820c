import { describe, expect, it, vi } from 'vitest';
import { Subject, firstValueFrom, from, interval, lastValueFrom, map, Observable, take, throwError, concat, toArray } from 'rxjs';
import { asMultichannel, isMultichannel, type MultichannelChunk, type TypedArray } from '@ringflow/core';
import { liveWorkerCount, offload, type Chunk, type OffloadStats, type StageDefinition } from '@ringflow/workers';
import { filterChain } from './fixtures/filter-chain.js';
import { spectrumChain } from './fixtures/spectrum-chain.js';
import type { affineStage } from './fixtures/affine-stage.js';
import type { identityStage } from './fixtures/identity-stage.js';
import type { slowStage } from './fixtures/slow-stage.js';
import type { spectrumStage } from './fixtures/spectrum-stage.js';

const fixture = (name: string): URL => new URL(`./fixtures/${name}.ts`, import.meta.url);

function ramp(lengths: readonly number[]): Float32Array[] {
  let next = 0;
  return lengths.map((n) => Float32Array.from({ length: n }, () => next++ % 1000));
}

async function noLiveWorkers(): Promise<void> {
  await vi.waitFor(() => expect(liveWorkerCount()).toBe(0), { timeout: 5000, interval: 10 });
}

describe('offload', () => {
  it('gives the same samples as running the chain in-thread', async () => {
    const chunks = ramp([128, 7, 1000, 1, 513, 2048]);
    const expected = await lastValueFrom(from(chunks).pipe(filterChain(0.5, 0.9), toArray()));
    const actual = await lastValueFrom(from(chunks).pipe(offload(fixture('filter-stage')), toArray()));
    expect(actual.map((c) => c.constructor)).toEqual(expected.map(() => Float64Array));
    expect(actual).toEqual(expected);
    await noLiveWorkers();
  });

  it('runs an operators chain (sosfilt, slidingWindow, fft, magnitude, toDecibels) exactly as in-thread', async () => {
    const chunks = ramp([128, 300, 1000, 4096, 77, 2000]).map((c) => c.map((x) => Math.sin(x / 3)));
    const expected = await lastValueFrom(from(chunks).pipe(spectrumChain(), toArray()));
    const actual = await lastValueFrom(from(chunks).pipe(offload<typeof spectrumStage>(fixture('spectrum-stage')), toArray()));
    expect(expected.length).toBeGreaterThan(20);
    expect(actual.map((c) => c.length)).toEqual(expected.map(() => 513));
    expect(actual).toEqual(expected);
    await noLiveWorkers();
  });

  it('keeps chunk boundaries for variable sizes, 513 and chunks larger than the ring', async () => {
    const lengths = [513, 1, 0, 4096, 9000, 3, 700, 8, 12345, 1024];
    const chunks = ramp(lengths);
    const out = await lastValueFrom(from(chunks).pipe(offload<typeof identityStage>(fixture('identity-stage'), { capacity: 1000 }), toArray()));
    expect(out.map((c) => c.length)).toEqual(lengths);
    out.forEach((chunk, i) => {
      expect(chunk).toBeInstanceOf(Float32Array);
      expect(chunk).toEqual(chunks[i]);
    });
    await noLiveWorkers();
  });

  it('carries any element type, including BigInt and bytes from a subarray', async () => {
    const big = new Float64Array(100).map((_, i) => i);
    const chunks: TypedArray[] = [
      new Int16Array([1, -2, 3]),
      new BigInt64Array([1n, -(2n ** 62n)]),
      new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 4),
      big.subarray(10, 20),
    ];
    const out = await lastValueFrom(from(chunks).pipe(offload<typeof identityStage>(fixture('identity-stage')), toArray()));
    expect(out).toEqual(chunks.map((c) => c.slice()));
    expect(out.map((c) => c.constructor)).toEqual(chunks.map((c) => c.constructor));
  });

  for (const transport of ['ring', 'message'] as const) {
    it(`carries multichannel chunks with their shape, interleaved, next to mono ones (${transport})`, async () => {
      const four = Float64Array.from({ length: 4 * 3 }, (_, i) => i);
      const chunks: Chunk[] = [
        asMultichannel(Float32Array.from([1, -1, 2, -2, 3, -3]), 2),
        new Float32Array([7, 8]),
        asMultichannel(new Float32Array(0), 3),
        // Channels 1 and 2 of a 4-channel chunk: a strided view, sent compacted.
        { data: four, shape: [3, 2], stride: [4, 1], offset: 1 },
        asMultichannel(Int16Array.from({ length: 3 * 5000 }, (_, i) => i % 30000), 3), // larger than the ring
        asMultichannel(new Float32Array([5]), 1),
      ];
      const out = await lastValueFrom(
        from(chunks).pipe(offload<StageDefinition<unknown, Chunk, Chunk>>(fixture('pooled-identity-stage'), { transport, capacity: 2048 }), toArray()),
      );
      expect(out).toHaveLength(chunks.length);
      expect(out[1]).toEqual(new Float32Array([7, 8]));
      const shapes = out.map((c) => (isMultichannel(c) ? [...c.shape] : 'mono'));
      expect(shapes).toEqual([[3, 2], 'mono', [0, 3], [3, 2], [5000, 3], [1, 1]]);
      for (const [i, c] of out.entries()) {
        if (!isMultichannel(c)) continue;
        expect(c.stride).toEqual([c.shape[1], 1]);
        expect(c.offset).toBe(0);
        expect(c.data.constructor).toBe((chunks[i] as MultichannelChunk<TypedArray>).data.constructor);
      }
      expect(Array.from((out[0] as MultichannelChunk).data)).toEqual([1, -1, 2, -2, 3, -3]);
      expect(Array.from((out[3] as MultichannelChunk).data)).toEqual([1, 2, 5, 6, 9, 10]);
      expect((out[4] as MultichannelChunk<Int16Array>).data).toEqual((chunks[4] as MultichannelChunk<Int16Array>).data);
    });
  }

  it('rejects a multichannel view that does not fit its data, naming offload', async () => {
    const bad = { data: new Float32Array(4), shape: [3, 2], stride: [2, 1], offset: 0 } as unknown as TypedArray;
    const out = lastValueFrom(from([bad]).pipe(offload<typeof identityStage>(fixture('identity-stage'))));
    await expect(out).rejects.toThrow(RangeError);
    await expect(out).rejects.toThrow(/offload: a \[3, 2\] multichannel view .* does not fit its 4 elements/);
  });

  it('emits fresh arrays by default and pooled ones with reuse: true', async () => {
    const chunks = ramp([64, 64, 64]);
    const fresh = await lastValueFrom(from(chunks).pipe(offload<typeof identityStage>(fixture('identity-stage')), toArray()));
    expect(fresh).toEqual(chunks); // kept after later emissions
    (fresh[0] as Float32Array).fill(-1); // no two chunks share elements
    expect(fresh.slice(1)).toEqual(chunks.slice(1));
    const seen: number[][] = [];
    const buffers = new Set<ArrayBufferLike>();
    await lastValueFrom(
      from(chunks).pipe(
        offload<typeof identityStage>(fixture('identity-stage'), { reuse: true }),
        map((c) => {
          seen.push(Array.from(c.subarray(0, 2) as Float32Array)); // valid until the next emission
          buffers.add(c.buffer);
          return c;
        }),
        toArray(),
      ),
    );
    expect(seen).toEqual([[0, 1], [64, 65], [128, 129]]);
    expect(buffers.size).toBe(1);
  });

  it('validates its options with errors that name them', () => {
    const url = fixture('identity-stage');
    expect(() => offload(url, { overflow: 'later' as 'error' })).toThrow(/offload: overflow must be 'error', 'drop-newest' or 'block'/);
    expect(() => offload(url, { maxQueuedBytes: -1 })).toThrow(RangeError);
    expect(() => offload(url, { maxQueuedBytes: -1 })).toThrow(/offload: maxQueuedBytes/);
    expect(() => offload(url, { reuse: 'yes' as unknown as boolean })).toThrow(TypeError);
    expect(() => offload(url, { capacity: 0 })).toThrow(/offload: capacity/);
    expect(() => offload(url, { overflow: 'block', transport: 'message' })).toThrow(/overflow 'block' needs the ring transport/);
  });

  it("errors with overflow 'error' once maxQueuedBytes wait, and drops whole chunks with 'drop-newest'", async () => {
    const chunks = Array.from({ length: 200 }, (_, k) => new Float32Array(1024).fill(k));
    const error = await lastValueFrom(
      from(chunks).pipe(offload<typeof slowStage>(fixture('slow-stage'), { capacity: 512, maxQueuedBytes: 64 * 1024, params: { micros: 200 } })),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(/offload: .* more than maxQueuedBytes \(65536\).*'drop-newest'.*'block'/);
    let final: OffloadStats | undefined;
    const kept = await lastValueFrom(
      from(chunks).pipe(
        offload<typeof slowStage>(fixture('slow-stage'), { capacity: 512, maxQueuedBytes: 64 * 1024, overflow: 'drop-newest', params: { micros: 200 }, onStats: (s) => (final = s), statsInterval: 0 }),
        toArray(),
      ),
    );
    const firsts = kept.map((c) => c[0]!);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b)); // in order, the dropped ones missing
    expect(final!.droppedChunks).toBe(200 - kept.length);
    expect(final!.droppedSamples).toBe(1024 * (200 - kept.length));
    expect(final!.droppedChunks).toBeGreaterThan(0);
    await noLiveWorkers();
  });

  it('applies a parameter update exactly at the chunk boundary where it was emitted', async () => {
    const params = new Subject<{ gain?: number; offset?: number }>();
    const source = new Subject<Float32Array>();
    const received: Chunk[] = [];
    const done = new Promise<void>((resolve, reject) =>
      source
        .pipe(offload<typeof affineStage>(fixture('affine-stage'), { params: params.asObservable() }))
        .subscribe({ next: (c) => received.push(c), error: reject, complete: resolve }),
    );
    const one = new Float32Array(64).fill(1);
    source.next(one);
    source.next(one);
    params.next({ gain: 3 });
    source.next(one);
    params.next({ offset: 1 });
    source.next(one);
    source.next(one);
    source.complete();
    params.complete();
    await done;
    expect(received.map((c) => Array.from(new Set(c as Float32Array)))).toEqual([[1], [1], [3], [4], [4]]);
    await noLiveWorkers();
  });

  for (const transport of ['ring', 'message'] as const) {
    it(`copies a chunk at emission when the source reuses its buffer synchronously (${transport})`, async () => {
      // A source like batch(n, { reuse: true }) refills one buffer for every emission.
      const buffer = new Float32Array(4096);
      const source = from(Array.from({ length: 300 }, (_, i) => i)).pipe(map((i) => buffer.fill(i)));
      const out = await lastValueFrom(source.pipe(offload<typeof identityStage>(fixture('identity-stage'), { transport, capacity: 2048 }), toArray()));
      expect(out.map((c) => [c.length, c[0], c[4095]])).toEqual(Array.from({ length: 300 }, (_, i) => [4096, i, i]));
    });
  }

  it('loads a plain JavaScript stage module given as a path string', async () => {
    const path = new URL('./fixtures/plain-js-stage.mjs', import.meta.url).pathname;
    const out = await lastValueFrom(from([new Float32Array([1, 2])]).pipe(offload(path), toArray()));
    expect(out).toEqual([new Float32Array([2, 3])]);
  });

  it('starts with params given as a value, typed against the stage', async () => {
    const out = await lastValueFrom(
      from([new Float32Array([1, 2])]).pipe(offload<typeof affineStage>(fixture('affine-stage'), { params: { gain: 10 } }), toArray()),
    );
    expect(out).toEqual([new Float32Array([10, 20])]);
  });

  it('reports statistics while running and a final snapshot', async () => {
    const snapshots: OffloadStats[] = [];
    const chunks = ramp([100, 200, 300]);
    await lastValueFrom(from(chunks).pipe(offload(fixture('identity-stage'), { onStats: (s) => snapshots.push(s), statsInterval: 5 })));
    const last = snapshots[snapshots.length - 1]!;
    expect(last).toMatchObject({ chunksIn: 3, samplesIn: 600, chunksOut: 3, samplesOut: 600 });
    expect(last.busyMs).toBeGreaterThanOrEqual(0);
    expect(last.stages).toHaveLength(1);
    expect(last.inputFill).toBe(0);
  });

  it('counts the work of a stage that sees all its input in one stretch in the final busyMs', async () => {
    // Three chunks, 40 ms of work each, read in one go by the worker (fewer than a turn's worth):
    // the final snapshot must include them (it used to miss a stretch that ended with the input).
    let final: OffloadStats | undefined;
    await lastValueFrom(
      from(ramp([10, 10, 10])).pipe(offload<typeof slowStage>(fixture('slow-stage'), { params: { micros: 40_000 }, onStats: (s) => (final = s), statsInterval: 0 })),
    );
    expect(final?.chunksIn).toBe(3);
    expect(final!.busyMs).toBeGreaterThanOrEqual(100);
  });

  it('counts overruns when the source outruns a small ring', async () => {
    let final: OffloadStats | undefined;
    const chunks = ramp(Array.from({ length: 50 }, () => 256));
    await lastValueFrom(from(chunks).pipe(offload(fixture('identity-stage'), { capacity: 64, onStats: (s) => (final = s), statsInterval: 0 })));
    expect(final?.overruns).toBeGreaterThan(0);
    expect(final?.samplesOut).toBe(50 * 256);
  });
});

describe('offload lifecycle', () => {
  it('completes after the source completes, and leaves no worker', async () => {
    const out = await lastValueFrom(from(ramp([10, 10])).pipe(offload(fixture('identity-stage')), toArray()));
    expect(out).toHaveLength(2);
    await noLiveWorkers();
  });

  it('completes for an empty source', async () => {
    const out = await lastValueFrom(from([] as Chunk[]).pipe(offload(fixture('identity-stage')), toArray()));
    expect(out).toEqual([]);
    await noLiveWorkers();
  });

  it('reports an error thrown in the worker chain with its message and stack', async () => {
    const chunks = [new Float32Array([1, 2]), new Float32Array([3, Number.NaN])];
    const error = await lastValueFrom(from(chunks).pipe(offload(fixture('validate-stage')))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('bad input: NaN at sample 3');
    expect((error as Error).name).toBe('RangeError');
    expect((error as Error).stack).toContain('validate-stage');
    await noLiveWorkers();
  });

  for (const [label, value] of [['a plain Array', [1, 2, 3]], ['a DataView', new DataView(new ArrayBuffer(8))]] as const) {
    it(`errors the subscriber with a TypeError when the source emits ${label}`, async () => {
      const out = lastValueFrom(from([new Float32Array([1]), value as unknown as Chunk]).pipe(offload(fixture('identity-stage'))));
      await expect(out).rejects.toThrow(TypeError);
      await expect(out).rejects.toThrow(/TypedArray of a ring format/);
      await noLiveWorkers();
    });
  }

  it('reports an error thrown while loading the stage module', async () => {
    const error = await lastValueFrom(from(ramp([4])).pipe(offload(fixture('load-error-stage')))).catch((e: unknown) => e);
    expect((error as Error).message).toBe('stage failed to load: missing coefficients');
    expect((error as Error).stack).toContain('load-error-stage');
    await noLiveWorkers();
  });

  it('reports a module that never calls exposeStage', async () => {
    const error = await lastValueFrom(from(ramp([4])).pipe(offload(fixture('no-expose-stage')))).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/did not call exposeStage/);
    await noLiveWorkers();
  });

  it('errors the subscriber when the worker exits (process.exit)', async () => {
    const error = await lastValueFrom(from(ramp([5, 5, 5, 5])).pipe(offload(fixture('crash-stage')))).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/exited unexpectedly with code 1/);
    await noLiveWorkers();
  });

  it('errors the subscriber on an uncaught exception in the worker', async () => {
    const source = interval(2).pipe(map(() => new Float32Array(8)));
    const error = await lastValueFrom(source.pipe(offload(fixture('uncaught-stage')))).catch((e: unknown) => e);
    expect((error as Error).message).toBe('uncaught in the stage worker');
    await noLiveWorkers();
  });

  it('errors the subscriber on an upstream error and tears the worker down', async () => {
    const source = concat(from(ramp([8, 8])), throwError(() => new Error('upstream broke')));
    const received: Chunk[] = [];
    const error = await new Promise<unknown>((resolve) =>
      source.pipe(offload(fixture('identity-stage'))).subscribe({ next: (c) => received.push(c), error: resolve, complete: () => resolve(undefined) }),
    );
    expect((error as Error).message).toBe('upstream broke');
    await noLiveWorkers();
  });

  it('stops and terminates the worker on unsubscribe from an endless source', async () => {
    const source = interval(1).pipe(map((i) => new Float32Array(16).fill(i)));
    const first = await firstValueFrom(source.pipe(offload(fixture('identity-stage'))));
    expect(first).toEqual(new Float32Array(16).fill(0));
    await noLiveWorkers();
    const taken = await lastValueFrom(source.pipe(offload<typeof identityStage>(fixture('identity-stage')), take(5), toArray()));
    expect(taken.map((c) => c[0])).toEqual([0, 1, 2, 3, 4]);
    await noLiveWorkers();
  });

  it('unsubscribing before the worker is ready leaves no worker', async () => {
    const subscription = new Observable<Chunk>(() => undefined).pipe(offload(fixture('identity-stage'))).subscribe();
    subscription.unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await noLiveWorkers();
  });
});
