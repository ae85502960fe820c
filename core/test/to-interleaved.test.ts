import { describe, expect, it } from 'vitest';
import { toInterleaved, toPlanar } from '@ringflow/core';

describe('toInterleaved', () => {
  it('joins two channels into [l0, r0, l1, r1, ...] when given stereo', () => {
    const out = toInterleaved([new Float32Array([1, 2, 3]), new Float32Array([-1, -2, -3])]);
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([1, -1, 2, -2, 3, -3]);
  });

  it('keeps the class of the channels when given other formats (incl. BigInt)', () => {
    const out = toInterleaved([new Uint8Array([1, 2]), new Uint8Array([3, 4]), new Uint8Array([5, 6])]);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([1, 3, 5, 2, 4, 6]);
    const big = toInterleaved([new BigUint64Array([1n]), new BigUint64Array([2n ** 64n - 1n])]);
    expect(big).toBeInstanceOf(BigUint64Array);
    expect(Array.from(big)).toEqual([1n, 2n ** 64n - 1n]);
  });

  it('returns a copy when given one channel', () => {
    const only = new Int32Array([4, 5]);
    const out = toInterleaved([only]);
    expect(Array.from(out)).toEqual([4, 5]);
    expect(out).not.toBe(only);
  });

  it('fills the given out without allocating and leaves its tail alone', () => {
    const out = new Float64Array(6).fill(9);
    const result = toInterleaved([new Float64Array([1, 2]), new Float64Array([3, 4])], out);
    expect(result).toBe(out);
    expect(Array.from(out)).toEqual([1, 3, 2, 4, 9, 9]);
  });

  it('leaves out untouched when the channels are invalid', () => {
    const out = new Float32Array(4).fill(9);
    expect(() => toInterleaved([new Float32Array(2), new Float32Array(3)], out)).toThrow(RangeError);
    expect(() => toInterleaved([new Float32Array(2), new Float64Array(2) as never], out)).toThrow(TypeError);
    expect(Array.from(out)).toEqual([9, 9, 9, 9]);
  });

  it('throws RangeError when given no channels, unequal lengths or a short out', () => {
    expect(() => toInterleaved([])).toThrow(RangeError);
    expect(() => toInterleaved([new Float32Array(2), new Float32Array(1)])).toThrow(/channel 1 has 1 samples, channel 0 has 2/);
    expect(() => toInterleaved([new Float32Array(2), new Float32Array(2)], new Float32Array(3))).toThrow(/out holds 3 samples, needs 4/);
  });

  it('throws TypeError when given mixed classes or something other than an array of channels', () => {
    expect(() => toInterleaved([new Float32Array(1), new Int16Array(1)] as never)).toThrow(TypeError);
    expect(() => toInterleaved(new Float32Array(2) as never)).toThrow(TypeError);
  });

  it('round-trips through toPlanar when given planar channels', () => {
    const planar = [0, 1, 2, 3].map((c) => Int16Array.from({ length: 11 }, (_, i) => c * 1000 - i * 7));
    const back = toPlanar(toInterleaved(planar), 4);
    expect(back.map((p) => Array.from(p))).toEqual(planar.map((p) => Array.from(p)));
  });

  it('round-trips allocation-free through preallocated buffers when given out arrays', () => {
    const planar = [new Float32Array([1, 2, 3]), new Float32Array([4, 5, 6])];
    const interleaved = new Float32Array(6);
    const back = [new Float32Array(3), new Float32Array(3)];
    expect(toPlanar(toInterleaved(planar, interleaved), 2, back)).toBe(back);
    expect(back.map((p) => Array.from(p))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});
