import { isNdarrayLike, type NdarrayLike } from '@ringflow/core';
import { describeValue } from './chunks.js';
import { cStrides } from './ndarray-view.js';

export { cStrides };

/**
 * The input of a whole-array function of `@ringflow/operators/signal` read as lanes: 1-D runs of
 * float64 samples along the working axis (copies), with what is needed to shape the results the
 * way SciPy does.
 */
export interface Lanes {
  /** One Float64Array per lane (a copy of the input along `axis`). */
  readonly re: Float64Array[];
  /** Imaginary parts, one per lane, when the input was complex `{ re, im }`; else null. */
  readonly im: Float64Array[] | null;
  /** Samples per lane (the input's length along `axis`). */
  readonly length: number;
  /** The input's shape: `[n]` for 1-D input, `[rows, cols]` for 2-D. */
  readonly shape: readonly number[];
  /** The working axis, normalised to `0 <= axis < shape.length`. */
  readonly axis: number;
  /** Whether the (real part of the) input was a Float32Array or a view over one. */
  readonly float32: boolean;
}

/** A validated strided view: element at multi-index `i` is `data[offset + sum(i[d] * stride[d])]`. */
export interface Strided {
  readonly data: ArrayLike<number>;
  readonly shape: number[];
  readonly stride: number[];
  readonly offset: number;
  readonly float32: boolean;
}

function isComplexInput(x: unknown): x is { re: unknown; im: unknown } {
  return typeof x === 'object' && x !== null && !ArrayBuffer.isView(x) && !Array.isArray(x) && 're' in x && 'im' in x;
}

/** Reads a real array-like or ndarray view as a strided description; validates every index. */
export function strided(fn: string, name: string, x: unknown, maxDims = 2): Strided {
  if (ArrayBuffer.isView(x)) {
    if (x instanceof DataView) throw new TypeError(`${fn}: ${name} must be an array of numbers, got a DataView`);
    if (x instanceof BigInt64Array || x instanceof BigUint64Array) {
      throw new TypeError(`${fn}: ${name} must hold numbers, got ${describeValue(x)} (convert with Float64Array.from(x, Number))`);
    }
    const a = x as unknown as ArrayLike<number>;
    return { data: a, shape: [a.length], stride: [1], offset: 0, float32: x instanceof Float32Array };
  }
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (typeof x[i] !== 'number') {
        const hint = Array.isArray(x[i]) ? ' (nested arrays are not read as 2-D: pass asMultichannel(data, channels) from @ringflow/core)' : '';
        throw new TypeError(`${fn}: ${name}[${i}] must be a number, got ${describeValue(x[i])}${hint}`);
      }
    }
    return { data: x as number[], shape: [x.length], stride: [1], offset: 0, float32: false };
  }
  if (isNdarrayLike(x)) {
    const v = x as NdarrayLike;
    const data = v.data;
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
      throw new TypeError(`${fn}: ${name}.data must hold numbers, got ${describeValue(data)}`);
    }
    const shape = [...v.shape];
    if (shape.length < 1 || shape.length > maxDims) {
      const expected = maxDims === 2 ? '1-D or 2-D ([frames, channels])' : `at most ${maxDims}-D`;
      throw new RangeError(`${fn}: ${name} must be ${expected}, got shape [${shape.join(', ')}]`);
    }
    const stride = v.stride === undefined ? cStrides(shape) : [...v.stride];
    const offset = v.offset ?? 0;
    if (stride.length !== shape.length) {
      throw new RangeError(`${fn}: ${name} has shape [${shape.join(', ')}] but stride [${stride.join(', ')}]`);
    }
    let lo = offset;
    let hi = offset;
    let size = 1;
    for (let d = 0; d < shape.length; d++) {
      const n = shape[d]!;
      const s = stride[d]!;
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${fn}: ${name}.shape[${d}] must be a non-negative integer, got ${String(n)}`);
      if (!Number.isSafeInteger(s)) throw new RangeError(`${fn}: ${name}.stride[${d}] must be an integer, got ${String(s)}`);
      size *= n;
      if (n > 0) {
        if (s > 0) hi += s * (n - 1);
        else lo += s * (n - 1);
      }
    }
    if (!Number.isSafeInteger(offset)) throw new RangeError(`${fn}: ${name}.offset must be an integer, got ${String(offset)}`);
    if (size > 0 && (lo < 0 || hi >= data.length)) {
      throw new RangeError(
        `${fn}: ${name} of shape [${shape.join(', ')}], stride [${stride.join(', ')}], offset ${offset} reaches outside its data (${data.length} elements)`,
      );
    }
    if (size > data.length) {
      // a stride-0 view may address fewer elements than its shape holds: reading it copies them all
      throw new RangeError(`${fn}: ${name} has shape [${shape.join(', ')}] (${size} elements) but its data holds ${data.length}`);
    }
    return { data: data as unknown as ArrayLike<number>, shape, stride, offset, float32: data instanceof Float32Array };
  }
  throw new TypeError(
    `${fn}: ${name} must be an array of numbers, a Float32Array/Float64Array or a [frames, channels] ndarray view, got ${describeValue(x)}`,
  );
}

/**
 * SciPy's `axis` argument for `ndim`-D input, normalised to `0 <= axis < ndim` (default: 0 for 2-D
 * `[frames, channels]` input, the only axis for 1-D); TypeError/RangeError naming `fn` otherwise.
 * Shared by every reader of whole-array input.
 */
export function normaliseAxis(fn: string, axis: unknown, ndim: number): number {
  const a = axis ?? (ndim === 1 ? -1 : 0);
  if (typeof a !== 'number' || !Number.isInteger(a)) throw new TypeError(`${fn}: axis must be an integer, got ${describeValue(a)}`);
  if (a < -ndim || a >= ndim) throw new RangeError(`${fn}: axis ${a} is out of bounds for ${ndim}-D input`);
  return a < 0 ? a + ndim : a;
}

function lanesOf(s: Strided, axis: number): Float64Array[] {
  const length = s.shape[axis]!;
  const step = s.stride[axis]!;
  const count = s.shape.length === 1 ? 1 : s.shape[1 - axis]!;
  const outerStep = s.shape.length === 1 ? 0 : s.stride[1 - axis]!;
  const lanes: Float64Array[] = [];
  for (let l = 0; l < count; l++) {
    const lane = new Float64Array(length);
    const first = s.offset + l * outerStep;
    if (step === 1 && ArrayBuffer.isView(s.data)) {
      // Contiguous typed data: one typed-array copy (converting the element type).
      lane.set((s.data as unknown as Float64Array).subarray(first, first + length));
    } else {
      for (let i = 0, at = first; i < length; i++, at += step) lane[i] = s.data[at]!;
    }
    lanes.push(lane);
  }
  return lanes;
}

/**
 * Reads the input `x` of `fn` as lanes along `axis` (default: 0 for 2-D `[frames, channels]`
 * input, the only axis for 1-D input).
 *
 * @throws TypeError for values that are not numeric arrays (or complex input where `complex` is
 *   false); RangeError for bad shapes, strides, axes, or parts of different shapes.
 */
export function readLanes(fn: string, x: unknown, axis: unknown, options: { complex: boolean; name?: string }): Lanes {
  const name = options.name ?? 'x';
  if (isComplexInput(x)) {
    if (!options.complex) {
      throw new TypeError(`${fn}: ${name} must be real; complex { re, im } input is not supported here (SciPy: "x must be real")`);
    }
    const re = strided(fn, `${name}.re`, x.re);
    const im = strided(fn, `${name}.im`, x.im);
    if (re.shape.length !== im.shape.length || re.shape.some((n, d) => n !== im.shape[d])) {
      throw new RangeError(`${fn}: ${name}.re has shape [${re.shape.join(', ')}] but ${name}.im has shape [${im.shape.join(', ')}]`);
    }
    const a = normaliseAxis(fn, axis, re.shape.length);
    return { re: lanesOf(re, a), im: lanesOf(im, a), length: re.shape[a]!, shape: re.shape, axis: a, float32: re.float32 };
  }
  const s = strided(fn, name, x);
  const a = normaliseAxis(fn, axis, s.shape.length);
  return { re: lanesOf(s, a), im: null, length: s.shape[a]!, shape: s.shape, axis: a, float32: s.float32 };
}

/** An ndarray result: C-ordered `{ data, shape, stride, offset: 0 }`. */
export interface Assembled<T extends Float64Array | Float32Array> {
  readonly data: T;
  readonly shape: number[];
  readonly stride: number[];
  readonly offset: 0;
}

/**
 * Puts per-lane results back in SciPy's layout: each lane's result has shape `laneShape` (its first
 * dimension replaces the input's `axis`, further dimensions go last, as SciPy's spectral functions
 * do); 1-D input gives the lane's result itself (a Float64Array, or an ndarray for 2-D lane
 * results).
 */
export function assemble<T extends Float64Array | Float32Array>(
  lanes: Pick<Lanes, 'shape' | 'axis'>,
  results: readonly T[],
  laneShape: readonly number[],
  Type: { new (n: number): T },
): T | Assembled<T> {
  const first = laneShape[0]!;
  const rest = laneShape.slice(1);
  const restSize = rest.reduce((a, b) => a * b, 1);
  if (lanes.shape.length === 1) {
    if (rest.length === 0) return results[0]!;
    const shape = [...laneShape];
    return { data: results[0]!, shape, stride: cStrides(shape), offset: 0 };
  }
  const count = lanes.shape[1 - lanes.axis]!;
  const shape = lanes.axis === 0 ? [first, count, ...rest] : [count, first, ...rest];
  const data = new Type(first * count * restSize);
  for (let l = 0; l < count; l++) {
    const r = results[l]!;
    for (let b = 0; b < first; b++) {
      const src = b * restSize;
      const dst = lanes.axis === 0 ? (b * count + l) * restSize : (l * first + b) * restSize;
      for (let k = 0; k < restSize; k++) data[dst + k] = r[src + k]!;
    }
  }
  return { data, shape, stride: cStrides(shape), offset: 0 };
}
