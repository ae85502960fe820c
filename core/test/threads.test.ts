import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { RingBuffer, type FormatName } from '@ringflow/core';
import { checkCounting, random, type ThreadJob } from './fixtures/sequence.js';

const bootstrap = fileURLToPath(new URL('../../scripts/ts-worker.mjs', import.meta.url));
const entry = (name: string) => new URL(`./fixtures/${name}.ts`, import.meta.url).href;

function startWorker(name: 'producer' | 'consumer', job: Omit<ThreadJob, 'entry'>): Worker {
  return new Worker(bootstrap, {
    workerData: { ...job, entry: entry(name) },
    execArgv: ['--conditions=@ringflow/source'],
  });
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
      const producer = result<{ sent: number }>(startWorker('producer', { handle: ring.handle, total: TOTAL, maxBlock: 3000, seed: 11 }));
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
        result<{ received: number; firstError: number; closed: boolean }>(startWorker('consumer', job)),
        result<{ sent: number }>(startWorker('producer', job)),
      ]);
      expect(got).toEqual({ received: TOTAL, firstError: -1, closed: true });
      expect(ring.readAvailable).toBe(0);
    });
  }
});
