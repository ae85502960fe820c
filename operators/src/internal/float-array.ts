import type { FloatArray } from '@ringflow/core';

/** The sample arrays the kernels accept and write (core's type). */
export type { FloatArray };

/** Throws a TypeError unless `array` is a Float32Array or Float64Array. */
export function assertFloatArray(name: string, array: unknown): asserts array is FloatArray {
  if (!(array instanceof Float32Array) && !(array instanceof Float64Array)) {
    const hint = Array.isArray(array) ? ' (wrap a plain array: new Float64Array(array))' : '';
    throw new TypeError(`${name} must be a Float32Array or Float64Array${hint}`);
  }
}

/** Throws a RangeError unless `output` has room for `needed` samples. */
export function assertRoom(output: FloatArray, needed: number): void {
  if (output.length < needed) {
    throw new RangeError(`output array too short: needs ${needed} samples, has ${output.length}`);
  }
}
