import type { FloatArray } from '@ringflow/core';

/** `dst[f] = src[f * channels + c]` for every frame `f` of `dst` (no allocation). */
export function gatherChannel(src: FloatArray, channels: number, c: number, dst: FloatArray): void {
  for (let f = 0, i = c; f < dst.length; f++, i += channels) dst[f] = src[i]!;
}

/** `dst[f * channels + c] = src[f]` for every frame `f` of `src` (no allocation). */
export function scatterChannel(src: FloatArray, dst: FloatArray, channels: number, c: number): void {
  for (let f = 0, i = c; f < src.length; f++, i += channels) dst[i] = src[f]!;
}

/** `dst[i] = src[start + i]` for every `i` of `dst` (a row copy without a `subarray` view). */
export function copyFrom(src: FloatArray, start: number, dst: FloatArray): void {
  for (let i = 0; i < dst.length; i++) dst[i] = src[start + i]!;
}

/**
 * A scratch array per subscription: `get(like, n)` returns an array of `like`'s class and exactly
 * `n` elements, reallocated only when the class or the length changes (allocation-free in steady
 * state).
 */
export class Scratch {
  #array: FloatArray | undefined;

  get(like: FloatArray, n: number): FloatArray {
    const a = this.#array;
    if (a !== undefined && a.length === n && a.constructor === like.constructor) return a;
    return (this.#array = new (like.constructor as new (n: number) => FloatArray)(n));
  }
}
