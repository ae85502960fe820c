import { isObservable, type Observable, type Subscriber, type Subscription } from 'rxjs';
import { asMultichannel, isMultichannel, type FloatArray, type MultichannelChunk, type TypedArray } from '@ringflow/core';
import { checkSameClass, describeValue, isFloatArray } from './chunks.js';

/**
 * What a DSP operator does with NaN samples: `'propagate'` (default) computes with them as SciPy
 * does (an IIR filter's output then stays NaN from that sample on); `'error'` errors the stream with
 * a RangeError naming the sample index.
 */
export type NanPolicy = 'propagate' | 'error';

/** Options every DSP operator accepts. */
export interface DspOperatorOptions {
  /**
   * Emit views of one output buffer per subscription instead of fresh arrays (default `false`). The
   * buffer is overwritten by the next emission: a consumer that keeps data must copy it before then.
   */
  readonly reuse?: boolean;
  /** NaN handling: `'propagate'` (default, like SciPy) or `'error'`. See {@link NanPolicy}. */
  readonly nan?: NanPolicy;
}

/** Validated common options. */
export interface ResolvedDspOptions {
  readonly reuse: boolean;
  readonly nan: NanPolicy;
}

/** Checks the common DSP options; throws TypeError at operator creation for bad values. */
export function resolveDspOptions(what: string, options: DspOperatorOptions | undefined): ResolvedDspOptions {
  if (options === undefined) return { reuse: false, nan: 'propagate' };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${what}: options must be an object, got ${describeValue(options)}`);
  }
  const reuse = options.reuse ?? false;
  if (typeof reuse !== 'boolean') throw new TypeError(`${what}: reuse must be a boolean, got ${describeValue(reuse)}`);
  const nan = options.nan ?? 'propagate';
  if (nan !== 'propagate' && nan !== 'error') {
    throw new TypeError(`${what}: nan must be 'propagate' or 'error', got ${describeValue(nan)}`);
  }
  return { reuse, nan };
}

type FloatConstructor = Float32ArrayConstructor | Float64ArrayConstructor;

/** How {@link FloatChunks} treats `[frames, channels]` chunks. */
export interface FloatChunksLayout {
  /**
   * Whether the operator handles multichannel chunks (default `false`: they are a RangeError that
   * says so, never read as mono). An operator that opts in processes the interleaved samples with
   * `channels` from {@link FloatChunks.channels} and wraps its output with {@link FloatChunks.emit}.
   */
  readonly multichannel?: boolean;
}

/**
 * Per-subscription bookkeeping of a float DSP operator: checks each input chunk (float class, the
 * same class as the first chunk, the same layout as the first chunk, NaN policy) and hands out
 * output arrays of the input's class, fresh or views of one reused buffer.
 *
 * @remarks
 * **Layout.** The first chunk fixes the stream's layout: mono (a 1-D Float32Array/Float64Array) or
 * multichannel (`[frames, channels]`, see `MultichannelChunk` in `@ringflow/core`) with a channel
 * count. A later chunk of another layout or channel count is a RangeError. `accept` returns the
 * samples interleaved and contiguous (a view of the input when its stride is `[channels, 1]`,
 * else a copy into a scratch buffer); `emit` gives an output the input's layout back.
 */
export class FloatChunks {
  private Type: FloatConstructor | undefined;
  private buffer: FloatArray | undefined;
  private view: FloatArray | undefined;
  private scratch: FloatArray | undefined;
  /** Input frames accepted so far (for error messages). */
  private frames = 0;
  /** `undefined` until the first chunk; then whether the stream is multichannel. */
  private multichannel: boolean | undefined;
  /** Channels per frame: 1 for a mono stream. */
  channels = 1;

  constructor(
    private readonly what: string,
    private readonly options: ResolvedDspOptions,
    private readonly layout: FloatChunksLayout = {},
  ) {}

  /** Whether the stream is multichannel (`false` before the first chunk). */
  get isMultichannel(): boolean {
    return this.multichannel === true;
  }

  /**
   * Validates one input chunk and returns its samples, interleaved and contiguous; throws
   * TypeError (class) or RangeError (layout, shape, NaN with `nan: 'error'`).
   */
  accept(chunk: unknown, unit = 'sample'): FloatArray {
    let data: FloatArray;
    let channels = 1;
    const multichannel = isMultichannel(chunk);
    if (multichannel) {
      if (this.layout.multichannel !== true) {
        throw new RangeError(`${this.what}: multichannel [frames, channels] chunks are not supported by this operator; split the channels first (deinterleave)`);
      }
      channels = chunk.shape[1];
      data = this.interleaved(chunk);
    } else if (isFloatArray(chunk)) {
      data = chunk;
    } else {
      const hint = Array.isArray(chunk) ? ' (wrap plain arrays: new Float64Array(values))' : '';
      throw new TypeError(`${this.what}: chunks must be Float32Array or Float64Array (or [frames, channels] views over one), got ${describeValue(chunk)}${hint}`);
    }
    if (this.Type === undefined) {
      this.Type = data.constructor as FloatConstructor;
      this.multichannel = multichannel;
      this.channels = channels;
    } else {
      checkSameClass(this.what, data, this.Type);
      if (multichannel !== this.multichannel || channels !== this.channels) {
        throw new RangeError(`${this.what}: the stream started as ${this.describeLayout(this.multichannel === true, this.channels)}, got ${this.describeLayout(multichannel, channels)}`);
      }
    }
    if (this.options.nan === 'error') {
      for (let i = 0; i < data.length; i++) {
        if (Number.isNaN(data[i])) {
          const where = this.multichannel === true ? `frame ${this.frames + Math.floor(i / channels)}, channel ${i % channels}` : `${unit} ${this.frames + i}`;
          throw new RangeError(`${this.what}: NaN at input ${where} (option nan: 'error')`);
        }
      }
    }
    this.frames += data.length / channels;
    return data;
  }

  /**
   * An output array of `n` elements of the input's class: fresh, or a view of the reused buffer
   * (allocated with room for `capacity` elements when it has to grow).
   */
  output(n: number, capacity = n): FloatArray {
    const Type = this.Type ?? Float64Array;
    if (!this.options.reuse) return new Type(n);
    if (this.buffer === undefined || this.buffer.length < n) {
      this.buffer = new Type(Math.max(n, capacity));
      this.view = this.buffer;
    }
    if (this.view!.length !== n) this.view = this.buffer.subarray(0, n);
    return this.view!;
  }

  /**
   * Gives `samples` (interleaved, `channels` per frame) the stream's layout: itself for a mono
   * stream, a `[frames, channels]` view over it for a multichannel one.
   */
  emit<T extends FloatArray>(samples: T): T | MultichannelChunk<T> {
    return this.multichannel === true ? asMultichannel(samples, this.channels) : samples;
  }

  private describeLayout(multichannel: boolean, channels: number): string {
    return multichannel ? `[frames, ${channels}] chunks` : 'mono 1-D chunks';
  }

  /** The samples of a `[frames, channels]` view, interleaved and contiguous (a view when they already are). */
  private interleaved(chunk: MultichannelChunk<TypedArray>): FloatArray {
    const { data, shape, stride, offset } = chunk;
    if (!isFloatArray(data)) {
      throw new TypeError(`${this.what}: chunks must be views over Float32Array or Float64Array, got a view over ${describeValue(data)}`);
    }
    const [frames, channels] = shape;
    const [s0, s1] = stride;
    if (!Number.isSafeInteger(frames) || frames < 0 || !Number.isSafeInteger(channels) || channels <= 0) {
      throw new RangeError(`${this.what}: a [frames, channels] chunk needs whole frames >= 0 and channels >= 1, got shape [${String(frames)}, ${String(channels)}]`);
    }
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(s0) || !Number.isSafeInteger(s1)) {
      throw new RangeError(`${this.what}: a [frames, channels] chunk needs integer offset and strides, got offset ${String(offset)}, stride [${String(s0)}, ${String(s1)}]`);
    }
    if (frames === 0) return data.subarray(0, 0);
    // The corners of the view must lie inside `data` (negative strides included).
    const a = offset + (frames - 1) * s0;
    const b = offset + (channels - 1) * s1;
    const lowest = Math.min(offset, a, b, a + b - offset);
    const highest = Math.max(offset, a, b, a + b - offset);
    if (lowest < 0 || highest >= data.length) {
      throw new RangeError(`${this.what}: a [${frames}, ${channels}] chunk with offset ${offset} and stride [${s0}, ${s1}] does not fit its ${data.length} samples`);
    }
    if (s1 === 1 && s0 === channels) return offset === 0 && data.length === frames * channels ? data : data.subarray(offset, offset + frames * channels);
    const n = frames * channels;
    if (this.scratch === undefined || this.scratch.length < n || this.scratch.constructor !== data.constructor) {
      this.scratch = new (data.constructor as FloatConstructor)(n);
    }
    const out = this.scratch.length === n ? this.scratch : this.scratch.subarray(0, n);
    for (let f = 0, i = 0; f < frames; f++) {
      for (let c = 0, at = offset + f * s0; c < channels; c++, at += s1) out[i++] = data[at]!;
    }
    return out;
  }
}

/** A parameter given once, or as an Observable of values for live changes. */
export type LiveParameter<P> = P | Observable<P>;

/**
 * Subscribes to a live parameter on behalf of `subscriber`: each value is validated with `build`
 * (errors, and errors of the parameter stream, error `subscriber`) and handed to `onValue`. The
 * subscription ends with the subscriber's.
 */
export function followParameter<P, S>(
  parameter: Observable<P>,
  subscriber: Subscriber<unknown>,
  build: (value: P) => S,
  onValue: (state: S) => void,
): Subscription {
  const sub = parameter.subscribe({
    next(value) {
      try {
        onValue(build(value));
      } catch (error) {
        subscriber.error(error);
      }
    },
    error(error) {
      subscriber.error(error);
    },
  });
  subscriber.add(sub);
  return sub;
}

/** Whether a live parameter is an Observable (rather than a value). */
export function isLive<P>(parameter: LiveParameter<P>): parameter is Observable<P> {
  return isObservable(parameter);
}

/** Runs `fn`, prefixing the message of a TypeError/RangeError it throws with `what: `. */
export function withContext<R>(what: string, fn: () => R): R {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(`${what}: ${stripPrefix(error.message)}`, { cause: error });
    if (error instanceof TypeError) throw new TypeError(`${what}: ${stripPrefix(error.message)}`, { cause: error });
    throw error;
  }
}

function stripPrefix(message: string): string {
  return message.replace(/^(create|process)\w*: /, '');
}
