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
 * boundaries, and completes when the upstream completes. `params` replays the current parameters
 * on subscription and emits each live update; updates are applied between two input chunks, never
 * inside one. The returned Observable's chunks are sent on; they must not be modified after they
 * are emitted (they are copied as the output has room).
 *
 * @typeParam P - The stage's parameters.
 */
export type StageFunction<P = unknown> = (
  source: Observable<Chunk>,
  params: Observable<P>,
  context: StageContext,
) => Observable<Chunk>;

/**
 * A stage with typed parameters and their defaults, made by `defineStage`.
 *
 * @typeParam P - The stage's parameters; `offload<typeof myStage>(...)` reads it back.
 */
export interface StageDefinition<P = unknown> {
  /** Default parameters (what `params` replays until the caller sends others). */
  readonly params: P | undefined;
  /** Builds the chain; see {@link StageFunction}. */
  readonly build: StageFunction<P>;
}

/** Options of `defineStage`. */
export interface DefineStageOptions<P> {
  /** Default parameters. */
  readonly params?: P;
  /** Builds the chain; see {@link StageFunction}. */
  readonly build: StageFunction<P>;
}

/** The parameter type of a stage function or definition (`unknown` when it has none). */
export type ParamsOf<S> = S extends StageDefinition<infer P> ? P : S extends StageFunction<infer P> ? P : unknown;

/**
 * What a caller may send as parameters: a plain-object `P` may be updated partially (the update is
 * shallow-merged into the current parameters); any other `P` is replaced whole.
 */
export type ParamsUpdate<P> = P extends readonly unknown[] ? P : P extends (...args: never[]) => unknown ? P : P extends object ? Partial<P> : P;

/**
 * Declares a stage with typed parameters and defaults, for `exposeStage` in the stage module.
 *
 * @remarks
 * Pure: it only packs its arguments. Export the result from the stage module so callers can type
 * `offload<typeof myStage>(url, { params })` against it without importing the module at run time
 * (`import type`).
 *
 * @param options - `params` (defaults) and `build(source, params, context)`.
 * @returns The definition, carrying `P` in its type.
 *
 * @example
 * ```ts
 * import { map, withLatestFrom } from 'rxjs';
 * import { defineStage, exposeStage } from '@ringflow/workers';
 *
 * export const gainStage = defineStage({
 *   params: { gain: 1 },
 *   build: (source, params) =>
 *     source.pipe(
 *       withLatestFrom(params),
 *       map(([chunk, { gain }]) => Float32Array.from(chunk as Float32Array, (x) => x * gain)),
 *     ),
 * });
 * exposeStage(gainStage);
 * ```
 */
export function defineStage<P>(options: DefineStageOptions<P>): StageDefinition<P> {
  if (typeof options !== 'object' || options === null || typeof options.build !== 'function') {
    throw new TypeError('defineStage: expected { params?, build(source, params, context) }');
  }
  return Object.freeze({ params: options.params, build: options.build });
}
