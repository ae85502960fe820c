import { describe, expect, it } from 'vitest';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { concatenate, RingBuffer } from '@ringflow/core';
import { fromRing } from '@ringflow/operators';

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
});
