import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { RingBuffer, type FormatName } from '@ringflow/core';
import { startWorker } from '@ringflow/workers/node';
import { checkCounting, random, type ThreadJob } from './fixtures/sequence.js';

const entry = (name: string) => new URL(`./fixtures/${name}.ts`, import.meta.url);

function startFixture(name: string, job: object): Worker {
  return startWorker(entry(name), { workerData: job, execArgv: [], sourceCondition: true });
}

/** The worker's one message, listened for from the start (a fast worker may finish before anyone awaits it). */
function result<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let message: T | undefined;
    worker.once('message', (m: T) => (message = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (message !== undefined ? resolve(message) : reject(new Error(`worker exited with code ${code} without a result`))));
  });
}

const TOTAL = 10_000_000;
const formats: FormatName[] = ['f', 'd', 'q'];

describe('RingBuffer across threads', () => {
  for (const format of formats) {
    it(`moves ${TOTAL} '${format}' elements from a worker to popAsync on the main thread in order`, async () => {
      const ring = new RingBuffer({ format, capacity: 65_536 });
      const producer = result<{ sent: number }>(startFixture('producer', { handle: ring.handle, total: TOTAL, maxBlock: 3000, seed: 11 }));
      const rand = random(7);
      let received = 0;
      let firstError = -1;
      for (;;) {
        // One format also polls briefly before sleeping, so that path sees real cross-thread traffic.
        const chunk = await ring.popAsync(1 + Math.floor(rand() * 5000), { timeout: 30_000, spinMicros: format === 'd' ? 50 : 0 });
        if (chunk === null) break;
        const bad = checkCounting(chunk, received);
        if (bad >= 0 && firstError < 0) firstError = received + bad;
        received += chunk.length;
      }
      const sent = await producer;
      expect(ring.closed).toBe(true);
      expect(firstError).toBe(-1);
      expect(received).toBe(TOTAL);
      expect(sent.sent).toBe(TOTAL);
    });

    it(`moves ${TOTAL} '${format}' elements between two workers with popBlocking in order`, async () => {
      const ring = new RingBuffer({ format, capacity: 10_007 });
      const job = { handle: ring.handle, total: TOTAL, maxBlock: 2000, seed: 23 };
      const [got] = await Promise.all([
        result<{ received: number; firstError: number; closed: boolean }>(startFixture('consumer', job)),
        result<{ sent: number }>(startFixture('producer', job)),
      ]);
      expect(got).toEqual({ received: TOTAL, firstError: -1, closed: true });
      expect(ring.readAvailable).toBe(0);
    });
  }
});

describe('RingBuffer wait protocol across threads (stress)', () => {
  // A producer worker pushes chunks of 0 to 20x the ring with pushAsync while the main thread reads
  // with waitReadable(k) for random k up to the capacity (then read/readBlocks), or popAsync; a busy
  // thread competes for the two cores. Before the watermark fix, a reader waiting for more than
  // half the ring and a writer waiting for half the ring free could sleep on each other.
  for (const [capacity, chunks] of [[1, 3000], [7, 3000], [64, 2000], [1000, 1000], [65_536, 60]] as const) {
    it(`never hangs and keeps the order with capacity ${capacity} over ${chunks} chunks`, async () => {
      const ring = new RingBuffer({ format: 'd', capacity });
      const busy = startFixture('busy', {});
      const producer = result<{ sent: number }>(startFixture('stress-producer', { handle: ring.handle, chunks, seed: capacity }));
      const rand = random(capacity * 31 + 1);
      const target = new Float64Array(capacity);
      let received = 0;
      let firstError = -1;
      const check = (block: Float64Array): void => {
        const bad = checkCounting(block, received);
        if (bad >= 0 && firstError < 0) firstError = received + bad;
        received += block.length;
      };
      try {
        for (;;) {
          const spinMicros = rand() < 0.5 ? 0 : Math.floor(rand() * 100);
          if (rand() < 0.3) {
            const chunk = await ring.popAsync(1 + Math.floor(rand() * capacity), { timeout: 20_000, spinMicros });
            if (chunk === null) {
              if (!ring.closed) throw new Error(`popAsync waited 20 s at ${received}`);
              break;
            }
            check(chunk);
            continue;
          }
          const k = 1 + Math.floor(rand() * capacity);
          const ready = await ring.waitReadable(k, { timeout: 20_000, spinMicros });
          if (!ready && !ring.closed) throw new Error(`waitReadable(${k}) waited 20 s at ${received}`);
          const n = rand() < 0.5 ? ring.readBlocks(target, ready ? k : 1) : ring.read(target.subarray(0, ready ? k : capacity));
          check(target.subarray(0, n));
          if (!ready && ring.readAvailable === 0) break;
        }
      } finally {
        await busy.terminate();
      }
      const { sent } = await producer;
      expect(firstError).toBe(-1);
      expect(received).toBe(sent);
      expect(sent).toBeGreaterThan(chunks * capacity * 0.5);
    });
  }
});

