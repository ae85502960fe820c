// Stress of the ring hop under unlucky schedules: random chunk sizes from 0 to 20x the ring (mixed
// with chunks that fit), random capacities from 1 to 65 536, several spinMicros values, thousands
// of chunks in all, while a busy thread competes for the cores. Every chunk carries a counting
// sequence that is checked on the way out (the ringbuf.js pattern), so a lost, duplicated or
// reordered byte fails too. A run that makes no progress for HANG_MS once its workers run is
// reported as a hang with its statistics (the defect this guards against: "hung after 53 of 1500
// chunks; inputFill 0.97"). Starting the workers is not counted: under a loaded full suite, eight
// workers loading their TypeScript through tsx took 10-25 s before the first chunk, which a
// watchdog counting from the subscription reported as "hung after 0 chunks" (the flake this test
// had); a worker that never starts is still reported, after STARTUP_MS.
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Observable } from 'rxjs';
import { liveWorkerCount, offload, type Chunk, type OffloadStats } from '@ringflow/workers';
import { random } from './fixtures/random.js';

const fixture = (name: string): URL => new URL(`./fixtures/${name}.ts`, import.meta.url);

/** No progress for this long (ms) once the workers run counts as a hang: generous, not a timing. */
const HANG_MS = 30_000;
/** Workers that have not started after this long (ms) count as a hang at start-up: generous too. */
const STARTUP_MS = 180_000;
const SEED = Number(process.env.RINGFLOW_STRESS_SEED ?? 20240611);

interface Run {
  readonly capacity: number;
  readonly spinMicros: number;
  readonly lengths: readonly number[];
}

/** A capacity, log-uniform from 1 to 65 536, and chunk lengths (float32 elements) up to 20x the ring. */
function makeRun(rand: () => number, chunks: number, fixedCapacity?: number): Run {
  const capacity = fixedCapacity ?? Math.max(1, Math.round(2 ** (rand() * 16)));
  const ringFloats = capacity * 2; // the ring holds capacity * 8 bytes
  const spinMicros = [0, 0, 1, 50, 1000][Math.floor(rand() * 5)]!;
  // Keep a run's volume modest whatever the capacity: at most 16 MiB in all.
  const budget = (16 * 2 ** 20) / 4;
  const lengths: number[] = [];
  let total = 0;
  for (let i = 0; i < chunks; i++) {
    const r = rand();
    const length =
      r < 0.05 ? 0 : r < 0.55 ? Math.floor(rand() * Math.min(ringFloats, 256)) : r < 0.85 ? Math.floor(rand() * ringFloats * 2) : Math.floor(rand() * ringFloats * 20);
    if (total + length > budget) break;
    total += length;
    lengths.push(length);
  }
  return { capacity, spinMicros, lengths };
}

/** Chunk `k` of length `n`: element `i` is `(offset + i) mod 2^24` of a running counter (exact in float32). */
function counting(offset: number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (offset + i) % 16_777_216;
  return out;
}

/** Index of the first element that breaks the counting sequence, or -1. */
function checkCounting(chunk: Float32Array, offset: number): number {
  for (let i = 0; i < chunk.length; i++) if (chunk[i] !== (offset + i) % 16_777_216) return i;
  return -1;
}

/** Emits the run's chunks one macrotask apart in bursts (so both the queue and the ring fill and drain). */
function source(lengths: readonly number[], rand: () => number): Observable<Chunk> {
  return new Observable<Chunk>((subscriber) => {
    let k = 0;
    let offset = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const burst = (): void => {
      const n = 1 + Math.floor(rand() * 40);
      for (let j = 0; j < n && k < lengths.length && !subscriber.closed; j++, k++) {
        subscriber.next(counting(offset, lengths[k]!));
        offset += lengths[k]!;
      }
      if (k === lengths.length) subscriber.complete();
      else if (!subscriber.closed) timer = setTimeout(burst, 0);
    };
    burst();
    return () => clearTimeout(timer);
  });
}

function runOnce(run: Run, rand: () => number): Promise<{ received: number; firstError: string | undefined }> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let offset = 0;
    let firstError: string | undefined;
    let stats: OffloadStats | undefined;
    // Progress: a chunk out, or the stage's counters moving (a chunk much larger than the ring takes
    // many fills of it before it comes out). The first statistics arrive once the workers run.
    let last = Date.now();
    let started = false;
    let moved = -1;
    const onStats = (s: OffloadStats): void => {
      stats = s;
      if (!started) {
        started = true;
        last = Date.now();
      }
      const now = s.samplesIn + s.samplesOut + s.chunksIn + s.chunksOut;
      if (now !== moved) {
        moved = now;
        last = Date.now();
      }
    };
    const watchdog = setInterval(() => {
      const limit = started ? HANG_MS : STARTUP_MS;
      if (Date.now() - last < limit) return;
      clearInterval(watchdog);
      subscription.unsubscribe();
      const what = started ? `hung after ${received} of ${run.lengths.length} chunks` : `the workers did not start in ${STARTUP_MS} ms`;
      reject(new Error(`${what} (${JSON.stringify(run.capacity)} capacity, spinMicros ${run.spinMicros}); stats ${JSON.stringify(stats)}`));
    }, 250);
    const subscription = source(run.lengths, rand)
      .pipe(offload(fixture('identity-stage'), { transport: 'ring', capacity: run.capacity, spinMicros: run.spinMicros, onStats, statsInterval: 500 }))
      .subscribe({
        next: (chunk) => {
          started = true;
          last = Date.now();
          const expected = run.lengths[received];
          const c = chunk as Float32Array;
          if (firstError === undefined) {
            if (!(c instanceof Float32Array) || c.length !== expected) firstError = `chunk ${received}: length ${c.length}, expected ${String(expected)}`;
            else {
              const bad = checkCounting(c, offset);
              if (bad >= 0) firstError = `chunk ${received}: element ${bad} is ${c[bad]}, expected ${(offset + bad) % 16_777_216}`;
            }
          }
          offset += c.length;
          received++;
        },
        error: (error: unknown) => {
          clearInterval(watchdog);
          reject(error);
        },
        complete: () => {
          clearInterval(watchdog);
          resolve({ received, firstError });
        },
      });
  });
}

describe('offload over the ring transport, under stress', () => {
  let busy: Worker | undefined;
  beforeAll(() => {
    // A thread that spins for the whole test: on a 2-core machine the hop's threads must share.
    busy = new Worker('for (;;) {}', { eval: true });
  });
  afterAll(async () => {
    await busy?.terminate();
  });

  it('never hangs and delivers every chunk intact for random sizes, capacities and spinMicros', async () => {
    const rand = random(SEED);
    const runs = Array.from({ length: 6 }, (_, i) => makeRun(rand, i < 3 ? 3000 : 1000));
    // Edge capacities always take part: the smallest ring (8 bytes) and the largest.
    runs.push(makeRun(rand, 600, 1), makeRun(rand, 300, 65_536));
    // Four subscriptions at a time: more threads than cores, on top of the busy one.
    let chunks = 0;
    for (let i = 0; i < runs.length; i += 4) {
      const batch = runs.slice(i, i + 4);
      const results = await Promise.all(
        batch.map((run, j) =>
          runOnce(run, random(SEED + i + j)).catch((error: unknown) => {
            throw new Error(`seed ${SEED}: ${(error as Error).message}`);
          }),
        ),
      );
      results.forEach((result, j) => {
        expect(result.firstError, `seed ${SEED}, capacity ${batch[j]!.capacity}`).toBeUndefined();
        expect(result.received).toBe(batch[j]!.lengths.length);
        chunks += result.received;
      });
    }
    // Thousands of chunks whatever the seed (5 000+ for the default one; runs are cut by a byte budget).
    expect(chunks).toBeGreaterThan(2000);
    // Terminating 16 workers on a loaded machine is not instant: generous, not a timing.
    await vi.waitFor(() => expect(liveWorkerCount()).toBe(0), { timeout: 30_000 });
    // Start-up and the runs on a loaded machine (a full suite, other processes): generous bounds.
  }, 2 * STARTUP_MS + 300_000);
});
