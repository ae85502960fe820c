import type { OperatorFunction } from 'rxjs';
import type { Chunk, MultichannelChunk, NumericArray } from '@ringflow/core';
import { choiceOption, optionsObject, positiveInteger } from './chunks.js';
import { operate } from './operate.js';
import { StreamLayout } from './stream-layout.js';

/** Options shared by `rms` and `peak`. */
export interface MeterOptions {
  /**
   * Frames per measurement. Default: none, one measurement per input chunk. With `blockSize`, one
   * measurement per `blockSize` frames of the concatenated input, whatever its chunking.
   */
  readonly blockSize?: number;
  /**
   * The channel count the stream must have (default: whatever the first chunk has). The channels
   * travel with the chunks (`[frames, channels]`); this only checks them: a mono 1-D chunk with
   * `channels` > 1, or a chunk of another count, errors the stream with a RangeError.
   */
  readonly channels?: number;
  /** With `blockSize`: the last partial block at completion is `'drop'`ped (default) or measured (`'emit'`). */
  readonly partial?: 'emit' | 'drop';
}

/** Output class for a meter: float32 for float32 input, float64 for everything else. */
export type MeterArray<T> = T extends Float32Array ? Float32Array : Float64Array;

/**
 * What a meter emits for input chunks of type `C`: a 1-D array of levels for mono chunks, a
 * `[blocks, channels]` chunk of levels for multichannel ones.
 */
export type MeterOutput<C> = C extends MultichannelChunk<infer T> ? MultichannelChunk<MeterArray<T>> : MeterArray<C>;

/** Builds a per-channel meter: `step(acc, x)` folds a sample into an accumulator, `result(acc, frames)` reads it. */
export function meter<C extends Chunk<NumericArray>>(
  what: string,
  options: MeterOptions | undefined,
  step: (acc: number, x: number) => number,
  result: (acc: number, frames: number) => number,
): OperatorFunction<C, MeterOutput<C>> {
  const opts = optionsObject(what, options, ['blockSize', 'channels', 'partial']);
  const expected = opts.channels === undefined ? undefined : positiveInteger(what, 'channels', opts.channels);
  const blockSize = opts.blockSize === undefined ? undefined : positiveInteger(what, 'blockSize', opts.blockSize);
  const partial = choiceOption(what, 'partial', opts.partial, ['emit', 'drop'], 'drop');

  return operate<C, MeterOutput<C>>((subscriber) => {
    const layout = new StreamLayout<NumericArray>(what, { twoDimensional: 'frames', classes: 'numeric' });
    let acc = new Float64Array(1);
    let frames = 0; // whole frames accumulated in the current block
    let channels = 0; // 0 until the first chunk
    let Out: Float32ArrayConstructor | Float64ArrayConstructor = Float64Array;
    const emit = (out: Float32Array | Float64Array): void => subscriber.next(layout.emit(out) as MeterOutput<C>);

    return {
      next(chunk) {
        const input = layout.accept(chunk);
        if (channels === 0) {
          channels = layout.channels;
          if (expected !== undefined && expected !== channels) {
            const got = layout.isMultichannel ? `[frames, ${channels}] chunks` : 'mono 1-D chunks';
            const hint = layout.isMultichannel ? '' : ' (view interleaved samples as frames with asMultichannel(data, channels) from @ringflow/core)';
            throw new RangeError(`${what}: expected ${expected} channels, got ${got}${hint}`);
          }
          acc = new Float64Array(channels);
          Out = input instanceof Float32Array ? Float32Array : Float64Array;
        }
        const n = input.length;
        if (blockSize === undefined) {
          if (n === 0) return;
          acc.fill(0);
          for (let i = 0, c = 0; i < n; i++) {
            acc[c] = step(acc[c]!, input[i]!);
            if (++c === channels) c = 0;
          }
          const out = new Out(channels);
          for (let c = 0; c < channels; c++) out[c] = result(acc[c]!, n / channels);
          emit(out);
          return;
        }
        const blocks = Math.floor((frames + n / channels) / blockSize);
        const out = blocks > 0 ? new Out(blocks * channels) : undefined;
        let at = 0;
        for (let i = 0, c = 0; i < n; i++) {
          acc[c] = step(acc[c]!, input[i]!);
          if (++c === channels) {
            c = 0;
            if (++frames === blockSize) {
              for (let k = 0; k < channels; k++) out![at++] = result(acc[k]!, blockSize);
              acc.fill(0);
              frames = 0;
            }
          }
        }
        if (out !== undefined) emit(out);
      },
      complete() {
        if (blockSize !== undefined && partial === 'emit' && frames > 0) {
          const out = new Out(channels);
          for (let c = 0; c < channels; c++) out[c] = result(acc[c]!, frames);
          emit(out);
        }
        subscriber.complete();
      },
    };
  });
}
