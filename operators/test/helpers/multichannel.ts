// Helpers of the multichannel tests: interleaved signals, channels of chunks, and running an
// operator on a [frames, channels] stream chunked by frames.
import { from, lastValueFrom, toArray, type OperatorFunction } from 'rxjs';
import { asMultichannel, isMultichannel, type MultichannelChunk } from '@ringflow/core';
import { noise, type FloatArray } from './chunking.js';

/** `channels` different seeded noise channels, interleaved: `frames * channels` samples. */
export function interleavedNoise(frames: number, channels: number, seed: number): Float64Array {
  const out = new Float64Array(frames * channels);
  for (let c = 0; c < channels; c++) {
    const ch = noise(frames, seed + 101 * c);
    for (let f = 0; f < frames; f++) out[f * channels + c] = ch[f]! * (1 + c);
  }
  return out;
}

/** Channel `c` of interleaved samples. */
export function channelOf<T extends FloatArray>(interleaved: T, channels: number, c: number): T {
  const frames = interleaved.length / channels;
  const out = new (interleaved.constructor as new (n: number) => T)(frames);
  for (let f = 0; f < frames; f++) out[f] = interleaved[f * channels + c]!;
  return out;
}

/** Cuts interleaved samples into `[frames, channels]` chunks of `size` frames (views, the last shorter). */
export function frameChunks<T extends FloatArray>(interleaved: T, channels: number, size: number): MultichannelChunk<T>[] {
  const out: MultichannelChunk<T>[] = [];
  for (let i = 0; i < interleaved.length; i += size * channels) {
    out.push(asMultichannel(interleaved.subarray(i, Math.min(interleaved.length, i + size * channels)) as T, channels));
  }
  return out;
}

/** Feeds `chunks` through `op` and collects the output. */
export function runAll<I, R>(chunks: readonly I[], op: OperatorFunction<I, R>): Promise<R[]> {
  return lastValueFrom(from(chunks).pipe(op, toArray()));
}

/**
 * Channel `c` of each output chunk: `[frames, channels]` sample chunks give column `c`, `[channels,
 * values]` rows (with `rows`) give row `c`. Every output must be 2-D.
 */
export function channelOfEach(chunks: readonly unknown[], c: number, rows = false): FloatArray[] {
  return chunks.map((chunk) => {
    if (!isMultichannel(chunk)) throw new Error('expected a 2-D chunk');
    const { data, shape, stride, offset } = chunk as MultichannelChunk<FloatArray>;
    const n = rows ? shape[1] : shape[0];
    const out = new (data.constructor as new (n: number) => FloatArray)(n);
    for (let i = 0; i < n; i++) out[i] = data[rows ? offset + c * stride[0] + i * stride[1] : offset + i * stride[0] + c * stride[1]]!;
    return out;
  });
}
