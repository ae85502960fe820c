import type { OperatorFunction } from 'rxjs';
import type { Chunk, TypedArray } from '@ringflow/core';
import { booleanOption, choiceOption, chunkSizeOption, copyRange, MAX_CHUNK_SIZE, optionsObject, zeroOf } from './internal/chunks.js';
import { operate } from './internal/operate.js';
import { StreamLayout } from './internal/stream-layout.js';

/** Options of {@link batch}. */
export interface BatchOptions {
  /**
   * The final partial chunk at completion (default `'emit'`): `'emit'` it as it is (shorter than
   * `size`), `'drop'` it, or `'pad'` it with zeros to `size` elements.
   */
  readonly partial?: 'emit' | 'drop' | 'pad';
  /**
   * Emit the same internal buffer every time (default `false`): no allocation in steady state, but
   * each emitted chunk is only valid until the next one; consume or copy it synchronously.
   */
  readonly reuse?: boolean;
}

/**
 * Regroups a stream of chunks of any lengths into chunks of exactly `size` frames.
 *
 * @remarks
 * The output does not depend on how the input was chunked: the concatenation of the input is cut
 * every `size` frames. A chunk is emitted as soon as its last frame arrives (synchronously, in
 * the source's `next`), so one input chunk may produce several output chunks, or none. At
 * completion the remaining `1..size-1` frames are emitted, dropped or zero-padded (`partial`).
 * Works for every TypedArray class; all chunks must share the first chunk's class (else the stream
 * errors with a TypeError). Output chunks have the input's class.
 *
 * Multichannel: a frame of a mono stream is one sample; `[frames, channels]` chunks are cut into
 * `[size, channels]` chunks (whole frames, the channels kept together). The first chunk fixes the
 * layout: a 1-D chunk in a multichannel stream, or another channel count, errors the stream with a
 * RangeError.
 *
 * Emitted arrays are fresh (each one allocated, safe to keep) unless `reuse: true`, where one buffer
 * of `size` frames is filled and emitted again and again (the final `'emit'`ted partial chunk is a
 * view of it). Input chunks are not kept.
 *
 * Timeline (`batch(4)`):
 * ```
 * in:  [abc] [defghij] [k]  |
 * out:       [abcd][efgh]   [ijk]|
 * ```
 *
 * Timeline (`batch(4, { partial: 'pad' })`):
 * ```
 * in:  [abc] [defghij] [k]  |
 * out:       [abcd][efgh]   [ijk0]|
 * ```
 *
 * Timeline (`batch(2)`, stereo frames):
 * ```
 * in:  [1 -1; 2 -2; 3 -3]   [4 -4;]  |
 * out: [1 -1; 2 -2]         [3 -3; 4 -4]|
 * ```
 *
 * @param size - Frames per output chunk, a positive integer (at most 2^28 samples per chunk).
 * @param options - `partial` (`'emit'`, `'drop'` or `'pad'`) and `reuse`.
 * @returns An operator from chunks to chunks of `size` frames, of the input's layout.
 * @throws TypeError/RangeError for a bad `size` or options (unknown names included).
 *
 * @example
 * ```ts
 * import { of } from 'rxjs';
 * import { batch } from '@ringflow/operators';
 * of(new Float32Array([1, 2, 3]), new Float32Array([4, 5]))
 *   .pipe(batch(2, { partial: 'pad' }))
 *   .subscribe((c) => console.log(c)); // [1, 2], [3, 4], [5, 0]
 * ```
 */
export function batch<C extends Chunk<TypedArray>>(size: number, options?: BatchOptions): OperatorFunction<C, C> {
  chunkSizeOption('batch', 'size', size);
  const opts = optionsObject('batch', options, ['partial', 'reuse']);
  const partial = choiceOption('batch', 'partial', opts.partial, ['emit', 'drop', 'pad'], 'emit');
  const reuse = booleanOption('batch', 'reuse', opts.reuse, false);

  return operate<C, C>((subscriber) => {
    const mc = new StreamLayout('batch', { twoDimensional: 'frames' });
    let acc: Float64Array | undefined; // of the stream's class, `size * channels` elements
    let filled = 0; // elements
    const emit = (data: Float64Array): void => subscriber.next(mc.emit(data as unknown as TypedArray) as C);

    return {
      next(chunk) {
        const input = mc.accept(chunk) as unknown as Float64Array;
        const n = input.length;
        const full = size * mc.channels;
        if (full > MAX_CHUNK_SIZE) throw new RangeError(`batch: ${size} frames of ${mc.channels} channels exceed 2^28 samples per chunk`);
        let i = 0;
        // Top up a partly filled buffer first.
        if (filled > 0) {
          const take = Math.min(full - filled, n);
          copyRange(acc!, filled, input, 0, take);
          filled += take;
          i = take;
          if (filled < full) return;
          filled = 0;
          const out = acc!;
          if (!reuse) acc = undefined;
          emit(out);
          if (subscriber.closed) return;
        }
        // Whole chunks straight from the input.
        while (n - i >= full) {
          let out: Float64Array;
          if (reuse) {
            acc ??= new (mc.Type as unknown as Float64ArrayConstructor)(full);
            copyRange(acc, 0, input, i, i + full);
            out = acc;
          } else {
            out = input.slice(i, i + full);
          }
          i += full;
          emit(out);
          if (subscriber.closed) return;
        }
        // Keep the rest.
        if (i < n) {
          acc ??= new (mc.Type as unknown as Float64ArrayConstructor)(full);
          copyRange(acc, 0, input, i, n);
          filled = n - i;
        }
      },
      complete() {
        if (filled > 0 && acc !== undefined && partial !== 'drop') {
          if (partial === 'emit') {
            emit(reuse ? acc.subarray(0, filled) : acc.slice(0, filled));
          } else {
            acc.fill(zeroOf(acc as unknown as TypedArray) as number, filled);
            emit(acc);
          }
        }
        filled = 0;
        subscriber.complete();
      },
    };
  });
}
