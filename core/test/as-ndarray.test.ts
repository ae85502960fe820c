import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { asNdarray, isNdarrayLike, RingBuffer } from '@ringflow/core';

describe('asNdarray', () => {
  it('gives a 1-D view of shape [n] over the same data when channels is 1 or omitted', () => {
    const data = new Float32Array([1, 2, 3]);
    for (const v of [asNdarray(data), asNdarray(data, 1)]) {
      expect(v.data).toBe(data);
      expect(v.shape).toEqual([3]);
      expect(v.stride).toEqual([1]);
      expect(v.offset).toBe(0);
    }
  });

  it('gives the interleaved [frames, channels] view in C order when channels > 1', () => {
    const data = new Int16Array([1, -1, 2, -2, 3, -3]);
    const v = asNdarray(data, 2);
    expect(v.data).toBe(data);
    expect(v.shape).toEqual([3, 2]);
    expect(v.stride).toEqual([2, 1]);
    expect(v.offset).toBe(0);
    const nd = ndarray(v.data, [...v.shape], [...v.stride], v.offset);
    expect(nd.get(0, 0)).toBe(1);
    expect(nd.get(0, 1)).toBe(-1);
    expect(nd.get(2, 1)).toBe(-3);
    // A channel pick is the strided view the ring accepts.
    const right = nd.pick(null, 1);
    const rb = new RingBuffer({ format: 'h', capacity: 8 });
    expect(rb.push(right)).toBeNull();
    expect(Array.from(rb.pop(8)!)).toEqual([-1, -2, -3]);
  });

  it('does not copy when the data changes afterwards', () => {
    const data = new Float64Array(4);
    const v = asNdarray(data, 2);
    data[3] = 5;
    expect(v.data[3]).toBe(5);
  });

  it('is recognised as ndarray-like and gives an empty view when given an empty array', () => {
    const v = asNdarray(new Float32Array(0), 4);
    expect(isNdarrayLike(v)).toBe(true);
    expect(v.shape).toEqual([0, 4]);
  });

  it('throws RangeError when channels does not divide the length', () => {
    expect(() => asNdarray(new Float32Array(5), 2)).toThrow(RangeError);
    expect(() => asNdarray(new Float32Array(5), 2)).toThrow(/5 samples is not a whole number of 2-channel frames/);
  });

  it('throws RangeError when channels is not a positive integer', () => {
    for (const c of [0, -1, 1.5, NaN, Infinity]) expect(() => asNdarray(new Float32Array(4), c)).toThrow(RangeError);
  });

  it('throws TypeError when given a non-TypedArray or a non-number channel count', () => {
    expect(() => asNdarray([1, 2] as never)).toThrow(TypeError);
    expect(() => asNdarray(new DataView(new ArrayBuffer(4)) as never)).toThrow(TypeError);
    expect(() => asNdarray(new Float32Array(4), '2' as never)).toThrow(TypeError);
  });
});

describe('isNdarrayLike', () => {
  it('recognises ndarray package objects and plain {data, shape} objects over a TypedArray', () => {
    expect(isNdarrayLike(ndarray(new Float32Array(2)))).toBe(true);
    expect(isNdarrayLike({ data: new Uint8Array(2), shape: [2], stride: [1], offset: 0 })).toBe(true);
  });

  it('rejects TypedArrays, plain arrays and objects over plain arrays', () => {
    expect(isNdarrayLike(new Float32Array(2))).toBe(false);
    expect(isNdarrayLike([1, 2])).toBe(false);
    expect(isNdarrayLike({ data: [1, 2], shape: [2] })).toBe(false);
    expect(isNdarrayLike({ data: new Float32Array(2) })).toBe(false);
    expect(isNdarrayLike(null)).toBe(false);
  });
});
