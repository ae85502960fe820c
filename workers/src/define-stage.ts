import type { Observable } from 'rxjs';
import type { Chunk } from './types.js';

/** What a stage learns about where it runs. */
export interface StageContext {
  /** Index of this worker in its pool (`parallel`), 0 otherwise. */
  readonly workerIndex: number;
  /** Number of workers running this stage (`parallel`), 1 otherwise. */
  readonly workerCount: number;
}

/**
 * The body of a stage: builds the RxJS chain that runs in the worker.
 *
 * @remarks
 * `source` emits the chunks that arrive from the main thread (or the previous stage), with their
 * boundaries, formats and shapes, and completes when the upstream completes. `params` replays the
 * current parameters on subscription and emits each live update; updates are applied between two
 * input chunks, never inside one. The returned Observable's chunks are sent on, copied as they
 * are emitted (a stage may reuse its buffer for the next emission).
 *
 * @typeParam P - The stage's parameters.
 * @typeParam In - The chunks the stage takes (what the caller's source emits).
 * @typeParam Out - The chunks the stage gives (what `offload` emits).
 */
export type StageFunction<P = unknown, In extends Chunk = Chunk, Out extends Chunk = Chunk> = (
  source: Observable<In>,
  params: Observable<P>,
  context: StageContext,
) => Observable<Out>;

/**
 * A stage with typed parameters, input and output, made by `defineStage`.
 *
 * @typeParam P - The stage's parameters; `offload<typeof myStage>(...)` reads it back.
 * @typeParam In - The chunks it takes.
 * @typeParam Out - The chunks it gives.
 */
export interface StageDefinition<P = unknown, In extends Chunk = Chunk, Out extends Chunk = Chunk> {
  /** Default parameters (what `params` replays until the caller sends others). */
  readonly params: P | undefined;
  /** Builds the chain; see {@link StageFunction}. */
  readonly build: StageFunction<P, In, Out>;
  /** Whether `source` hands out pooled chunks (see {@link DefineStageOptions.reuse}). */
  readonly reuse?: boolean;
}

/** Options of `defineStage`. */
export interface DefineStageOptions<P, In extends Chunk = Chunk, Out extends Chunk = Chunk> {
  /** Default parameters. */
  readonly params?: P;
  /** Builds the chain; see {@link StageFunction}. */
  readonly build: StageFunction<P, In, Out>;
  /**
   * Let `source` emit chunks from a pool instead of fresh arrays (default `false`): each is only
   * valid until the next one, so the chain must use (or copy) a chunk before it emits the next
   * source chunk, as a `map` does and a `bufferCount` does not. Saves one allocation per chunk.
   */
  readonly reuse?: boolean;
}

/** `[P, In, Out]` of a stage function or definition type. */
type StageParts<S> =
  S extends StageDefinition<infer P, infer In, infer Out>
    ? [P, In, Out]
    : S extends StageFunction<infer P, infer In, infer Out>
      ? [P, In, Out]
      : [unknown, Chunk, Chunk];

/** The parameter type of a stage function or definition (`unknown` when it has none). */
export type ParamsOf<S> = StageParts<S>[0];

/** The chunks a stage function or definition takes (`Chunk` when it does not say). */
export type InputOf<S> = StageParts<S>[1];

/** The chunks a stage function or definition gives (`Chunk` when it does not say). */
export type OutputOf<S> = StageParts<S>[2];

/**
 * What a caller may send as parameters: a plain-object `P` may be updated partially (the update is
 * shallow-merged into the current parameters); any other `P` is replaced whole.
 */
export type ParamsUpdate<P> = P extends readonly unknown[] ? P : P extends (...args: never[]) => unknown ? P : P extends object ? Partial<P> : P;

/**
 * Declares a stage with typed parameters, input and output, for `exposeStage` in the stage module.
 *
 * @remarks
 * Pure: it only checks and packs its arguments. Export the result from the stage module so callers
 * can type `offload<typeof myStage>(url, { params })` against it without importing the module at
 * run time (`import type`): `offload` then takes the stage's `In` chunks and gives its `Out`
 * chunks, so it composes with typed operators (`rms()`, `fft()`, ...) without casts. `P` comes
 * from `params`, `In` and `Out` from `build`'s types (annotate `source`).
 *
 * @param options - `params` (defaults), `build(source, params, context)` and `reuse`.
 * @returns The definition, carrying `P`, `In` and `Out` in its type.
 * @throws TypeError when `build` is not a function.
 *
 * @example
 * ```ts
 * import { map, withLatestFrom, type Observable } from 'rxjs';
 * import { defineStage, exposeStage } from '@ringflow/workers';
 *
 * export const gainStage = defineStage({
 *   params: { gain: 1 },
 *   build: (source: Observable<Float32Array>, params) =>
 *     source.pipe(
 *       withLatestFrom(params),
 *       map(([chunk, { gain }]) => chunk.map((x) => x * gain)),
 *     ),
 * });
 * exposeStage(gainStage);
 * ```
 */
export function defineStage<P, In extends Chunk = Chunk, Out extends Chunk = Chunk>(options: DefineStageOptions<P, In, Out>): StageDefinition<P, In, Out> {
  if (typeof options !== 'object' || options === null || typeof options.build !== 'function') {
    throw new TypeError('defineStage: expected { params?, build(source, params, context) }');
  }
  if (options.reuse !== undefined && typeof options.reuse !== 'boolean') {
    throw new TypeError(`defineStage: reuse must be a boolean, got ${typeof options.reuse}`);
  }
  return Object.freeze({ params: options.params, build: options.build, reuse: options.reuse === true });
}
