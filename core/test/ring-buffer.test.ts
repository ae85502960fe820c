import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { FORMATS, RingAbortedError, RingBuffer, RingClosedError, type FormatInfo, type FormatName, type NdarrayLike, type TypedArray } from '@ringflow/core';
import {
  HEADER_BYTES,
  MAGIC,
  SLEEPING,
  VERSION,
  W_CAPACITY,
  W_CONSUMER_WANT,
  W_FORMAT,
  W_GENERATION,
  W_ITEMSIZE,
  W_MAGIC,
  W_PRODUCER_WANT,
  W_READ,
  W_VERSION,
  W_WRITE,
} from '../src/internal/layout.js';

// ---- helpers ---------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run sees the same "random" sizes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [lo, hi]. */
function between(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

type Element = number | bigint;
/** Index access to any TypedArray with number/bigint elements, for generic tests. */
const at = (a: TypedArray, i: number): Element => (a as unknown as Element[])[i]!;
const put = (a: TypedArray, i: number, v: Element): void => {
  (a as unknown as Element[])[i] = v;
};
const isBig = (f: FormatInfo): boolean => f.code === 'q' || f.code === 'Q';
/** The element `n` of a counting sequence in format `f` (wrapping like the TypedArray does). */
const countingValue = (f: FormatInfo, n: number): Element => (isBig(f) ? BigInt(n) : n);

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Index of the first element whose bytes differ (bitwise: NaN payloads and -0 count), -1 when equal. */
function firstDifference(a: TypedArray, b: TypedArray): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = bytesOf(a);
  const y = bytesOf(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.floor(i / a.BYTES_PER_ELEMENT);
  return -1;
}

const EXTREMES: Record<string, Element[]> = {
  b: [-128, 127, 0, -1],
  B: [0, 255],
  h: [-32768, 32767, 0, -1],
  H: [0, 65535],
  i: [-(2 ** 31), 2 ** 31 - 1, 0, -1],
  I: [0, 2 ** 32 - 1, 2 ** 31],
  q: [-(2n ** 63n), 2n ** 63n - 1n, 0n, -1n],
  Q: [0n, 2n ** 64n - 1n, 2n ** 63n],
  f: [NaN, Infinity, -Infinity, -0, 0, 3.4028234663852886e38, -3.4028234663852886e38, 1.401298464324817e-45, -1.401298464324817e-45, 1.1754943508222875e-38],
  d: [NaN, Infinity, -Infinity, -0, 0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308],
};

/**
 * `n` values over the full range of the format: every value of 8/16-bit types (in order, repeated),
 * random bit patterns for the others (NaNs with payloads included), the extremes first.
 */
function fullRange(f: FormatInfo, n: number, seed: number): TypedArray {
  const out = new f.ArrayType(n);
  if (f.itemsize === 1) {
    const u = new Uint8Array(out.buffer);
    for (let i = 0; i < n; i++) u[i] = i;
  } else if (f.itemsize === 2) {
    const u = new Uint16Array(out.buffer);
    for (let i = 0; i < n; i++) u[i] = i;
  } else {
    const u = new Uint32Array(out.buffer);
    const rand = random(seed);
    for (let i = 0; i < u.length; i++) u[i] = Math.floor(rand() * 2 ** 32);
  }
  const extremes = EXTREMES[f.code]!;
  extremes.forEach((v, i) => put(out, i, v));
  return out;
}

function counting(f: FormatInfo, from: number, n: number): TypedArray {
  const out = new f.ArrayType(n);
  for (let i = 0; i < n; i++) put(out, i, countingValue(f, from + i));
  return out;
}

/** Index of the first element of `a` that breaks the counting sequence starting at `from`, -1 if none. */
function checkCounting(f: FormatInfo, a: TypedArray, from: number, n = a.length): number {
  const expected = counting(f, from, n);
  for (let i = 0; i < n; i++) if (at(a, i) !== at(expected, i)) return i;
  return -1;
}

function ring<F extends FormatName>(format: F, capacity: number): RingBuffer<F> {
  return new RingBuffer({ format, capacity });
}

/** Moves the ring's indices forward by `n` (n <= capacity) by pushing and popping filler. */
function advance(rb: RingBuffer<FormatName>, n: number): void {
  const f = FORMATS.find((x) => x.code === rb.format)!;
  if (n === 0) return;
  expect(rb.push(new f.ArrayType(n) as never)).toBeNull();
  expect(rb.pop(n)?.length).toBe(n);
}

/** The header's Int32 words (the buffer's byte length need not be a multiple of 4). */
const headerWords = (rb: RingBuffer<FormatName>): Int32Array => new Int32Array(rb.handle.buffer, 0, HEADER_BYTES / 4);

const F32 = (...values: number[]) => new Float32Array(values);

// ---- round trips -----------------------------------------------------------------------------------

describe('RingBuffer', () => {
  describe('round trip of 65 536 full-range values', () => {
    const N = 65_536;
    for (const f of FORMATS) {
      it(`returns every '${f.code}' value bit for bit when pushed in one push`, () => {
        const values = fullRange(f, N, 1);
        const rb = ring(f.code, N);
        expect(rb.push(values)).toBeNull();
        expect(rb.readAvailable).toBe(N);
        expect(rb.writeAvailable).toBe(0);
        const out = rb.pop(N)!;
        expect(out).toBeInstanceOf(f.ArrayType);
        expect(out.buffer).not.toBe(rb.handle.buffer);
        expect(firstDifference(out, values)).toBe(-1);
        expect(rb.pop(1)).toBeNull();
      });

      it(`returns every '${f.code}' value bit for bit when pushed and popped in uneven chunks`, () => {
        const values = fullRange(f, N, 2);
        const rb = ring(f.code, 10_007);
        const out = new f.ArrayType(N);
        const rand = random(3);
        let pushed = 0;
        let popped = 0;
        while (popped < N) {
          if (pushed < N) {
            const end = Math.min(N, pushed + between(rand, 1, 6000));
            const tail = rb.push(values.subarray(pushed, end));
            pushed = end - (tail === null ? 0 : tail.length);
          }
          const chunk = rb.pop(between(rand, 1, 7000));
          if (chunk !== null) {
            out.set(chunk as never, popped);
            popped += chunk.length;
          }
        }
        expect(firstDifference(out, values)).toBe(-1);
      });

      it(`returns every '${f.code}' value bit for bit when the push crosses the wrap point`, () => {
        const values = fullRange(f, N, 4);
        const rb = ring(f.code, N);
        advance(rb, 40_000);
        expect(rb.push(values)).toBeNull();
        const out = new f.ArrayType(N);
        expect(rb.read(out as never)).toBe(N);
        expect(firstDifference(out, values)).toBe(-1);
      });
    }
  });

  // ---- overflow ------------------------------------------------------------------------------------

  describe('push on overflow', () => {
    it('returns the unpushed tail as a subarray of the input (same buffer, right offset) when the ring fills', () => {
      const backing = new Float32Array([9, 1, 2, 3, 4, 5, 6, 9]);
      const input = backing.subarray(1, 7);
      const rb = ring('f', 4);
      const tail = rb.push(input)!;
      expect(tail).toBeInstanceOf(Float32Array);
      expect(tail.buffer).toBe(backing.buffer);
      expect(tail.byteOffset).toBe(input.byteOffset + 4 * 4);
      expect(Array.from(tail)).toEqual([5, 6]);
      expect(Array.from(rb.pop(10)!)).toEqual([1, 2, 3, 4]);
      expect(rb.push(tail)).toBeNull();
      expect(Array.from(rb.pop(10)!)).toEqual([5, 6]);
    });

    it('returns the whole input unchanged when the ring is already full', () => {
      const rb = ring('i', 2);
      rb.push(new Int32Array([1, 2]));
      const input = new Int32Array([3, 4]);
      const tail = rb.push(input)!;
      expect(tail.buffer).toBe(input.buffer);
      expect(tail.byteOffset).toBe(0);
      expect(Array.from(tail)).toEqual([3, 4]);
      expect(Array.from(rb.pop(5)!)).toEqual([1, 2]);
    });

    it('returns a Uint8Array over the same ArrayBuffer when given an ArrayBuffer', () => {
      const ab = new Uint8Array([1, 2, 3, 4, 5]).buffer;
      const rb = ring('B', 3);
      const tail = rb.push(ab)!;
      expect(tail).toBeInstanceOf(Uint8Array);
      expect(tail.buffer).toBe(ab);
      expect(tail.byteOffset).toBe(3);
      expect(Array.from(tail)).toEqual([4, 5]);
    });

    it('returns a DataView over the same buffer when given a DataView', () => {
      const ab = new Uint8Array([0, 1, 2, 3, 4, 5, 0]).buffer;
      const view = new DataView(ab, 1, 5);
      const rb = ring('uint8', 2);
      const tail = rb.push(view)!;
      expect(tail).toBeInstanceOf(DataView);
      expect(tail.buffer).toBe(ab);
      expect(tail.byteOffset).toBe(3);
      expect(tail.byteLength).toBe(3);
      expect(Array.from(rb.pop(5)!)).toEqual([1, 2]);
    });

    it('returns a Buffer when given a Node Buffer', () => {
      const input = Buffer.from([1, 2, 3]);
      const rb = ring('B', 1);
      const tail = rb.push(input)!;
      expect(Buffer.isBuffer(tail)).toBe(true);
      expect(tail.buffer).toBe(input.buffer);
      expect(Array.from(tail)).toEqual([2, 3]);
    });

    it('returns an ndarray-like view of the same data when given a plain ndarray-like object', () => {
      const data = new Float64Array([0, 1, 2, 3, 4, 5]);
      const view: NdarrayLike<Float64Array> = { data, shape: [5], stride: [1], offset: 1 };
      const rb = ring('d', 3);
      const tail = rb.push(view)!;
      expect(tail.data).toBe(data);
      expect(tail.shape).toEqual([2]);
      expect(tail.stride).toEqual([1]);
      expect(tail.offset).toBe(4);
      expect(Array.from(rb.pop(5)!)).toEqual([1, 2, 3]);
    });

    it('returns an ndarray package view when given an ndarray package object', () => {
      const data = new Float64Array([10, 11, 12, 13, 14]);
      const view = ndarray(data);
      const rb = ring('d', 2);
      const tail = rb.push(view)!;
      expect(tail.data).toBe(data);
      expect(tail.shape).toEqual([3]);
      expect(typeof (tail as { get?: unknown }).get).toBe('function');
      expect((tail as ndarray.NdArray<Float64Array>).get(0)).toBe(12);
      expect(tail.offset).toBe(2);
    });

    it('returns a strided ndarray view with the same stride when given a strided view', () => {
      const data = new Float64Array([0, 1, 2, 3, 4, 5, 6, 7]);
      const rb = ring('d', 2);
      const tail = rb.push({ data, shape: [4], stride: [2], offset: 1 })!;
      expect(Array.from(rb.pop(5)!)).toEqual([1, 3]);
      expect(tail.data).toBe(data);
      expect(tail.shape).toEqual([2]);
      expect(tail.stride).toEqual([2]);
      expect(tail.offset).toBe(5);
      expect(rb.push(tail)).toBeNull();
      expect(Array.from(rb.pop(5)!)).toEqual([5, 7]);
    });

    it('returns a reversed ndarray view when given a view with stride -1', () => {
      const data = new Int16Array([0, 1, 2, 3, 4]);
      const rb = ring('h', 3);
      const tail = rb.push(ndarray(data).step(-1))!;
      expect(Array.from(rb.pop(5)!)).toEqual([4, 3, 2]);
      expect(tail.shape).toEqual([2]);
      expect(tail.stride).toEqual([-1]);
      expect(tail.offset).toBe(1);
      expect(rb.push(tail)).toBeNull();
      expect(Array.from(rb.pop(5)!)).toEqual([1, 0]);
    });
  });

  // ---- underflow and counts ------------------------------------------------------------------------

  describe('pop', () => {
    it('returns what is there when asked for more than is available', () => {
      const rb = ring('f', 8);
      rb.push(F32(1, 2, 3));
      const out = rb.pop(100)!;
      expect(out).toBeInstanceOf(Float32Array);
      expect(Array.from(out)).toEqual([1, 2, 3]);
      expect(rb.readAvailable).toBe(0);
    });

    it('returns null when the ring is empty', () => {
      const rb = ring('f', 8);
      expect(rb.pop(1)).toBeNull();
      rb.push(F32(1));
      rb.pop(1);
      expect(rb.pop(4)).toBeNull();
    });

    it('returns exactly count elements and keeps the rest when more are available', () => {
      const rb = ring('b', 8);
      rb.push(new Int8Array([1, 2, 3, 4, 5]));
      expect(Array.from(rb.pop(2)!)).toEqual([1, 2]);
      expect(rb.readAvailable).toBe(3);
      expect(Array.from(rb.pop(3)!)).toEqual([3, 4, 5]);
    });

    for (const count of [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53]) {
      it(`throws RangeError when count is ${count}`, () => {
        const rb = ring('f', 4);
        rb.push(F32(1, 2));
        expect(() => rb.pop(count)).toThrow(RangeError);
        expect(() => rb.pop(count)).toThrow(/count must be a positive integer/);
        expect(rb.readAvailable).toBe(2);
      });
    }

    for (const count of ['1', null, undefined, 1n, {}] as unknown[]) {
      it(`throws TypeError when count is ${typeof count} ${String(count)}`, () => {
        const rb = ring('f', 4);
        rb.push(F32(1, 2));
        expect(() => rb.pop(count as number)).toThrow(TypeError);
        expect(() => rb.pop(count as number)).toThrow(/count must be a number/);
        expect(rb.readAvailable).toBe(2);
      });
    }
  });

  // ---- capacity ------------------------------------------------------------------------------------

  describe('constructor', () => {
    for (const capacity of [0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 30 + 1, 2 ** 53]) {
      it(`throws RangeError when capacity is ${capacity}`, () => {
        expect(() => ring('f', capacity)).toThrow(RangeError);
        expect(() => ring('f', capacity)).toThrow(/capacity must be an integer from 1 to 1073741824/);
      });
    }

    for (const capacity of ['8', null, undefined, 8n] as unknown[]) {
      it(`throws TypeError when capacity is ${typeof capacity} ${String(capacity)}`, () => {
        expect(() => ring('f', capacity as number)).toThrow(TypeError);
        expect(() => ring('f', capacity as number)).toThrow(/capacity must be a number/);
      });
    }

    it('throws TypeError listing the valid names when the format is unknown', () => {
      expect(() => new RingBuffer({ format: 'float16' as FormatName, capacity: 4 })).toThrow(TypeError);
      expect(() => new RingBuffer({ format: 'float16' as FormatName, capacity: 4 })).toThrow(/'f' \(float32\)/);
    });

    it('exposes MAX_CAPACITY as 2^30 when read', () => {
      expect(RingBuffer.MAX_CAPACITY).toBe(2 ** 30);
    });

    it('works with capacity 1 when elements go through one at a time', () => {
      const rb = ring('d', 1);
      expect(rb.writeAvailable).toBe(1);
      const tail = rb.push(new Float64Array([1, 2, 3]))!;
      expect(Array.from(tail)).toEqual([2, 3]);
      expect(rb.writeAvailable).toBe(0);
      for (let i = 0; i < 10; i++) {
        expect(Array.from(rb.pop(5)!)).toEqual([1 + i]);
        expect(rb.push(new Float64Array([2 + i, 99]))?.length).toBe(1);
      }
    });

    for (const capacity of [1, 2, 3, 5, 7, 13, 64, 127, 1000]) {
      it(`uses every element when capacity is ${capacity}`, () => {
        const rb = ring('h', capacity);
        const f = FORMATS[2]!;
        for (let lap = 0; lap < 3; lap++) {
          advance(rb, lap === 0 ? 0 : Math.ceil(capacity / 3));
          const data = counting(f, lap * 7, capacity);
          expect(rb.push(data)).toBeNull();
          expect(rb.readAvailable).toBe(capacity);
          expect(rb.writeAvailable).toBe(0);
          expect(rb.write(new Int16Array([1]))).toBe(0);
          expect(Array.from(rb.push(new Int16Array([42]))!)).toEqual([42]);
          expect(checkCounting(f, rb.pop(capacity)!, lap * 7)).toBe(-1);
          expect(rb.readAvailable).toBe(0);
        }
      });
    }
  });

  // ---- reset and close -----------------------------------------------------------------------------

  describe('reset', () => {
    it('empties the ring and clears closed when called', () => {
      const rb = ring('f', 4);
      rb.push(F32(1, 2, 3));
      rb.close();
      rb.reset();
      expect(rb.readAvailable).toBe(0);
      expect(rb.writeAvailable).toBe(4);
      expect(rb.closed).toBe(false);
      expect(rb.pop(4)).toBeNull();
      expect(rb.push(F32(7, 8, 9, 10))).toBeNull();
      expect(Array.from(rb.pop(4)!)).toEqual([7, 8, 9, 10]);
    });
  });

  describe('close', () => {
    it('makes push, write and pushBytes throw RingClosedError and leaves the ring unchanged when closed', () => {
      const rb = ring('f', 4);
      rb.push(F32(1, 2));
      expect(rb.closed).toBe(false);
      rb.close();
      expect(rb.closed).toBe(true);
      expect(() => rb.push(F32(3))).toThrow(RingClosedError);
      expect(() => rb.push(F32(3))).toThrow(/push: the ring is closed/);
      expect(() => rb.write(F32(3))).toThrow(RingClosedError);
      expect(() => rb.pushBytes(new Uint8Array(4))).toThrow(RingClosedError);
      expect(rb.readAvailable).toBe(2);
      expect(Array.from(rb.pop(1)!)).toEqual([1]);
      expect(Array.from(rb.pop(4)!)).toEqual([2]);
      expect(rb.pop(4)).toBeNull();
      expect(rb.closed).toBe(true);
    });

    it('is a RingClosedError that is also an Error with its name when thrown', () => {
      const rb = ring('f', 4);
      rb.close();
      let caught: unknown;
      try {
        rb.push(F32(1));
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(Error);
      expect((caught as Error).name).toBe('RingClosedError');
    });

    it('lets read drain and is idempotent when called twice', () => {
      const rb = ring('i', 4);
      rb.push(new Int32Array([5, 6, 7]));
      rb.close();
      rb.close();
      const target = new Int32Array(8);
      expect(rb.read(target)).toBe(3);
      expect(Array.from(target.subarray(0, 3))).toEqual([5, 6, 7]);
      expect(rb.read(target)).toBe(0);
    });

    it('is seen by an attached ring when closed on the other side', () => {
      const rb = ring('f', 4);
      const other = RingBuffer.attach(structuredClone(rb.handle));
      rb.close();
      expect(other.closed).toBe(true);
      expect(() => other.push(F32(1))).toThrow(RingClosedError);
    });
  });

  // ---- getters -------------------------------------------------------------------------------------

  describe('getters', () => {
    for (const f of FORMATS) {
      it(`report '${f.code}', '${f.dtype}', ${f.itemsize} bytes when created with the dtype name '${f.dtype}'`, () => {
        const rb = new RingBuffer({ format: f.dtype, capacity: 37 });
        expect(rb.format).toBe(f.code);
        expect(rb.dtype).toBe(f.dtype);
        expect(rb.itemsize).toBe(f.itemsize);
        expect(rb.capacity).toBe(37);
        expect(rb.readAvailable).toBe(0);
        expect(rb.writeAvailable).toBe(37);
        expect(rb.isLockFree).toBe(true);
        expect(rb.closed).toBe(false);
        expect(rb.handle.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(rb.handle.buffer.byteLength).toBeGreaterThanOrEqual(HEADER_BYTES + 37 * f.itemsize);
        expect(rb.handle.capacity).toBe(37);
        const same = new RingBuffer({ format: f.code, capacity: 37 });
        expect(same.format).toBe(f.code);
        expect(same.dtype).toBe(f.dtype);
      });
    }

    for (const [alias, code, Type] of [['l', 'q', BigInt64Array], ['L', 'Q', BigUint64Array]] as const) {
      it(`report '${code}' and carry ${Type.name} data when created with the alias '${alias}' (C long)`, () => {
        const rb = new RingBuffer({ format: alias, capacity: 4 });
        expect(rb.format).toBe(code);
        expect(rb.itemsize).toBe(8);
        expect(rb.push(Type.of(1n, 2n, 3n))).toBeNull();
        const out = rb.pop(2);
        expect(out).toBeInstanceOf(Type);
        expect(Array.from(out!)).toEqual([1n, 2n]);
        expect(rb.handle.format).toBe(alias);
        const other = RingBuffer.attach(rb.handle);
        expect(other.format).toBe(code);
        expect(Array.from(RingBuffer.attach({ ...rb.handle, format: code }).pop(4)!)).toEqual([3n]);
        expect(other.readAvailable).toBe(0);
      });
    }

    it('count elements (not bytes) when data is pushed and popped', () => {
      const rb = ring('d', 10);
      rb.push(new Float64Array(3));
      expect(rb.readAvailable).toBe(3);
      expect(rb.writeAvailable).toBe(7);
      rb.pop(1);
      expect(rb.readAvailable).toBe(2);
      expect(rb.writeAvailable).toBe(8);
    });

    it('are read-only when assigned to', () => {
      const rb = ring('f', 4);
      expect(() => {
        (rb as unknown as { capacity: number }).capacity = 8;
      }).toThrow(TypeError);
      expect(rb.capacity).toBe(4);
    });
  });

  // ---- write / read --------------------------------------------------------------------------------

  describe('write', () => {
    it('returns the number written and stops when the ring is full', () => {
      const rb = ring('f', 5);
      expect(rb.write(F32(1, 2, 3))).toBe(3);
      expect(rb.write(F32(4, 5, 6, 7))).toBe(2);
      expect(rb.write(F32(8))).toBe(0);
      expect(rb.write(new Float32Array(0))).toBe(0);
      expect(Array.from(rb.pop(10)!)).toEqual([1, 2, 3, 4, 5]);
    });

    it('accepts a strided ndarray view when given one', () => {
      const rb = ring('f', 5);
      expect(rb.write({ data: F32(0, 1, 2, 3, 4, 5), shape: [3], stride: [2], offset: 0 })).toBe(3);
      expect(Array.from(rb.pop(10)!)).toEqual([0, 2, 4]);
    });
  });

  describe('read', () => {
    it('returns the count and fills only the prefix when the target is longer than what is available', () => {
      const rb = ring('f', 8);
      rb.push(F32(1, 2, 3));
      const target = new Float32Array(6).fill(-7);
      expect(rb.read(target)).toBe(3);
      expect(Array.from(target)).toEqual([1, 2, 3, -7, -7, -7]);
      expect(rb.read(target)).toBe(0);
      expect(Array.from(target)).toEqual([1, 2, 3, -7, -7, -7]);
    });

    it('reads only target.length elements when more are available', () => {
      const rb = ring('f', 8);
      rb.push(F32(1, 2, 3, 4));
      const target = new Float32Array(2);
      expect(rb.read(target)).toBe(2);
      expect(Array.from(target)).toEqual([1, 2]);
      expect(rb.readAvailable).toBe(2);
    });

    it('fills a strided ndarray view element by element when given one', () => {
      const rb = ring('d', 8);
      rb.push(new Float64Array([1, 2, 3, 4, 5, 6]));
      const backing = new Float64Array(9).fill(-1);
      const n = rb.read({ data: backing, shape: [4], stride: [2], offset: 1 });
      expect(n).toBe(4);
      expect(Array.from(backing)).toEqual([-1, 1, -1, 2, -1, 3, -1, 4, -1]);
      const reversed = new Float64Array(4).fill(-1);
      expect(rb.read(ndarray(reversed).step(-1))).toBe(2);
      expect(Array.from(reversed)).toEqual([-1, -1, 6, 5]);
    });

    it('fills a strided view across the wrap point when the data wraps', () => {
      const rb = ring('i', 5);
      advance(rb, 3);
      rb.push(new Int32Array([1, 2, 3, 4, 5]));
      const backing = new Int32Array(10);
      expect(rb.read(ndarray(backing).step(2))).toBe(5);
      expect(Array.from(backing)).toEqual([1, 0, 2, 0, 3, 0, 4, 0, 5, 0]);
    });
  });

  // ---- ndarray input -------------------------------------------------------------------------------

  describe('push of ndarray views', () => {
    it('gathers every second element when given stride 2', () => {
      const rb = ring('f', 8);
      expect(rb.push({ data: F32(0, 1, 2, 3, 4, 5, 6), shape: [3], stride: [2], offset: 1 })).toBeNull();
      expect(Array.from(rb.pop(8)!)).toEqual([1, 3, 5]);
    });

    it('pushes in reverse order when given stride -1', () => {
      const rb = ring('f', 8);
      expect(rb.push({ data: F32(0, 1, 2, 3), shape: [4], stride: [-1], offset: 3 })).toBeNull();
      expect(Array.from(rb.pop(8)!)).toEqual([3, 2, 1, 0]);
    });

    it('pushes an ndarray package object (contiguous, hi/lo, step) when given one', () => {
      const rb = ring('i', 17);
      const data = new Int32Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(rb.push(ndarray(data))).toBeNull();
      expect(rb.push(ndarray(data).hi(7).lo(4))).toBeNull();
      expect(rb.push(ndarray(data).step(3))).toBeNull();
      expect(rb.readAvailable).toBe(17);
      expect(Array.from(rb.pop(17)!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 4, 5, 6, 0, 3, 6, 9]);
      expect(rb.push(ndarray(data).step(-4))).toBeNull();
      expect(Array.from(rb.pop(16)!)).toEqual([9, 5, 1]);
    });

    it('wraps strided data around the end of the ring when pushed across it', () => {
      const rb = ring('b', 5);
      advance(rb, 4);
      expect(rb.push({ data: new Int8Array([1, 0, 2, 0, 3, 0, 4]), shape: [4], stride: [2], offset: 0 })).toBeNull();
      expect(Array.from(rb.pop(5)!)).toEqual([1, 2, 3, 4]);
    });

    it('throws RangeError and leaves the ring unchanged when given a 2-D ndarray', () => {
      const rb = ring('f', 8);
      rb.push(F32(1));
      const twoD = ndarray(new Float32Array(6), [3, 2]);
      expect(() => rb.push(twoD)).toThrow(RangeError);
      expect(() => rb.push(twoD)).toThrow(/1-D/);
      expect(() => rb.write(twoD)).toThrow(RangeError);
      expect(() => rb.read(twoD)).toThrow(RangeError);
      expect(rb.readAvailable).toBe(1);
    });
  });

  // ---- pushBytes -----------------------------------------------------------------------------------

  describe('pushBytes', () => {
    const le = (values: number[]): Uint8Array => {
      const out = new Uint8Array(values.length * 4);
      const view = new DataView(out.buffer);
      values.forEach((v, i) => view.setFloat32(i * 4, v, true));
      return out;
    };

    it('accepts a Buffer, a Uint8Array, a DataView and an ArrayBuffer when each holds whole elements', () => {
      const rb = ring('f', 16);
      expect(rb.pushBytes(Buffer.from(le([1, 2])))).toBeNull();
      expect(rb.pushBytes(le([3]))).toBeNull();
      const bytes = le([0, 4, 5]);
      expect(rb.pushBytes(new DataView(bytes.buffer, 4, 8))).toBeNull();
      expect(rb.pushBytes(le([6]).buffer)).toBeNull();
      expect(rb.pushBytes(new Uint8Array(0))).toBeNull();
      expect(Array.from(rb.pop(16)!)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('throws RangeError when the byte length is not a multiple of itemsize', () => {
      const rb = ring('d', 4);
      expect(() => rb.pushBytes(new Uint8Array(12))).toThrow(RangeError);
      expect(() => rb.pushBytes(new Uint8Array(12))).toThrow(/12 bytes is not a whole number of 8-byte 'd' elements/);
      expect(() => rb.pushBytes(new ArrayBuffer(3))).toThrow(RangeError);
      expect(rb.readAvailable).toBe(0);
    });

    it('throws TypeError when given a Float32Array', () => {
      const rb = ring('f', 4);
      expect(() => rb.pushBytes(new Float32Array(2) as unknown as Uint8Array)).toThrow(TypeError);
      expect(() => rb.pushBytes(new Float32Array(2) as unknown as Uint8Array)).toThrow(/raw bytes/);
      expect(rb.readAvailable).toBe(0);
    });

    it('returns the unpushed tail in bytes as a view of the input when the ring fills', () => {
      const rb = ring('f', 2);
      const bytes = le([1, 2, 3]);
      const tail = rb.pushBytes(bytes)!;
      expect(tail).toBeInstanceOf(Uint8Array);
      expect(tail.buffer).toBe(bytes.buffer);
      expect(tail.byteOffset).toBe(8);
      expect(tail.length).toBe(4);
      const dvTail = rb.pushBytes(new DataView(bytes.buffer))!;
      expect(dvTail).toBeInstanceOf(DataView);
      expect(dvTail.byteLength).toBe(12);
      expect(Array.from(rb.pop(4)!)).toEqual([1, 2]);
      const abTail = ring('f', 1).pushBytes(bytes.buffer)!;
      expect(abTail).toBeInstanceOf(Uint8Array);
      expect(abTail.buffer).toBe(bytes.buffer);
      expect(abTail.byteOffset).toBe(4);
    });

    it('reads foreign little-endian float64 bytes back as the right numbers when pushed across the wrap point', () => {
      const values = [Math.PI, -0, 1e-310, -Infinity, 123456789.125, NaN];
      const bytes = new Uint8Array(values.length * 8);
      const view = new DataView(bytes.buffer);
      values.forEach((v, i) => view.setFloat64(i * 8, v, true));
      const rb = ring('float64', 7);
      advance(rb, 5);
      expect(rb.pushBytes(Buffer.from(bytes))).toBeNull();
      const out = rb.pop(10)!;
      expect(out).toBeInstanceOf(Float64Array);
      expect(Array.from(out)).toEqual(values);
      expect(Object.is(out[1], -0)).toBe(true);
    });

    it('copies raw bytes unchanged into a uint16 ring when given them', () => {
      const rb = ring('H', 4);
      rb.pushBytes(new Uint8Array([0x01, 0x02, 0xff, 0xff]));
      expect(Array.from(rb.pop(4)!)).toEqual([0x0201, 0xffff]);
    });
  });

  // ---- handle / attach -----------------------------------------------------------------------------

  describe('handle', () => {
    it('survives structuredClone and attaches to the same data when cloned', () => {
      const rb = ring('float32', 8);
      const clone = structuredClone(rb.handle);
      expect(clone.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(clone.format).toBe('float32');
      expect(clone.capacity).toBe(8);
      expect(clone.version).toBe(VERSION);
      const other = RingBuffer.attach(clone);
      expect(other.format).toBe('f');
      expect(other.capacity).toBe(8);
      rb.push(F32(1, 2, 3));
      expect(other.readAvailable).toBe(3);
      expect(Array.from(other.pop(2)!)).toEqual([1, 2]);
      expect(rb.readAvailable).toBe(1);
      other.push(F32(4));
      expect(Array.from(rb.pop(8)!)).toEqual([3, 4]);
    });

    it('writes a header that names the ring when created', () => {
      const rb = ring('d', 11);
      const words = headerWords(rb);
      expect(words[W_MAGIC]).toBe(MAGIC);
      expect(words[W_VERSION]).toBe(VERSION);
      expect(words[W_FORMAT]).toBe(FORMATS.find((f) => f.code === 'd')!.id);
      expect(words[W_CAPACITY]).toBe(11);
      expect(words[W_ITEMSIZE]).toBe(8);
    });

    it('is frozen when someone tries to modify it', () => {
      const rb = ring('f', 4);
      expect(Object.isFrozen(rb.handle)).toBe(true);
    });
  });

  // ---- sentinels and counting sequences ------------------------------------------------------------

  describe('sentinels', () => {
    for (const f of FORMATS) {
      it(`keeps the sentinels around every '${f.code}' block intact when streaming with random sizes`, () => {
        const capacity = 97;
        const rb = ring(f.code, capacity);
        const rand = random(17);
        const S = isBig(f) ? 0x5an : 0x5a;
        const G = isBig(f) ? 0x33n : 0x33;
        // Each block is [S, counting..., S]; the consumer reads each block into a window of a larger
        // array whose guard elements G on both sides must not be touched.
        let next = 0;
        for (let block = 0; block < 400; block++) {
          const payload = between(rand, 0, capacity - 2);
          const data = new f.ArrayType(payload + 2);
          put(data, 0, S);
          put(data, payload + 1, S);
          for (let i = 0; i < payload; i++) put(data, i + 1, countingValue(f, (next + i) % 64));
          expect(rb.push(data)).toBeNull();
          const guarded = new f.ArrayType(payload + 4);
          guarded.fill(G as never);
          const window = guarded.subarray(1, payload + 3);
          expect(rb.read(window as never)).toBe(payload + 2);
          expect(at(guarded, 0)).toBe(G);
          expect(at(guarded, payload + 3)).toBe(G);
          expect(at(window, 0)).toBe(S);
          expect(at(window, payload + 1)).toBe(S);
          for (let i = 0; i < payload; i++) expect(at(window, i + 1)).toBe(countingValue(f, (next + i) % 64));
          next += payload;
        }
        const words = headerWords(rb);
        expect([words[W_MAGIC], words[W_VERSION], words[W_FORMAT], words[W_CAPACITY], words[W_ITEMSIZE]]).toEqual([
          MAGIC,
          VERSION,
          f.id,
          capacity,
          f.itemsize,
        ]);
        expect(rb.readAvailable).toBe(0);
      });
    }
  });

  describe('counting sequence', () => {
    for (const f of FORMATS) {
      it(`arrives in order over >= 100 wrap-arounds when '${f.code}' blocks of random size are pushed and popped`, () => {
        const capacity = 509;
        const total = capacity * 120;
        const rb = ring(f.code, capacity);
        const rand = random(f.id * 101);
        const source = counting(f, 0, total);
        const target = new f.ArrayType(capacity * 2);
        let written = 0;
        let read = 0;
        let firstError = -1;
        while (read < total) {
          if (written < total) {
            const end = Math.min(total, written + between(rand, 1, capacity + 50));
            if (rand() < 0.5) {
              written += rb.write(source.subarray(written, end) as never);
            } else {
              const tail = rb.push(source.subarray(written, end));
              written = end - (tail?.length ?? 0);
            }
          }
          expect(rb.readAvailable).toBe(written - read);
          if (rand() < 0.5) {
            const n = rb.read(target.subarray(0, between(rand, 1, capacity + 50)) as never);
            const bad = checkCounting(f, target, read, n);
            if (bad >= 0 && firstError < 0) firstError = read + bad;
            read += n;
          } else {
            const chunk = rb.pop(between(rand, 1, capacity + 50));
            if (chunk !== null) {
              const bad = checkCounting(f, chunk, read);
              if (bad >= 0 && firstError < 0) firstError = read + bad;
              read += chunk.length;
            }
          }
        }
        expect(firstError).toBe(-1);
        expect(read / capacity).toBeGreaterThanOrEqual(100);
      });
    }
  });

  describe('index wrap-around', () => {
    const starts = (capacity: number): number[] =>
      [...new Set([2 * capacity - 1, 2 * capacity - 3, capacity, capacity - 1])].filter((s) => s >= 0);
    for (const format of ['f', 'd', 'b', 'q'] as const) {
      for (const capacity of [1, 7, 1000]) {
        for (const start of starts(capacity)) {
          it(`streams a '${format}' counting sequence through capacity ${capacity} when the indices start at ${start}`, () => {
            const f = FORMATS.find((x) => x.code === format)!;
            const rb = ring(format, capacity);
            const words = headerWords(rb);
            words[W_READ] = start;
            words[W_WRITE] = start;
            expect(rb.readAvailable).toBe(0);
            expect(rb.writeAvailable).toBe(capacity);
            const rand = random(start + capacity);
            const total = capacity * 5 + 3;
            const source = counting(f, 0, total);
            let written = 0;
            let read = 0;
            let wrapped = false;
            while (read < total) {
              const end = Math.min(total, written + between(rand, 1, capacity));
              const tail = rb.push(source.subarray(written, end));
              written = end - (tail?.length ?? 0);
              const before = words[W_READ]!;
              const chunk = rb.pop(between(rand, 1, capacity))!;
              if (words[W_READ]! < before) wrapped = true;
              expect(words[W_READ]).toBeLessThan(2 * capacity);
              expect(words[W_WRITE]).toBeLessThan(2 * capacity);
              expect(checkCounting(f, chunk, read)).toBe(-1);
              read += chunk.length;
            }
            expect(wrapped).toBe(true);
            expect(rb.readAvailable).toBe(0);
          });
        }
      }
    }

    it('counts a full ring correctly when the write index has wrapped and the read index has not', () => {
      const rb = ring('f', 4);
      const words = headerWords(rb);
      words[W_READ] = 6;
      words[W_WRITE] = 6;
      expect(rb.push(F32(1, 2, 3, 4))).toBeNull();
      expect(words[W_WRITE]).toBe(2);
      expect(words[W_READ]).toBe(6);
      expect(rb.readAvailable).toBe(4);
      expect(rb.writeAvailable).toBe(0);
      expect(Array.from(rb.pop(4)!)).toEqual([1, 2, 3, 4]);
      expect(words[W_READ]).toBe(2);
    });
  });
});

describe('RingBuffer index caching', () => {
  for (const resetter of ['producer', 'consumer'] as const) {
    it(`reads exactly what was written after a reset by the ${resetter} when both sides cached the other's index`, () => {
      const producer = new RingBuffer({ format: 'i', capacity: 8 });
      const consumer = RingBuffer.attach(producer.handle);
      producer.push(new Int32Array([1, 2, 3, 4, 5, 6]));
      expect(Array.from(consumer.pop(8)!)).toEqual([1, 2, 3, 4, 5, 6]);
      producer.push(new Int32Array([7]));
      (resetter === 'producer' ? producer : consumer).reset();
      expect(consumer.pop(8)).toBeNull();
      expect(producer.push(new Int32Array([10, 11, 12]))).toBeNull();
      expect(Array.from(consumer.pop(8)!)).toEqual([10, 11, 12]);
      expect(producer.push(new Int32Array(9).fill(9))).toEqual(new Int32Array([9]));
      expect(consumer.readAvailable).toBe(8);
    });
  }

  it('sees room freed by the consumer when the cached read index shows too little', () => {
    const producer = new RingBuffer({ format: 'f', capacity: 4 });
    const consumer = RingBuffer.attach(producer.handle);
    expect(producer.write(new Float32Array([1, 2, 3, 4]))).toBe(4);
    expect(producer.write(new Float32Array([5]))).toBe(0);
    expect(consumer.read(new Float32Array(3))).toBe(3);
    expect(producer.write(new Float32Array([5, 6, 7, 8]))).toBe(3);
    expect(Array.from(consumer.pop(4)!)).toEqual([4, 5, 6, 7]);
  });
});

describe('RingBuffer (the seed test-suite, translated)', () => {
  const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));

  it('returns the unpushed tail of raw bytes on overflow, as ringbuf does for b"spam" + b"eggs"', () => {
    const rb = new RingBuffer({ format: 'B', capacity: 7 });
    expect(rb.push(Buffer.from('spam'))).toBeNull();
    const remaining = rb.push(new TextEncoder().encode('eggs'));
    expect(text(remaining)).toBe('s');
    expect(text(rb.pop(7))).toBe('spamegg');
  });

  it('returns null on underflow, after reset, and accepts empty data', () => {
    const small = new RingBuffer({ format: 'b', capacity: 1 });
    expect(small.pop(1)).toBeNull();
    const rb = new RingBuffer({ format: 'B', capacity: 5 });
    rb.push(Buffer.from('hello'));
    rb.reset();
    expect(rb.pop(5)).toBeNull();
    expect(rb.push(new Uint8Array(0))).toBeNull();
    expect(rb.push(new ArrayBuffer(0))).toBeNull();
  });

  it('reads more than available and more than the capacity as what is there', () => {
    const values = Int32Array.from({ length: 1000 }, (_, i) => i * 7 - 3000);
    const rb = new RingBuffer({ format: 'i', capacity: values.length });
    rb.push(values.subarray(0, 10));
    expect(rb.pop(values.length)).toEqual(values.subarray(0, 10));
    rb.push(values);
    expect(rb.pop(values.length + 123)).toEqual(values);
  });
});

describe('RingBuffer.readBlocks', () => {
  it('reads every whole block that is there and fits, and leaves a partial block', () => {
    const rb = ring('f', 16);
    rb.push(new Float32Array(Array.from({ length: 11 }, (_, i) => i)));
    const target = new Float32Array(16).fill(-1);
    expect(rb.readBlocks(target, 4)).toBe(8);
    expect(Array.from(target.subarray(0, 9))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, -1]);
    expect(rb.readAvailable).toBe(3);
    expect(rb.readBlocks(target, 4)).toBe(0);
    rb.push(F32(11));
    expect(rb.readBlocks(target, 4)).toBe(4);
    expect(Array.from(target.subarray(0, 4))).toEqual([8, 9, 10, 11]);
  });

  it('reads no more blocks than the target holds, across the wrap point', () => {
    const rb = ring('i', 10);
    advance(rb, 7);
    rb.push(new Int32Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const target = new Int32Array(7);
    expect(rb.readBlocks(target, 3)).toBe(6);
    expect(Array.from(target.subarray(0, 6))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rb.readBlocks(new Int32Array(2), 3)).toBe(0);
    expect(Array.from(rb.pop(10)!)).toEqual([7, 8, 9]);
  });

  it('throws RangeError/TypeError for a bad block size or target and leaves the ring unchanged', () => {
    const rb = ring('f', 8);
    rb.push(F32(1, 2, 3, 4));
    for (const size of [0, -1, 1.5, NaN, Infinity]) expect(() => rb.readBlocks(new Float32Array(8), size)).toThrow(RangeError);
    expect(() => rb.readBlocks(new Float32Array(8), '4' as never)).toThrow(/readBlocks: blockSize must be a number/);
    expect(() => rb.readBlocks(new Float64Array(8) as never, 4)).toThrow(/readBlocks: target must be a Float32Array, got a Float64Array/);
    expect(() => rb.readBlocks({ data: new Float32Array(8), shape: [8], stride: [1], offset: 0 } as never, 4)).toThrow(TypeError);
    expect(rb.readAvailable).toBe(4);
  });

  it('throws RingAbortedError once an aborted ring holds less than a block; a closed one just returns 0', () => {
    const aborted = ring('f', 8);
    aborted.push(F32(1, 2, 3, 4, 5));
    aborted.abort('gone');
    const target = new Float32Array(8);
    expect(aborted.readBlocks(target, 4)).toBe(4);
    expect(() => aborted.readBlocks(target, 4)).toThrow(RingAbortedError);
    expect(Array.from(aborted.pop(8)!)).toEqual([5]);
    const closed = ring('f', 8);
    closed.push(F32(1, 2, 3));
    closed.close();
    expect(closed.readBlocks(target, 4)).toBe(0);
    expect(closed.readAvailable).toBe(3);
  });
});

describe('RingBuffer.attach of a header whose capacity was rewritten', () => {
  // The creator's buffer is exactly HEADER_BYTES + capacity * itemsize bytes; before this check, a
  // ring created for 7 'f' elements (rounded up to whole 8-byte words) also passed for 8.
  for (const f of FORMATS) {
    it(`refuses every other capacity for a '${f.code}' ring, also ones the buffer could hold`, () => {
      for (let capacity = 1; capacity <= 9; capacity++) {
        const rb = ring(f.code, capacity);
        for (let forged = 1; forged <= capacity + 9; forged++) {
          if (forged === capacity) continue;
          const copy = new SharedArrayBuffer(rb.handle.buffer.byteLength);
          new Uint8Array(copy).set(new Uint8Array(rb.handle.buffer));
          new Int32Array(copy, 0, HEADER_BYTES / 4)[W_CAPACITY] = forged;
          expect(() => RingBuffer.attach({ ...rb.handle, buffer: copy, capacity: forged }), `${capacity} -> ${forged}`).toThrow(RangeError);
        }
        expect(RingBuffer.attach(rb.handle).capacity).toBe(capacity);
      }
    });
  }

  it("names the exact size it expected, as for a 7-element 'f' ring rewritten to 8", () => {
    const rb = ring('f', 7);
    headerWords(rb)[W_CAPACITY] = 8;
    expect(() => RingBuffer.attach({ ...rb.handle, capacity: 8 })).toThrow(/holds 1308 bytes, too small for 8 elements of 'f' \(a ring of them has exactly 1312\)/);
    headerWords(rb)[W_CAPACITY] = 6;
    expect(() => RingBuffer.attach({ ...rb.handle, capacity: 6 })).toThrow(/holds 1308 bytes, but a ring of 6 elements of 'f' has exactly 1304/);
  });
});

describe('RingBuffer with TypedArray subclasses that lie', () => {
  /** A Float32Array subclass whose accessors claim other values than the engine keeps. */
  function lying(values: number[], claims: { length?: number; byteLength?: number; byteOffset?: number }): Float32Array {
    class Lying extends Float32Array {}
    for (const [key, value] of Object.entries(claims)) Object.defineProperty(Lying.prototype, key, { get: () => value });
    return new Lying(values);
  }

  it('pushes and writes the elements the array holds, not the length its getter claims', () => {
    const rb = ring('f', 16);
    expect(rb.push(lying([1, 2], { length: 8, byteLength: 32 }))).toBeNull();
    expect(rb.readAvailable).toBe(2);
    expect(rb.write(lying([3, 4, 5], { length: 1, byteLength: 4 }))).toBe(3);
    const own = F32(6, 7);
    Object.defineProperty(own, 'length', { value: 1000 });
    expect(rb.push(own)).toBeNull();
    expect(Array.from(rb.pop(16)!)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('writes what fits of a lying array and returns the real tail, across the wrap point', () => {
    const rb = ring('f', 4);
    advance(rb, 3);
    const data = lying([1, 2, 3, 4, 5, 6], { length: 2, byteOffset: 12 });
    const tail = rb.push(data);
    expect(rb.readAvailable).toBe(4);
    expect(Array.from(rb.pop(4)!)).toEqual([1, 2, 3, 4]);
    expect(tail).not.toBeNull();
    expect(rb.push(data.subarray(4))).toBeNull();
    expect(Array.from(rb.pop(4)!)).toEqual([5, 6]);
  });

  it('copies partial sources through views of its own class, never a subclass species', () => {
    class Evil extends Float32Array {
      static get [Symbol.species](): Float32ArrayConstructor {
        return class extends Float32Array {
          constructor() {
            super(100); // ignores the view it was asked for: a copy through it would read zeros
          }
        } as unknown as Float32ArrayConstructor;
      }
    }
    const rb = ring('f', 4);
    rb.push(F32(9, 9));
    expect(rb.write(new Evil([1, 2, 3, 4]))).toBe(2);
    rb.pop(2);
    expect(Array.from(rb.pop(4)!)).toEqual([1, 2]);
  });

  it('reads into a lying target no more than it holds', () => {
    const rb = ring('f', 8);
    rb.push(F32(1, 2, 3, 4, 5));
    const target = lying([0, 0], { length: 100, byteLength: 400 });
    expect(rb.read(target)).toBe(2);
    expect(Array.from(target, Number)).toEqual([1, 2]);
    expect(rb.readBlocks(lying([0, 0, 0], { length: 1 }), 1)).toBe(3);
    expect(rb.readAvailable).toBe(0);
  });

  it('checks an ndarray view against the real length of its data', () => {
    const rb = ring('f', 8);
    const data = lying([1, 2], { length: 8 });
    expect(() => rb.push({ data, shape: [4], stride: [1], offset: 0 })).toThrow(/reaches outside its data \(2 elements\)/);
    expect(() => rb.push({ data, shape: [2], stride: [3], offset: 0 })).toThrow(RangeError);
    expect(rb.readAvailable).toBe(0);
  });
});

describe('RingBuffer on a header corrupted while in use', () => {
  // Whatever a peer scribbles into the index and watermark words, a call either works or throws
  // RangeError and leaves the shared memory exactly as it found it (no index moved, no data or
  // watermark touched): it validates everything it uses before it moves anything.
  const CAP = 8;
  const corruptions: [label: string, mutate: (w: Int32Array) => void][] = [
    ['a write index of 2 * capacity + 5', (w) => (w[W_WRITE] = 2 * CAP + 5)],
    ['a write index with the sleeping bit and garbage', (w) => (w[W_WRITE] = -1)],
    ['a read index of 2 * capacity', (w) => (w[W_READ] = 2 * CAP)],
    ['indices more than capacity apart', (w) => (w[W_WRITE] = ((w[W_READ]! & 0x7fffffff) + CAP + 1) % (2 * CAP))],
    ['a corrupted write index and a sleeping producer', (w) => ((w[W_WRITE] = 3 * CAP), (w[W_READ] = w[W_READ]! | SLEEPING), (w[W_PRODUCER_WANT] = 1))],
    ['a corrupted read index and a sleeping consumer', (w) => ((w[W_READ] = 5 * CAP), (w[W_WRITE] = w[W_WRITE]! | SLEEPING), (w[W_CONSUMER_WANT] = 1))],
    // Not an index: the calls work on (a publisher wakes whoever the bits say sleeps, nobody does).
    ['garbage watermarks with both sleeping bits', (w) => ((w[W_READ] = w[W_READ]! | SLEEPING), (w[W_WRITE] = w[W_WRITE]! | SLEEPING), (w[W_PRODUCER_WANT] = -7), (w[W_CONSUMER_WANT] = 2 ** 31 - 1))],
    ['a reset generation with corrupted indices', (w) => ((w[W_GENERATION] = 99), (w[W_READ] = 2 * CAP + 1))],
  ];
  const calls: [entry: string, call: (r: RingBuffer<'f'>) => unknown][] = [
    ['pop', (r) => r.pop(2)],
    ['read', (r) => r.read(new Float32Array(2))],
    ['readBlocks', (r) => r.readBlocks(new Float32Array(4), 2)],
    ['push', (r) => r.push(F32(1, 2))],
    ['write', (r) => r.write(F32(1, 2))],
    ['pushBytes', (r) => r.pushBytes(new Uint8Array(8))],
    ['popAsync', (r) => r.popAsync(2, { timeout: 0 })],
    ['pushAsync', (r) => r.pushAsync(F32(1, 2), { timeout: 0 })],
    ['waitReadable', (r) => r.waitReadable(6, { timeout: 0 })],
    ['waitWritable', (r) => r.waitWritable(6, { timeout: 0 })],
    ['popBlocking', (r) => r.popBlocking(2, 0)],
    ['pushBlocking', (r) => r.pushBlocking(F32(1, 2), 0)],
  ];
  const shared = (rb: RingBuffer<'f'>): number[] => Array.from(new Uint8Array(rb.handle.buffer));

  for (const [label, mutate] of corruptions) {
    it(`leaves the ring as it was whenever a call throws, given ${label}`, async () => {
      let threw = 0;
      for (const [entry, call] of calls) {
        // Both sides hold cached indices that show room (producer) and data (consumer), so a call
        // may go ahead on them and meet the corruption only on the way out.
        const producer = ring('f', CAP);
        const consumer = RingBuffer.attach(producer.handle);
        producer.push(F32(1, 2, 3, 4, 5, 6));
        consumer.read(new Float32Array(1));
        mutate(headerWords(producer));
        for (const side of [producer, consumer]) {
          const before = shared(side);
          let error: unknown;
          try {
            await call(side);
          } catch (e) {
            error = e;
          }
          if (error !== undefined) {
            threw++;
            expect(error, `${entry}`).toBeInstanceOf(RangeError);
            expect((error as Error).message).toMatch(/corrupted header/);
            expect(shared(side), `${entry} threw and changed the ring`).toEqual(before);
          }
        }
      }
      if (label.startsWith('garbage watermarks')) expect(threw).toBe(0);
      else expect(threw).toBeGreaterThan(0);
    });
  }
});
