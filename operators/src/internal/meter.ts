import { Observable, type OperatorFunction } from 'rxjs';
import type { NumericArray } from '@ringflow/core';
import { describeValue, isTypedArray, optionsObject, positiveInteger } from './chunks.js';

/** Options shared by `rms` and `peak`. */
export interface MeterOptions {
  /**
   * Frames per measurement. Default: none, one measurement per input chunk. With `blockSize`, one
   * measurement per `blockSize` frames of the concatenated input, whatever its chunking.
   */
  readonly blockSize?: number;
  /** Interleaved channels per frame (default 1); one value per channel per measurement. */
  readonly channels?: number;
  /** With `blockSize`: the last partial block at completion is `'drop'`ped (default) or measured (`'emit'`). */
  readonly partial?: 'emit' | 'drop';
}

/** Output class for a meter: float32 for float32 input, float64 for everything else. */
export type MeterArray<T> = T extends Float32Array ? Float32Array : Float64Array;

/** Builds a per-channel meter: `step(acc, x)` folds a sample into an accumulator, `result(acc, frames)` reads it. */
export function meter<T extends NumericArray>(
  what: string,
  options: MeterOptions | undefined,
  step: (acc: number, x: number) => number,
  result: (acc: number, frames: number) => number,
): OperatorFunction<T, MeterArray<T>> {
  const opts = optionsObject(what, options);
  const channels = opts.channels === undefined ? 1 : positiveInteger(what, 'channels', opts.channels);
  const blockSize = opts.blockSize === undefined ? undefined : positiveInteger(what, 'blockSize', opts.blockSize);
  const partial = opts.partial ?? 'drop';
  if (partial !== 'emit' && partial !== 'drop') throw new TypeError(`${what}: partial must be 'emit' or 'drop', got ${describeValue(partial)}`);

  return (source) =>
    new Observable<MeterArray<T>>((subscriber) => {
      const acc = new Float64Array(channels);
      let frames = 0; // whole frames accumulated in the current block
      let channel = 0; // channel of the next sample (frames may straddle chunks in block mode)
      let Out: Float32ArrayConstructor | Float64ArrayConstructor = Float64Array;

      return source.subscribe({
        next(chunk) {
          try {
            if (!isTypedArray(chunk) || chunk instanceof BigInt64Array || chunk instanceof BigUint64Array) {
              throw new TypeError(`${what}: chunks must be numeric TypedArrays, got ${describeValue(chunk)}`);
            }
            Out = chunk instanceof Float32Array ? Float32Array : Float64Array;
            const n = chunk.length;
            if (blockSize === undefined) {
              if (n % channels !== 0) throw new RangeError(`${what}: ${n} samples is not a whole number of ${channels}-channel frames`);
              if (n === 0) return;
              acc.fill(0);
              for (let i = 0, c = 0; i < n; i++) {
                acc[c] = step(acc[c]!, chunk[i]!);
                if (++c === channels) c = 0;
              }
              const out = new Out(channels);
              for (let c = 0; c < channels; c++) out[c] = result(acc[c]!, n / channels);
              subscriber.next(out as MeterArray<T>);
              return;
            }
            const blocks = Math.floor((frames * channels + channel + n) / (blockSize * channels));
            const out = blocks > 0 ? new Out(blocks * channels) : undefined;
            let at = 0;
            for (let i = 0; i < n; i++) {
              acc[channel] = step(acc[channel]!, chunk[i]!);
              if (++channel === channels) {
                channel = 0;
                if (++frames === blockSize) {
                  for (let c = 0; c < channels; c++) out![at++] = result(acc[c]!, blockSize);
                  acc.fill(0);
                  frames = 0;
                }
              }
            }
            if (out !== undefined) subscriber.next(out as MeterArray<T>);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          if (blockSize !== undefined && partial === 'emit' && frames > 0) {
            const out = new Out(channels);
            for (let c = 0; c < channels; c++) out[c] = result(acc[c]!, frames);
            subscriber.next(out as MeterArray<T>);
          }
          subscriber.complete();
        },
      });
    });
}
