import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { FORMATS, concatenate, type TypedArray } from '@ringflow/core';

const F32 = (...v: number[]) => new Float32Array(v);

describe('concatenate', () => {
  for (const f of FORMATS) {
    it(`joins '${f.code}' arrays into one new ${f.ArrayType.name} in order when given several`, () => {
      const big = f.code === 'q' || f.code === 'Q';
      const make = (values: number[]): TypedArray => {
        const a = new f.ArrayType(values.length);
        values.forEach((v, i) => ((a as unknown as (number | bigint)[])[i] = big ? BigInt(v) : v));
        return a;
      };
      const a = make([1, 2]);
      const b = make([]);
      const c = make([3, 4, 5]);
      const out = concatenate(a, b, c);
      expect(out).toBeInstanceOf(f.ArrayType);
      expect(Array.from(out as ArrayLike<number | bigint>, Number)).toEqual([1, 2, 3, 4, 5]);
      expect(out.buffer).not.toBe(a.buffer);
    });
  }

  it('returns a fresh copy when given a single item', () => {
    const a = F32(1, 2, 3);
    const out = concatenate(a);
    expect(Array.from(out)).toEqual([1, 2, 3]);
    out[0] = 99;
    expect(a[0]).toBe(1);
  });

  it('throws RangeError when every item is empty, as ringbuf does for concatenate(b"")', () => {
    expect(() => concatenate(new Uint8Array(0))).toThrow(RangeError);
    expect(() => concatenate(new Int16Array(0), new Int16Array(0))).toThrow(/nothing to join/);
    expect(() => concatenate(new ArrayBuffer(0))).toThrow(RangeError);
  });

  it('skips empty items when something is there to join', () => {
    const out = concatenate(new Int16Array(0), new Int16Array([5]), new Int16Array(0));
    expect(out).toEqual(new Int16Array([5]));
  });

  it('keeps the bits of NaN, -0 and Infinity when joining floats', () => {
    const out = concatenate(new Float64Array([-0, NaN]), new Float64Array([Infinity, -Infinity]));
    expect(Object.is(out[0], -0)).toBe(true);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(Array.from(out.subarray(2))).toEqual([Infinity, -Infinity]);
  });

  it('respects subarray offsets when given views into a larger buffer', () => {
    const backing = F32(0, 1, 2, 3, 4, 5);
    expect(Array.from(concatenate(backing.subarray(1, 3), backing.subarray(4)))).toEqual([1, 2, 4, 5]);
  });

  it('gathers strided and reversed ndarray views when given them', () => {
    const data = F32(0, 1, 2, 3, 4, 5);
    const out = concatenate<Float32Array>(ndarray(data).step(2), { data, shape: [3], stride: [-1], offset: 5 }, ndarray(data).lo(4));
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([0, 2, 4, 5, 4, 3, 4, 5]);
  });

  it("takes the format of an ndarray's data when the first item is an ndarray", () => {
    const out = concatenate<Int32Array>(ndarray(new Int32Array([7, 8])), new Int32Array([9]));
    expect(out).toBeInstanceOf(Int32Array);
    expect(Array.from(out)).toEqual([7, 8, 9]);
  });

  it('reads raw bytes (ArrayBuffer, DataView, Buffer, Uint8ClampedArray) as uint8 when given them', () => {
    const ab = new Uint8Array([1, 2]).buffer;
    const dv = new DataView(new Uint8Array([0, 3, 4, 0]).buffer, 1, 2);
    // Uint8ClampedArray is accepted at run time although BufferLike does not name it.
    const out = concatenate<Uint8Array>(ab, dv, Buffer.from([5]), new Uint8ClampedArray([6]) as never, new Uint8Array([7]));
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads a SharedArrayBuffer as raw bytes when given one', () => {
    const sab = new SharedArrayBuffer(2);
    new Uint8Array(sab).set([8, 9]);
    expect(Array.from(concatenate<Uint8Array>(new Uint8Array([7]), sab))).toEqual([7, 8, 9]);
  });

  it('joins the elements a TypedArray subclass holds, not the length its getter claims', () => {
    class Lying extends Float32Array {}
    Object.defineProperty(Lying.prototype, 'length', { get: () => 10 });
    expect(Array.from(concatenate(new Lying([1, 2]), new Float32Array([3])))).toEqual([1, 2, 3]);
  });

  it('throws TypeError naming both formats when given mixed formats', () => {
    expect(() => concatenate(F32(1), new Float64Array(1))).toThrow(TypeError);
    expect(() => concatenate(F32(1), new Float64Array(1))).toThrow(/item 1 has format 'd' \(float64\) but item 0 has 'f' \(float32\)/);
    expect(() => concatenate(new Int8Array(1), new Uint8Array(1))).toThrow(/item 1 has format 'B'/);
    expect(() => concatenate(new Uint8Array(1), new Int8Array(1))).toThrow(TypeError);
    expect(() => concatenate(new BigInt64Array(1), new BigUint64Array(1))).toThrow(TypeError);
  });

  it('throws RangeError when given nothing', () => {
    expect(() => concatenate(...([] as TypedArray[]))).toThrow(RangeError);
    expect(() => concatenate(...([] as TypedArray[]))).toThrow(/at least one item/);
  });

  it('throws RangeError when given a 2-D ndarray', () => {
    expect(() => concatenate(ndarray(new Float32Array(4), [2, 2]))).toThrow(RangeError);
    expect(() => concatenate(F32(1), ndarray(new Float32Array(4), [2, 2]))).toThrow(/1-D/);
  });

  it('throws TypeError showing the fix when given a plain array', () => {
    expect(() => concatenate([1, 2] as never)).toThrow(TypeError);
    expect(() => concatenate([1, 2] as never)).toThrow(/wrap the values in a TypedArray/);
  });
});
