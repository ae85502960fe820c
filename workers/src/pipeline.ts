import type { Observable, OperatorFunction } from 'rxjs';
import type { ParamsUpdate } from './define-stage.js';
import { runSerial } from './internal/run-serial.js';
import type { Chunk, StageLocation, StageRunOptions } from './types.js';

/**
 * One stage of a `pipeline`, with its parameters.
 *
 * @typeParam P - The stage's parameters.
 */
export interface PipelineStep<P = unknown> {
  /** The stage module, as for `offload`. */
  readonly stage: StageLocation;
  /**
   * A value, or an Observable of updates. The first stage's updates apply exactly from the next
   * source chunk on; a later stage applies an update at its next chunk boundary.
   */
  readonly params?: ParamsUpdate<P> | Observable<ParamsUpdate<P>>;
}

/** Options of `pipeline` (shared by every hop). */
export type PipelineOptions = StageRunOptions;

function stepOf(step: StageLocation | PipelineStep): PipelineStep {
  if (typeof step === 'string' || step instanceof URL) return { stage: step };
  if (typeof step === 'object' && step !== null && 'stage' in step) return step;
  throw new TypeError(`pipeline: each stage must be a URL, a path, or { stage, params }, got ${step === null ? 'null' : typeof step}`);
}

/**
 * Runs consecutive stages in separate workers joined by direct rings: worker A's output ring is
 * worker B's input ring, so data never returns to the main thread between them.
 *
 * @remarks
 * Semantics as `offload` (boundaries, completion, errors of any stage, crash, unsubscription: all
 * workers are terminated). Each stage runs on its own thread, so two heavy stages use two cores.
 * Two call forms: `pipeline(a, b, c)`, or `pipeline([a, b, c], options)` to set the transport,
 * capacity or statistics (`onStats` gets one `stages` entry per stage, in order).
 *
 * ```
 * source:        [a][b]|
 * pipeline(F,G): ---[G(F(a))][G(F(b))]|
 * ```
 *
 * @typeParam In - The chunks the first stage takes (default: any chunk).
 * @typeParam Out - The chunks the last stage gives (default: any chunk).
 * @param steps - Stage modules (URLs/paths) or `{ stage, params }` objects, in order.
 * @returns An operator from chunks to chunks.
 * @throws TypeError/RangeError for a bad step or bad options.
 *
 * @example
 * ```ts
 * import { from } from 'rxjs';
 * import { pipeline } from '@ringflow/workers';
 *
 * from([new Float32Array(1024)])
 *   .pipe(
 *     pipeline<Float32Array, Float32Array>(
 *       [new URL('./fir-stage.ts', import.meta.url), { stage: new URL('./gain-stage.ts', import.meta.url), params: { gain: 0.5 } }],
 *       { capacity: 16384 },
 *     ),
 *   )
 *   .subscribe((chunk) => console.log(chunk.length)); // 1024
 * ```
 */
export function pipeline<In extends Chunk = Chunk, Out extends Chunk = Chunk>(...steps: (StageLocation | PipelineStep)[]): OperatorFunction<In, Out>;
export function pipeline<In extends Chunk = Chunk, Out extends Chunk = Chunk>(
  steps: readonly (StageLocation | PipelineStep)[],
  options?: PipelineOptions,
): OperatorFunction<In, Out>;
export function pipeline(...args: unknown[]): OperatorFunction<Chunk, Chunk> {
  if (Array.isArray(args[0])) {
    const steps = args[0] as readonly (StageLocation | PipelineStep)[];
    return runSerial(steps.map(stepOf), (args[1] as PipelineOptions | undefined) ?? {}, 'pipeline');
  }
  return runSerial((args as (StageLocation | PipelineStep)[]).map(stepOf), {}, 'pipeline');
}
