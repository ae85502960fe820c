/**
 * Thrown to the consumer of a ring whose producer ended the stream with `abort(reason)`, once it
 * has drained what was pushed before the abort.
 *
 * @remarks
 * `reason` is the producer's reason as text (an `Error`'s message, or `String(reason)`), kept in the
 * ring's shared header so it crosses threads, truncated to `RingBuffer.MAX_REASON_LENGTH` UTF-16
 * code units. It distinguishes a crash from the end of the stream (`closed`, where consumers see
 * `null` instead).
 *
 * @example
 * ```ts
 * import { RingBuffer, RingAbortedError } from '@ringflow/core';
 * const rb = new RingBuffer({ format: 'f', capacity: 8 });
 * rb.push(new Float32Array([1, 2]));
 * rb.abort(new Error('sensor unplugged'));
 * rb.pop(8); // Float32Array [1, 2]: what came before the abort
 * try { rb.pop(8); } catch (e) { console.log(e instanceof RingAbortedError, (e as RingAbortedError).reason); } // true 'sensor unplugged'
 * ```
 */
export class RingAbortedError extends Error {
  /** The producer's reason, as text. */
  readonly reason: string;

  /**
   * @param what - The call that met the abort, e.g. `'pop'`.
   * @param reason - The producer's reason, as text.
   */
  constructor(what: string, reason: string) {
    super(`${what}: the producer aborted the stream: ${reason}`);
    this.name = 'RingAbortedError';
    this.reason = reason;
  }
}
