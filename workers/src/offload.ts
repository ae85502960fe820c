import type { Observable, OperatorFunction } from 'rxjs';
import type { InputOf, OutputOf, ParamsOf, ParamsUpdate, StageDefinition } from './define-stage.js';
import { runSerial } from './internal/run-serial.js';
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
 * - Chunk boundaries, formats and shapes survive the hop: every emitted chunk arrives as one chunk
 *   of the same length and TypedArray class, and a `[frames, channels]` multichannel chunk arrives
 *   with its shape (interleaved, `stride: [channels, 1]`), whatever its size (chunks larger than
 *   the ring pass in pieces). The stage may emit another element type than it receives.
 * - Backpressure and memory: a source chunk is copied into the input hop when it has room, else
 *   into a queue of at most `maxQueuedBytes` (default 64 MiB); beyond it `overflow` decides
 *   (`'error'` by default, `'drop-newest'`, `'block'`). The worker blocks while its output is full,
 *   so a stage that emits faster than the subscriber reads is held back. Source chunks are copied
 *   when emitted: a source may refill its buffer for the next emission.
 * - Emitted chunks are fresh arrays, or with `reuse: true` views of pooled arrays that are valid
 *   only until the next emission.
 * - Completion flows through (source completes, the worker's chain completes, the output drains,
 *   the subscriber completes). An error thrown in the worker's chain or while loading the module
 *   reaches the subscriber as an Error with the worker's message and stack; a crashing worker
 *   (`process.exit`, uncaught exception) errors the subscriber; an upstream error errors the
 *   subscriber. In every case, and on unsubscription, the worker's chain is stopped (its teardown
 *   runs) and the worker terminated.
 *
 * ```
 * source:  [a][bcd][e]|
 * offload: ---[A][BCD][E]|      (the stage maps each chunk; boundaries kept)
 * ```
 *
 * @typeParam S - The stage definition or function type (`typeof myStage`): it types `params`, the
 *   chunks taken (`In`) and the chunks given (`Out`).
 * @typeParam Out - Overrides the class of the emitted chunks (default: the stage's `Out`).
 * @param stage - The stage module: `new URL('./my-stage.ts', import.meta.url)`, a URL string or a path.
 * @param options - Parameters, transport, ring capacity, queue bound and overflow, reuse, statistics.
 * @returns An operator from the stage's input chunks to its output chunks.
 * @throws TypeError/RangeError for bad options (naming the option).
 *
 * @example
 * ```ts
 * import { from, type Observable } from 'rxjs';
 * import { rms } from '@ringflow/operators';
 * import { offload, type StageDefinition } from '@ringflow/workers';
 *
 * // Usually `import type { gainStage } from './gain-stage.js'` and `offload<typeof gainStage>`.
 * type GainStage = StageDefinition<{ gain: number }, Float32Array, Float32Array>;
 * const source: Observable<Float32Array> = from([new Float32Array([1, 2]), new Float32Array([3])]);
 * source
 *   .pipe(offload<GainStage>(new URL('./gain-stage.ts', import.meta.url), { params: { gain: 2 } }), rms())
 *   .subscribe((level) => console.log(level)); // the RMS of [2, 4], then of [6]
 * ```
 */
export function offload<S = StageDefinition<unknown>, Out extends Chunk = OutputOf<S>>(
  stage: StageLocation,
  options: OffloadOptions<ParamsOf<S>> = {},
): OperatorFunction<InputOf<S>, Out> {
  return runSerial([{ stage, params: options?.params }], options, 'offload') as unknown as OperatorFunction<InputOf<S>, Out>;
}
