import { isObservable, type Observable, type Subscriber, type Subscription } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
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

/**
 * Per-subscription bookkeeping of a float DSP operator: checks each input chunk (float class, the
 * same class as the first chunk, NaN policy) and hands out output arrays of the input's class,
 * fresh or views of one reused buffer.
 */
export class FloatChunks {
  private Type: FloatConstructor | undefined;
  private buffer: FloatArray | undefined;
  private view: FloatArray | undefined;
  /** Input samples accepted so far (for error messages). */
  private samples = 0;

  constructor(
    private readonly what: string,
    private readonly options: ResolvedDspOptions,
  ) {}

  /** Validates one input chunk; throws TypeError (class) or RangeError (NaN with `nan: 'error'`). */
  accept(chunk: unknown, unit = 'sample'): FloatArray {
    if (!isFloatArray(chunk)) {
      const hint = Array.isArray(chunk) ? ' (wrap plain arrays: new Float64Array(values))' : '';
      throw new TypeError(`${this.what}: chunks must be Float32Array or Float64Array, got ${describeValue(chunk)}${hint}`);
    }
    if (this.Type === undefined) {
      this.Type = chunk.constructor as FloatConstructor;
    } else {
      checkSameClass(this.what, chunk, this.Type);
    }
    if (this.options.nan === 'error') {
      for (let i = 0; i < chunk.length; i++) {
        if (Number.isNaN(chunk[i])) {
          throw new RangeError(`${this.what}: NaN at input ${unit} ${this.samples + i} (option nan: 'error')`);
        }
      }
    }
    this.samples += chunk.length;
    return chunk;
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
