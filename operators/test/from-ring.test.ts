import { describe, expect, it } from 'vitest';
import { firstValueFrom, lastValueFrom, toArray, type Observable } from 'rxjs';
import { asMultichannel, concatenate, RingAbortedError, RingBuffer, type MultichannelChunk } from '@ringflow/core';
import { fromRing, toRing } from '@ringflow/operators';
import { startWorker } from '@ringflow/workers/node';

const producer = new URL('./fixtures/workers/ring-producer.ts', import.meta.url).href;

/** Everything a stream emits, and how it ended (its error, or 'complete'). */
function outcome<T>(source: Observable<T>): Promise<{ values: T[]; end: unknown }> {
  const values: T[] = [];
  return new Promise((resolve) => source.subscribe({ next: (v) => values.push(v), error: (end) => resolve({ values, end }), complete: () => resolve({ values, end: 'complete' }) }));
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const counting = (start: number, n: number) => Float32Array.from({ length: n }, (_, i) => start + i);

describe('fromRing', () => {
  it('emits what the producer pushed and completes once the ring is closed and drained', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 16 });
    const done = lastValueFrom(fromRing(ring).pipe(toArray()));
    ring.push(counting(0, 5));
    await tick(5);
    ring.push(counting(5, 3));
    ring.close();
    const chunks = await done;
    expect(chunks.every((c) => c instanceof Float32Array)).toBe(true);
    expect(concatenate(...(chunks as [Float32Array]))).toEqual(counting(0, 8));
    expect(chunks[0]).toEqual(counting(0, 5));
  });

  it('never emits during subscribe, even when data is waiting', async () => {
    const ring = new RingBuffer({ format: 'd', capacity: 8 });
    ring.push(new Float64Array([1, 2]));
    ring.close();
    const got: Float64Array[] = [];
    let completed = false;
    fromRing(ring).subscribe({ next: (c) => got.push(c), complete: () => (completed = true) });
    expect(got).toHaveLength(0);
    await tick();
    expect(got).toEqual([new Float64Array([1, 2])]);
    expect(completed).toBe(true);
  });

  it('caps chunks at chunkSize elements', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 64 });
    ring.push(counting(0, 50));
    ring.close();
    const chunks = await lastValueFrom(fromRing(ring, { chunkSize: 16 }).pipe(toArray()));
    expect(chunks.map((c) => c.length)).toEqual([16, 16, 16, 2]);
    expect(concatenate(...(chunks as [Float32Array]))).toEqual(counting(0, 50));
  });

  it('emits exact chunkSize chunks, the last one partial, even beyond the capacity', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 16 });
    const done = lastValueFrom(fromRing(ring, { chunkSize: 40, exact: true }).pipe(toArray()));
    let next = 0;
    for (const n of [3, 16, 1, 9, 16, 16, 16, 13]) {
      await ring.pushAsync(counting(next, n));
      next += n;
      await tick();
    }
    ring.close();
    const chunks = await done;
    expect(chunks.map((c) => c.length)).toEqual([40, 40, 10]);
    expect(concatenate(...(chunks as [Float32Array]))).toEqual(counting(0, 90));
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(3);
  });

  it('completes without emitting for a closed empty ring', async () => {
    const ring = new RingBuffer({ format: 'i', capacity: 4 });
    ring.close();
    expect(await lastValueFrom(fromRing(ring, { exact: true }).pipe(toArray()))).toEqual([]);
  });

  it('stops waiting on unsubscribe and leaves the ring usable', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    const seen: Float32Array[] = [];
    const sub = fromRing(ring).subscribe((c) => seen.push(c));
    await tick(5); // the loop is now asleep in popAsync
    sub.unsubscribe();
    await tick(5);
    ring.push(counting(0, 3));
    await tick(5);
    expect(seen).toHaveLength(0); // the aborted wait did not steal the data
    expect(ring.readAvailable).toBe(3);
    // A new consumer gets the data, with no stale wait queued before it.
    const first = await Promise.race([firstValueFrom(fromRing(ring)), tick(1000).then(() => 'timeout')]);
    expect(first).toEqual(counting(0, 3));
    ring.push(counting(3, 1));
    expect(ring.pop(4)).toEqual(counting(3, 1));
  });

  it('unsubscribing from inside next stops the loop', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    ring.push(counting(0, 8));
    const seen: Float32Array[] = [];
    const sub = fromRing(ring, { chunkSize: 2 }).subscribe((c) => {
      seen.push(c);
      sub.unsubscribe();
    });
    await tick(5);
    expect(seen).toEqual([counting(0, 2)]);
    expect(ring.readAvailable).toBe(6);
  });

  it('forwards a failing wait as an error', async () => {
    const boom = new Error('boom');
    const fake = { capacity: 4, popAsync: () => Promise.reject(boom) } as unknown as RingBuffer<'f'>;
    await expect(lastValueFrom(fromRing(fake))).rejects.toBe(boom);
  });

  it('rejects bad arguments at creation', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    expect(() => fromRing({} as RingBuffer<'f'>)).toThrow(TypeError);
    expect(() => fromRing(null as unknown as RingBuffer<'f'>)).toThrow(TypeError);
    expect(() => fromRing(ring, { chunkSize: 0 })).toThrow(RangeError);
    expect(() => fromRing(ring, { chunkSize: 2.5 })).toThrow(RangeError);
    expect(() => fromRing(ring, 3 as never)).toThrow(TypeError);
  });

  describe('multichannel: { channels }', () => {
    it('emits [frames, channels] chunks of whole frames, keeping a frame split by the producer until it is whole', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 16 });
      const done = outcome(fromRing(ring, { channels: 2 }));
      ring.push(counting(0, 3)); // frame 0 and half of frame 1
      await tick(5);
      ring.push(counting(3, 5)); // the rest of frame 1, frames 2 and 3
      ring.close();
      const { values, end } = await done;
      expect(end).toBe('complete');
      expect(values.every((v) => v.shape[1] === 2)).toBe(true);
      expect(values[0]).toEqual(asMultichannel(counting(0, 2), 2));
      expect(concatenate(...(values.map((v) => v.data) as [Float32Array]))).toEqual(counting(0, 8));
    });

    it('counts chunkSize in frames, also with exact', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 64 });
      ring.push(counting(0, 30));
      ring.close();
      const chunks = await lastValueFrom(fromRing(ring, { channels: 3, chunkSize: 4, exact: true }).pipe(toArray()));
      expect(chunks.map((c) => c.shape)).toEqual([[4, 3], [4, 3], [2, 3]]);
    });

    it('errors with a RangeError when the ring closes with a partial frame', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 16 });
      const done = outcome(fromRing(ring, { channels: 2 }));
      ring.push(counting(0, 5));
      ring.close();
      const { values, end } = await done;
      expect(concatenate(...(values.map((v) => v.data) as [Float32Array]))).toEqual(counting(0, 4));
      expect(end).toBeInstanceOf(RangeError);
      expect((end as Error).message).toMatch(/1 samples of a partial 2-channel frame/);
    });

    it('round-trips a 5-channel stream through toRing and a small ring', async () => {
      const ring = new RingBuffer({ format: 'd', capacity: 37 });
      const x = Float64Array.from({ length: 5 * 1000 }, (_, i) => i);
      const consumer = lastValueFrom(fromRing(ring, { channels: 5 }).pipe(toArray()));
      const chunks: MultichannelChunk<Float64Array>[] = [];
      for (let i = 0; i < x.length; i += 5 * 13) chunks.push(asMultichannel(x.subarray(i, Math.min(x.length, i + 5 * 13)), 5));
      const { from } = await import('rxjs');
      await lastValueFrom(from(chunks).pipe(toRing(ring, { channels: 5 })));
      const got = await consumer;
      expect(got.every((c) => c.shape[1] === 5 && c.data.length % 5 === 0)).toBe(true);
      expect(concatenate(...(got.map((c) => c.data) as [Float64Array]))).toEqual(x);
    });
  });

  describe('an aborted ring', () => {
    it('errors with the RingAbortedError after emitting everything pushed before the abort', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 16 });
      const done = outcome(fromRing(ring));
      ring.push(counting(0, 6));
      ring.abort(new Error('producer failed'));
      const { values, end } = await done;
      expect(concatenate(...(values as [Float32Array]))).toEqual(counting(0, 6));
      expect(end).toBeInstanceOf(RingAbortedError);
      expect((end as RingAbortedError).reason).toBe('producer failed');
    });

    it('with exact, emits the partial chunk before the error', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 16 });
      ring.push(counting(0, 5));
      ring.abort('x');
      const { values, end } = await outcome(fromRing(ring, { chunkSize: 4, exact: true }));
      expect(values).toEqual([counting(0, 4), counting(4, 1)]);
      expect(end).toBeInstanceOf(RingAbortedError);
    });

    it('carries an RxJS error from toRing in a worker thread to fromRing on this one, after all the data', async () => {
      const ring = new RingBuffer({ format: 'd', capacity: 1024 });
      const total = 50_000;
      const worker = startWorker(producer, {
        workerData: { handle: ring.handle, total, chunk: 2 * 301, channels: 2, fail: 'decoder crashed at frame 25000' },
        execArgv: [],
        sourceCondition: true,
      });
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      const { values, end } = await outcome(fromRing(ring, { channels: 2 }));
      await exited;
      expect(end).toBeInstanceOf(RingAbortedError);
      expect((end as RingAbortedError).reason).toBe('decoder crashed at frame 25000');
      const all = concatenate(...(values.map((v) => v.data) as [Float64Array]));
      expect(all).toEqual(Float64Array.from({ length: total }, (_, i) => i));
      expect(values.every((v) => v.shape[1] === 2)).toBe(true);
    });

    it('completes normally across the worker when the stream completes', async () => {
      const ring = new RingBuffer({ format: 'd', capacity: 256 });
      const worker = startWorker(producer, {
        workerData: { handle: ring.handle, total: 10_000, chunk: 100 },
        execArgv: [],
        sourceCondition: true,
      });
      const { values, end } = await outcome(fromRing(ring));
      await new Promise((resolve) => worker.once('exit', resolve));
      expect(end).toBe('complete');
      expect(concatenate(...(values as [Float64Array]))).toEqual(Float64Array.from({ length: 10_000 }, (_, i) => i));
    });
  });
});
