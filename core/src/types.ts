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

/**
 * A multichannel chunk: interleaved samples viewed as `[frames, channels]` (C order), in the
 * `ndarray` package's contract. Sample `(f, c)` is `data[offset + f * stride[0] + c * stride[1]]`;
 * interleaved data has `stride = [channels, 1]`.
 *
 * @remarks
 * The channel count travels with every chunk, so a stereo stream can never be mistaken for mono.
 * A `[frames, 1]` chunk is a one-channel multichannel chunk (a mono WAV file reads as one), distinct
 * from a 1-D mono chunk. Make one with `asMultichannel(data, channels)`.
 */
export interface MultichannelChunk<T extends TypedArray = FloatArray> extends NdarrayLike<T> {
  readonly shape: readonly [frames: number, channels: number];
  readonly stride: readonly [number, number];
}

/** What operators stream: a 1-D mono chunk (a TypedArray) or a `[frames, channels]` {@link MultichannelChunk}. */
export type Chunk<T extends TypedArray = FloatArray> = T | MultichannelChunk<T>;
