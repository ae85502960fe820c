import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  RingBuffer,
  asNdarray,
  concatenate,
  toInterleaved,
  toPlanar,
  type FormatCode,
  type RingHandle,
} from '@ringflow/core';
import { HEADER_BYTES, MAX_CAPACITY, VERSION, W_CAPACITY, W_FORMAT, W_ITEMSIZE, W_MAGIC, W_READ, W_VERSION, W_WRITE } from '../src/internal/layout.js';

// Every public entry point, given wrong input, must throw (or reject with) a TypeError or a
// RangeError with a message that says what is wrong, and leave the ring exactly as it was: same
// header words (indices, flags, watermarks), same data bytes, same contents on pop.

type Bad = unknown;
type ErrorClass = typeof TypeError | typeof RangeError;
interface Case {
  readonly label: string;
  /** Format of the ring the case runs against (default 'f'). */
  readonly format?: FormatCode;
  readonly call: (rb: RingBuffer) => unknown;
  readonly error: ErrorClass;
  readonly message: RegExp;
}

const CAPACITY = 8;

/** A ring of `format` holding [1, 2, 3, 4], stored across the wrap point of its data region. */
function ringWithData(format: FormatCode): RingBuffer {
  const rb = new RingBuffer({ format, capacity: CAPACITY });
  const big = format === 'q' || format === 'Q';
  const make = (values: number[]) => {
    const Type = arrayType(format);
    const a = new Type(values.length);
    values.forEach((v, i) => ((a as unknown as (number | bigint)[])[i] = big ? BigInt(v) : v));
    return a;
  };
  rb.push(make([0, 0, 0, 0, 0, 0]));
  rb.pop(6);
  expect(rb.push(make([1, 2, 3, 4]))).toBeNull();
  return rb;
}

function arrayType(format: FormatCode) {
  return {
    b: Int8Array,
    B: Uint8Array,
    h: Int16Array,
    H: Uint16Array,
    i: Int32Array,
    I: Uint32Array,
    q: BigInt64Array,
    Q: BigUint64Array,
    f: Float32Array,
    d: Float64Array,
  }[format];
}

function snapshot(rb: RingBuffer): { header: number[]; data: number[] } {
  return {
    header: Array.from(new Int32Array(rb.handle.buffer, 0, HEADER_BYTES / 4)),
    data: Array.from(new Uint8Array(rb.handle.buffer, HEADER_BYTES)),
  };
}

/** The error a call throws or its promise rejects with; 'returned' when it did neither (within 2 s). */
async function outcome(fn: () => unknown): Promise<unknown> {
  try {
    const result = fn();
    if (result instanceof Promise) {
      const timer = new Promise((resolve) => setTimeout(() => resolve('pending'), 2000));
      return (await Promise.race([result.then(() => 'returned'), timer])) as unknown;
    }
    return 'returned';
  } catch (error) {
    return error;
  }
}

/** An ArrayBuffer-backed value whose buffer was transferred away (detached). */
function detached<T>(make: (buffer: ArrayBuffer) => T, bytes = 16): T {
  const buffer = new ArrayBuffer(bytes);
  const value = make(buffer);
  structuredClone(buffer, { transfer: [buffer] });
  return value;
}

/** A copy of the ring's shared memory with `mutate` applied to its header words, as a handle. */
function forge(rb: RingBuffer, mutate: (words: Int32Array) => void, byteLength = rb.handle.buffer.byteLength): RingHandle {
  const copy = new SharedArrayBuffer(byteLength);
  const n = Math.min(byteLength, rb.handle.buffer.byteLength);
  new Uint8Array(copy).set(new Uint8Array(rb.handle.buffer, 0, n));
  if (byteLength >= HEADER_BYTES) mutate(new Int32Array(copy, 0, HEADER_BYTES / 4));
  return { ...rb.handle, buffer: copy };
}

const F32 = (...v: number[]) => new Float32Array(v);
const F64 = (...v: number[]) => new Float64Array(v);
const twoD = () => ndarray(new Float32Array(6), [3, 2]);

// ---- the table -------------------------------------------------------------------------------------

const wrongData: [label: string, value: Bad, error: ErrorClass, message: RegExp][] = [
  ['a plain array', [1, 2], TypeError, /plain arrays are not accepted.*new Float32Array\(\[\.\.\.\]\)/],
  ['a number', 5, TypeError, /expected a Float32Array.*got number 5/],
  ['a string', 'abc', TypeError, /got the string 'abc'/],
  ['null', null, TypeError, /got null/],
  ['undefined', undefined, TypeError, /got undefined/],
  ['an object', { a: 1 }, TypeError, /got a Object/],
  ['an ndarray-shaped object over a plain array', { data: [1, 2], shape: [2], stride: [1], offset: 0 }, TypeError, /expected a Float32Array/],
  ['a Float64Array', F64(1), TypeError, /expected a Float32Array for format 'f' \(float32\), got a Float64Array \(format 'd'\)/],
  ['a Uint8Array', new Uint8Array(4), TypeError, /expected a Float32Array.*use pushBytes\(\)/],
  ['an ArrayBuffer', new ArrayBuffer(8), TypeError, /got raw bytes/],
  ['a DataView', new DataView(new ArrayBuffer(8)), TypeError, /got raw bytes/],
  ['a 2-D ndarray', twoD(), RangeError, /expected a 1-D view, got shape \[3, 2\]/],
  ['an ndarray over a Float64Array', ndarray(F64(1, 2)), TypeError, /ndarray over a Float32Array/],
  ['an ndarray view reaching past its data', { data: F32(1, 2), shape: [3], stride: [1], offset: 0 }, RangeError, /reaches outside its data/],
  ['an ndarray view with a negative offset', { data: F32(1, 2), shape: [2], stride: [1], offset: -1 }, RangeError, /reaches outside/],
  ['an ndarray view with stride -1 from offset 0', { data: F32(1, 2), shape: [2], stride: [-1], offset: 0 }, RangeError, /reaches outside/],
  ['an ndarray view with a fractional stride', { data: F32(1, 2), shape: [2], stride: [0.5], offset: 0 }, RangeError, /invalid ndarray view/],
  ['an ndarray view with a negative length', { data: F32(1, 2), shape: [-1], stride: [1], offset: 0 }, RangeError, /invalid ndarray view/],
];

const producerCases = (entry: 'push' | 'write' | 'pushAsync' | 'pushBlocking'): Case[] => {
  const invoke = (rb: RingBuffer, data: Bad): unknown =>
    entry === 'push'
      ? rb.push(data as never)
      : entry === 'write'
        ? rb.write(data as never)
        : entry === 'pushAsync'
          ? rb.pushAsync(data as never, { timeout: 0 })
          : rb.pushBlocking(data as never, 0);
  return [
    ...wrongData.map(([label, value, error, message]) => ({ label, call: (rb: RingBuffer) => invoke(rb, value), error, message })),
    {
      label: 'a detached Float32Array',
      call: (rb) => invoke(rb, detached((b) => new Float32Array(b))),
      error: TypeError,
      message: /detached/,
    },
    {
      label: 'a Float32Array subarray of a detached buffer',
      call: (rb) => invoke(rb, detached((b) => new Float32Array(b, 4, 2))),
      error: TypeError,
      message: /detached/,
    },
    {
      label: 'a detached ArrayBuffer into a uint8 ring',
      format: 'B',
      call: (rb) => invoke(rb, detached((b) => b)),
      error: TypeError,
      message: /detached/,
    },
    {
      label: 'an ndarray over a detached Float32Array',
      call: (rb) => invoke(rb, detached((b) => ndarray(new Float32Array(b)))),
      error: TypeError,
      message: /detached/,
    },
    { label: 'an Int16Array into a uint8 ring', format: 'B', call: (rb) => invoke(rb, new Int16Array(2)), error: TypeError, message: /expected a Uint8Array for format 'B'/ },
    { label: 'a Float64Array into a float32 ring (dtype)', call: (rb) => invoke(rb, F64(1, 2)), error: TypeError, message: /Float32Array\.from\(data\)/ },
    { label: 'an Int32Array into a uint32 ring', format: 'I', call: (rb) => invoke(rb, new Int32Array(1)), error: TypeError, message: /expected a Uint32Array/ },
    { label: 'a BigInt64Array into a biguint64 ring', format: 'Q', call: (rb) => invoke(rb, new BigInt64Array(1)), error: TypeError, message: /expected a BigUint64Array/ },
    { label: 'a Float32Array into a float64 ring', format: 'd', call: (rb) => invoke(rb, F32(1)), error: TypeError, message: /expected a Float64Array/ },
  ];
};

const countCases = (entry: 'pop' | 'popAsync' | 'popBlocking'): Case[] => {
  const invoke = (rb: RingBuffer, count: Bad): unknown =>
    entry === 'pop' ? rb.pop(count as number) : entry === 'popAsync' ? rb.popAsync(count as number, { timeout: 0 }) : rb.popBlocking(count as number, 0);
  const ranges: Bad[] = [0, -1, 1.5, NaN, Infinity, 2 ** 53];
  const types: Bad[] = ['1', null, undefined, {}, [1], 1n];
  return [
    ...ranges.map((c) => ({ label: `count ${String(c)}`, call: (rb: RingBuffer) => invoke(rb, c), error: RangeError, message: /count must be a positive integer number of elements/ })),
    ...types.map((c) => ({ label: `count ${typeof c} ${String(c)}`, call: (rb: RingBuffer) => invoke(rb, c), error: TypeError, message: /count must be a number of elements/ })),
  ];
};

const corruptions: [label: string, read: number, write: number][] = [
  ['a write index of 2 * capacity', 0, 2 * CAPACITY],
  ['a negative read index', -1, 0],
  ['a write index of 2^31 - 1', 0, 2 ** 31 - 1],
  ['indices more than capacity apart', 0, CAPACITY + 3],
  ['a huge read index', 2 ** 30, 3],
];

const afterCorruption: [entry: string, call: (r: RingBuffer) => unknown][] = [
  ['readAvailable', (r) => r.readAvailable],
  ['writeAvailable', (r) => r.writeAvailable],
  ['pop', (r) => r.pop(1)],
  ['read', (r) => r.read(new Float32Array(4))],
  ['push', (r) => r.push(F32(1))],
  ['write', (r) => r.write(F32(1))],
  ['pushBytes', (r) => r.pushBytes(new Uint8Array(4))],
  ['popAsync', (r) => r.popAsync(1, { timeout: 0 })],
  ['pushAsync', (r) => r.pushAsync(F32(1), { timeout: 0 })],
  ['popBlocking', (r) => r.popBlocking(1, 0)],
  ['pushBlocking', (r) => r.pushBlocking(F32(1), 0)],
];

const TABLE: Record<string, Case[]> = {
  'new RingBuffer': [
    { label: 'no options', call: () => new RingBuffer(undefined as never), error: TypeError, message: /expected options \{ format, capacity \}, got undefined/ },
    { label: 'null options', call: () => new RingBuffer(null as never), error: TypeError, message: /expected options/ },
    { label: 'a string as options', call: () => new RingBuffer('f' as never), error: TypeError, message: /expected options/ },
    { label: "format 'x'", call: () => new RingBuffer({ format: 'x' as never, capacity: 8 }), error: TypeError, message: /unknown format 'x': expected one of 'b' \(int8\)/ },
    { label: 'format 5', call: () => new RingBuffer({ format: 5 as never, capacity: 8 }), error: TypeError, message: /unknown format 5/ },
    { label: 'no format', call: () => new RingBuffer({ capacity: 8 } as never), error: TypeError, message: /unknown format undefined/ },
    { label: 'no capacity', call: () => new RingBuffer({ format: 'f' } as never), error: TypeError, message: /capacity must be a number of elements, got undefined/ },
    { label: "capacity '8'", call: () => new RingBuffer({ format: 'f', capacity: '8' as never }), error: TypeError, message: /capacity must be a number/ },
    { label: 'capacity [8]', call: () => new RingBuffer({ format: 'f', capacity: [8] as never }), error: TypeError, message: /got a plain Array/ },
    { label: 'capacity 0', call: () => new RingBuffer({ format: 'f', capacity: 0 }), error: RangeError, message: /from 1 to 1073741824 elements, got 0/ },
    { label: 'capacity -8', call: () => new RingBuffer({ format: 'f', capacity: -8 }), error: RangeError, message: /got -8/ },
    { label: 'capacity 2^31', call: () => new RingBuffer({ format: 'b', capacity: 2 ** 31 }), error: RangeError, message: /got 2147483648/ },
  ],

  'RingBuffer.attach': [
    { label: 'undefined', call: () => RingBuffer.attach(undefined as never), error: TypeError, message: /expected a ring handle \{ buffer, format, capacity \}, got undefined/ },
    { label: 'null', call: () => RingBuffer.attach(null as never), error: TypeError, message: /expected a ring handle/ },
    { label: 'a string', call: () => RingBuffer.attach('handle' as never), error: TypeError, message: /expected a ring handle/ },
    { label: 'the ring itself', call: (rb) => RingBuffer.attach(rb as never), error: TypeError, message: /handle\.buffer must be a SharedArrayBuffer/ },
    { label: 'an empty object', call: () => RingBuffer.attach({} as never), error: TypeError, message: /handle\.buffer must be a SharedArrayBuffer, got undefined/ },
    {
      label: 'a non-shared ArrayBuffer holding a valid header',
      call: (rb) => {
        const copy = new ArrayBuffer(rb.handle.buffer.byteLength);
        new Uint8Array(copy).set(new Uint8Array(rb.handle.buffer));
        return RingBuffer.attach({ ...rb.handle, buffer: copy as never });
      },
      error: TypeError,
      message: /handle\.buffer must be a SharedArrayBuffer, got a ArrayBuffer/,
    },
    { label: 'a detached ArrayBuffer', call: (rb) => RingBuffer.attach({ ...rb.handle, buffer: detached((b) => b, 512) as never }), error: TypeError, message: /must be a SharedArrayBuffer/ },
    { label: 'a Uint8Array over the shared memory', call: (rb) => RingBuffer.attach({ ...rb.handle, buffer: new Uint8Array(rb.handle.buffer) as never }), error: TypeError, message: /must be a SharedArrayBuffer, got a Uint8Array/ },
    { label: 'a wrong magic', call: (rb) => RingBuffer.attach(forge(rb, (w) => (w[W_MAGIC] = 0x12345678))), error: TypeError, message: /not a ringflow ring \(bad magic\)/ },
    { label: 'a zeroed header', call: (rb) => RingBuffer.attach(forge(rb, (w) => w.fill(0))), error: TypeError, message: /bad magic/ },
    { label: 'a wrong version', call: (rb) => RingBuffer.attach(forge(rb, (w) => (w[W_VERSION] = 99))), error: TypeError, message: new RegExp(`layout version 99, this build reads version ${VERSION}`) },
    { label: 'a handle from another layout version', call: (rb) => RingBuffer.attach({ ...rb.handle, version: 1 }), error: TypeError, message: new RegExp(`handle\\.version 1, this build reads version ${VERSION}`) },
    { label: 'a format mismatch', call: (rb) => RingBuffer.attach({ ...rb.handle, format: 'd' }), error: TypeError, message: /handle\.format 'd' does not match the ring's format 'f'/ },
    { label: 'an unknown handle format', call: (rb) => RingBuffer.attach({ ...rb.handle, format: 'x' as never }), error: TypeError, message: /unknown format 'x'/ },
    { label: 'a header format id of 99', call: (rb) => RingBuffer.attach(forge(rb, (w) => (w[W_FORMAT] = 99))), error: TypeError, message: /names no valid format \(corrupted header\)/ },
    { label: 'a header format id of 0', call: (rb) => RingBuffer.attach(forge(rb, (w) => (w[W_FORMAT] = 0))), error: TypeError, message: /corrupted header/ },
    { label: 'a header itemsize that disagrees with the format', call: (rb) => RingBuffer.attach(forge(rb, (w) => (w[W_ITEMSIZE] = 8))), error: TypeError, message: /corrupted header/ },
    { label: 'a capacity mismatch', call: (rb) => RingBuffer.attach({ ...rb.handle, capacity: CAPACITY + 1 }), error: RangeError, message: /handle\.capacity 9 does not match the ring's capacity 8/ },
    { label: "a capacity of '8'", call: (rb) => RingBuffer.attach({ ...rb.handle, capacity: '8' as never }), error: RangeError, message: /does not match/ },
    { label: 'a header capacity of 0', call: (rb) => RingBuffer.attach(forge(rb, (w) => (w[W_CAPACITY] = 0))), error: RangeError, message: /corrupted header \(capacity 0\)/ },
    { label: 'a negative header capacity', call: (rb) => RingBuffer.attach(forge(rb, (w) => (w[W_CAPACITY] = -5))), error: RangeError, message: /corrupted header \(capacity -5\)/ },
    {
      label: 'a header capacity above the maximum',
      call: (rb) => RingBuffer.attach({ ...forge(rb, (w) => (w[W_CAPACITY] = MAX_CAPACITY + 1)), capacity: MAX_CAPACITY + 1 }),
      error: RangeError,
      message: /corrupted header \(capacity 1073741825\)/,
    },
    {
      label: 'a header capacity larger than the buffer holds',
      call: (rb) => RingBuffer.attach({ ...forge(rb, (w) => (w[W_CAPACITY] = 1000)), capacity: 1000 }),
      error: RangeError,
      message: /too small for 1000 elements of 'f'/,
    },
    {
      label: 'a buffer one byte too small',
      call: (rb) => RingBuffer.attach(forge(rb, () => {}, HEADER_BYTES + CAPACITY * 4 - 1)),
      error: RangeError,
      message: /too small for 8 elements/,
    },
    { label: 'a buffer smaller than the header', call: (rb) => RingBuffer.attach(forge(rb, () => {}, 100)), error: RangeError, message: /holds 100 bytes, less than a ring header/ },
    { label: 'an empty SharedArrayBuffer', call: (rb) => RingBuffer.attach({ ...rb.handle, buffer: new SharedArrayBuffer(0) }), error: RangeError, message: /holds 0 bytes/ },
    // Corrupted indices: attaching works (the header names a ring), the next operation refuses.
    ...corruptions.flatMap(([label, read, write]) =>
      afterCorruption.map(([entry, call]) => ({
        label: `${label}, then ${entry}`,
        call: (rb: RingBuffer) => {
          const other = RingBuffer.attach(
            forge(rb, (w) => {
              w[W_READ] = read;
              w[W_WRITE] = write;
            }),
          );
          return call(other);
        },
        error: RangeError,
        message: /corrupted header \(read index -?\d+, write index \d+, capacity 8\); refusing to touch the data/,
      })),
    ),
  ],

  push: producerCases('push'),
  write: producerCases('write'),
  pushAsync: [
    ...producerCases('pushAsync'),
    { label: 'timeout -1', call: (rb) => rb.pushAsync(F32(1), { timeout: -1 }), error: RangeError, message: /timeout must be >= 0 milliseconds, got -1/ },
    { label: "timeout 'x'", call: (rb) => rb.pushAsync(F32(1), { timeout: 'x' as never }), error: TypeError, message: /timeout must be a number of milliseconds/ },
    { label: "signal 'x'", call: (rb) => rb.pushAsync(F32(1), { signal: 'x' as never }), error: TypeError, message: /options\.signal must be an AbortSignal, got the string 'x'/ },
    { label: 'options 1', call: (rb) => rb.pushAsync(F32(1), 1 as never), error: TypeError, message: /options must be an object like \{ signal, timeout \}/ },
  ],
  pushBlocking: [
    ...producerCases('pushBlocking'),
    { label: 'timeout -1', call: (rb) => rb.pushBlocking(F32(1), -1), error: RangeError, message: /pushBlocking: timeout must be >= 0/ },
    { label: 'timeout NaN', call: (rb) => rb.pushBlocking(F32(1), NaN), error: RangeError, message: /timeout must be >= 0/ },
    { label: "timeout '1'", call: (rb) => rb.pushBlocking(F32(1), '1' as never), error: TypeError, message: /timeout must be a number/ },
  ],

  read: [
    { label: 'a plain array', call: (rb) => rb.read([0, 0] as never), error: TypeError, message: /read: target must be a Float32Array \(or a 1-D ndarray view over one\), got a plain Array/ },
    { label: 'null', call: (rb) => rb.read(null as never), error: TypeError, message: /target must be a Float32Array/ },
    { label: 'undefined', call: (rb) => rb.read(undefined as never), error: TypeError, message: /got undefined/ },
    { label: 'a number', call: (rb) => rb.read(4 as never), error: TypeError, message: /got number 4/ },
    { label: 'an ArrayBuffer', call: (rb) => rb.read(new ArrayBuffer(16) as never), error: TypeError, message: /got a ArrayBuffer/ },
    { label: 'a Float64Array', call: (rb) => rb.read(F64(0, 0) as never), error: TypeError, message: /expected a Float32Array.*got a Float64Array/ },
    { label: 'a Uint8Array', call: (rb) => rb.read(new Uint8Array(16) as never), error: TypeError, message: /expected a Float32Array/ },
    { label: 'a Float64Array into a uint8 ring', format: 'B', call: (rb) => rb.read(F64(0) as never), error: TypeError, message: /expected a Uint8Array/ },
    { label: 'a 2-D ndarray', call: (rb) => rb.read(twoD() as never), error: RangeError, message: /expected a 1-D view/ },
    { label: 'an ndarray over a Float64Array', call: (rb) => rb.read(ndarray(F64(0, 0)) as never), error: TypeError, message: /ndarray over a Float32Array/ },
    { label: 'an ndarray view reaching past its data', call: (rb) => rb.read({ data: F32(0, 0), shape: [2], stride: [2], offset: 0 }), error: RangeError, message: /reaches outside/ },
    { label: 'a detached Float32Array', call: (rb) => rb.read(detached((b) => new Float32Array(b))), error: TypeError, message: /detached/ },
    { label: 'an ndarray over a detached Float32Array', call: (rb) => rb.read(detached((b) => ndarray(new Float32Array(b)))), error: TypeError, message: /detached/ },
  ],

  pop: countCases('pop'),
  popAsync: [
    ...countCases('popAsync'),
    { label: 'timeout NaN', call: (rb) => rb.popAsync(1, { timeout: NaN }), error: RangeError, message: /popAsync: timeout must be >= 0 milliseconds, got NaN/ },
    { label: 'timeout -Infinity', call: (rb) => rb.popAsync(1, { timeout: -Infinity }), error: RangeError, message: /timeout must be >= 0/ },
    { label: 'timeout null', call: (rb) => rb.popAsync(1, { timeout: null as never }), error: TypeError, message: /timeout must be a number/ },
    { label: 'a signal that is a plain object', call: (rb) => rb.popAsync(1, { signal: { aborted: true } as never }), error: TypeError, message: /signal must be an AbortSignal/ },
  ],
  popBlocking: [
    ...countCases('popBlocking'),
    { label: 'timeout -1', call: (rb) => rb.popBlocking(1, -1), error: RangeError, message: /popBlocking: timeout must be >= 0/ },
    { label: "timeout 'x'", call: (rb) => rb.popBlocking(1, 'x' as never), error: TypeError, message: /timeout must be a number/ },
  ],

  pushBytes: [
    { label: 'a Float32Array', call: (rb) => rb.pushBytes(F32(1) as never), error: TypeError, message: /expected raw bytes \(Uint8Array, Buffer, DataView or ArrayBuffer\), got a Float32Array; use push\(\)/ },
    { label: 'an Int8Array', call: (rb) => rb.pushBytes(new Int8Array(4) as never), error: TypeError, message: /expected raw bytes/ },
    { label: 'a plain array', call: (rb) => rb.pushBytes([0, 0, 0, 0] as never), error: TypeError, message: /got a plain Array/ },
    { label: 'a string', call: (rb) => rb.pushBytes('abcd' as never), error: TypeError, message: /got the string 'abcd'/ },
    { label: 'null', call: (rb) => rb.pushBytes(null as never), error: TypeError, message: /got null/ },
    { label: 'an ndarray over bytes', call: (rb) => rb.pushBytes(ndarray(new Uint8Array(4)) as never), error: TypeError, message: /expected raw bytes/ },
    { label: '3 bytes into a float32 ring', call: (rb) => rb.pushBytes(new Uint8Array(3)), error: RangeError, message: /3 bytes is not a whole number of 4-byte 'f' elements/ },
    { label: '12 bytes into a float64 ring', format: 'd', call: (rb) => rb.pushBytes(new Uint8Array(12)), error: RangeError, message: /12 bytes is not a whole number of 8-byte 'd' elements/ },
    { label: 'a 6-byte DataView into a float32 ring', call: (rb) => rb.pushBytes(new DataView(new ArrayBuffer(6))), error: RangeError, message: /6 bytes/ },
    { label: 'a 2-byte ArrayBuffer into an int32 ring', format: 'i', call: (rb) => rb.pushBytes(new ArrayBuffer(2)), error: RangeError, message: /2 bytes/ },
    { label: 'a detached Uint8Array', call: (rb) => rb.pushBytes(detached((b) => new Uint8Array(b))), error: TypeError, message: /detached/ },
    { label: 'a detached ArrayBuffer', call: (rb) => rb.pushBytes(detached((b) => b)), error: TypeError, message: /detached/ },
    { label: 'a DataView over a detached buffer', call: (rb) => rb.pushBytes(detached((b) => new DataView(b))), error: TypeError, message: /detached/ },
  ],

  concatenate: [
    { label: 'nothing', call: () => concatenate(...([] as never[])), error: RangeError, message: /expected at least one item, got none/ },
    { label: 'a plain array', call: () => concatenate([1, 2] as never), error: TypeError, message: /item 0 is a plain Array; wrap the values in a TypedArray/ },
    { label: 'a plain array after a typed one', call: () => concatenate(F32(1), [1, 2] as never), error: TypeError, message: /item 1 is a plain Array/ },
    { label: 'a number', call: () => concatenate(5 as never), error: TypeError, message: /item 0 must be a TypedArray, raw bytes or a 1-D ndarray view, got number 5/ },
    { label: 'a string', call: () => concatenate(F32(1), 'x' as never), error: TypeError, message: /item 1 .*got the string 'x'/ },
    { label: 'null', call: () => concatenate(null as never), error: TypeError, message: /got null/ },
    { label: 'undefined after a typed one', call: () => concatenate(F32(1), undefined as never), error: TypeError, message: /item 1 .*got undefined/ },
    { label: 'an object', call: () => concatenate({} as never), error: TypeError, message: /got a Object/ },
    { label: 'float32 then float64', call: () => concatenate(F32(1), F64(2)), error: TypeError, message: /item 1 has format 'd' \(float64\) but item 0 has 'f' \(float32\)/ },
    { label: 'uint8 then int8', call: () => concatenate(new Uint8Array(1), new Int8Array(1)), error: TypeError, message: /item 1 has format 'b'/ },
    { label: 'float32 then raw bytes', call: () => concatenate(F32(1), new ArrayBuffer(4)), error: TypeError, message: /item 1 has format 'B'/ },
    { label: 'float32 then an ndarray over float64', call: () => concatenate(F32(1), ndarray(F64(1))), error: TypeError, message: /item 1 has format 'd'/ },
    { label: 'a 2-D ndarray', call: () => concatenate(F32(1), twoD()), error: RangeError, message: /expected a 1-D view, got shape \[3, 2\]/ },
    { label: 'a detached Float32Array', call: () => concatenate(F32(1), detached((b) => new Float32Array(b))), error: TypeError, message: /detached/ },
  ],

  asNdarray: [
    { label: 'a plain array', call: () => asNdarray([1, 2] as never), error: TypeError, message: /asNdarray: expected a TypedArray, got a plain Array/ },
    { label: 'a DataView', call: () => asNdarray(new DataView(new ArrayBuffer(4)) as never), error: TypeError, message: /got a DataView/ },
    { label: 'an ArrayBuffer', call: () => asNdarray(new ArrayBuffer(4) as never), error: TypeError, message: /got a ArrayBuffer/ },
    { label: 'a string', call: () => asNdarray('abc' as never), error: TypeError, message: /got the string 'abc'/ },
    { label: 'null', call: () => asNdarray(null as never), error: TypeError, message: /got null/ },
    { label: '3 channels of 4 samples', call: () => asNdarray(F32(1, 2, 3, 4), 3), error: RangeError, message: /4 samples is not a whole number of 3-channel frames/ },
    { label: '0 channels', call: () => asNdarray(F32(1), 0), error: RangeError, message: /channels must be a positive integer, got 0/ },
    { label: '1.5 channels', call: () => asNdarray(F32(1, 2, 3), 1.5), error: RangeError, message: /got 1\.5/ },
    { label: 'NaN channels', call: () => asNdarray(F32(1), NaN), error: RangeError, message: /got NaN/ },
    { label: "channels '2'", call: () => asNdarray(F32(1, 2), '2' as never), error: TypeError, message: /channels must be a number, got the string '2'/ },
    { label: 'a detached Float32Array', call: () => asNdarray(detached((b) => new Float32Array(b))), error: TypeError, message: /asNdarray: .*detached/ },
  ],

  toPlanar: [
    { label: 'a plain array', call: () => toPlanar([1, 2] as never, 2), error: TypeError, message: /toPlanar: expected a TypedArray, got a plain Array/ },
    { label: 'an ndarray', call: () => toPlanar(ndarray(F32(1, 2)) as never, 1), error: TypeError, message: /expected a TypedArray/ },
    { label: 'undefined', call: () => toPlanar(undefined as never, 1), error: TypeError, message: /got undefined/ },
    { label: '3 channels of 4 samples', call: () => toPlanar(F32(1, 2, 3, 4), 3), error: RangeError, message: /4 samples is not a whole number of 3-channel frames/ },
    { label: 'no channel count', call: () => toPlanar(F32(1, 2), undefined as never), error: TypeError, message: /channels must be a number, got undefined/ },
    { label: '-2 channels', call: () => toPlanar(F32(1, 2), -2), error: RangeError, message: /channels must be a positive integer/ },
    { label: 'too few output channels', call: () => toPlanar(F32(1, 2, 3, 4), 2, [F32(0, 0)]), error: RangeError, message: /expected 2 output channels, got 1/ },
    { label: 'an output channel of another class', call: () => toPlanar(F32(1, 2, 3, 4), 2, [F32(0, 0), F64(0, 0) as never]), error: TypeError, message: /output channel 1 must be a Float32Array, got a Float64Array/ },
    { label: 'a short output channel', call: () => toPlanar(F32(1, 2, 3, 4), 2, [F32(0, 0), F32(0)]), error: RangeError, message: /output channel 1 holds 1 samples, needs 2/ },
    { label: 'a plain array as output channel', call: () => toPlanar(F32(1, 2), 1, [[0, 0] as never]), error: TypeError, message: /output channel 0 must be a Float32Array, got a plain Array/ },
    { label: 'a detached Float32Array', call: () => toPlanar(detached((b) => new Float32Array(b)), 2), error: TypeError, message: /toPlanar: .*detached/ },
  ],

  toInterleaved: [
    { label: 'no channels', call: () => toInterleaved([]), error: RangeError, message: /expected a non-empty array of channels/ },
    { label: 'a Float32Array instead of an array of channels', call: () => toInterleaved(F32(1, 2) as never), error: TypeError, message: /expected an array of channels \(one TypedArray each\), got a Float32Array/ },
    { label: 'a string', call: () => toInterleaved('ab' as never), error: TypeError, message: /got the string 'ab'/ },
    { label: 'undefined', call: () => toInterleaved(undefined as never), error: TypeError, message: /got undefined/ },
    { label: 'a plain array as channel 0', call: () => toInterleaved([[1, 2]] as never), error: TypeError, message: /channel 0 must be a TypedArray, got a plain Array/ },
    { label: 'mixed classes', call: () => toInterleaved([F32(1), F64(1)] as never), error: TypeError, message: /channel 1 must be a Float32Array, got a Float64Array/ },
    { label: 'unequal lengths', call: () => toInterleaved([F32(1, 2), F32(1, 2, 3)]), error: RangeError, message: /channel 1 has 3 samples, channel 0 has 2/ },
    { label: 'an out of another class', call: () => toInterleaved([F32(1), F32(2)], F64(0, 0) as never), error: TypeError, message: /out must be a Float32Array, got a Float64Array/ },
    { label: 'a short out', call: () => toInterleaved([F32(1, 2), F32(3, 4)], F32(0, 0, 0)), error: RangeError, message: /out holds 3 samples, needs 4/ },
    { label: 'a detached channel 0', call: () => toInterleaved([detached((b) => new Float32Array(b)), new Float32Array(0)]), error: TypeError, message: /channel 0: .*detached/ },
    { label: 'a detached channel 1', call: () => toInterleaved([new Float32Array(0), detached((b) => new Float32Array(b))]), error: TypeError, message: /channel 1: .*detached/ },
  ],
};

describe('bad input', () => {
  for (const [entry, cases] of Object.entries(TABLE)) {
    describe(entry, () => {
      for (const c of cases) {
        const format = c.format ?? 'f';
        it(`throws ${c.error.name} and leaves a '${format}' ring unchanged when given ${c.label}`, async () => {
          const rb = ringWithData(format);
          const before = snapshot(rb);
          const error = await outcome(() => c.call(rb));
          expect(error).toBeInstanceOf(c.error);
          // A RangeError is not a TypeError and vice versa: the class is part of the contract.
          expect((error as Error).constructor).toBe(c.error);
          expect((error as Error).message).toMatch(c.message);
          expect(snapshot(rb)).toEqual(before);
          expect(rb.readAvailable).toBe(4);
          expect(rb.closed).toBe(false);
          const rest = rb.pop(CAPACITY)!;
          expect(Array.from(rest as ArrayLike<number | bigint>, Number)).toEqual([1, 2, 3, 4]);
        });
      }
    });
  }
});
