import { platform } from '#platform';
import { expose } from 'comlink';
import type { StageDefinition, StageFunction } from './define-stage.js';
import { EXPOSED_KEY, READY_KEY } from './internal/protocol.js';
import { StageHost } from './internal/stage-host.js';
import { registerRingTransferHandler } from './register-ring-transfer-handler.js';
import type { Chunk } from './types.js';

/**
 * Makes this module a stage: exposes the control API to the thread that started the worker.
 *
 * @remarks
 * Call it once, at the top level of a stage module that `offload`, `pipeline` or `parallel` loads
 * in a worker (Node `worker_threads` or a browser module worker). The data path never touches
 * Comlink: input chunks are read from the input hop (a ring, or a MessagePort with the `'message'`
 * transport) without spinning beyond `spinMicros`, every complete chunk there is goes through the
 * chain `stage` builds, and each emitted chunk is written to the output hop. On the ring transport
 * a full output blocks the worker until the consumer reads (so the next input chunk waits too, and
 * a stage that emits on its own cannot outrun its consumer). When the chain completes the output
 * is closed; an error in the chain (or thrown by `build`) reaches the caller as an Error with this
 * worker's message and stack. On unsubscription the chain is unsubscribed (its teardown runs) and
 * the worker is terminated.
 *
 * @param stage - A stage function `(source, params, context) => Observable<Chunk>`, or a
 *   `defineStage({ params, build })` definition (typed parameters with defaults).
 * @throws TypeError when `stage` is neither; Error when called twice in one worker.
 *
 * @example
 * ```ts
 * import { map, type Observable } from 'rxjs';
 * import { exposeStage } from '@ringflow/workers';
 *
 * exposeStage((source: Observable<Float32Array>) => source.pipe(map((chunk) => chunk.map((x) => x * 2))));
 * ```
 */
export function exposeStage<P, In extends Chunk, Out extends Chunk>(stage: StageFunction<P, In, Out> | StageDefinition<P, In, Out>): void {
  const definition: StageDefinition<P, In, Out> | undefined =
    typeof stage === 'function'
      ? { params: undefined, build: stage }
      : typeof stage === 'object' && stage !== null && typeof stage.build === 'function'
        ? stage
        : undefined;
  if (definition === undefined) {
    throw new TypeError('exposeStage: expected a stage function (source, params, context) => Observable, or defineStage({ params, build })');
  }
  const flags = globalThis as Record<string, unknown>;
  if (flags[EXPOSED_KEY] === true) throw new Error('exposeStage: called twice in one worker');
  flags[EXPOSED_KEY] = true;
  registerRingTransferHandler();
  const host = new StageHost(definition as unknown as StageDefinition<unknown, Chunk, Chunk>);
  let endpoint;
  try {
    endpoint = platform.parentEndpoint();
  } catch (error) {
    flags[EXPOSED_KEY] = false;
    throw error;
  }
  expose(host.control, endpoint);
  endpoint.postMessage({ [READY_KEY]: true });
}
