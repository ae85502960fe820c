import { isObservable, type Observable, type Subscriber, type Subscription } from 'rxjs';
import { subscribeInner } from './operate.js';
import type { FloatArray } from '@ringflow/core';
import { booleanOption, choiceOption, optionsObject } from './chunks.js';
import { StreamLayout } from './stream-layout.js';

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

/** The option names of {@link DspOperatorOptions}. */
export const DSP_OPTION_NAMES: readonly string[] = ['reuse', 'nan'];

/**
 * Checks the common DSP options; throws TypeError at operator creation for bad values. With
 * `known` (the operator's other option names), an unknown option name is a TypeError too.
 */
export function resolveDspOptions(what: string, options: DspOperatorOptions | undefined, known?: readonly string[]): ResolvedDspOptions {
  const opts = optionsObject(what, options, known === undefined ? undefined : [...DSP_OPTION_NAMES, ...known]);
  const reuse = booleanOption(what, 'reuse', opts.reuse, false);
  const nan = choiceOption<NanPolicy>(what, 'nan', opts.nan, ['propagate', 'error'], 'propagate');
  return { reuse, nan };
}

/** How {@link FloatChunks} treats 2-D chunks. */
export interface FloatChunksLayout {
  /**
   * Whether the operator handles multichannel chunks (default `false`: they are a RangeError that
   * says so, never read as mono). `true`: `[frames, channels]` sample chunks; the operator
   * processes the interleaved samples with `channels` from {@link FloatChunks.channels} and wraps
   * its output with {@link FloatChunks.emit}. `'rows'`: `[channels, values]` chunks (spectra), one
   * row per channel, wrapped back with {@link FloatChunks.emitRows}.
   */
  readonly multichannel?: boolean | 'rows';
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
export class FloatChunks extends StreamLayout<FloatArray> {
  private buffer: FloatArray | undefined;
  private view: FloatArray | undefined;
  /** Input frames accepted so far (for error messages). */
  private frames = 0;

  constructor(
    what: string,
    private readonly options: ResolvedDspOptions,
    layout: FloatChunksLayout = {},
  ) {
    const m = layout.multichannel;
    super(what, { classes: 'float', twoDimensional: m === 'rows' ? 'rows' : m === true ? 'frames' : false });
  }

  /**
   * Validates one input chunk and returns its samples, interleaved and contiguous; throws
   * TypeError (class) or RangeError (layout, shape, NaN with `nan: 'error'`).
   */
  override accept(chunk: unknown, unit = 'sample'): FloatArray {
    const data = super.accept(chunk);
    const channels = this.channels;
    if (this.options.nan === 'error') {
      for (let i = 0; i < data.length; i++) {
        if (Number.isNaN(data[i])) {
          let where = `${unit} ${this.frames + i}`;
          if (this.isMultichannel && this.rows) where = `channel ${Math.floor(i / this.rowLength)}, ${unit} ${i % this.rowLength}`;
          else if (this.isMultichannel) where = `frame ${this.frames + Math.floor(i / channels)}, channel ${i % channels}`;
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
  return subscribeInner(subscriber, parameter, {
    next: (value) => onValue(build(value)),
    // The parameter completing keeps its last value.
    complete() {},
  });
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
