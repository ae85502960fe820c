import type { Observable, OperatorFunction } from 'rxjs';
import type { ParamsOf, ParamsUpdate, StageDefinition } from './define-stage.js';
import { runSerial } from './internal/run-stages.js';
import type { Chunk, StageLocation, StageRunOptions } from './types.js';

/**
 * Options of `offload`.
 *
 * @typeParam P - The stage's parameters.
 */
export interface OffloadOptions<P = unknown> extends StageRunOptions {
  /**
   * Parameters: a value (sent with `start`), or an Observable of updates. A plain-object update is
   * shallow-merged into the current parameters. An update emitted between two source chunks
   * applies from the second one on, exactly (it travels in band with the chunks).
   */
  readonly params?: ParamsUpdate<P> | Observable<ParamsUpdate<P>>;
}

/**
 * Runs a stage module in a worker thread: the source's chunks go through a SharedArrayBuffer ring
 * into the worker, through the stage's RxJS chain there, and back through a second ring.
 *
 * @remarks
 * Per subscription: spawns a worker (Node `worker_threads`, or a browser module worker) that loads
 * the module at `stage` (a `.ts` module is loaded through tsx in development; the module calls
 * `exposeStage`), creates the two hops, and starts the chain. Comlink carries only control.
 *
 * - Chunk boundaries survive the hop: every emitted chunk arrives as one chunk of the same length
 *   and TypedArray class, whatever its size (chunks larger than the ring pass in pieces). The
 *   stage may emit another element type than it receives (float32 in, float64 out): every chunk
 *   carries its format code in the framing ring.
 * - Backpressure: a chunk is copied into the ring when there is room; source chunks that do not
 *   fit yet are queued in order (RxJS sources cannot be slowed down). Emitted chunks are fresh
 *   arrays; do not modify a source chunk after emitting it.
 * - Completion flows through (source completes, the worker's chain completes, the output drains,
 *   the subscriber completes). An error thrown in the worker's chain or while loading the module
 *   reaches the subscriber as an Error with the worker's message and stack; a crashing worker
 *   (`process.exit`, uncaught exception) errors the subscriber; an upstream error errors the
 *   subscriber. In every case, and on unsubscription, the worker is terminated.
 *
 * ```
 * source:  [a][bcd][e]|
 * offload: ---[A][BCD][E]|      (the stage maps each chunk; boundaries kept)
 * ```
 *
 * @typeParam S - The stage definition or function type (`typeof myStage`) that types `params`.
 * @typeParam Out - The class of the chunks the stage emits (default: any chunk), e.g. `Float32Array`.
 * @param stage - The stage module: `new URL('./my-stage.ts', import.meta.url)`, a URL string or a path.
 * @param options - Parameters, transport, ring capacity, statistics.
 * @returns An operator from chunks to chunks.
 *
 * @example
 * ```ts
 * import { from } from 'rxjs';
 * import { offload, type StageDefinition } from '@ringflow/workers';
 *
 * // Usually `import type { gainStage } from './gain-stage.js'` and `offload<typeof gainStage>`.
 * type GainStage = StageDefinition<{ gain: number }>;
 * from([new Float32Array([1, 2]), new Float32Array([3])])
 *   .pipe(offload<GainStage>(new URL('./gain-stage.ts', import.meta.url), { params: { gain: 2 } }))
 *   .subscribe((chunk) => console.log(chunk)); // Float32Array [2, 4], then Float32Array [6]
 * ```
 */
export function offload<S = StageDefinition<unknown>, Out extends Chunk = Chunk>(
  stage: StageLocation,
  options: OffloadOptions<ParamsOf<S>> = {},
): OperatorFunction<Chunk, Out> {
  return runSerial([{ stage, params: options.params }], options) as OperatorFunction<Chunk, Out>;
}
