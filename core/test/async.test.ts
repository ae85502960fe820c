import { describe, expect, it } from 'vitest';
import { RingBuffer, RingClosedError } from '@ringflow/core';
import { startWorker } from '@ringflow/workers/node';

const F32 = (...values: number[]) => new Float32Array(values);
const later = (ms: number, fn: () => void): void => void setTimeout(fn, ms);
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Settles `p` into a tagged result, so a test can check "still pending" without hanging. */
function settle<T>(p: Promise<T>): { state: 'pending' | 'resolved' | 'rejected'; value?: T; reason?: unknown } {
  const s: { state: 'pending' | 'resolved' | 'rejected'; value?: T; reason?: unknown } = { state: 'pending' };
  p.then(
    (value) => Object.assign(s, { state: 'resolved', value }),
    (reason: unknown) => Object.assign(s, { state: 'rejected', reason }),
  );
  return s;
}

describe('RingBuffer.popAsync', () => {
  it('resolves with data pushed later when the ring was empty', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    const started = performance.now();
    later(30, () => rb.push(F32(1, 2, 3)));
    const out = await rb.popAsync(8, { timeout: 5000 });
    // Woken by the push, not by the timeout.
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out!)).toEqual([1, 2, 3]);
    expect(rb.readAvailable).toBe(0);
  });

  it('resolves at once with at most count elements when data is there', async () => {
    const rb = new RingBuffer({ format: 'i', capacity: 16 });
    rb.push(new Int32Array([1, 2, 3, 4]));
    expect(Array.from((await rb.popAsync(3))!)).toEqual([1, 2, 3]);
    expect(rb.readAvailable).toBe(1);
  });

  it('resolves with data pushed from an attached ring when woken by the other side', async () => {
    const rb = new RingBuffer({ format: 'd', capacity: 16 });
    const producer = RingBuffer.attach(structuredClone(rb.handle));
    later(10, () => producer.push(new Float64Array([4.5])));
    expect(Array.from((await rb.popAsync(8, { timeout: 5000 }))!)).toEqual([4.5]);
  });

  it('resolves null when the timeout passes without data', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    const started = performance.now();
    expect(await rb.popAsync(4, { timeout: 40 })).toBeNull();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(30);
    expect(elapsed).toBeLessThan(2000);
  });

  it('resolves null at once when timeout is 0 and the ring is empty, and data when it is not', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    expect(await rb.popAsync(4, { timeout: 0 })).toBeNull();
    rb.push(F32(9));
    expect(Array.from((await rb.popAsync(4, { timeout: 0 }))!)).toEqual([9]);
  });

  it('drains first and then resolves null when the ring is closed', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    rb.push(F32(1, 2, 3));
    rb.close();
    expect(Array.from((await rb.popAsync(2))!)).toEqual([1, 2]);
    expect(Array.from((await rb.popAsync(2))!)).toEqual([3]);
    expect(await rb.popAsync(2)).toBeNull();
    expect(await rb.popAsync(2)).toBeNull();
  });

  it('resolves null when the ring is closed while it waits', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    later(20, () => rb.close());
    const started = performance.now();
    expect(await rb.popAsync(2, { timeout: 5000 })).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('resolves with the last data and then null when the producer pushes and closes while it waits', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    later(20, () => {
      rb.push(F32(7));
      rb.close();
    });
    expect(Array.from((await rb.popAsync(2))!)).toEqual([7]);
    expect(await rb.popAsync(2)).toBeNull();
  });

  it("rejects with the signal's reason when aborted while waiting, and the ring keeps working", async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    const controller = new AbortController();
    const reason = new Error('stop waiting');
    const pending = rb.popAsync(4, { signal: controller.signal });
    later(20, () => controller.abort(reason));
    await expect(pending).rejects.toBe(reason);
    rb.push(F32(5, 6));
    expect(Array.from((await rb.popAsync(4, { timeout: 1000 }))!)).toEqual([5, 6]);
    later(10, () => rb.push(F32(8)));
    expect(Array.from((await rb.popAsync(4, { timeout: 1000 }))!)).toEqual([8]);
  });

  it("rejects with the signal's reason and pops nothing when the signal is already aborted", async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    rb.push(F32(1));
    const reason = new Error('pre-aborted');
    await expect(rb.popAsync(4, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(rb.readAvailable).toBe(1);
    expect(Array.from((await rb.popAsync(4))!)).toEqual([1]);
  });

  it('rejects with an AbortError-like reason when aborted without a reason', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    const controller = new AbortController();
    const pending = rb.popAsync(4, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('serves concurrent calls in call order when data arrives later', async () => {
    const rb = new RingBuffer({ format: 'i', capacity: 16 });
    const order: number[] = [];
    const a = rb.popAsync(2, { timeout: 5000 }).then((x) => (order.push(1), x));
    const b = rb.popAsync(2, { timeout: 5000 }).then((x) => (order.push(2), x));
    const c = rb.popAsync(2, { timeout: 5000 }).then((x) => (order.push(3), x));
    later(10, () => rb.push(new Int32Array([1, 2, 3, 4, 5])));
    const [x, y, z] = await Promise.all([a, b, c]);
    expect(order).toEqual([1, 2, 3]);
    expect(Array.from(x!)).toEqual([1, 2]);
    expect(Array.from(y!)).toEqual([3, 4]);
    expect(Array.from(z!)).toEqual([5]);
  });

  it('does not let a timed-out call take data from a later one when they are queued', async () => {
    const rb = new RingBuffer({ format: 'i', capacity: 16 });
    const first = rb.popAsync(2, { timeout: 10 });
    const second = rb.popAsync(2, { timeout: 2000 });
    expect(await first).toBeNull();
    rb.push(new Int32Array([1]));
    expect(Array.from((await second)!)).toEqual([1]);
  });

  it('polls for spinMicros and then sleeps until data pushed later arrives', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    later(10, () => rb.push(F32(4, 5)));
    const got = await rb.popAsync(4, { spinMicros: 200, timeout: 5000 });
    expect(Array.from(got!)).toEqual([4, 5]);
  });

  it('rejects a queued call as soon as its signal aborts, and the queue goes on', async () => {
    const rb = new RingBuffer({ format: 'i', capacity: 16 });
    const first = rb.popAsync(2, { timeout: 2000 });
    const controller = new AbortController();
    const queued = settle(rb.popAsync(2, { signal: controller.signal }));
    const third = rb.popAsync(2, { timeout: 2000 });
    controller.abort(new Error('no longer needed'));
    await delay(0);
    expect(queued.state).toBe('rejected');
    expect((queued.reason as Error).message).toBe('no longer needed');
    rb.push(new Int32Array([1, 2, 3, 4]));
    expect(Array.from((await first)!)).toEqual([1, 2]);
    expect(Array.from((await third)!)).toEqual([3, 4]);
  });

  const badOptions: [label: string, count: unknown, options: unknown, error: typeof TypeError | typeof RangeError, message: RegExp][] = [
    ['timeout -1', 1, { timeout: -1 }, RangeError, /timeout must be >= 0/],
    ['timeout NaN', 1, { timeout: NaN }, RangeError, /timeout must be >= 0/],
    ["timeout 'x'", 1, { timeout: 'x' }, TypeError, /timeout must be a number/],
    ["signal 'x'", 1, { signal: 'x' }, TypeError, /signal must be an AbortSignal/],
    ["spinMicros 'x'", 1, { spinMicros: 'x' }, TypeError, /spinMicros must be a number/],
    ['spinMicros -1', 1, { spinMicros: -1 }, RangeError, /spinMicros must be from 0 to 1e6/],
    ['spinMicros NaN', 1, { spinMicros: NaN }, RangeError, /spinMicros must be from 0 to 1e6/],
    ['signal {}', 1, { signal: {} }, TypeError, /signal must be an AbortSignal/],
    ['options null', 1, null, TypeError, /options must be an object/],
    ["options 'x'", 1, 'x', TypeError, /options must be an object/],
    ['count 0', 0, undefined, RangeError, /count must be a positive integer/],
    ['count 1.5', 1.5, undefined, RangeError, /count must be a positive integer/],
    ["count '1'", '1', undefined, TypeError, /count must be a number/],
  ];
  for (const [label, count, options, error, message] of badOptions) {
    it(`rejects with ${error.name} and pops nothing when given ${label}`, async () => {
      const rb = new RingBuffer({ format: 'f', capacity: 4 });
      rb.push(F32(1));
      const p = rb.popAsync(count as number, options as never);
      await expect(p).rejects.toThrow(error);
      await expect(p).rejects.toThrow(message);
      expect(rb.readAvailable).toBe(1);
    });
  }
});

describe('RingBuffer.pushAsync', () => {
  it('resolves null at once when everything fits', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    expect(await rb.pushAsync(F32(1, 2, 3))).toBeNull();
    expect(rb.readAvailable).toBe(3);
  });

  it('waits for space while a consumer pops later and resolves null when all is written', async () => {
    const rb = new RingBuffer({ format: 'i', capacity: 4 });
    const data = Int32Array.from({ length: 10 }, (_, i) => i);
    const received: number[] = [];
    const consumer = (async () => {
      while (received.length < 10) {
        await delay(5);
        const chunk = rb.pop(3);
        if (chunk !== null) received.push(...chunk);
      }
    })();
    const result = settle(rb.pushAsync(data, { timeout: 5000 }));
    await delay(1);
    expect(result.state).toBe('pending');
    await consumer;
    await delay(1);
    expect(result.state).toBe('resolved');
    expect(result.value).toBeNull();
    expect(received).toEqual(Array.from(data));
  });

  it('is woken by an attached consumer when that side pops', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 2 });
    const consumer = RingBuffer.attach(rb.handle);
    later(20, () => void consumer.pop(2));
    const started = performance.now();
    expect(await rb.pushAsync(F32(1, 2, 3, 4), { timeout: 5000 })).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Array.from(consumer.pop(4)!)).toEqual([3, 4]);
  });

  it('returns the unwritten tail as a view of the input when the timeout passes', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    const data = F32(1, 2, 3, 4, 5, 6);
    const started = performance.now();
    const tail = await rb.pushAsync(data, { timeout: 30 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(20);
    expect(tail).toBeInstanceOf(Float32Array);
    expect(tail!.buffer).toBe(data.buffer);
    expect(tail!.byteOffset).toBe(16);
    expect(Array.from(tail!)).toEqual([5, 6]);
    expect(Array.from(rb.pop(8)!)).toEqual([1, 2, 3, 4]);
  });

  it('returns the tail at once when timeout is 0 and the ring is full', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 1 });
    const tail = await rb.pushAsync(F32(1, 2), { timeout: 0 });
    expect(Array.from(tail!)).toEqual([2]);
  });

  it('rejects with RingClosedError when the ring is closed while it waits', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 2 });
    later(20, () => rb.close());
    const p = rb.pushAsync(F32(1, 2, 3, 4));
    await expect(p).rejects.toThrow(RingClosedError);
    await expect(p).rejects.toThrow(/2 elements were not written/);
    expect(Array.from(rb.pop(4)!)).toEqual([1, 2]);
  });

  it('rejects with RingClosedError and writes nothing when the ring is already closed', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    rb.close();
    await expect(rb.pushAsync(F32(1))).rejects.toThrow(RingClosedError);
    expect(rb.readAvailable).toBe(0);
  });

  it("rejects with the signal's reason when aborted while waiting, and the ring keeps working", async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 2 });
    const controller = new AbortController();
    const p = rb.pushAsync(F32(1, 2, 3), { signal: controller.signal });
    later(10, () => controller.abort('enough'));
    await expect(p).rejects.toBe('enough');
    expect(Array.from(rb.pop(4)!)).toEqual([1, 2]);
    expect(await rb.pushAsync(F32(4))).toBeNull();
    expect(Array.from(rb.pop(4)!)).toEqual([4]);
  });

  it("rejects with the signal's reason and writes nothing when the signal is already aborted", async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    const reason = new Error('no');
    await expect(rb.pushAsync(F32(1), { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(rb.readAvailable).toBe(0);
  });

  it('serves concurrent calls in call order when they must wait', async () => {
    const rb = new RingBuffer({ format: 'i', capacity: 2 });
    const a = rb.pushAsync(new Int32Array([1, 2, 3]), { timeout: 5000 });
    const b = rb.pushAsync(new Int32Array([4, 5]), { timeout: 5000 });
    const received: number[] = [];
    while (received.length < 5) {
      await delay(2);
      const chunk = rb.pop(1);
      if (chunk !== null) received.push(...chunk);
    }
    expect(await a).toBeNull();
    expect(await b).toBeNull();
    expect(received).toEqual([1, 2, 3, 4, 5]);
  });

  const badOptions: [label: string, options: unknown, error: typeof TypeError | typeof RangeError, message: RegExp][] = [
    ['timeout -1', { timeout: -1 }, RangeError, /timeout must be >= 0/],
    ['timeout NaN', { timeout: NaN }, RangeError, /timeout must be >= 0/],
    ["timeout 'x'", { timeout: 'x' }, TypeError, /timeout must be a number/],
    ["signal 'x'", { signal: 'x' }, TypeError, /signal must be an AbortSignal/],
    ['options 5', 5, TypeError, /options must be an object/],
  ];
  for (const [label, options, error, message] of badOptions) {
    it(`rejects with ${error.name} and writes nothing when given ${label}`, async () => {
      const rb = new RingBuffer({ format: 'f', capacity: 4 });
      const p = rb.pushAsync(F32(1), options as never);
      await expect(p).rejects.toThrow(error);
      await expect(p).rejects.toThrow(message);
      expect(rb.readAvailable).toBe(0);
    });
  }
});

describe('RingBuffer.popBlocking', () => {
  it('returns null after the timeout when the ring stays empty on the main thread', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    const started = performance.now();
    expect(rb.popBlocking(2, 30)).toBeNull();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(25);
    expect(elapsed).toBeLessThan(2000);
  });

  it('returns data at once when some is available', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    rb.push(F32(1, 2, 3));
    expect(Array.from(rb.popBlocking(2, 5000)!)).toEqual([1, 2]);
  });

  it('returns null at once when the ring is closed and drained', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    rb.push(F32(1));
    rb.close();
    const started = performance.now();
    expect(Array.from(rb.popBlocking(2, 5000)!)).toEqual([1]);
    expect(rb.popBlocking(2, 5000)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('throws RangeError/TypeError when given a bad count or timeout', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    expect(() => rb.popBlocking(0, 1)).toThrow(RangeError);
    expect(() => rb.popBlocking(1, -1)).toThrow(RangeError);
    expect(() => rb.popBlocking(1, NaN)).toThrow(/timeout must be >= 0/);
    expect(() => rb.popBlocking(1, '5' as unknown as number)).toThrow(TypeError);
  });
});

describe('RingBuffer.pushBlocking', () => {
  it('returns the unwritten tail after the timeout when the ring stays full on the main thread', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 2 });
    const data = F32(1, 2, 3);
    const started = performance.now();
    const tail = rb.pushBlocking(data, 30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(tail!.buffer).toBe(data.buffer);
    expect(Array.from(tail!)).toEqual([3]);
    expect(Array.from(rb.pop(4)!)).toEqual([1, 2]);
  });

  it('returns null at once when everything fits', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    expect(rb.pushBlocking(F32(1, 2), 5000)).toBeNull();
    expect(rb.readAvailable).toBe(2);
  });

  it('throws RingClosedError when the ring is closed', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    rb.close();
    expect(() => rb.pushBlocking(F32(1), 10)).toThrow(RingClosedError);
    expect(rb.readAvailable).toBe(0);
  });

  it('throws TypeError/RangeError when given bad data or a bad timeout', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    expect(() => rb.pushBlocking([1] as unknown as Float32Array, 10)).toThrow(TypeError);
    expect(() => rb.pushBlocking(F32(1), -5)).toThrow(RangeError);
    expect(rb.readAvailable).toBe(0);
  });
});

describe('RingBuffer.waitReadable', () => {
  it('resolves true once count elements were pushed later, and reads nothing itself', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    later(5, () => rb.push(F32(1, 2)));
    later(15, () => rb.push(F32(3)));
    expect(await rb.waitReadable(3, { timeout: 5000 })).toBe(true);
    expect(rb.readAvailable).toBe(3);
    const target = new Float32Array(3);
    expect(rb.read(target)).toBe(3);
    expect(Array.from(target)).toEqual([1, 2, 3]);
  });

  it('resolves false on timeout, and when closed with fewer than count left', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 16 });
    expect(await rb.waitReadable(1, { timeout: 10 })).toBe(false);
    rb.push(F32(1));
    later(5, () => rb.close());
    expect(await rb.waitReadable(2)).toBe(false);
    expect(await rb.waitReadable(1)).toBe(true);
  });

  it('rejects with the reason when aborted, and for a count above the capacity', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    const controller = new AbortController();
    later(5, () => controller.abort(new Error('stop')));
    await expect(rb.waitReadable(1, { signal: controller.signal })).rejects.toThrow('stop');
    await expect(rb.waitReadable(5)).rejects.toThrow(RangeError);
    await expect(rb.waitReadable(0)).rejects.toThrow(RangeError);
    rb.push(F32(7));
    expect(await rb.waitReadable()).toBe(true);
  });

  it('is served in call order with popAsync', async () => {
    const rb = new RingBuffer({ format: 'i', capacity: 8 });
    const popped = rb.popAsync(2);
    const waited = rb.waitReadable(1, { timeout: 50 });
    rb.push(new Int32Array([1, 2]));
    expect(Array.from((await popped)!)).toEqual([1, 2]);
    expect(await waited).toBe(false);
  });
});

describe('RingBuffer.waitWritable', () => {
  it('resolves true once the consumer freed room, false on timeout', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    rb.push(F32(1, 2, 3, 4));
    expect(await rb.waitWritable(1, { timeout: 10 })).toBe(false);
    later(5, () => rb.pop(3));
    expect(await rb.waitWritable(3, { timeout: 5000 })).toBe(true);
    expect(rb.write(F32(5, 6, 7))).toBe(3);
  });

  it('rejects with RingClosedError when the ring is or becomes closed', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 2 });
    rb.push(F32(1, 2));
    later(5, () => rb.close());
    await expect(rb.waitWritable(1)).rejects.toThrow(RingClosedError);
    await expect(rb.waitWritable(1)).rejects.toThrow(RingClosedError);
  });
});

describe('RingBuffer.pushAsync with a source that changes while it waits', () => {
  it('rejects with a TypeError saying how much was written, and the event loop keeps running', async () => {
    // In a worker: a call that spins in microtasks would starve this thread's timers, and the test's.
    const worker = startWorker(new URL('./fixtures/resized-source.ts', import.meta.url), {
      execArgv: [],
      sourceCondition: true,
    });
    const results = await new Promise<Record<string, { outcome: string; timerFired: boolean; readAvailable: number }>>((resolve, reject) => {
      const watchdog = setTimeout(() => {
        void worker.terminate();
        reject(new Error('the worker hung: pushAsync starved its event loop'));
      }, 20_000);
      worker.once('message', (m) => {
        clearTimeout(watchdog);
        resolve(m);
      });
      worker.once('error', (e) => {
        clearTimeout(watchdog);
        reject(e);
      });
    });
    await worker.terminate();
    expect(Object.keys(results)).toHaveLength(5);
    for (const [name, r] of Object.entries(results)) {
      expect(r.outcome, name).toMatch(/^TypeError: pushAsync: the data's buffer was detached or resized while the call waited \(4 of (10|5) elements were written\)/);
      expect(r.timerFired, name).toBe(true);
      // Nothing was written after the change.
      expect(r.readAvailable, name).toBe(0);
    }
  });

  it('makes pushBlocking throw the same TypeError when another thread grows the source while it blocks', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 4 });
    const source = new (SharedArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => SharedArrayBuffer)(40, { maxByteLength: 80 });
    const worker = startWorker(new URL('./fixtures/grow-and-pop.ts', import.meta.url), {
      workerData: { handle: rb.handle, source },
      execArgv: [],
      sourceCondition: true,
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Waits for the worker's module to load, so the timeout is generous.
    expect(() => rb.pushBlocking(new Float32Array(source), 20_000)).toThrow(
      /pushBlocking: the data's buffer was detached or resized while the call waited \(4 of 10 elements were written\)/,
    );
    await exited;
    expect(rb.readAvailable).toBe(0);
  });
});
