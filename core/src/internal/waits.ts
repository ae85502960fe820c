import { W_READ, W_WRITE } from './layout.js';
import type { Spsc } from './spsc.js';

/**
 * The wait layer: how a side sleeps (asynchronously with `Atomics.waitAsync`, or blocking with
 * `Atomics.wait`, after an optional spin), how pending waits keep Node's event loop alive, and how
 * concurrent waiting calls on one object are served in call order. What a side announces before it
 * sleeps and who wakes it is the algorithm's business (spsc.ts).
 */

/** A checked `WaitOptions`: the signal, the deadline (ms on the `now()` clock), the spin time (ms). */
export interface Waiting {
  readonly signal: AbortSignal | undefined;
  readonly deadline: number;
  readonly spin: number;
}

/** Which side sleeps: the consumer, a producer that takes any room (pushAsync/pushBlocking), or one that waits for a fixed amount (waitWritable). */
export type Side = 'consumer' | 'producer' | 'producer-fixed';

type WaitAsyncResult = { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
type WaitAsync = (array: Int32Array, index: number, value: number, timeout?: number) => WaitAsyncResult;
const waitAsync: WaitAsync | undefined = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/** Milliseconds on a monotonic clock where there is one. */
export const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

let blockingAllowed: boolean | undefined;
/** Whether this thread may call `Atomics.wait`: Node's threads (the main thread too) and browser workers, not a browser main thread or an AudioWorklet. */
export function canBlock(): boolean {
  if (blockingAllowed === undefined) {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      blockingAllowed = true;
    } catch {
      blockingAllowed = false;
    }
  }
  return blockingAllowed;
}

// ---- keeping Node's event loop alive --------------------------------------------------------------

const KEEP_ALIVE_MS = 2 ** 30;
function noop(): void {}

/**
 * A pending `Atomics.waitAsync` does not keep Node's event loop alive; one shared timer does while
 * any wait is pending (ref'd and unref'd, which costs far less than a timer per wait).
 */
let keepAliveTimer: ReturnType<typeof setInterval> | undefined;
let keepAliveCount = 0;
function holdEventLoop(): void {
  if (keepAliveCount++ > 0 || typeof setInterval !== 'function') return; // no timers in a worklet scope
  if (keepAliveTimer === undefined) keepAliveTimer = setInterval(noop, KEEP_ALIVE_MS);
  else (keepAliveTimer as { ref?: () => void }).ref?.();
}
function releaseEventLoop(): void {
  if (--keepAliveCount > 0) return;
  const timer = keepAliveTimer as { unref?: () => void } | undefined;
  if (typeof timer?.unref === 'function') {
    timer.unref();
  } else if (keepAliveTimer !== undefined) {
    clearInterval(keepAliveTimer);
    keepAliveTimer = undefined;
  }
}

// ---- sleeping ---------------------------------------------------------------------------------------

/** Whether `side` need not sleep for `want`: closed, or its watermark is met (fresh loads). */
function ready(spsc: Spsc, side: Side, want: number): boolean {
  if (spsc.closed) return true;
  const used = spsc.readAvailable();
  return side === 'consumer' ? used >= want : spsc.capacity - used >= want;
}

/** Polls until `side` need not sleep or `until` (ms) passes; true when ready. */
function spinUntil(spsc: Spsc, side: Side, want: number, until: number): boolean {
  do {
    if (ready(spsc, side, want)) return true;
  } while (now() < until);
  return false;
}

/** Announces the sleep (false: no need to sleep); `settle` undoes the announcement. */
function announce(spsc: Spsc, side: Side, want: number): boolean {
  return side === 'consumer' ? spsc.consumerSleeps(want) : spsc.producerSleeps(want, side === 'producer');
}
function settle(spsc: Spsc, side: Side): void {
  if (side === 'consumer') spsc.consumerAwake();
  else spsc.producerAwake();
}
/** The word `side` sleeps on: the consumer on the producer's WRITE word, the producer on READ. */
const wordOf = (side: Side): number => (side === 'consumer' ? W_WRITE : W_READ);

/**
 * One asynchronous sleep of `side` until its watermark `want` may be met: spins first when asked,
 * then sleeps with `Atomics.waitAsync` until woken, the deadline, or the signal. The caller loops
 * and re-checks; a return says nothing about why it woke.
 */
export async function sleepAsync(spsc: Spsc, side: Side, want: number, wait: Waiting): Promise<void> {
  const { deadline, signal } = wait;
  if (wait.spin > 0 && spinUntil(spsc, side, want, Math.min(now() + wait.spin, deadline))) return;
  try {
    if (!announce(spsc, side, want)) return;
    const remaining = deadline - now();
    if (remaining <= 0) return;
    if (waitAsync === undefined) {
      // Engines without Atomics.waitAsync: poll gently.
      await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, 2)));
      return;
    }
    const words = spsc.words;
    const index = wordOf(side);
    const result = waitAsync(words, index, spsc.observed, remaining === Number.POSITIVE_INFINITY ? undefined : remaining);
    if (!result.async) return;
    // So that a script awaiting data does not exit early (see holdEventLoop).
    holdEventLoop();
    // An abort wakes our own wait so that no waiter is left behind.
    const onAbort = (): void => void Atomics.notify(words, index);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await result.value;
    } finally {
      releaseEventLoop();
      signal?.removeEventListener('abort', onAbort);
    }
  } finally {
    settle(spsc, side);
  }
}

/** One blocking sleep of `side` (see `sleepAsync`), with `Atomics.wait`; the caller checked `canBlock()`. */
export function sleepBlocking(spsc: Spsc, side: Side, want: number, deadline: number): void {
  try {
    if (!announce(spsc, side, want)) return;
    const remaining = deadline - now();
    if (remaining > 0) Atomics.wait(spsc.words, wordOf(side), spsc.observed, remaining);
  } finally {
    settle(spsc, side);
  }
}

// ---- call order -------------------------------------------------------------------------------------

/**
 * Serves the waiting calls of one side of one ring object in call order: a call starts at once
 * when nothing is pending (no queue hops), else after the calls before it, and rejects as soon as
 * its signal aborts even while it still waits in the queue (it then skips its turn: a call checks
 * its signal when it starts).
 */
export class CallQueue {
  #pending = 0;
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `start` in turn; its promise, which rejects early when `signal` aborts while queued. */
  run<T>(start: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    const queued = this.#pending > 0;
    const run = queued ? this.#tail.then(start) : start();
    this.#pending++;
    const settled = (): void => void this.#pending--;
    this.#tail = run.then(settled, settled);
    return queued ? abortable(run, signal) : run;
  }
}

/** `run`, or a rejection with the signal's reason as soon as it aborts. */
function abortable<T>(run: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return run;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
