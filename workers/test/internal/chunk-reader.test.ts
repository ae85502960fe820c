// The reader and writer over both hops, in one thread (the writer's pump and the reader's waits
// alternate on the event loop): any sequence of items comes back as it went, for any hop size.
import { describe, expect, it } from 'vitest';
import { random } from '../fixtures/random.js';
import { asMultichannel, isMultichannel } from '@ringflow/core';
import type { Item } from '../../src/internal/chunk-codec.js';
import { ChunkReader } from '../../src/internal/chunk-reader.js';
import { ChunkWriter } from '../../src/internal/chunk-writer.js';
import { createHop, openHopReader, openHopWriter } from '../../src/internal/hop.js';


function items(rand: () => number, n: number, hopBytes: number): Item[] {
  return Array.from({ length: n }, (_, i): Item => {
    const length = Math.floor(rand() * (rand() < 0.2 ? (hopBytes * 3) / 4 : 40));
    const k = rand();
    if (k < 0.3) return Float32Array.from({ length }, (_, j) => i + j);
    if (k < 0.45) return Int16Array.from({ length }, (_, j) => j - i);
    if (k < 0.55) return BigInt64Array.from({ length: length >> 2 }, (_, j) => BigInt(j * i));
    if (k < 0.7) return asMultichannel(Float64Array.from({ length: 2 * length }, (_, j) => j / 3), 2);
    if (k < 0.8) return { marker: 'params', seq: i };
    if (k < 0.85) return { marker: 'boundary' };
    return Uint8Array.from({ length }, (_, j) => (i + j) & 255);
  });
}

/** A comparable picture of an item. */
function picture(item: Item): unknown {
  if (ArrayBuffer.isView(item)) return [item.constructor.name, Array.from(item as ArrayLike<unknown>, String)];
  if (isMultichannel(item)) return [item.data.constructor.name, item.shape, item.stride, item.offset, Array.from(item.data as ArrayLike<unknown>, String)];
  return item;
}

async function roundTrip(transport: 'ring' | 'message', hopBytes: number, sent: readonly Item[], reuse: boolean): Promise<unknown[]> {
  const hop = createHop(transport, hopBytes);
  const errors: unknown[] = [];
  const writer = new ChunkWriter(openHopWriter(hop.writer), { what: 'test', overflow: 'error', maxQueuedBytes: 1 << 30, onError: (e) => errors.push(e) });
  const reader = new ChunkReader(openHopReader(hop.reader), { reuse });
  for (const item of sent) writer.write(item);
  const closed = writer.close();
  const got: unknown[] = [];
  for (;;) {
    let item = reader.poll();
    for (; item !== undefined && item !== null; item = reader.poll()) got.push(picture(item)); // pooled: use it now
    if (item === null) break;
    await reader.wait();
  }
  await closed;
  reader.dispose();
  writer.dispose();
  expect(errors).toEqual([]);
  return got;
}

describe('ChunkReader and ChunkWriter', () => {
  for (const transport of ['ring', 'message'] as const) {
    for (const hopBytes of [8, 16, 24, 1000, 8 * 65536]) {
      it(`carry any items through a ${hopBytes}-byte ${transport} hop, boundaries, formats and shapes intact`, async () => {
        const rand = random(hopBytes);
        const sent = items(rand, 300, Math.min(Math.max(hopBytes, 4096), 16384));
        expect(await roundTrip(transport, hopBytes, sent, hopBytes === 1000)).toEqual(sent.map(picture));
      });
    }
  }

  it("hands out pooled arrays with reuse (one per format), fresh ones without", async () => {
    const hop = createHop('ring', 4096);
    const writer = new ChunkWriter(openHopWriter(hop.writer), { what: 'test', overflow: 'error', maxQueuedBytes: 1 << 20, onError: () => undefined });
    const pooled = new ChunkReader(openHopReader(hop.reader), { reuse: true });
    writer.write(new Float32Array([1, 2]));
    writer.write(new Float32Array([3, 4]));
    writer.flush();
    const a = pooled.poll() as Float32Array;
    expect(Array.from(a)).toEqual([1, 2]);
    const b = pooled.poll() as Float32Array;
    expect(b.buffer).toBe(a.buffer);
    expect(Array.from(b)).toEqual([3, 4]);
  });

  it('errors when the stream ends inside a chunk, and on a corrupted header', () => {
    const hop = createHop('ring', 64);
    const raw = openHopWriter(hop.writer);
    const reader = new ChunkReader(openHopReader(hop.reader));
    raw.write(new Uint8Array(new Float64Array([9, 100]).buffer)); // announces 100 float32, sends 8 bytes
    raw.write(new Uint8Array(8));
    raw.close();
    expect(() => reader.poll()).toThrow(/closed the hop in the middle of a chunk/);
    const hop2 = createHop('ring', 64);
    const raw2 = openHopWriter(hop2.writer);
    raw2.write(new Uint8Array(new Float64Array([77, 1]).buffer));
    expect(() => new ChunkReader(openHopReader(hop2.reader)).poll()).toThrow(/corrupted frame header \[77, 1\]/);
  });

  it("refuses a chunk past maxQueuedBytes with 'error' (naming the option), drops it with 'drop-newest'", () => {
    for (const overflow of ['error', 'drop-newest'] as const) {
      const hop = createHop('ring', 64);
      const writer = new ChunkWriter(openHopWriter(hop.writer), { what: 'offload', overflow, maxQueuedBytes: 1000, onError: () => undefined });
      const write = (): boolean => writer.write(new Float32Array(100));
      // 416-byte frames: the hop takes 64 bytes, the queue holds the rest up to 1000 bytes.
      for (let i = 0; i < 2; i++) expect(write()).toBe(true);
      if (overflow === 'error') expect(write).toThrow(/offload: .* more than maxQueuedBytes \(1000\)/);
      else {
        expect(write()).toBe(false);
        expect([writer.droppedChunks, writer.droppedSamples]).toEqual([1, 100]);
      }
      expect(writer.queuedBytes).toBeLessThanOrEqual(1000);
      expect(writer.write({ marker: 'boundary' })).toBe(true); // markers are never refused
      writer.dispose();
    }
  });
});
