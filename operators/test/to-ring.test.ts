import { describe, expect, it, vi } from 'vitest';
import { lastValueFrom, map, Observable, Subject, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { asMultichannel, concatenate, RingAbortedError, RingBuffer, RingClosedError, type MultichannelChunk } from '@ringflow/core';
import { collect, fromRing, fromSamples, toRing } from '@ringflow/operators';

const f32 = (...v: number[]) => new Float32Array(v);
const counting = (start: number, n: number) => Float32Array.from({ length: n }, (_, i) => start + i);
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function marbles(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function drainRing(ring: RingBuffer<'f'>): Float32Array {
  return ring.pop(ring.capacity) ?? new Float32Array(0);
}

describe('toRing', () => {
  it('writes each chunk and passes it on with the same timing, then closes the ring on complete', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 64 });
    marbles().run(({ cold, expectObservable, flush }) => {
      const values = { a: f32(1, 2), b: f32(3), c: f32(4, 5, 6) };
      expectObservable(cold('a-b--c|', values).pipe(toRing(ring))).toBe('a-b--c|', values);
      flush();
      expect(ring.closed).toBe(true);
    });
    expect(drainRing(ring)).toEqual(f32(1, 2, 3, 4, 5, 6));
  });

  it('passes the same array objects on', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 64 });
    const chunk = f32(1, 2);
    let got: Float32Array | undefined;
    new Observable<Float32Array>((s) => { s.next(chunk); s.complete(); }).pipe(toRing(ring)).subscribe((c) => (got = c));
    expect(got).toBe(chunk);
  });

  it('keeps the ring open with closeOnComplete: false', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    fromSamples(f32(1, 2, 3), 2).pipe(toRing(ring, { closeOnComplete: false })).subscribe();
    expect(ring.closed).toBe(false);
    fromSamples(f32(4), 2).pipe(toRing(ring)).subscribe();
    expect(ring.closed).toBe(true);
    expect(drainRing(ring)).toEqual(f32(1, 2, 3, 4));
  });

  it('forwards an upstream error downstream and aborts the ring, so the consumer errors after draining', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 16 });
    const received: Float32Array[] = [];
    const consumer = new Promise<unknown>((resolve, reject) => {
      fromRing(ring).subscribe({ next: (c) => received.push(c), error: resolve, complete: () => reject(new Error('completed instead of erroring')) });
    });
    marbles().run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#', { a: f32(1, 2) }, new Error('upstream')).pipe(toRing(ring))).toBe('a-#', { a: f32(1, 2) }, new Error('upstream'));
    });
    expect(ring.aborted).toBe(true);
    const error = await consumer;
    expect(error).toBeInstanceOf(RingAbortedError);
    expect((error as Error).message).toMatch(/upstream/);
    expect(concatenate(...(received as [Float32Array]))).toEqual(f32(1, 2));
  });

  it('aborts the ring when a chunk errors the stream (a wrong class), not only on upstream errors', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 16 });
    let error: unknown;
    fromSamples(new Float64Array(4), 2).pipe(toRing(ring as never)).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);
    expect(ring.aborted).toBe(true);
    expect(ring.abortReason).toBe((error as Error).message);
  });

  it('leaves the ring open on error with abortOnError: false', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 16 });
    const source = new Subject<Float32Array>();
    let error: unknown;
    source.pipe(toRing(ring, { abortOnError: false })).subscribe({ error: (e) => (error = e) });
    source.error(new Error('x'));
    expect(error).toBeInstanceOf(Error);
    expect(ring.closed).toBe(false);
    expect(ring.aborted).toBe(false);
  });

  describe("overflow: 'drop-newest'", () => {
    it('writes what fits, counts dropped samples and overruns, and still passes every chunk on', () => {
      const ring = new RingBuffer({ format: 'f', capacity: 4 });
      const onOverrun = vi.fn();
      const writer = toRing(ring, { overflow: 'drop-newest', onOverrun });
      marbles().run(({ cold, expectObservable }) => {
        const values = { a: f32(1, 2), b: f32(3, 4, 5), c: f32(6) };
        expectObservable(cold('a-b-c|', values).pipe(writer)).toBe('a-b-c|', values);
      });
      expect(writer.stats).toEqual({ written: 4, dropped: 2, overruns: 2 });
      expect(onOverrun).toHaveBeenCalledTimes(2);
      expect(onOverrun.mock.calls.map((c) => c[0])).toEqual([1, 1]);
      expect(drainRing(ring)).toEqual(f32(1, 2, 3, 4));
    });
  });

  describe("overflow: 'error'", () => {
    it('errors with a RangeError on overflow, writes nothing of that chunk and closes the ring', () => {
      const ring = new RingBuffer({ format: 'f', capacity: 4 });
      const writer = toRing(ring, { overflow: 'error' });
      marbles().run(({ cold, expectObservable }) => {
        const values = { a: f32(1, 2, 3), b: f32(4, 5), c: f32(6) };
        expectObservable(cold('a-b-c|', values).pipe(writer)).toBe(
          'a-#',
          values,
          new RangeError('toRing: ring overflow: a chunk of 2 elements does not fit into the 1 free elements (capacity 4)'),
        );
      });
      expect(writer.stats).toEqual({ written: 3, dropped: 0, overruns: 1 });
      expect(ring.closed).toBe(true);
      expect(drainRing(ring)).toEqual(f32(1, 2, 3));
    });
  });

  describe("overflow: 'block'", () => {
    it('writes synchronously when there is room', () => {
      const ring = new RingBuffer({ format: 'f', capacity: 8 });
      const writer = toRing(ring, { overflow: 'block' });
      const out: Float32Array[] = [];
      fromSamples(counting(0, 8), 3).pipe(writer).subscribe((c) => out.push(c));
      expect(out).toHaveLength(3);
      expect(writer.stats).toEqual({ written: 8, dropped: 0, overruns: 0 });
      expect(drainRing(ring)).toEqual(counting(0, 8));
    });

    it('errors the stream (and closes the ring) where the thread may not block', () => {
      const ring = new RingBuffer({ format: 'f', capacity: 8 });
      // What RingBuffer.pushBlocking throws on a browser main thread or in an AudioWorklet.
      const noBlock = new TypeError('pushBlocking: this thread cannot block; use pushAsync');
      Object.defineProperty(ring, 'pushBlocking', { value: () => { throw noBlock; } });
      let error: unknown;
      fromSamples(counting(0, 4), 2).pipe(toRing(ring, { overflow: 'block' })).subscribe({ error: (e) => (error = e) });
      expect(error).toBe(noBlock);
      expect(ring.closed).toBe(true);
    });

    it('blocks up to timeout on a full ring, then drops the rest and counts it', () => {
      const ring = new RingBuffer({ format: 'f', capacity: 4 });
      const writer = toRing(ring, { overflow: 'block', timeout: 5 });
      const started = performance.now();
      fromSamples(counting(0, 6), 3).pipe(writer).subscribe();
      expect(performance.now() - started).toBeGreaterThanOrEqual(4);
      expect(writer.stats).toEqual({ written: 4, dropped: 2, overruns: 1 });
      expect(drainRing(ring)).toEqual(counting(0, 4));
    });
  });

  describe("overflow: 'wait'", () => {
    it('is the default: waits for room, keeps order, completes after the queue drained', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 8 });
      const writer = toRing(ring);
      const passed = lastValueFrom(fromSamples(counting(0, 100), 5).pipe(writer, toArray()));
      // Nothing consumed yet: only the first chunk fitted, the rest is queued.
      expect(writer.stats.written).toBe(8);
      expect(ring.closed).toBe(false);
      const received: Float32Array[] = [];
      for (;;) {
        await tick(1);
        const chunk = await ring.popAsync(3);
        if (chunk === null) break;
        received.push(chunk);
      }
      expect(concatenate(...(received as [Float32Array]))).toEqual(counting(0, 100));
      const out = await passed;
      expect(concatenate(...(out as [Float32Array]))).toEqual(counting(0, 100));
      expect(out).toHaveLength(20);
      expect(writer.stats.written).toBe(100);
      expect(writer.stats.dropped).toBe(0);
      expect(writer.stats.overruns).toBeGreaterThan(0);
      expect(ring.closed).toBe(true);
    });

    it('drops the unwritten rest when timeout elapses', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 4 });
      const writer = toRing(ring, { timeout: 5 });
      await lastValueFrom(fromSamples(counting(0, 6), 3).pipe(writer));
      expect(writer.stats).toEqual({ written: 4, dropped: 2, overruns: 1 });
      expect(ring.closed).toBe(true);
    });

    it('aborts pending writes on unsubscribe and leaves the ring open and usable', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 4 });
      const out: Float32Array[] = [];
      const sub = fromSamples(counting(0, 12), 3).pipe(toRing(ring)).subscribe((c) => out.push(c));
      await tick(5);
      sub.unsubscribe();
      expect(ring.pop(4)).toEqual(counting(0, 4));
      await tick(5);
      expect(ring.readAvailable).toBe(0); // the aborted write did not continue
      expect(ring.closed).toBe(false);
      expect(out).toEqual([counting(0, 3)]);
      await expect(ring.pushAsync(f32(9, 9, 9, 9), { timeout: 1000 })).resolves.toBeNull();
      expect(ring.pop(4)).toEqual(f32(9, 9, 9, 9));
    });

    it('errors with RingClosedError when the consumer closes the ring', async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 4 });
      const done = lastValueFrom(fromSamples(counting(0, 12), 3).pipe(toRing(ring)));
      await tick(2);
      ring.close();
      await expect(done).rejects.toBeInstanceOf(RingClosedError);
    });
  });

  it('round-trips a counting sequence through a small ring in one thread', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 64 });
    const n = 20_000;
    const consumer = lastValueFrom(fromRing(ring, { chunkSize: 50 }).pipe(collect()));
    const producer = lastValueFrom(fromSamples(counting(0, n), 173).pipe(toRing(ring, { overflow: 'wait' }), toArray()));
    const [received, passed] = await Promise.all([consumer, producer]);
    expect(received).toEqual(counting(0, n));
    expect(passed).toHaveLength(Math.ceil(n / 173));
  });

  it('copies what must wait when the source refills one buffer for every chunk', async () => {
    const ring = new RingBuffer({ format: 'f', capacity: 16 });
    const consumer = lastValueFrom(fromRing(ring).pipe(collect()));
    const buffer = new Float32Array(10);
    const source = new Observable<Float32Array>((subscriber) => {
      for (let i = 0; i < 20; i++) subscriber.next(buffer.fill(i)); // synchronous: most chunks must queue
      subscriber.complete();
    });
    await lastValueFrom(source.pipe(toRing(ring, { overflow: 'wait' })));
    const received = await consumer;
    expect(Array.from(received)).toEqual(Array.from({ length: 200 }, (_, k) => Math.floor(k / 10)));
  });

  it('round-trips with exact chunks on the consumer side', async () => {
    const ring = new RingBuffer({ format: 'd', capacity: 16 });
    const consumer = lastValueFrom(fromRing(ring, { chunkSize: 32, exact: true }).pipe(toArray()));
    const writer = toRing(ring);
    await lastValueFrom(fromSamples(Float64Array.from({ length: 1000 }, (_, i) => i), 7).pipe(writer));
    const chunks = await consumer;
    expect(chunks.map((c) => c.length)).toEqual([...Array(31).fill(32), 8]);
    expect(concatenate(...(chunks as [Float64Array]))).toEqual(Float64Array.from({ length: 1000 }, (_, i) => i));
    expect(writer.stats).toMatchObject({ written: 1000, dropped: 0 });
  });

  it('updates a caller-supplied stats object in place', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 2 });
    const stats = { written: 0, dropped: 0, overruns: 0 };
    const writer = toRing(ring, { overflow: 'drop-newest', stats });
    fromSamples(counting(0, 5), 5).pipe(writer).subscribe();
    expect(stats).toEqual({ written: 2, dropped: 3, overruns: 1 });
    expect(writer.stats).toBe(stats);
  });

  it('errors the stream for chunks of the wrong class', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    let error: unknown;
    fromSamples(new Float64Array(2), 2).pipe(toRing(ring) as never).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);
    expect(ring.closed).toBe(true);
  });

  it('rejects bad arguments at creation', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    expect(() => toRing({} as RingBuffer<'f'>)).toThrow(TypeError);
    expect(() => toRing(ring, { overflow: 'drop-oldest' as 'wait' })).toThrow(TypeError);
    expect(() => toRing(ring, { timeout: -1 })).toThrow(RangeError);
    expect(() => toRing(ring, { timeout: Number.NaN })).toThrow(RangeError);
    expect(() => toRing(ring, { stats: 3 as never })).toThrow(TypeError);
  });

  describe('multichannel', () => {
    it('writes [frames, channels] chunks as interleaved samples, strided views included, and passes them on unchanged', () => {
      const ring = new RingBuffer({ format: 'f', capacity: 64 });
      // Two frames of two channels stored channel by channel (stride [1, 2]).
      const view: MultichannelChunk<Float32Array> = { data: f32(1, 2, 10, 20), shape: [2, 2], stride: [1, 2], offset: 0 };
      const seen: unknown[] = [];
      new Observable<MultichannelChunk<Float32Array>>((s) => {
        s.next(asMultichannel(f32(0, 0), 2));
        s.next(view);
        s.complete();
      }).pipe(toRing(ring)).subscribe((c) => seen.push(c));
      expect(seen[1]).toBe(view);
      expect(drainRing(ring)).toEqual(f32(0, 0, 1, 10, 2, 20));
    });

    it("drops whole frames with 'drop-newest', so the ring stays frame-aligned", () => {
      const ring = new RingBuffer({ format: 'f', capacity: 7 });
      const writer = toRing(ring, { overflow: 'drop-newest' });
      fromSamples(counting(0, 12), 6).pipe(map((c) => asMultichannel(c, 2)), writer).subscribe();
      // 7 free elements take 3 whole frames of the first chunk; then 1 free element takes none.
      expect(writer.stats).toEqual({ written: 6, dropped: 6, overruns: 1 });
      expect(drainRing(ring)).toEqual(counting(0, 6));
    });

    it("writes and drops whole frames with 'wait' when the timeout elapses", async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 5 });
      const writer = toRing(ring, { timeout: 0, channels: 2 });
      // 5 free elements take 2 whole frames; nobody reads, so the other 2 frames are dropped.
      await lastValueFrom(fromSamples(counting(0, 8), 8).pipe(map((c) => asMultichannel(c, 2)), writer));
      expect(writer.stats).toEqual({ written: 4, dropped: 4, overruns: 1 });
      expect(drainRing(ring)).toEqual(counting(0, 4));
    });

    it("writes whole frames with 'wait' as the consumer frees room", async () => {
      const ring = new RingBuffer({ format: 'f', capacity: 5 });
      const consumer = lastValueFrom(fromRing(ring, { channels: 2 }).pipe(toArray()));
      const x = counting(0, 2 * 500);
      await lastValueFrom(fromSamples(x, 2 * 7).pipe(map((c) => asMultichannel(c, 2)), toRing(ring)));
      const got = await consumer;
      expect(concatenate(...(got.map((c) => c.data) as [Float32Array]))).toEqual(x);
    });

    it("errors with 'block' rather than leave half a frame when the timeout elapses inside one", () => {
      const ring = new RingBuffer({ format: 'f', capacity: 5 });
      let error: unknown;
      fromSamples(counting(0, 8), 8).pipe(map((c) => asMultichannel(c, 2)), toRing(ring, { overflow: 'block', timeout: 0 })).subscribe({ error: (e) => (error = e) });
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).toMatch(/middle of a 2-channel frame/);
      expect(ring.aborted).toBe(true);
    });

    it('errors the stream (and aborts the ring) for a chunk of another channel count or layout', () => {
      for (const chunks of [[asMultichannel(f32(1, 2), 2), asMultichannel(f32(1, 2, 3), 3)], [asMultichannel(f32(1, 2), 2), f32(1, 2)], [asMultichannel(f32(1, 2, 3), 3)]]) {
        const ring = new RingBuffer({ format: 'f', capacity: 64 });
        let error: unknown;
        new Observable<unknown>((s) => chunks.forEach((c) => s.next(c))).pipe(toRing(ring, chunks.length === 1 ? { channels: 2 } : {}) as never).subscribe({ error: (e) => (error = e) });
        expect(error).toBeInstanceOf(RangeError);
        expect(ring.aborted).toBe(true);
      }
    });
  });
});
