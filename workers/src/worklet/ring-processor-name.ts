/**
 * The name under which `@ringflow/workers/worklet-processor` registers its AudioWorklet processor
 * (`registerProcessor`), and that `createRingWorkletNode` uses by default.
 *
 * @example
 * ```ts
 * import { RING_PROCESSOR_NAME } from '@ringflow/workers/worklet';
 * console.log(RING_PROCESSOR_NAME); // 'ringflow-ring'
 * ```
 */
export const RING_PROCESSOR_NAME = 'ringflow-ring';
