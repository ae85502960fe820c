import type { TypedArray } from './types.js';

/** Struct codes, as in Python's `struct` module and buffer protocol. */
export type FormatCode = 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'q' | 'Q' | 'f' | 'd';

/** ndarray dtype names (the `ndarray` package's `dtype` strings for these classes). */
export type Dtype =
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'bigint64'
  | 'biguint64'
  | 'float32'
  | 'float64';

/**
 * Aliases of struct codes: `'l'`/`'L'` are C `long`/`unsigned long`, 64-bit on Linux and macOS
 * (as Python's `struct` sees them in native mode there), so they name `'q'`/`'Q'`.
 */
export type FormatAlias = 'l' | 'L';

/** Any accepted name of a format: a struct code, an alias of one, or a dtype name. */
export type FormatName = FormatCode | FormatAlias | Dtype;

/** The TypedArray class of a format name, for precise types (`'f'` -> `Float32Array`). */
export type ArrayOf<F extends FormatName> = F extends 'b' | 'int8'
  ? Int8Array
  : F extends 'B' | 'uint8'
    ? Uint8Array
    : F extends 'h' | 'int16'
      ? Int16Array
      : F extends 'H' | 'uint16'
        ? Uint16Array
        : F extends 'i' | 'int32'
          ? Int32Array
          : F extends 'I' | 'uint32'
            ? Uint32Array
            : F extends 'q' | 'l' | 'bigint64'
              ? BigInt64Array
              : F extends 'Q' | 'L' | 'biguint64'
                ? BigUint64Array
                : F extends 'f' | 'float32'
                  ? Float32Array
                  : F extends 'd' | 'float64'
                    ? Float64Array
                    : TypedArray;

/** A constructor of one of the TypedArray classes. */
export interface TypedArrayConstructor<T extends TypedArray = TypedArray> {
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
}

/** Everything known about one format. */
export interface FormatInfo<T extends TypedArray = TypedArray> {
  /** Struct code, e.g. `'f'`. */
  readonly code: FormatCode;
  /** dtype name, e.g. `'float32'`. */
  readonly dtype: Dtype;
  /** Bytes per element. */
  readonly itemsize: number;
  /** The one TypedArray class of this format. */
  readonly ArrayType: TypedArrayConstructor<T>;
  /** Numeric id stored in a ring's header (stable across versions). */
  readonly id: number;
}

function info<T extends TypedArray>(
  id: number,
  code: FormatCode,
  dtype: Dtype,
  ArrayType: TypedArrayConstructor<T>,
): FormatInfo<T> {
  return Object.freeze({ id, code, dtype, itemsize: ArrayType.BYTES_PER_ELEMENT, ArrayType });
}

const TABLE: readonly FormatInfo[] = Object.freeze([
  info(1, 'b', 'int8', Int8Array),
  info(2, 'B', 'uint8', Uint8Array),
  info(3, 'h', 'int16', Int16Array),
  info(4, 'H', 'uint16', Uint16Array),
  info(5, 'i', 'int32', Int32Array),
  info(6, 'I', 'uint32', Uint32Array),
  info(7, 'q', 'bigint64', BigInt64Array),
  info(8, 'Q', 'biguint64', BigUint64Array),
  info(9, 'f', 'float32', Float32Array),
  info(10, 'd', 'float64', Float64Array),
] as FormatInfo[]);

const BY_NAME = new Map<string, FormatInfo>();
for (const f of TABLE) {
  BY_NAME.set(f.code, f);
  BY_NAME.set(f.dtype, f);
}
/** C `long` is 64-bit on the LP64 platforms (Linux, macOS) the seed's tests ran on. */
BY_NAME.set('l', BY_NAME.get('q')!);
BY_NAME.set('L', BY_NAME.get('Q')!);

const VALID_NAMES = `${TABLE.map((f) => `'${f.code}' (${f.dtype})`).join(', ')}; 'l' and 'L' are aliases of 'q' and 'Q'`;

/** Every format, in header-id order. */
export const FORMATS: readonly FormatInfo[] = TABLE;

/**
 * Looks up a format by struct code or dtype name.
 *
 * @remarks
 * Accepts the struct codes `b B h H i I q Q f d`, the aliases `l L` (C `long`, 64-bit on Linux
 * and macOS: the same as `q Q`), and the dtype names `int8 uint8 int16 uint16 int32 uint32
 * bigint64 biguint64 float32 float64`; each maps to exactly one TypedArray class. The returned
 * `code` is always the canonical struct code (`resolveFormat('l').code` is `'q'`).
 * Anything else is a `TypeError` that lists the valid names. Any thread; does not allocate.
 *
 * @param name - A struct code such as `'f'` or a dtype name such as `'float32'`.
 * @returns The format's code, dtype, item size and TypedArray class.
 * @throws TypeError when `name` is not a known format.
 *
 * @example
 * ```ts
 * import { resolveFormat } from '@ringflow/core';
 * const f = resolveFormat('float32');
 * console.log(f.code, f.itemsize); // 'f' 4
 * ```
 */
export function resolveFormat<F extends FormatName>(name: F): FormatInfo<ArrayOf<F>>;
export function resolveFormat(name: unknown): FormatInfo;
export function resolveFormat(name: unknown): FormatInfo {
  const found = typeof name === 'string' ? BY_NAME.get(name) : undefined;
  if (found === undefined) {
    const shown = typeof name === 'string' ? `'${name}'` : String(name);
    throw new TypeError(`unknown format ${shown}: expected one of ${VALID_NAMES}`);
  }
  return found;
}

/** @internal Looks up a format by the id stored in a ring header; undefined when unknown. */
export function formatById(id: number): FormatInfo | undefined {
  return TABLE[id - 1];
}

/**
 * The format of a TypedArray (by its class), or `undefined` for anything else.
 *
 * @remarks
 * Node's `Buffer` and `Uint8ClampedArray` count as raw bytes (`'B'`). Any thread; does not allocate.
 *
 * @param array - Any value.
 * @returns The format whose TypedArray class `array` is an instance of, or `undefined`.
 *
 * @example
 * ```ts
 * import { formatOf } from '@ringflow/core';
 * formatOf(new Float64Array(4))?.code; // 'd'
 * ```
 */
export function formatOf(array: unknown): FormatInfo | undefined {
  if (!ArrayBuffer.isView(array) || array instanceof DataView) return undefined;
  if (array instanceof Uint8ClampedArray) return TABLE[1];
  for (const f of TABLE) if (array instanceof f.ArrayType) return f;
  return undefined;
}
