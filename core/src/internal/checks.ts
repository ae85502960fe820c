import { describe } from './elements.js';
import { now, type Waiting } from './waits.js';

/**
 * Argument checks of the ring's calls: each names the call, what it expected and what came, and
 * runs before anything is touched.
 */

/** A count of elements: a positive safe integer. */
export function checkCount(count: unknown, what: string): number {
  if (typeof count !== 'number') throw new TypeError(`${what}: count must be a number of elements, got ${describe(count)}`);
  if (!Number.isSafeInteger(count) || count <= 0) {
    throw new RangeError(`${what}: count must be a positive integer number of elements, got ${count}`);
  }
  return count;
}

/** A count that one wait can be satisfied with: from 1 to the capacity. */
export function checkWaitCount(count: unknown, capacity: number, what: string): number {
  checkCount(count, what);
  if ((count as number) > capacity) throw new RangeError(`${what}: count ${String(count)} exceeds the capacity ${capacity}`);
  return count as number;
}

/** A block size for `readBlocks`: a positive integer (whole blocks that fit the target are read). */
export function checkBlockSize(blockSize: unknown, what: string): number {
  if (typeof blockSize !== 'number') throw new TypeError(`${what}: blockSize must be a number of elements, got ${describe(blockSize)}`);
  if (!Number.isSafeInteger(blockSize) || blockSize <= 0) {
    throw new RangeError(`${what}: blockSize must be a positive integer number of elements, got ${blockSize}`);
  }
  return blockSize;
}

/** A timeout in milliseconds (`undefined`: no limit). */
export function checkTimeout(timeout: unknown, what: string): number {
  if (timeout === undefined) return Number.POSITIVE_INFINITY;
  if (typeof timeout !== 'number') throw new TypeError(`${what}: timeout must be a number of milliseconds, got ${describe(timeout)}`);
  if (Number.isNaN(timeout) || timeout < 0) throw new RangeError(`${what}: timeout must be >= 0 milliseconds, got ${timeout}`);
  return timeout;
}

/** `{ signal, timeout, spinMicros }` of the waiting calls, as a deadline from now. */
export function checkWaitOptions(options: unknown, what: string): Waiting {
  if (options === undefined) return { signal: undefined, deadline: Number.POSITIVE_INFINITY, spin: 0 };
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${what}: options must be an object like { signal, timeout }, got ${describe(options)}`);
  }
  const { signal, timeout, spinMicros } = options as { signal?: unknown; timeout?: unknown; spinMicros?: unknown };
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof (signal as AbortSignal).addEventListener !== 'function')) {
    throw new TypeError(`${what}: options.signal must be an AbortSignal, got ${describe(signal)}`);
  }
  let spin = 0;
  if (spinMicros !== undefined) {
    if (typeof spinMicros !== 'number') throw new TypeError(`${what}: options.spinMicros must be a number of microseconds, got ${describe(spinMicros)}`);
    if (!(spinMicros >= 0 && spinMicros <= 1e6)) throw new RangeError(`${what}: options.spinMicros must be from 0 to 1e6 microseconds, got ${spinMicros}`);
    spin = spinMicros / 1000;
  }
  return { signal: signal as AbortSignal | undefined, deadline: now() + checkTimeout(timeout, what), spin };
}

/** Throws when this thread cannot block (a browser main thread, an AudioWorklet). */
export function checkCanBlock(canBlock: boolean, what: string): void {
  if (!canBlock) {
    throw new TypeError(
      `${what}: this thread cannot block (Atomics.wait is not allowed on a browser main thread or in an AudioWorklet); use ${what.replace('Blocking', 'Async')}`,
    );
  }
}
