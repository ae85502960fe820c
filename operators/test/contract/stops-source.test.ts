// DESIGN: "Unsubscribing (a downstream take(n), first(), an error) stops the source at once, also a
// synchronous endless source such as noise()." Every operator of the main entry runs between an
// endless synchronous source and each way of cutting the stream short; the test counts the chunks
// the source produced, which must stay bounded (and a guard errors the source after GUARD chunks,
// so a regression fails here instead of hanging the run).
import { describe, expect, it } from 'vitest';
import { first, map, take, tap, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { RingBuffer } from '@ringflow/core';
import { chirp, fromRing, fromSamples, noise, oscillator } from '@ringflow/operators';
import { SECTIONS } from '@ringflow/tools/catalogue';
import { CHUNK, OPERATOR_CASES, operatorNames } from '../helpers/operator-table.js';

const GUARD = 10_000;
/** Chunks any operator of the table needs from its source for 3 outputs (stft/istft 2, resample/decimate 1, batch 5...). */
const BOUND = 16;

const SOURCES: Record<string, () => Observable<Float64Array>> = {
  'noise()': () => noise({ seed: 1, chunkSize: CHUNK }),
  'oscillator()': () => oscillator({ frequency: 440, sampleRate: 48_000, chunkSize: CHUNK }),
};

/** Runs `source -> (count) -> step -> cut`, returns how many chunks the source produced and what the subscriber saw. */
function run(source: Observable<Float64Array>, step: (s: Observable<Float64Array>) => Observable<unknown>): { produced: number; error: unknown; nexts: number; completed: boolean } {
  let produced = 0;
  let error: unknown;
  let nexts = 0;
  let completed = false;
  const guarded = source.pipe(
    tap(() => {
      if (++produced > GUARD) throw new Error('the source was never told to stop');
    }),
  );
  step(guarded).subscribe({ next: () => nexts++, error: (e) => (error = e), complete: () => (completed = true) });
  return { produced, error, nexts, completed };
}

describe('every operator stops an endless synchronous source', () => {
  it('covers every operator of the catalogue', () => {
    const covered = new Set(OPERATOR_CASES.map((c) => c.name.replace(/ \(.*\)$/, '')));
    expect(operatorNames(SECTIONS).filter((n) => !covered.has(n))).toEqual([]);
  });

  for (const [sourceName, source] of Object.entries(SOURCES)) {
    describe(sourceName, () => {
      for (const { name, make, emitsWhileRunning } of OPERATOR_CASES) {
        if (!emitsWhileRunning) continue;
        it(`${name}: take(3) completes and stops the source`, () => {
          const r = run(source(), (s) => s.pipe(make(), take(3)));
          expect(r.error).toBeUndefined();
          expect([r.nexts, r.completed]).toEqual([3, true]);
          expect(r.produced).toBeLessThanOrEqual(BOUND);
        });

        it(`${name}: first() completes and stops the source`, () => {
          const r = run(source(), (s) => s.pipe(make(), first()));
          expect([r.nexts, r.completed]).toEqual([1, true]);
          expect(r.produced).toBeLessThanOrEqual(BOUND);
        });

        it(`${name}: an error downstream stops the source`, () => {
          const r = run(source(), (s) =>
            s.pipe(
              make(),
              map(() => {
                throw new RangeError('downstream');
              }),
            ),
          );
          expect((r.error as Error).message).toBe('downstream');
          expect(r.produced).toBeLessThanOrEqual(BOUND);
        });
      }

      for (const { name, make } of OPERATOR_CASES) {
        it(`${name}: an error inside the operator (a chunk of another class) stops the source`, () => {
          const r = run(source(), (s) => s.pipe(map((c, i) => (i === 3 ? (new Float32Array(c) as unknown as Float64Array) : c)), make()));
          expect(r.error).toBeInstanceOf(TypeError);
          expect(r.produced).toBe(4);
        });
      }
    });
  }
});

describe('sources check subscriber.closed between chunks', () => {
  const endless: Record<string, () => Observable<Float64Array>> = {
    noise: () => noise({ chunkSize: 8 }),
    oscillator: () => oscillator({ frequency: 1, sampleRate: 8, chunkSize: 8 }),
    chirp: () => chirp({ f0: 1, f1: 2, duration: 1, sampleRate: 8, chunkSize: 8, length: Number.MAX_SAFE_INTEGER }),
    fromSamples: () => fromSamples(new Float64Array(8 * GUARD * 2), 8),
  };
  for (const [name, make] of Object.entries(endless)) {
    it(`${name} stops after the chunk during which the subscriber unsubscribed`, () => {
      const r = run(make(), (s) => s.pipe(take(2)));
      expect(r.produced).toBe(2);
      expect(r.nexts).toBe(2);
    });

    it(`${name} with a scheduler stops scheduling once unsubscribed`, () => {
      const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
      scheduler.run(({ expectObservable }) => {
        const scheduled = name === 'fromSamples'
          ? fromSamples(new Float64Array(80), 8, { scheduler })
          : name === 'noise'
            ? noise({ chunkSize: 8, sampleRate: 8000, scheduler })
            : name === 'oscillator'
              ? oscillator({ frequency: 1, sampleRate: 8000, chunkSize: 8, scheduler })
              : chirp({ f0: 1, f1: 2, duration: 10, sampleRate: 8000, chunkSize: 8, scheduler });
        // One chunk of 8 samples per millisecond at 8 kHz (fromSamples: one per task, no delay).
        expectObservable(scheduled.pipe(take(2), map(() => 'x'))).toBe(name === 'fromSamples' ? '(xx|)' : 'x(x|)');
      });
      // flush() returned: nothing was left scheduled forever.
      expect(scheduler.actions.length).toBe(0);
    });
  }

  it('fromRing stops its read loop when unsubscribed, leaving the rest in the ring', async () => {
    const ring = new RingBuffer({ format: 'd', capacity: 64 });
    ring.push(new Float64Array(64));
    const seen: number[] = [];
    await new Promise<void>((resolve) => {
      fromRing(ring, { chunkSize: 8 }).pipe(take(2)).subscribe({ next: (c) => seen.push(c.length), complete: resolve });
    });
    expect(seen).toEqual([8, 8]);
    expect(ring.readAvailable).toBe(48);
  });
});
