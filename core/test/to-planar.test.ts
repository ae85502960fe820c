import { describe, expect, it } from 'vitest';
import { toInterleaved, toPlanar } from '@ringflow/core';

describe('toPlanar', () => {
  it('splits interleaved stereo into two channels when given 2 channels', () => {
    const [left, right, ...rest] = toPlanar(new Float32Array([1, -1, 2, -2, 3, -3]), 2);
    expect(rest).toEqual([]);
    expect(left).toBeInstanceOf(Float32Array);
    expect(Array.from(left!)).toEqual([1, 2, 3]);
    expect(Array.from(right!)).toEqual([-1, -2, -3]);
  });

  it('keeps the class of the input when given other formats (incl. BigInt)', () => {
    const planes = toPlanar(new Int16Array([1, 2, 3, 4, 5, 6]), 3);
    expect(planes.map((p) => Array.from(p))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(planes[0]).toBeInstanceOf(Int16Array);
    const big = toPlanar(new BigInt64Array([1n, -1n, 2n, -2n]), 2);
    expect(big[1]).toBeInstanceOf(BigInt64Array);
    expect(Array.from(big[1]!)).toEqual([-1n, -2n]);
  });

  it('returns one copy when given one channel', () => {
    const data = new Float64Array([1, 2]);
    const [only] = toPlanar(data, 1);
    expect(Array.from(only!)).toEqual([1, 2]);
    expect(only!.buffer).not.toBe(data.buffer);
  });

  it('fills the given out arrays without allocating new ones and leaves their tails alone', () => {
    const out = [new Float32Array(4).fill(9), new Float32Array(3).fill(9)];
    const result = toPlanar(new Float32Array([1, -1, 2, -2]), 2, out);
    expect(result).toBe(out);
    expect(Array.from(out[0]!)).toEqual([1, 2, 9, 9]);
    expect(Array.from(out[1]!)).toEqual([-1, -2, 9]);
  });

  it('returns empty channels when given no frames', () => {
    const planes = toPlanar(new Float32Array(0), 2);
    expect(planes.length).toBe(2);
    expect(planes.every((p) => p.length === 0)).toBe(true);
  });

  it('leaves every out array untouched when a later one is invalid', () => {
    const first = new Float32Array(2).fill(9);
    expect(() => toPlanar(new Float32Array([1, 2, 3, 4]), 2, [first, new Float32Array(1)])).toThrow(RangeError);
    expect(Array.from(first)).toEqual([9, 9]);
    expect(() => toPlanar(new Float32Array([1, 2, 3, 4]), 2, [first, new Float64Array(2) as never])).toThrow(TypeError);
    expect(Array.from(first)).toEqual([9, 9]);
  });

  it('throws RangeError when the channel count does not divide the length or out has the wrong count', () => {
    expect(() => toPlanar(new Float32Array(5), 2)).toThrow(/5 samples is not a whole number of 2-channel frames/);
    expect(() => toPlanar(new Float32Array(4), 2, [new Float32Array(2)])).toThrow(RangeError);
  });

  it('round-trips through toInterleaved when given random data of several shapes', () => {
    for (const channels of [1, 2, 3, 8]) {
      const frames = 17;
      const data = Float64Array.from({ length: frames * channels }, (_, i) => Math.sin(i * 1.7) * 1000);
      const back = toInterleaved(toPlanar(data, channels));
      expect(Array.from(back)).toEqual(Array.from(data));
    }
  });
});
