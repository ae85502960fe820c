import { Observable } from 'rxjs';
import type { ArrayOf, FormatName, RingBuffer } from '@ringflow/core';
import { describeValue, optionsObject, positiveInteger } from './internal/chunks.js';

/** Options of {@link fromRing}. */
export interface FromRingOptions {
  /**
   * Largest chunk in elements (default: the ring's capacity). Without `exact`, each emission holds
   * between 1 and `chunkSize` elements: whatever was in the ring when the consumer woke up.
   */
  readonly chunkSize?: number;
  /**
   * Emit exactly `chunkSize` elements per chunk (default `false`); at close, the last chunk holds
   * what is left (1 to `chunkSize` elements). `chunkSize` may then exceed the ring's capacity.
   */
  readonly exact?: boolean;
}

/**
 * Reads a {@link RingBuffer} as an Observable of chunks: the consumer side of a ring.
 *
 * @remarks
 * Each subscription runs one read loop: `await ring.popAsync(n, { signal })`, then emits the chunk.
 * Waiting sleeps on `Atomics.waitAsync` (no spinning, no timers polling the ring). The Observable
 * completes when the producer has closed the ring and everything in it was emitted. Unsubscribing
 * aborts the pending wait through an `AbortController`, so no wait is left behind and the ring can be
 * read again (by another `fromRing`, `pop`, `popAsync`...) right after; elements not yet popped stay
 * in the ring. A ring has one consumer: do not subscribe twice at the same time.
 *
 * The ring carries no error: when the producer side errors, `toRing` closes the ring and the
 * consumer completes normally after draining (see `toRing`).
 *
 * Every emitted chunk is a fresh array of the ring's format class (allocated by `popAsync`, or the
 * accumulation buffer handed over with `exact`); it is safe to keep. Emissions happen
 * asynchronously (in promise callbacks), never during `subscribe`.
 *
 * Timeline (producer pushes `abc`, then `de`, then closes; `exact` with `chunkSize: 2`):
 * ```
 * ring:  abc   de   close
 * out:   [abc] [de] |              (default)
 * out:   [ab]  [cd] [e]|           ({ chunkSize: 2, exact: true })
 * ```
 *
 * @param ring - The ring to consume, on the consumer's thread (`RingBuffer.attach(handle)` in a worker).
 * @param options - `chunkSize` (max elements per chunk, default the capacity) and `exact`.
 * @returns A cold Observable: each subscription reads the ring until it is closed and drained.
 * @throws TypeError when `ring` is not a RingBuffer; RangeError/TypeError for a bad `chunkSize`.
 *
 * @example
 * ```ts
 * import { RingBuffer } from '@ringflow/core';
 * import { fromRing } from '@ringflow/operators';
 * const ring = new RingBuffer({ format: 'f', capacity: 1024 });
 * fromRing(ring, { chunkSize: 128, exact: true }).subscribe((chunk) => console.log(chunk.length));
 * ring.push(new Float32Array(300));
 * ring.close(); // logs 128, 128, 44
 * ```
 */
export function fromRing<F extends FormatName>(ring: RingBuffer<F>, options?: FromRingOptions): Observable<ArrayOf<F>> {
  if (typeof ring !== 'object' || ring === null || typeof (ring as { popAsync?: unknown }).popAsync !== 'function') {
    throw new TypeError(`fromRing: expected a RingBuffer, got ${describeValue(ring)}`);
  }
  const opts = optionsObject('fromRing', options);
  const chunkSize = opts.chunkSize === undefined ? ring.capacity : positiveInteger('fromRing', 'chunkSize', opts.chunkSize);
  const exact = opts.exact === true;

  return new Observable<ArrayOf<F>>((subscriber) => {
    const controller = new AbortController();
    const { signal } = controller;

    const loop = async (): Promise<void> => {
      if (!exact) {
        for (;;) {
          const chunk = await ring.popAsync(chunkSize, { signal });
          if (signal.aborted) return;
          if (chunk === null) break;
          subscriber.next(chunk);
          if (signal.aborted || subscriber.closed) return;
        }
      } else {
        let acc: ArrayOf<F> | undefined;
        let filled = 0;
        for (;;) {
          const part = await ring.popAsync(chunkSize - filled, { signal });
          if (signal.aborted) return;
          if (part === null) break;
          if (filled === 0 && part.length === chunkSize) {
            subscriber.next(part);
          } else {
            acc ??= new (part.constructor as new (n: number) => ArrayOf<F>)(chunkSize);
            (acc as unknown as Float64Array).set(part as unknown as Float64Array, filled);
            filled += part.length;
            if (filled < chunkSize) continue;
            const full = acc;
            acc = undefined;
            filled = 0;
            subscriber.next(full);
          }
          if (signal.aborted || subscriber.closed) return;
        }
        if (acc !== undefined && filled > 0) subscriber.next(acc.slice(0, filled) as ArrayOf<F>);
      }
      subscriber.complete();
    };

    loop().catch((error: unknown) => {
      if (!signal.aborted) subscriber.error(error);
    });
    return () => controller.abort();
  });
}
