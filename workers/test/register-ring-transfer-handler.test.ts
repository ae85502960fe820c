import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { RingBuffer } from '@ringflow/core';
import { registerRingTransferHandler } from '@ringflow/workers';

describe('registerRingTransferHandler', () => {
  it('makes a RingBuffer argument arrive attached on the other side of Comlink', async () => {
    registerRingTransferHandler();
    registerRingTransferHandler(); // idempotent
    const { port1, port2 } = new MessageChannel();
    let received: unknown;
    Comlink.expose(
      {
        fill(ring: RingBuffer): number {
          received = ring;
          ring.push(new Float32Array([1, 2, 3]));
          return ring.capacity;
        },
      },
      port1 as unknown as Comlink.Endpoint,
    );
    const remote = Comlink.wrap<{ fill(ring: RingBuffer): number }>(port2 as unknown as Comlink.Endpoint);
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    expect(await remote.fill(ring)).toBe(8);
    expect(received).toBeInstanceOf(RingBuffer);
    expect(received).not.toBe(ring);
    expect(Array.from(ring.pop(3)!)).toEqual([1, 2, 3]);
    remote[Comlink.releaseProxy]();
    port1.close();
    port2.close();
  });
});
