import type { SchedulerLike } from 'rxjs';
import { concatenate, type TypedArray } from '@ringflow/core';

/** The constructor of a TypedArray, to allocate arrays of the same class. */
export type ChunkConstructor<T extends TypedArray> = new (length: number) => T;

/** Whether `value` is a TypedArray (not a DataView). */
export function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** Short description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a plain Array';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
  }
  return `${typeof value} ${String(value)}`;
}

/** Throws a TypeError unless `chunk` is a TypedArray; returns its constructor. */
export function chunkClass<T extends TypedArray>(what: string, chunk: unknown): ChunkConstructor<T> {
  if (!isTypedArray(chunk)) {
    const hint = Array.isArray(chunk) ? ' (wrap plain arrays in a TypedArray, e.g. new Float32Array(values))' : '';
    throw new TypeError(`${what}: chunks must be TypedArrays, got ${describeValue(chunk)}${hint}`);
  }
  return chunk.constructor as ChunkConstructor<T>;
}

/** Throws a TypeError unless `chunk` has the class of the first chunk. */
export function checkSameClass(what: string, chunk: unknown, Type: ChunkConstructor<TypedArray>): void {
  if (!(chunk instanceof Type)) {
    throw new TypeError(`${what}: every chunk must be a ${Type.name} like the first one, got ${describeValue(chunk)}`);
  }
}

/** Whether `chunk` is a Float32Array or Float64Array. */
export function isFloatArray(chunk: unknown): chunk is Float32Array | Float64Array {
  return chunk instanceof Float32Array || chunk instanceof Float64Array;
}

/** Zero of the element type of `array` (`0n` for the BigInt classes). */
export function zeroOf(array: TypedArray): number | bigint {
  return array instanceof BigInt64Array || array instanceof BigUint64Array ? 0n : 0;
}

/** Throws unless `value` is a positive safe integer; returns it. */
export function positiveInteger(what: string, name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${what}: ${name} must be a positive integer, got ${describeValue(value)}`);
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${what}: ${name} must be a positive integer, got ${value}`);
  return value;
}

/** Throws unless `value` is a finite number; returns it. */
export function finiteNumber(what: string, name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${what}: ${name} must be a finite number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${what}: ${name} must be a finite number, got ${value}`);
  return value;
}

/**
 * Throws a TypeError unless `options` is undefined or a plain object whose keys are all in
 * `known` (a misspelt option is an error, never silently ignored); returns an object.
 */
export function optionsObject<O extends object>(what: string, options: O | undefined, known?: readonly string[]): Partial<O> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options) || ArrayBuffer.isView(options)) {
    throw new TypeError(`${what}: options must be an object, got ${describeValue(options)}`);
  }
  if (known !== undefined) {
    for (const key of Object.keys(options)) {
      if (!known.includes(key)) {
        throw new TypeError(`${what}: unknown option '${key}' (expected ${known.map((k) => `'${k}'`).join(', ')})`);
      }
    }
  }
  return options;
}

/** Throws a TypeError unless `value` is undefined or a boolean; returns it or `fallback`. */
export function booleanOption(what: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`${what}: ${name} must be true or false, got ${describeValue(value)}`);
  return value;
}

/** Throws a TypeError unless `value` is undefined or one of `allowed`; returns it or `fallback`. */
export function choiceOption<C extends string>(what: string, name: string, value: unknown, allowed: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (!(allowed as readonly unknown[]).includes(value)) {
    const list = allowed.map((a) => `'${a}'`);
    const last = list.pop();
    throw new TypeError(`${what}: ${name} must be ${list.length > 0 ? `${list.join(', ')} or ${last}` : last}, got ${describeValue(value)}`);
  }
  return value as C;
}

/**
 * The largest chunk a source or a framing operator allocates, in elements (2^28: 2 GiB of
 * float64). Larger sizes are a RangeError when the operator is created, not an allocation failure
 * on subscribe.
 */
export const MAX_CHUNK_SIZE = 2 ** 28;

/** Throws unless `value` is a positive integer of at most {@link MAX_CHUNK_SIZE}; returns it. */
export function chunkSizeOption(what: string, name: string, value: unknown): number {
  const n = positiveInteger(what, name, value);
  if (n > MAX_CHUNK_SIZE) throw new RangeError(`${what}: ${name} must be at most 2^28 (${MAX_CHUNK_SIZE}), got ${n}`);
  return n;
}

/** Throws a TypeError unless `value` is undefined or an RxJS `SchedulerLike`; returns it. */
export function schedulerOption(what: string, value: unknown): SchedulerLike | undefined {
  if (value === undefined) return undefined;
  const s = value as Partial<SchedulerLike> | null;
  if (typeof s !== 'object' || s === null || typeof s.schedule !== 'function' || typeof s.now !== 'function') {
    throw new TypeError(`${what}: scheduler must be an RxJS scheduler (asyncScheduler, animationFrameScheduler, ...), got ${describeValue(value)}`);
  }
  return value as SchedulerLike;
}

/** Float formats a source can produce. */
export type SourceFormat = 'float32' | 'float64';

/** The array class produced for a source `format`. */
export type SourceArray<F extends SourceFormat> = F extends 'float32' ? Float32Array : Float64Array;

/** Validates a source's `format` option (default `'float64'`) and returns its array class. */
export function sourceArrayType(what: string, format: unknown): Float32ArrayConstructor | Float64ArrayConstructor {
  if (format === undefined || format === 'float64') return Float64Array;
  if (format === 'float32') return Float32Array;
  throw new TypeError(`${what}: format must be 'float32' or 'float64', got ${describeValue(format)}`);
}

/**
 * Resolves a source's length in samples from `length` (samples) or `duration` (seconds): the rounded
 * `duration * sampleRate`. Neither gives `Infinity`; both is a TypeError.
 */
export function sourceLength(what: string, length: unknown, duration: unknown, sampleRate: number): number {
  if (length !== undefined && duration !== undefined) {
    throw new TypeError(`${what}: give either length (samples) or duration (seconds), not both`);
  }
  if (length !== undefined) {
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`${what}: length must be a non-negative integer number of samples, got ${describeValue(length)}`);
    }
    return length;
  }
  if (duration !== undefined) {
    const d = finiteNumber(what, 'duration', duration);
    if (d < 0) throw new RangeError(`${what}: duration must be >= 0 seconds, got ${d}`);
    return Math.round(d * sampleRate);
  }
  return Number.POSITIVE_INFINITY;
}

/** Validates a positive finite sample rate in Hz. */
export function sampleRateOf(what: string, sampleRate: unknown): number {
  const fs = finiteNumber(what, 'sampleRate', sampleRate);
  if (fs <= 0) throw new RangeError(`${what}: sampleRate must be > 0 Hz, got ${fs}`);
  return fs;
}

/**
 * `dst[at ..] = src[start .. end)` without allocating: a whole `src` goes through `set` (memcpy),
 * a part through a loop (a `subarray` view would allocate on every chunk).
 */
export function copyRange(dst: Float64Array, at: number, src: Float64Array, start: number, end: number): void {
  if (start === 0 && end === src.length) {
    dst.set(src, at);
    return;
  }
  for (let i = start, j = at; i < end; i++, j++) dst[j] = src[i]!;
}

/**
 * Joins chunks with core's `concatenate` (fresh array, first chunk's class, TypeError on mixed
 * classes); an all-empty group gives an empty array of the first chunk's class, where `concatenate`
 * itself refuses (as ringbuf does) to join nothing.
 */
export function joinChunks<T extends TypedArray>(chunks: readonly [T, ...T[]]): T {
  for (const c of chunks) if (c.length > 0) return concatenate<T>(...chunks);
  for (const c of chunks) checkSameClass('concatenate', c, chunks[0].constructor as ChunkConstructor<TypedArray>);
  return new (chunks[0].constructor as ChunkConstructor<T>)(0);
}
