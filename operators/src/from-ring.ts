import { Observable } from 'rxjs';
import { asMultichannel, type ArrayOf, type FormatName, type MultichannelChunk, type RingBuffer } from '@ringflow/core';
import { booleanOption, describeValue, optionsObject, positiveInteger } from './internal/chunks.js';

/** Options of {@link fromRing}. */
export interface FromRingOptions {
  /**
   * Largest chunk in frames (elements of a mono stream; default: as many as the ring holds).
   * Without `exact`, each emission holds between 1 and `chunkSize` frames: whatever was in the
   * ring when the consumer woke up.
   */
  readonly chunkSize?: number;
  /**
   * Emit exactly `chunkSize` frames per chunk (default `false`); at close, the last chunk holds
   * what is left (1 to `chunkSize` frames). `chunkSize` may then exceed the ring's capacity.
   */
  readonly exact?: boolean;
  /**
   * Read the ring as interleaved frames of `channels` samples and emit `[frames, channels]`
   * chunks (`MultichannelChunk`, also for 1 channel). Default: none, 1-D chunks of elements.
   */
  readonly channels?: number;
}

/** What {@link fromRing} emits: 1-D chunks, or `[frames, channels]` chunks with the `channels` option. */
export type FromRingChunk<F extends FormatName, O> = O extends { readonly channels: number }
  ? MultichannelChunk<ArrayOf<F>>
  : 'channels' extends keyof O
    ? ArrayOf<F> | MultichannelChunk<ArrayOf<F>>
    : ArrayOf<F>;

/**
 * Reads a {@link RingBuffer} as an Observable of chunks: the consumer side of a ring.
 *
 * @remarks
 * Each subscription runs one read loop: `await ring.popAsync(n, { signal })`, then emits the chunk.
 * Waiting sleeps on `Atomics.waitAsync` (no spinning, no timers polling the ring). The Observable
 * completes when the producer has closed the ring and everything in it was emitted, and errors with
 * the ring's `RingAbortedError` (after everything pushed before the abort was emitted) when the
 * producer aborted it: `toRing` aborts the ring when its source errors, so an RxJS error crosses a
 * ring as an error. Unsubscribing aborts the pending wait through an `AbortController`, so no wait
 * is left behind and the ring can be read again (by another `fromRing`, `pop`, `popAsync`...)
 * right after; elements not yet popped stay in the ring. A ring has one consumer: do not subscribe
 * twice at the same time.
 *
 * Multichannel: with `channels`, the ring holds interleaved frames and every emission is a
 * `[frames, channels]` chunk of whole frames (a frame split by the producer's writes is kept until
 * its last sample arrives). A ring that closes or aborts with a partial frame left (fewer than
 * `channels` samples) errors the stream with a RangeError that says how many samples were left:
 * the producer wrote something that is not a whole number of frames.
 *
 * Every emitted chunk is a fresh array of the ring's format class (allocated by `popAsync`, or the
 * accumulation buffer handed over with `exact`); it is safe to keep. Emissions happen
 * asynchronously (in promise callbacks), never during `subscribe`.
 *
 * Timeline (`fromRing(ring)`; the `ring` line shows what the producer pushes, `|` closing it):
 * ```
 * ring:  [abc] [de] |
 * out:   [abc] [de] |
 * ```
 *
 * Timeline (`fromRing(ring, { chunkSize: 2, exact: true })`):
 * ```
 * ring:  [abc]      [de]  |
 * out:   [ab]       [cd]  [e]|
 * ```
 *
 * Timeline (`fromRing(ring, { channels: 2 })`: the producer's second push completes a frame; `#` aborts the ring):
 * ```
 * ring:  [aAb]      [BcC]      #
 * out:   [aA;]      [bB; cC]   #
 * ```
 *
 * @param ring - The ring to consume, on the consumer's thread (`RingBuffer.attach(handle)` in a worker).
 * @param options - `chunkSize` (max frames per chunk), `exact` and `channels`.
 * @returns A cold Observable: each subscription reads the ring until it is closed and drained.
 * @throws TypeError when `ring` is not a RingBuffer; RangeError/TypeError for bad options (unknown
 *   names included).
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
export function fromRing<F extends FormatName, const O extends FromRingOptions = {}>(ring: RingBuffer<F>, options?: O): Observable<FromRingChunk<F, O>> {
  if (typeof ring !== 'object' || ring === null || typeof (ring as { popAsync?: unknown }).popAsync !== 'function') {
    throw new TypeError(`fromRing: expected a RingBuffer, got ${describeValue(ring)}`);
  }
  const opts = optionsObject<FromRingOptions>('fromRing', options, ['chunkSize', 'exact', 'channels']);
  const channels = opts.channels === undefined ? undefined : positiveInteger('fromRing', 'channels', opts.channels);
  const unit = channels ?? 1;
  if (unit > ring.capacity) throw new RangeError(`fromRing: a frame of ${unit} channels does not fit a ring of capacity ${ring.capacity}`);
  const exact = booleanOption('fromRing', 'exact', opts.exact, false);
  const frames = opts.chunkSize === undefined ? Math.floor(ring.capacity / unit) : positiveInteger('fromRing', 'chunkSize', opts.chunkSize);
  const max = frames * unit; // elements per chunk at most
  if (!Number.isSafeInteger(max)) throw new RangeError(`fromRing: chunkSize ${frames} of ${unit} channels is too large`);
  type Out = FromRingChunk<F, O>;
  const wrap = (data: ArrayOf<F>): Out => (channels === undefined ? data : asMultichannel(data, channels)) as Out;

  return new Observable<Out>((subscriber) => {
    const controller = new AbortController();
    const { signal } = controller;
    /** Elements gathered but not emitted: a partial frame, or (exact) a partial chunk. */
    let acc: ArrayOf<F> | undefined;
    let filled = 0;

    const leftover = (how: string): RangeError =>
      new RangeError(`fromRing: the ring was ${how} with ${filled} samples of a partial ${unit}-channel frame left (the producer wrote a number of samples that is not a whole number of frames)`);

    const loop = async (): Promise<void> => {
      for (;;) {
        let part: ArrayOf<F> | null;
        try {
          part = await ring.popAsync(max - filled, { signal });
        } catch (error) {
          if (signal.aborted) return;
          // Aborted by the producer: emit what was whole, then the error.
          if (filled > 0 && filled % unit === 0 && exact) subscriber.next(wrap(acc!.slice(0, filled) as ArrayOf<F>));
          subscriber.error(filled % unit !== 0 ? leftover('aborted') : error);
          return;
        }
        if (signal.aborted) return;
        if (part === null) break;
        const whole = exact ? max : unit;
        if (filled === 0 && part.length % whole === 0 && (!exact || part.length === max)) {
          subscriber.next(wrap(part));
        } else {
          acc ??= new (part.constructor as new (n: number) => ArrayOf<F>)(max);
          (acc as unknown as Float64Array).set(part as unknown as Float64Array, filled);
          filled += part.length;
          if (exact) {
            if (filled < max) continue;
            const full = acc;
            acc = undefined;
            filled = 0;
            subscriber.next(wrap(full));
          } else {
            const emit = filled - (filled % unit);
            if (emit === 0) continue;
            const chunk = acc.slice(0, emit) as ArrayOf<F>;
            (acc as unknown as Float64Array).copyWithin(0, emit, filled);
            filled -= emit;
            subscriber.next(wrap(chunk));
          }
        }
        if (signal.aborted || subscriber.closed) return;
      }
      if (filled % unit !== 0) {
        subscriber.error(leftover('closed'));
        return;
      }
      if (filled > 0) subscriber.next(wrap(acc!.slice(0, filled) as ArrayOf<F>));
      subscriber.complete();
    };

    loop().catch((error: unknown) => {
      if (!signal.aborted) subscriber.error(error);
    });
    return () => controller.abort();
  });
}
