import type { OperatorFunction } from 'rxjs';
import type { Chunk, FloatArray } from '@ringflow/core';
import { describeValue } from './chunks.js';
import { operate } from './operate.js';
import {
  FloatChunks,
  followParameter,
  isLive,
  resolveDspOptions,
  withContext,
  type DspOperatorOptions,
  type LiveParameter,
} from './float-chunks.js';

/**
 * How a filter's memory starts: `'step'` (the steady state for the first sample of each channel, as
 * SciPy's `lfilter_zi(b, a) * x[0]` / `sosfilt_zi(sos) * x[0]`), or an explicit state in SciPy's
 * shape for the stream's layout (see the operator). Default: zeros.
 */
export type InitialState = 'step' | ArrayLike<number> | ArrayLike<ArrayLike<number>> | ArrayLike<ArrayLike<ArrayLike<number>>> | { readonly data: ArrayLike<number>; readonly shape: readonly number[]; readonly stride?: readonly number[]; readonly offset?: number };

/** How a stateful sample-by-sample filter plugs into {@link liveFilter}. */
export interface LiveFilterKernel<P, S> {
  /** Builds (and validates) a state for `channels` interleaved channels; throws TypeError/RangeError. */
  create(parameter: P, channels: number): S;
  /**
   * Applies a new parameter value at a chunk boundary: keeps `current`'s memory when the shape
   * matches (returns `current`, updated), else returns a fresh state.
   */
  swap(current: S, parameter: P): S;
  /** Filters interleaved `input` into `output` (same length), updating the state. */
  process(state: S, input: FloatArray, output: FloatArray): void;
  /** Sets the steady state of a step of height `frame[c]` per channel (`zi: 'step'`). */
  prime?(state: S, frame: Float64Array): void;
  /** Sets an explicit state (`zi`), in SciPy's shape for the state's channel count (errors name the operator). */
  setState?(state: S, zi: unknown): void;
}

/**
 * The wrapper shared by `fir`, `sosfilt`, `lfilter` and `biquad`: one output chunk of the same
 * length, class and layout (mono or `[frames, channels]`, state per channel) per non-empty input
 * chunk, state per subscription, parameters given once (validated now) or live (validated on
 * arrival, applied at the next chunk boundary), an optional initial state (`zi`).
 */
export function liveFilter<C extends Chunk, P>(
  what: string,
  parameter: LiveParameter<P>,
  options: DspOperatorOptions | undefined,
  kernel: LiveFilterKernel<P, unknown>,
  zi?: InitialState,
): OperatorFunction<C, C> {
  const opts = resolveDspOptions(what, options);
  const live = isLive(parameter);
  if (zi !== undefined && zi !== 'step' && (zi === null || typeof zi !== 'object')) {
    throw new TypeError(`${what}: zi must be 'step' or an explicit state array, got ${describeValue(zi)}`);
  }
  // A fixed parameter is validated once, at creation (TypeError/RangeError thrown to the caller).
  if (!live) withContext(what, () => kernel.create(parameter, 1));

  return operate<C, C>((subscriber) => {
    const chunks = new FloatChunks(what, opts, { multichannel: true });
    let state: unknown;
    let pending: { value: P } | undefined;
    let started = false;
    if (live) {
      const validate = (value: P): { value: P } => {
        withContext(what, () => kernel.create(value, 1));
        return { value };
      };
      followParameter(parameter, subscriber, validate, (next) => {
        pending = next;
      });
    } else {
      pending = { value: parameter };
    }
    return {
      next(chunk) {
        const input = chunks.accept(chunk);
        if (pending !== undefined) {
          const value = pending.value;
          pending = undefined;
          state = state === undefined ? withContext(what, () => kernel.create(value, chunks.channels)) : kernel.swap(state, value);
        }
        if (state === undefined) {
          throw new Error(
            `${what}: a chunk arrived before the first parameter value; ` +
              'give the Observable an initial value (BehaviorSubject, startWith)',
          );
        }
        if (input.length === 0) return;
        if (!started) {
          started = true;
          if (zi === 'step') kernel.prime!(state, Float64Array.from(input.subarray(0, chunks.channels)));
          else if (zi !== undefined) kernel.setState!(state, zi);
        }
        const output = chunks.output(input.length);
        kernel.process(state, input, output);
        subscriber.next(chunks.emit(output) as C);
      },
    };
  });
}
