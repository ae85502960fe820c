import type { OperatorFunction } from 'rxjs';
import type { InputOf, OutputOf, ParamsOf, StageDefinition } from './define-stage.js';
import { runParallel } from './internal/run-parallel.js';
import type { OffloadOptions } from './offload.js';
import type { Chunk, StageLocation } from './types.js';

/**
 * Options of `parallel`.
 *
 * @typeParam P - The stage's parameters.
 */
export interface ParallelOptions<P = unknown> extends OffloadOptions<P> {
  /** Number of workers (default 2). */
  readonly workers?: number;
}

/**
 * Runs one stateless stage on a pool of workers: chunks are dispatched round-robin and the results
 * are re-ordered to the input order.
 *
 * @remarks
 * The stage MUST be stateless and synchronous per chunk: chunk `i` is processed by worker
 * `i % workers`, which never sees the others, and the outputs a worker emits while processing one
 * input chunk are the results of that chunk (a boundary marker follows them in the output ring).
 * A stage keeping state across chunks (a filter's memory, a sliding window) gives wrong results
 * here; use `offload` or `pipeline` for those. A stage may emit zero, one or many chunks per input
 * chunk. Outputs emitted at completion (after the stage's source completed) are delivered last,
 * worker by worker in worker order (worker 0 first). Parameter updates go to every worker and apply
 * from the next source chunk on. Errors, crashes and unsubscription end the whole pool, as with
 * `offload`; a stage that completes before its input ends completes the pool. Chunks dropped by
 * `overflow: 'drop-newest'` are not dispatched.
 *
 * ```
 * source:                  [a][b][c][d]|
 * parallel(F, workers: 2): ---[F(a)][F(b)][F(c)][F(d)]|   (a, c on worker 0; b, d on worker 1)
 * ```
 *
 * @typeParam S - The stage definition or function type (`typeof myStage`): types `params`, input and output.
 * @typeParam Out - Overrides the class of the emitted chunks (default: the stage's `Out`).
 * @param stage - The stage module, as for `offload`.
 * @param options - `workers` plus the `offload` options.
 * @returns An operator from the stage's input chunks to its output chunks.
 * @throws TypeError/RangeError for bad options (naming the option).
 *
 * @example
 * ```ts
 * import { from } from 'rxjs';
 * import { parallel, type StageDefinition } from '@ringflow/workers';
 *
 * // Usually `import type { spectrumStage } from './spectrum-stage.js'` and `parallel<typeof spectrumStage>`.
 * type SpectrumStage = StageDefinition<unknown, Float32Array, Float32Array>;
 * from([new Float32Array(4096), new Float32Array(4096)])
 *   .pipe(parallel<SpectrumStage>(new URL('./spectrum-stage.ts', import.meta.url), { workers: 2 }))
 *   .subscribe((spectrum) => console.log(spectrum.length));
 * ```
 */
export function parallel<S = StageDefinition<unknown>, Out extends Chunk = OutputOf<S>>(
  stage: StageLocation,
  options: ParallelOptions<ParamsOf<S>> = {},
): OperatorFunction<InputOf<S>, Out> {
  return runParallel({ stage, params: options?.params }, options?.workers ?? 2, options) as unknown as OperatorFunction<InputOf<S>, Out>;
}
