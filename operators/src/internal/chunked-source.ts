import { Observable, type SchedulerLike, type Subscriber } from 'rxjs';

/**
 * Builds a source Observable that emits `fill(out, start)`-produced chunks of `chunkSize`
 * samples until `length` samples were emitted (forever when `length` is `Infinity`).
 *
 * @remarks
 * Each subscription calls `init()` for fresh generator state. Without a scheduler the chunks are
 * emitted synchronously in a loop that stops as soon as the subscriber unsubscribes (so `take(n)`
 * ends an infinite source). With a scheduler, chunk `k` is emitted at `k * periodMs` (the first at
 * once), one chunk per scheduled task.
 */
export function chunkedSource<T>(
  length: number,
  chunkSize: number,
  init: () => (count: number, start: number) => T,
  scheduler: SchedulerLike | undefined,
  periodMs: number,
): Observable<T> {
  return new Observable<T>((subscriber: Subscriber<T>) => {
    let produce: (count: number, start: number) => T;
    try {
      produce = init();
    } catch (error) {
      subscriber.error(error);
      return;
    }
    let emitted = 0;
    /** Emits one chunk; returns false when the stream ended. */
    const step = (): boolean => {
      const remaining = length - emitted;
      if (remaining <= 0) {
        subscriber.complete();
        return false;
      }
      const count = remaining < chunkSize ? remaining : chunkSize;
      let chunk: T;
      try {
        chunk = produce(count, emitted);
      } catch (error) {
        subscriber.error(error);
        return false;
      }
      emitted += count;
      subscriber.next(chunk);
      if (emitted >= length) {
        subscriber.complete();
        return false;
      }
      return !subscriber.closed;
    };
    if (scheduler === undefined) {
      while (!subscriber.closed && step()) {
        /* emit until done or unsubscribed */
      }
      return;
    }
    let k = 0;
    const start = scheduler.now();
    subscriber.add(
      scheduler.schedule(function (this: { schedule(state?: undefined, delay?: number): unknown }) {
        if (!step()) return;
        k += 1;
        const due = start + k * periodMs;
        this.schedule(undefined, Math.max(0, due - scheduler.now()));
      }),
    );
  });
}
