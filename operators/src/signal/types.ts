import type { NdarrayLike, TypedArray } from '@ringflow/core';

/**
 * A 2-D result of `@ringflow/operators/signal`: an ndarray-shaped, C-ordered view over a new
 * Float64Array (the `ndarray` package's contract), `shape` as SciPy's result has it.
 *
 * @remarks
 * Element `(i, j)` is `data[i * shape[1] + j]` (`stride = [shape[1], 1]`, `offset = 0`). For example
 * the spectrogram of a 1-D signal is `[frequencies, segments]`, and `welch` of `[frames, channels]`
 * input is `[frequencies, channels]` (SciPy's `axis=0`).
 */
export interface Matrix<T extends Float64Array | Float32Array = Float64Array> extends NdarrayLike<T> {
  readonly shape: readonly [rows: number, cols: number];
  readonly stride: readonly [number, number];
}

/**
 * A result of any dimension (2-D or 3-D here): an ndarray-shaped, C-ordered view over a new
 * Float64Array, `shape` as SciPy's result has it (e.g. `[frequencies, channels, segments]` for the
 * spectrogram of `[frames, channels]` input).
 */
export interface NdArray<T extends Float64Array | Float32Array = Float64Array> extends NdarrayLike<T> {
  readonly shape: readonly number[];
  readonly stride: readonly number[];
}

/**
 * A complex result (or complex input): real and imaginary parts, each shaped as a real result would
 * be (Float64Arrays for 1-D results, {@link NdArray}s of the same shape for more dimensions).
 */
export interface Complex<T = Float64Array> {
  readonly re: T;
  readonly im: T;
}

/** A 1-D complex array: `{ re, im }` Float64Arrays of equal length (DESIGN's complex result). */
export type ComplexArray = Complex<Float64Array>;

/**
 * Real 1-D input of the whole-array functions: a plain array of numbers or a numeric TypedArray
 * (integers are read as numbers, as SciPy converts them to float64).
 */
export type RealInput = ArrayLike<number>;

/**
 * Input of the whole-array functions that work along an axis: 1-D samples, or an ndarray-shaped
 * `[frames, channels]` view (a `MultichannelChunk` from `@ringflow/core`, or any 2-D
 * `{ data, shape, stride, offset }`), processed along frames by default (`axis: 0`).
 */
export type SignalInput = ArrayLike<number> | NdarrayLike;

/** {@link SignalInput} or a complex signal `{ re, im }` (both parts of the same shape). */
export type ComplexSignalInput = SignalInput | Complex<SignalInput>;

/** Options of the functions that work along an axis of 2-D input. */
export interface AxisOptions {
  /**
   * Axis of 2-D input to work along: `0` (default: along frames, each channel alone, the
   * `[frames, channels]` convention) or `1`/`-1` (along each row). SciPy's default is `-1`; ringflow's
   * is `0` because its 2-D signals are `[frames, channels]`. For 1-D input only `0`/`-1` are valid.
   */
  axis?: number;
}

/** A 2-D ndarray-shaped input, such as a `[frames, channels]` `MultichannelChunk`. */
export interface Ndarray2D<T extends TypedArray = TypedArray> extends NdarrayLike<T> {
  readonly shape: readonly [number, number];
}
