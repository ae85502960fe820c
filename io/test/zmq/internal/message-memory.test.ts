import { describe, expect, it } from 'vitest';
import { openZmqReceiver, openZmqSender } from '@ringflow/io/zmq';
import { MessageMemory } from '../../../src/zmq/internal/message-memory.js';
import { CountingChecker, countingChunk } from '../helpers.js';

describe('MessageMemory', () => {
  it('cuts regions front to back, 8-byte aligned, and never hands out a committed region again while its message lives', () => {
    const memory = new MessageMemory();
    const a = memory.cut(100, 4096);
    expect(a.length).toBe(4096);
    const sentA = a.subarray(0, 100);
    memory.commit(a, 100, sentA);
    const b = memory.cut(10, 10);
    expect(b.byteOffset - a.byteOffset).toBe(104);
    expect(b.buffer).toBe(a.buffer);
    memory.commit(b, 10, b);
    const big = memory.cut(4 << 20, 0); // larger than a block: a buffer of its own
    expect(big.buffer).not.toBe(a.buffer);
    expect(big.length).toBe(4 << 20);
  });

  it('reuses blocks once ZeroMQ released their messages, and no message in flight is corrupted', async () => {
    const sender = await openZmqSender('tcp://127.0.0.1:*', { highWaterMark: 8 });
    const receiver = await openZmqReceiver(sender.endpoint);
    const checker = new CountingChecker(1);
    const reading = (async () => {
      for await (const chunk of receiver) checker.check(chunk);
    })();
    const total = 48 << 20; // 192 MiB through 1 MiB blocks
    for (let first = 0; first < total; first += 16_384) await sender.send(countingChunk(Float32Array, first, 16_384, 1) as Float32Array);
    await sender.end();
    await reading;
    expect(checker.errors).toEqual([]);
    expect(checker.frames).toBe(total);
    expect((sender as unknown as { memory: MessageMemory }).memory.reused).toBeGreaterThan(0);
  });
});
