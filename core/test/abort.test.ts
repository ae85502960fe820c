import { describe, expect, it } from 'vitest';
import { RingAbortedError, RingBuffer, RingClosedError } from '@ringflow/core';
import { startWorker } from '@ringflow/workers/node';

const f32 = (...v: number[]) => new Float32Array(v);
const entry = (name: string) => new URL(`./fixtures/${name}.ts`, import.meta.url);

describe('RingBuffer.abort', () => {
  it('lets the consumer drain what came before, then pop throws RingAbortedError with the reason', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    rb.push(f32(1, 2, 3));
    rb.abort(new Error('sensor unplugged'));
    expect(rb.closed).toBe(true);
    expect(rb.aborted).toBe(true);
    expect(rb.abortReason).toBe('sensor unplugged');
    expect(rb.pop(2)).toEqual(f32(1, 2));
    expect(rb.pop(2)).toEqual(f32(3));
    let error: unknown;
    try {
      rb.pop(2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RingAbortedError);
    expect((error as RingAbortedError).reason).toBe('sensor unplugged');
    expect((error as Error).message).toMatch(/^pop: .*sensor unplugged/);
  });

  it('makes read throw once drained, and leaves a zero-length read alone', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    rb.push(f32(7));
    rb.abort('stopped');
    const target = new Float32Array(4);
    expect(rb.read(target)).toBe(1);
    expect(target[0]).toBe(7);
    expect(rb.read(new Float32Array(0))).toBe(0);
    expect(() => rb.read(target)).toThrow(RingAbortedError);
    // The failed read moved nothing: the ring is still aborted and empty.
    expect(rb.readAvailable).toBe(0);
    expect(() => rb.pop(1)).toThrow(RingAbortedError);
  });

  it('rejects popAsync and waitReadable after the drain, also a waiter that was sleeping', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    const sleeping = rb.popAsync(4);
    rb.push(f32(1));
    await expect(sleeping).resolves.toEqual(f32(1));
    const next = rb.popAsync(4);
    setTimeout(() => rb.abort('late failure'), 5);
    await expect(next).rejects.toThrow(RingAbortedError);
    await expect(rb.waitReadable(1)).rejects.toThrow(/late failure/);
    expect(() => rb.popBlocking(1)).toThrow(RingAbortedError);
  });

  it('waitReadable resolves true while enough is left, false for a partial rest', async () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    rb.push(f32(1, 2));
    rb.abort();
    await expect(rb.waitReadable(2)).resolves.toBe(true);
    await expect(rb.waitReadable(3)).resolves.toBe(false);
    expect(rb.abortReason).toBe('aborted');
  });

  it('refuses pushes afterwards with RingClosedError; reset clears it', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    rb.abort('x');
    expect(() => rb.push(f32(1))).toThrow(RingClosedError);
    rb.reset();
    expect(rb.aborted).toBe(false);
    expect(rb.closed).toBe(false);
    expect(rb.abortReason).toBeUndefined();
    expect(rb.push(f32(1))).toBeNull();
    expect(rb.pop(1)).toEqual(f32(1));
  });

  it('keeps the first reason, truncated to MAX_REASON_LENGTH without splitting a surrogate pair', () => {
    const rb = new RingBuffer({ format: 'f', capacity: 8 });
    const long = 'a'.repeat(RingBuffer.MAX_REASON_LENGTH - 1) + '\u{1F600}tail';
    rb.abort(long);
    rb.abort('second');
    expect(rb.abortReason).toBe('a'.repeat(RingBuffer.MAX_REASON_LENGTH - 1));
    const other = new RingBuffer({ format: 'f', capacity: 8 });
    other.abort({ toString: () => 'custom object' });
    expect(other.abortReason).toBe('custom object');
  });

  it('carries the reason across threads: a worker pushes, aborts; the main thread drains everything, then sees the reason', async () => {
    const rb = new RingBuffer({ format: 'd', capacity: 4096 });
    const total = 200_000;
    const worker = startWorker(entry('producer'), {
      workerData: { handle: rb.handle, total, maxBlock: 3000, seed: 3, abortReason: 'worker failed' },
      execArgv: [],
      sourceCondition: true,
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    let received = 0;
    let error: unknown;
    try {
      for (;;) {
        const block = await rb.popAsync(5000, { timeout: 30_000 });
        if (block === null) throw new Error('popAsync timed out or saw a plain close');
        for (let i = 0; i < block.length; i++) if (block[i] !== received + i) throw new Error(`element ${received + i} is ${block[i]}`);
        received += block.length;
      }
    } catch (e) {
      error = e;
    }
    await exited;
    expect(error).toBeInstanceOf(RingAbortedError);
    expect((error as RingAbortedError).reason).toBe('worker failed');
    expect(received).toBe(total);
  });
});
