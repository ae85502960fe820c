/**
 * Types shared across `@ringflow/core`.
 *
 * @packageDocumentation
 */

/** Every TypedArray class a ring format can map to. */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** A TypedArray whose elements are numbers (every format but `q`/`Q`). */
export type NumericArray = Exclude<TypedArray, BigInt64Array | BigUint64Array>;

/** The Float32Array / Float64Array pair that DSP code works on. */
export type FloatArray = Float32Array | Float64Array;

/**
 * A strided view in the `ndarray` package's contract: element `i` of a 1-D view is
 * `data[offset + i * stride[0]]`.
 *
 * @remarks
 * Objects made by the `ndarray` package satisfy this interface, and so do plain objects. Multichannel
 * audio is interleaved `[frames, channels]` in C order: `shape = [frames, channels]`,
 * `stride = [channels, 1]`.
 */
export interface NdarrayLike<T extends TypedArray = TypedArray> {
  readonly data: T;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
}

/**
 * Anything the ring and `concatenate` accept as data: a TypedArray, raw bytes (`ArrayBuffer`,
 * `DataView`, Node `Buffer`, `Uint8ClampedArray`, read as format `B`), or a 1-D ndarray-shaped view over a TypedArray.
 */
export type BufferLike = TypedArray | Uint8ClampedArray | ArrayBuffer | SharedArrayBuffer | DataView | NdarrayLike;
