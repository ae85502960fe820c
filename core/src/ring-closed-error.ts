/**
 * Thrown when data is pushed into a ring that was closed.
 *
 * @remarks
 * A closed ring still hands out what it holds: the consumer drains it, then `popAsync` resolves
 * with `null`. `reset()` clears the closed state.
 *
 * @example
 * ```ts
 * import { RingBuffer, RingClosedError } from '@ringflow/core';
 * const rb = new RingBuffer({ format: 'f', capacity: 8 });
 * rb.close();
 * try { rb.push(new Float32Array(1)); } catch (e) { console.log(e instanceof RingClosedError); } // true
 * ```
 */
export class RingClosedError extends Error {
  /** @param message - What was attempted on the closed ring. */
  constructor(message = 'the ring is closed') {
    super(message);
    this.name = 'RingClosedError';
  }
}
