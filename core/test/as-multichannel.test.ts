import { describe, expect, it } from 'vitest';
import { asMultichannel, isMultichannel } from '@ringflow/core';

describe('asMultichannel', () => {
  it('views interleaved samples as [frames, channels] without copying', () => {
    const data = new Float32Array([1, -1, 2, -2, 3, -3]);
    const chunk = asMultichannel(data, 2);
    expect(chunk.data).toBe(data);
    expect(chunk.shape).toEqual([3, 2]);
    expect(chunk.stride).toEqual([2, 1]);
    expect(chunk.offset).toBe(0);
  });

  it('keeps one channel two-dimensional: [frames, 1]', () => {
    expect(asMultichannel(new Float64Array(5), 1).shape).toEqual([5, 1]);
  });

  it('throws RangeError when channels does not divide the length, TypeError for non-arrays', () => {
    expect(() => asMultichannel(new Float32Array(5), 2)).toThrow(RangeError);
    expect(() => asMultichannel(new Float32Array(4), 0)).toThrow(RangeError);
    expect(() => asMultichannel([1, 2] as unknown as Float32Array, 1)).toThrow(TypeError);
  });
});

describe('isMultichannel', () => {
  it('is true for two-dimensional views only', () => {
    expect(isMultichannel(asMultichannel(new Float32Array(4), 2))).toBe(true);
    expect(isMultichannel(asMultichannel(new Float32Array(4), 1))).toBe(true);
    expect(isMultichannel(new Float32Array(4))).toBe(false);
    expect(isMultichannel({ data: new Float32Array(4), shape: [4], stride: [1], offset: 0 })).toBe(false);
    expect(isMultichannel(null)).toBe(false);
  });
});
