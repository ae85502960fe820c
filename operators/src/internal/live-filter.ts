import type { OperatorFunction } from 'rxjs';
import { operate } from './operate.js';
import type { FloatArray } from '@ringflow/core';
import {
  FloatChunks,
  followParameter,
  isLive,
  resolveDspOptions,
  withContext,
  type DspOperatorOptions,
  type LiveParameter,
} from './float-chunks.js';

/** How a stateful sample-by-sample filter plugs into {@link liveFilter}. */
export interface LiveFilterKernel<P, S> {
  /** Builds (and validates) a state from a parameter value; throws TypeError/RangeError. */
  create(parameter: P): S;
  /**
   * Applies a new parameter state at a chunk boundary: keeps `current`'s memory when the shape
   * matches (returns `current`, updated), else returns `next`.
   */
  swap(current: S, next: S): S;
  /** Filters `input` into `output` (same length), updating the state. */
  process(state: S, input: FloatArray, output: FloatArray): void;
}

/**
 * The wrapper shared by `fir` and `sosfilt`: one output chunk of the same length and class per
 * non-empty input chunk, state per subscription, parameters given once (validated now) or live
 * (validated on arrival, applied at the next chunk boundary).
 */
export function liveFilter<T extends FloatArray, P>(
  what: string,
  parameter: LiveParameter<P>,
  options: DspOperatorOptions | undefined,
  kernel: LiveFilterKernel<P, unknown>,
): OperatorFunction<T, T> {
  const opts = resolveDspOptions(what, options);
  const live = isLive(parameter);
  // A fixed parameter is validated once, at creation (TypeError/RangeError thrown to the caller).
  if (!live) withContext(what, () => kernel.create(parameter));

  return operate<T, T>((subscriber) => {
    const chunks = new FloatChunks(what, opts);
    let state: unknown;
    let pending: unknown;
    if (live) {
      const build = (value: P): unknown => withContext(what, () => kernel.create(value));
      followParameter(parameter, subscriber, build, (next) => {
        pending = next;
      });
    } else {
      state = kernel.create(parameter);
    }
    return {
      next(chunk) {
        const input = chunks.accept(chunk);
        if (pending !== undefined) {
          state = state === undefined ? pending : kernel.swap(state, pending);
          pending = undefined;
        }
        if (state === undefined) {
          throw new Error(
            `${what}: a chunk arrived before the first parameter value; ` +
              'give the Observable an initial value (BehaviorSubject, startWith)',
          );
        }
        if (input.length === 0) return;
        const output = chunks.output(input.length);
        kernel.process(state, input, output);
        subscriber.next(output as T);
      },
    };
  });
}
