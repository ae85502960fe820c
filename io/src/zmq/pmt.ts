import type { TypedArray } from '@ringflow/core';

/**
 * A value in GNU Radio's polymorphic type (PMT), as JavaScript sees it.
 *
 * @remarks
 * How PMT types map (both ways unless noted):
 * - symbol (GNU Radio's strings are symbols) <-> `string`;
 * - `#t`/`#f` <-> `boolean`; `PMT_NIL` <-> `null`;
 * - long (serialised as 32-bit when it fits, else 64-bit) <-> integer `number` (a safe integer),
 *   or `bigint` beyond 2^53; uint64 -> `number` (or `bigint` beyond 2^53);
 * - double <-> `number` that is not an integer (an integral double decodes to an integral number,
 *   which encodes as a long: GNU Radio's `pmt::to_double`/`to_uint64` accept longs; wrap it as
 *   {@link PmtDouble} to keep it a double);
 * - complex <-> `{ re, im }`;
 * - tuple <-> array (`rx_time` is a tuple `(uint64 seconds, double fraction)`);
 * - vector <-> {@link PmtVector}; pair/list <-> {@link PmtPair}; dict <-> `Map`;
 * - uniform vectors <-> TypedArrays (`u8vector` `Uint8Array`, `s8vector` `Int8Array`, ...,
 *   `f32vector` `Float32Array`, `f64vector` `Float64Array`, `u64vector` `BigUint64Array`,
 *   `s64vector` `BigInt64Array`); `c32vector`/`c64vector` <-> {@link PmtComplexVector}.
 */
export type PmtValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PmtComplex
  | readonly PmtValue[]
  | PmtDouble
  | PmtLong
  | PmtUint64
  | PmtVector
  | PmtPair
  | PmtComplexVector
  | ReadonlyMap<PmtValue, PmtValue>
  | TypedArray;

/** A PMT complex number (`pmt::from_complex`). */
export interface PmtComplex {
  readonly re: number;
  readonly im: number;
}
/** A number forced to be a PMT double (`pmt::from_double`), even when it is integral. */
export interface PmtDouble {
  readonly pmt: 'double';
  readonly value: number;
}
/** A number forced to be a PMT long (`pmt::from_long`, a signed 64-bit integer). */
export interface PmtLong {
  readonly pmt: 'long';
  readonly value: number | bigint;
}
/** A number forced to be a PMT uint64 (`pmt::from_uint64`). */
export interface PmtUint64 {
  readonly pmt: 'uint64';
  readonly value: number | bigint;
}
/** A PMT vector (`pmt::make_vector`): a fixed-length array of PMTs, distinct from a tuple. */
export interface PmtVector {
  readonly pmt: 'vector';
  readonly items: readonly PmtValue[];
}
/** A PMT pair (`pmt::cons`); lists are chains of pairs ending in `null`. */
export interface PmtPair {
  readonly pmt: 'pair';
  readonly car: PmtValue;
  readonly cdr: PmtValue;
}
/** A PMT complex uniform vector: `data` holds interleaved (re, im) pairs. */
export interface PmtComplexVector {
  readonly pmt: 'c32vector' | 'c64vector';
  readonly data: Float32Array | Float64Array;
}

// Serial tags (gnuradio-runtime/include/pmt/pmt_serial_tags.h).
const PST_TRUE = 0x00;
const PST_FALSE = 0x01;
const PST_SYMBOL = 0x02;
const PST_INT32 = 0x03;
const PST_DOUBLE = 0x04;
const PST_COMPLEX = 0x05;
const PST_NULL = 0x06;
const PST_PAIR = 0x07;
const PST_VECTOR = 0x08;
const PST_DICT = 0x09;
const PST_UNIFORM_VECTOR = 0x0a;
const PST_UINT64 = 0x0b;
const PST_TUPLE = 0x0c;
const PST_INT64 = 0x0d;

/** Uniform vector subtypes, in UVI order (u8 s8 u16 s16 u32 s32 u64 s64 f32 f64 c32 c64). */
const UNIFORM = [Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array, BigUint64Array, BigInt64Array, Float32Array, Float64Array] as const;

/** GNU Radio 3.10 reads symbols into a 1024-byte buffer: longer ones cannot be decoded there. */
const MAX_SYMBOL_BYTES = 1024;
const MAX_DEPTH = 64;
const INT32_MIN = -0x8000_0000;
const INT32_MAX = 0x7fff_ffff;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Growable byte writer, big-endian as PMT serialisation is. */
class Writer {
  bytes = new Uint8Array(64);
  view = new DataView(this.bytes.buffer);
  length = 0;

  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.reserve(1);
    this.bytes[this.length++] = v;
  }
  u16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, v);
    this.length += 2;
  }
  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v);
    this.length += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, v);
    this.length += 4;
  }
  u64(v: bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.length, BigInt.asUintN(64, v));
    this.length += 8;
  }
  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v);
    this.length += 8;
  }
  raw(b: Uint8Array): void {
    this.reserve(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name !== undefined && name !== 'Object' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return `${typeof value} ${String(value)}`;
}

function writeLong(w: Writer, value: number | bigint, what: string): void {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  if (big < INT64_MIN || big > INT64_MAX) throw new RangeError(`${what}: ${value} does not fit a PMT long (a signed 64-bit integer)`);
  if (big >= INT32_MIN && big <= INT32_MAX) {
    w.u8(PST_INT32);
    w.i32(Number(big));
  } else {
    w.u8(PST_INT64);
    w.u64(big);
  }
}

function integral(value: number | bigint, what: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`${what}: expected a safe integer, got ${value}`);
  return typeof value === 'bigint' ? value : BigInt(value);
}

function uniformSubtype(value: ArrayBufferView): number {
  for (let i = 0; i < UNIFORM.length; i++) if (value instanceof UNIFORM[i]!) return i;
  return -1;
}

function writeUniform(w: Writer, subtype: number, count: number, elements: ArrayBufferView, itemsize: number): void {
  w.u8(PST_UNIFORM_VECTOR);
  w.u8(subtype);
  w.u32(count);
  w.u8(1); // npad: GNU Radio writes one zero pad byte
  w.u8(0);
  const bytes = new Uint8Array(elements.buffer, elements.byteOffset, elements.byteLength);
  w.reserve(bytes.length);
  // Each element big-endian (a byte swap per element on little-endian hosts).
  const out = w.bytes;
  let at = w.length;
  if (itemsize === 1) {
    out.set(bytes, at);
  } else {
    const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    for (let i = 0; i < bytes.length; i += itemsize) {
      for (let k = 0; k < itemsize; k++) out[at + k] = bytes[i + (little ? itemsize - 1 - k : k)]!;
      at += itemsize;
    }
  }
  w.length += bytes.length;
}

function serializeInto(w: Writer, value: PmtValue, depth: number, what: string): void {
  if (depth > MAX_DEPTH) throw new RangeError(`${what}: PMT nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return w.u8(PST_NULL);
  switch (typeof value) {
    case 'boolean':
      return w.u8(value ? PST_TRUE : PST_FALSE);
    case 'string': {
      const bytes = encoder.encode(value);
      if (bytes.length > MAX_SYMBOL_BYTES) {
        throw new RangeError(`${what}: a symbol of ${bytes.length} UTF-8 bytes is longer than the ${MAX_SYMBOL_BYTES} bytes GNU Radio 3.10 can read`);
      }
      w.u8(PST_SYMBOL);
      w.u16(bytes.length);
      return w.raw(bytes);
    }
    case 'number':
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) return writeLong(w, value, what);
      w.u8(PST_DOUBLE);
      return w.f64(value);
    case 'bigint':
      if (value > INT64_MAX && value <= UINT64_MAX) {
        w.u8(PST_UINT64);
        return w.u64(value);
      }
      return writeLong(w, value, what);
    case 'object':
      break;
    default:
      throw new TypeError(`${what}: cannot serialise ${describe(value)} as a PMT`);
  }
  if (Array.isArray(value)) {
    w.u8(PST_TUPLE);
    w.u32(value.length);
    for (const item of value as readonly PmtValue[]) serializeInto(w, item, depth + 1, what);
    return;
  }
  if (ArrayBuffer.isView(value)) {
    const subtype = uniformSubtype(value);
    if (subtype < 0) throw new TypeError(`${what}: cannot serialise ${describe(value)} as a PMT uniform vector`);
    const typed = value as unknown as Uint8Array;
    return writeUniform(w, subtype, typed.length, typed, typed.BYTES_PER_ELEMENT);
  }
  if (value instanceof Map) {
    // A dict is a chain of dict cells whose cars are (key . value) pairs, ending in NIL.
    for (const [key, item] of value as ReadonlyMap<PmtValue, PmtValue>) {
      w.u8(PST_DICT);
      w.u8(PST_PAIR);
      serializeInto(w, key, depth + 1, what);
      serializeInto(w, item, depth + 1, what);
    }
    return w.u8(PST_NULL);
  }
  const tagged = value as { pmt?: unknown };
  switch (tagged.pmt) {
    case 'double': {
      const v = (value as PmtDouble).value;
      if (typeof v !== 'number') throw new TypeError(`${what}: a PMT double needs a number value, got ${describe(v)}`);
      w.u8(PST_DOUBLE);
      return w.f64(v);
    }
    case 'long':
      return writeLong(w, integral((value as PmtLong).value, what), what);
    case 'uint64': {
      const v = integral((value as PmtUint64).value, what);
      if (v < 0n || v > UINT64_MAX) throw new RangeError(`${what}: ${v} does not fit a PMT uint64`);
      w.u8(PST_UINT64);
      return w.u64(v);
    }
    case 'vector': {
      const items = (value as PmtVector).items;
      if (!Array.isArray(items)) throw new TypeError(`${what}: a PMT vector needs an items array, got ${describe(items)}`);
      w.u8(PST_VECTOR);
      w.u32(items.length);
      for (const item of items) serializeInto(w, item, depth + 1, what);
      return;
    }
    case 'pair': {
      // A list (a b c) is pairs chained through their cdr; written iteratively, as GNU Radio does.
      let cell: PmtValue = value;
      let links = 0;
      while (typeof cell === 'object' && cell !== null && (cell as { pmt?: unknown }).pmt === 'pair') {
        if (++links > 1_000_000) throw new RangeError(`${what}: PMT list longer than 1 000 000 pairs`);
        w.u8(PST_PAIR);
        serializeInto(w, (cell as PmtPair).car, depth + 1, what);
        cell = (cell as PmtPair).cdr;
      }
      return serializeInto(w, cell, depth + 1, what);
    }
    case 'c32vector':
    case 'c64vector': {
      const { data } = value as PmtComplexVector;
      const Want = tagged.pmt === 'c32vector' ? Float32Array : Float64Array;
      if (!(data instanceof Want) || data.length % 2 !== 0) {
        throw new TypeError(`${what}: a PMT ${tagged.pmt} needs a ${Want.name} of interleaved (re, im) pairs, got ${describe(data)}${ArrayBuffer.isView(data) ? ` of length ${(data as Float32Array).length}` : ''}`);
      }
      return writeUniform(w, tagged.pmt === 'c32vector' ? 10 : 11, data.length / 2, data, data.BYTES_PER_ELEMENT);
    }
    default:
      break;
  }
  const c = value as Partial<PmtComplex>;
  if (typeof c.re === 'number' && typeof c.im === 'number' && Object.keys(value).length === 2) {
    w.u8(PST_COMPLEX);
    w.f64(c.re);
    return w.f64(c.im);
  }
  throw new TypeError(`${what}: cannot serialise ${describe(value)} as a PMT (expected null, boolean, number, bigint, string, { re, im }, an array, a Map, a TypedArray or a pmt.* wrapper)`);
}

/** Thrown for bytes that are not a valid PMT serialisation. */
class PmtFormatError extends RangeError {
  override readonly name = 'PmtFormatError';
}

/** Big-endian byte reader over one PMT serialisation; every read is bounds-checked. */
class Reader {
  readonly view: DataView;
  at: number;
  constructor(
    readonly bytes: Uint8Array,
    start: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = start;
  }
  need(n: number, what: string): void {
    if (this.at + n > this.bytes.length) {
      throw new PmtFormatError(`pmt.deserialize: truncated input: ${what} needs ${n} bytes at byte ${this.at}, ${this.bytes.length - this.at} left`);
    }
  }
  u8(): number {
    this.need(1, 'a tag');
    return this.bytes[this.at++]!;
  }
  u16(): number {
    this.need(2, 'a 16-bit length');
    const v = this.view.getUint16(this.at);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4, 'a 32-bit value');
    const v = this.view.getUint32(this.at);
    this.at += 4;
    return v;
  }
  i32(): number {
    this.need(4, 'a 32-bit value');
    const v = this.view.getInt32(this.at);
    this.at += 4;
    return v;
  }
  u64(): bigint {
    this.need(8, 'a 64-bit value');
    const v = this.view.getBigUint64(this.at);
    this.at += 8;
    return v;
  }
  f64(): number {
    this.need(8, 'a double');
    const v = this.view.getFloat64(this.at);
    this.at += 8;
    return v;
  }
}

function fromBig(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function readUniform(r: Reader): PmtValue {
  const subtype = r.u8();
  const count = r.u32();
  const npad = r.u8();
  r.need(npad, 'uniform vector padding');
  r.at += npad;
  if (subtype > 11 || (subtype & 0x80) !== 0) throw new PmtFormatError(`pmt.deserialize: unknown uniform vector subtype 0x${subtype.toString(16)}`);
  const complex = subtype >= 10;
  const Type = complex ? (subtype === 10 ? Float32Array : Float64Array) : UNIFORM[subtype]!;
  const length = complex ? count * 2 : count;
  const itemsize = Type.BYTES_PER_ELEMENT;
  r.need(length * itemsize, `a uniform vector of ${count} elements`);
  const out = new Type(length);
  const dst = new Uint8Array(out.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const src = r.bytes;
  const base = r.at;
  if (itemsize === 1 || !little) dst.set(src.subarray(base, base + dst.length));
  else {
    for (let i = 0; i < dst.length; i += itemsize) {
      for (let k = 0; k < itemsize; k++) dst[i + k] = src[base + i + itemsize - 1 - k]!;
    }
  }
  r.at += dst.length;
  if (complex) return { pmt: subtype === 10 ? 'c32vector' : 'c64vector', data: out as Float32Array | Float64Array };
  return out as PmtValue;
}

function readValue(r: Reader, depth: number): PmtValue {
  if (depth > MAX_DEPTH) throw new PmtFormatError(`pmt.deserialize: PMT nested deeper than ${MAX_DEPTH} levels`);
  const tag = r.u8();
  switch (tag) {
    case PST_TRUE:
      return true;
    case PST_FALSE:
      return false;
    case PST_NULL:
      return null;
    case PST_SYMBOL: {
      const n = r.u16();
      r.need(n, 'a symbol');
      let text: string;
      try {
        text = decoder.decode(r.bytes.subarray(r.at, r.at + n));
      } catch {
        throw new PmtFormatError(`pmt.deserialize: a symbol at byte ${r.at} is not valid UTF-8`);
      }
      r.at += n;
      return text;
    }
    case PST_INT32:
      return r.i32();
    case PST_INT64:
      return fromBig(BigInt.asIntN(64, r.u64()));
    case PST_UINT64:
      return fromBig(r.u64());
    case PST_DOUBLE:
      return r.f64();
    case PST_COMPLEX: {
      const re = r.f64();
      return { re, im: r.f64() };
    }
    case PST_TUPLE:
    case PST_VECTOR: {
      const n = r.u32();
      // Every item takes at least one byte: a count beyond what is left is malformed, not an allocation.
      r.need(n, `${n} items`);
      const items: PmtValue[] = [];
      for (let i = 0; i < n; i++) items.push(readValue(r, depth + 1));
      return tag === PST_TUPLE ? items : { pmt: 'vector', items };
    }
    case PST_PAIR: {
      // Lists chain through the cdr: read them in a loop, not by recursion.
      const cars: PmtValue[] = [readValue(r, depth + 1)];
      for (;;) {
        r.need(1, 'a tag');
        if (r.bytes[r.at] !== PST_PAIR) break;
        r.at++;
        cars.push(readValue(r, depth + 1));
      }
      let cdr = readValue(r, depth + 1);
      for (let i = cars.length - 1; i >= 0; i--) cdr = { pmt: 'pair', car: cars[i]!, cdr };
      return cdr;
    }
    case PST_DICT: {
      const map = new Map<PmtValue, PmtValue>();
      for (;;) {
        const entry = readValue(r, depth + 1);
        if (typeof entry !== 'object' || entry === null || (entry as { pmt?: unknown }).pmt !== 'pair') {
          throw new PmtFormatError('pmt.deserialize: a dict entry is not a (key . value) pair');
        }
        map.set((entry as PmtPair).car, (entry as PmtPair).cdr);
        const next = r.u8();
        if (next === PST_NULL) return map;
        if (next !== PST_DICT) throw new PmtFormatError(`pmt.deserialize: a dict ends in tag 0x${next.toString(16)}, not another entry or NIL`);
      }
    }
    case PST_UNIFORM_VECTOR:
      return readUniform(r);
    default:
      throw new PmtFormatError(`pmt.deserialize: malformed input, unknown tag 0x${tag.toString(16)} at byte ${r.at - 1}`);
  }
}

/**
 * Serialises one PMT value into `writer`-compatible bytes; internal entry for the tag codecs.
 * @internal
 */
export function serializePmtInto(w: { raw(bytes: Uint8Array): void }, value: PmtValue, what: string): void {
  const inner = new Writer();
  serializeInto(inner, value, 0, what);
  w.raw(inner.bytes.subarray(0, inner.length));
}

/**
 * Reads one PMT value at `offset` of `bytes`; returns it and the offset just past it.
 * @internal
 */
export function deserializePmtAt(bytes: Uint8Array, offset: number): { value: PmtValue; end: number } {
  const r = new Reader(bytes, offset);
  const value = readValue(r, 0);
  return { value, end: r.at };
}

/**
 * GNU Radio's polymorphic types (PMT) for JavaScript: constructors for the types that plain values
 * cannot express, and the byte serialisation GNU Radio's `pmt::serialize` / `pmt::deserialize` use
 * (the one its ZeroMQ blocks put in tag headers).
 *
 * @remarks
 * Plain values map as {@link PmtValue} describes: strings are symbols, integral numbers are longs,
 * other numbers doubles, arrays tuples. The serialisation matches GNU Radio 3.10 byte for byte
 * (checked against vectors made by its Python `pmt` module); integers are big-endian, longs are 4
 * bytes when they fit in 32 bits and 8 bytes otherwise, as GNU Radio writes them. Symbols longer
 * than 1024 UTF-8 bytes are a `RangeError` (GNU Radio 3.10 cannot read them). Malformed bytes are
 * a `RangeError` naming what is wrong and where; a count that claims more than the input holds is
 * caught before anything is allocated. Any thread; allocates the result.
 *
 * @example
 * ```ts
 * import { pmt } from '@ringflow/io/zmq';
 * const bytes = pmt.serialize(pmt.double(100e6));        // 04 41 97 d7 84 00 00 00 00
 * console.log(pmt.deserialize(bytes));                    // 100000000
 * console.log(pmt.deserialize(pmt.serialize([1, 0.5]))); // [1, 0.5]: a tuple, as rx_time
 * ```
 */
export const pmt = Object.freeze({
  /** A PMT double, also for integral values (`pmt::from_double`). */
  double: (value: number): PmtDouble => ({ pmt: 'double', value }),
  /** A PMT long (`pmt::from_long`). */
  long: (value: number | bigint): PmtLong => ({ pmt: 'long', value }),
  /** A PMT uint64 (`pmt::from_uint64`). */
  uint64: (value: number | bigint): PmtUint64 => ({ pmt: 'uint64', value }),
  /** A PMT vector (`pmt::make_vector`), not a tuple. */
  vector: (items: readonly PmtValue[]): PmtVector => ({ pmt: 'vector', items }),
  /** A PMT pair (`pmt::cons`). */
  cons: (car: PmtValue, cdr: PmtValue): PmtPair => ({ pmt: 'pair', car, cdr }),
  /** A PMT list (`pmt::list`): pairs chained through their cdr, ending in NIL. */
  list: (...items: PmtValue[]): PmtValue => items.reduceRight<PmtValue>((cdr, car) => ({ pmt: 'pair', car, cdr }), null),
  /** A PMT c32vector/c64vector from interleaved (re, im) pairs. */
  complexVector: (data: Float32Array | Float64Array): PmtComplexVector => ({ pmt: data instanceof Float32Array ? 'c32vector' : 'c64vector', data }),
  /**
   * Serialises a value as GNU Radio's `pmt::serialize_str` does.
   * @throws TypeError for a value with no PMT type; RangeError for out-of-range numbers or too-long symbols.
   */
  serialize(value: PmtValue): Uint8Array {
    const w = new Writer();
    serializeInto(w, value, 0, 'pmt.serialize');
    return w.bytes.slice(0, w.length);
  },
  /**
   * Reads one serialised value, as GNU Radio's `pmt::deserialize_str` does.
   * @throws TypeError when `bytes` is not a Uint8Array; RangeError for malformed or trailing bytes.
   */
  deserialize(bytes: Uint8Array): PmtValue {
    if (!(bytes instanceof Uint8Array)) throw new TypeError(`pmt.deserialize: expected a Uint8Array, got ${describe(bytes)}`);
    const { value, end } = deserializePmtAt(bytes, 0);
    if (end !== bytes.length) throw new PmtFormatError(`pmt.deserialize: ${bytes.length - end} bytes left after the value`);
    return value;
  },
});
