// Helpers of the filter tests: [frames, channels] chunks from channel lanes and back.
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { from, lastValueFrom, toArray, type OperatorFunction } from 'rxjs';

export type FloatArray = Float32Array | Float64Array;

/** Interleaves channel lanes into one array of frames. */
export function interleave<T extends FloatArray>(lanes: readonly T[]): T {
  const c = lanes.length;
  const out = new (lanes[0]!.constructor as new (n: number) => T)(lanes[0]!.length * c);
  lanes.forEach((lane, ch) => lane.forEach((v, f) => (out[f * c + ch] = v)));
  return out;
}

/** Feeds interleaved samples as `[frames, channels]` chunks of `frames` frames through `op`; returns the joined output samples. */
export async function runFrames<T extends FloatArray>(samples: T, channels: number, frames: number, op: OperatorFunction<MultichannelChunk<T>, MultichannelChunk<T>>): Promise<{ samples: Float64Array; chunks: MultichannelChunk<T>[] }> {
  const chunks: MultichannelChunk<T>[] = [];
  for (let i = 0; i < samples.length; i += frames * channels) chunks.push(asMultichannel(samples.subarray(i, Math.min(samples.length, i + frames * channels)) as T, channels));
  const out = await lastValueFrom(from(chunks).pipe(op, toArray()));
  let n = 0;
  for (const c of out) n += c.data.length;
  const joined = new Float64Array(n);
  let at = 0;
  for (const c of out) {
    joined.set(c.data, at);
    at += c.data.length;
  }
  return { samples: joined, chunks: out };
}
