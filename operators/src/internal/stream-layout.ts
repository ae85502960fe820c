import { asMultichannel, isMultichannel, type MultichannelChunk, type TypedArray } from '@ringflow/core';
import { checkSameClass, describeValue, isTypedArray, type ChunkConstructor } from './chunks.js';

/**
 * How a stream's 2-D chunks are read:
 * - `false`: not supported (a RangeError that says so, never read as mono);
 * - `'frames'`: `[frames, channels]` sample chunks (interleaved audio, `MultichannelChunk`);
 * - `'rows'`: `[channels, values]` chunks, one row per channel (what `fft`/`stft`/`magnitude` emit
 *   for a multichannel frame); the row count is fixed by the first chunk, the row length may vary.
 */
export type TwoDimensional = false | 'frames' | 'rows';

/** Which TypedArray classes a stream accepts. */
export type ChunkClasses = 'float' | 'numeric' | 'any';

/** What {@link StreamLayout} accepts. */
export interface StreamLayoutOptions {
  /** How 2-D chunks are read (default `false`). */
  readonly twoDimensional?: TwoDimensional;
  /** Accepted classes (default `'any'`). */
  readonly classes?: ChunkClasses;
}

const CLASS_NAMES: Record<ChunkClasses, string> = {
  float: 'Float32Array or Float64Array',
  numeric: 'numeric TypedArrays (not BigInt64Array/BigUint64Array)',
  any: 'TypedArrays',
};

function classFits(data: unknown, classes: ChunkClasses): data is TypedArray {
  if (!isTypedArray(data)) return false;
  if (classes === 'float') return data instanceof Float32Array || data instanceof Float64Array;
  if (classes === 'numeric') return !(data instanceof BigInt64Array || data instanceof BigUint64Array);
  return true;
}

/**
 * Per-subscription layout bookkeeping of an operator: the first chunk fixes the stream's class and
 * layout (mono 1-D, or 2-D with a channel count); later chunks must match (TypeError for another
 * class, RangeError for another layout or channel count). `accept` returns the samples contiguous
 * in C order (interleaved frames, or rows one after another): the input's own array when it
 * already is (a `subarray` view when its offset is not 0: that allocates a small view object),
 * else a copy into a scratch buffer reused by the next call.
 */
export class StreamLayout<T extends TypedArray = TypedArray> {
  /** The class of the first chunk (`undefined` before it). */
  Type: ChunkConstructor<T> | undefined;
  /** Channels per frame (`'frames'`) or rows (`'rows'`): 1 for a mono stream. */
  channels = 1;
  /** For `'rows'`: the row length of the last accepted chunk (its length for a 1-D chunk). */
  rowLength = 0;
  /** Whether the last `accept` returned the scratch buffer (a copy that the next call overwrites). */
  copied = false;
  #twoD: boolean | undefined;
  #scratch: T | undefined;
  readonly #mode: TwoDimensional;
  readonly #classes: ChunkClasses;

  constructor(
    protected readonly what: string,
    options: StreamLayoutOptions = {},
  ) {
    this.#mode = options.twoDimensional ?? false;
    this.#classes = options.classes ?? 'any';
  }

  /** Whether the stream is 2-D (`false` before the first chunk). */
  get isMultichannel(): boolean {
    return this.#twoD === true;
  }

  /** Whether 2-D chunks are `[channels, values]` rows (rather than `[frames, channels]`). */
  get rows(): boolean {
    return this.#mode === 'rows';
  }

  /** Whether a chunk arrived yet. */
  get started(): boolean {
    return this.#twoD !== undefined;
  }

  /**
   * Validates one chunk and returns its samples, contiguous in C order; throws TypeError (class)
   * or RangeError (layout, shape, channel count).
   */
  accept(chunk: unknown): T {
    let data: T;
    let channels = 1;
    const twoD = isMultichannel(chunk);
    this.copied = false;
    if (twoD) {
      if (this.#mode === false) {
        throw new RangeError(`${this.what}: multichannel [frames, channels] chunks are not supported by this operator; split the channels first (deinterleave)`);
      }
      data = this.#contiguous(chunk);
      channels = this.#mode === 'rows' ? chunk.shape[0] : chunk.shape[1];
      this.rowLength = chunk.shape[1];
    } else if (classFits(chunk, this.#classes)) {
      data = chunk as T;
      this.rowLength = data.length;
    } else {
      const hint = Array.isArray(chunk) ? ` (wrap plain arrays: new ${this.#classes === 'float' ? 'Float64Array' : 'Float32Array'}(values))` : '';
      const views = this.#mode === false ? '' : ` (or ${this.#mode === 'rows' ? '[channels, values]' : '[frames, channels]'} views over one)`;
      throw new TypeError(`${this.what}: chunks must be ${CLASS_NAMES[this.#classes]}${views}, got ${describeValue(chunk)}${hint}`);
    }
    if (this.Type === undefined) {
      this.Type = data.constructor as ChunkConstructor<T>;
      this.#twoD = twoD;
      this.channels = channels;
    } else {
      checkSameClass(this.what, data, this.Type as ChunkConstructor<TypedArray>);
      if (twoD !== this.#twoD || channels !== this.channels) {
        throw new RangeError(`${this.what}: the stream started as ${this.#describe(this.#twoD === true, this.channels)}, got ${this.#describe(twoD, channels)}`);
      }
    }
    return data;
  }

  /**
   * Gives `samples` (interleaved, {@link channels} per frame) the stream's layout: itself for a
   * mono stream, a `[frames, channels]` view over it for a multichannel one.
   */
  emit<A extends TypedArray>(samples: A): A | MultichannelChunk<A> {
    return this.#twoD === true ? asMultichannel(samples, this.channels) : samples;
  }

  /**
   * Gives `values` (rows of `rowLength` one after another, one per channel) the stream's layout:
   * itself for a mono stream, a `[channels, rowLength]` view for a multichannel one.
   */
  emitRows<A extends TypedArray>(values: A, rowLength: number): A | MultichannelChunk<A> {
    if (this.#twoD !== true) return values;
    return { data: values, shape: [this.channels, rowLength], stride: [rowLength, 1], offset: 0 };
  }

  #describe(twoD: boolean, channels: number): string {
    if (!twoD) return 'mono 1-D chunks';
    return this.#mode === 'rows' ? `[${channels}, values] chunks (${channels} channels)` : `[frames, ${channels}] chunks`;
  }

  /** The elements of a 2-D view in C order, contiguous (the input's array when it already is). */
  #contiguous(chunk: MultichannelChunk<TypedArray>): T {
    const { data, shape, stride, offset } = chunk;
    if (!classFits(data, this.#classes)) {
      throw new TypeError(`${this.what}: chunks must be views over ${CLASS_NAMES[this.#classes]}, got a view over ${describeValue(data)}`);
    }
    const [rows, cols] = shape;
    const [s0, s1] = stride;
    const names = this.#mode === 'rows' ? ['channels', 'values'] : ['frames', 'channels'];
    if (!Number.isSafeInteger(rows) || rows < 0 || !Number.isSafeInteger(cols) || cols < 0 || (this.#mode !== 'rows' && cols === 0) || (this.#mode === 'rows' && rows === 0)) {
      throw new RangeError(`${this.what}: a [${names[0]}, ${names[1]}] chunk needs whole ${names[0]} and ${names[1]} (at least one ${this.#mode === 'rows' ? 'row' : 'channel'}), got shape [${String(rows)}, ${String(cols)}]`);
    }
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(s0) || !Number.isSafeInteger(s1)) {
      throw new RangeError(`${this.what}: a 2-D chunk needs integer offset and strides, got offset ${String(offset)}, stride [${String(s0)}, ${String(s1)}]`);
    }
    const n = rows * cols;
    if (n === 0) return data.subarray(0, 0) as T;
    // The corners of the view must lie inside `data` (negative strides included).
    const a = offset + (rows - 1) * s0;
    const b = offset + (cols - 1) * s1;
    const lowest = Math.min(offset, a, b, a + b - offset);
    const highest = Math.max(offset, a, b, a + b - offset);
    if (lowest < 0 || highest >= data.length) {
      throw new RangeError(`${this.what}: a [${rows}, ${cols}] chunk with offset ${offset} and stride [${s0}, ${s1}] does not fit its ${data.length} elements`);
    }
    // more elements than the data holds (a stride-0 view whose shape lies) would allocate a copy that large
    if (n > data.length) {
      throw new RangeError(`${this.what}: a [${rows}, ${cols}] chunk (${n} elements) over ${data.length} data elements: the shape does not fit the data`);
    }
    if ((s1 === 1 || cols === 1) && (s0 === cols || rows === 1)) {
      return (offset === 0 && data.length === n ? data : data.subarray(offset, offset + n)) as T;
    }
    let scratch = this.#scratch;
    if (scratch === undefined || scratch.length < n || scratch.constructor !== data.constructor) {
      scratch = this.#scratch = new (data.constructor as ChunkConstructor<T>)(n);
    }
    const out = (scratch.length === n ? scratch : scratch.subarray(0, n)) as unknown as Float64Array;
    const src = data as unknown as Float64Array;
    for (let r = 0, i = 0; r < rows; r++) {
      for (let c = 0, at = offset + r * s0; c < cols; c++, at += s1) out[i++] = src[at]!;
    }
    this.copied = true;
    return out as unknown as T;
  }
}
