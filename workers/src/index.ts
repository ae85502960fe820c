/**
 * `@ringflow/workers`: run RxJS stages on worker threads with SharedArrayBuffer rings as the data
 * path and Comlink for control.
 *
 * @packageDocumentation
 * @module @ringflow/workers
 */
export { offload } from './offload.js';
export type { OffloadOptions } from './offload.js';
export { pipeline } from './pipeline.js';
export type { PipelineOptions, PipelineStep } from './pipeline.js';
export { parallel } from './parallel.js';
export type { ParallelOptions } from './parallel.js';
export { exposeStage } from './expose-stage.js';
export { defineStage } from './define-stage.js';
export type { DefineStageOptions, InputOf, OutputOf, ParamsOf, ParamsUpdate, StageContext, StageDefinition, StageFunction } from './define-stage.js';
export { liveWorkerCount } from './live-worker-count.js';
export { registerRingTransferHandler } from './register-ring-transfer-handler.js';
export type { Chunk, OffloadStats, OverflowPolicy, StageLocation, StageRunOptions, StageStats, Transport } from './types.js';
export { createRingReader } from './worklet/create-ring-reader.js';
export type { RingReader, RingReaderOptions } from './worklet/create-ring-reader.js';
export { createRingWriter } from './worklet/create-ring-writer.js';
export type { RingWriter, RingWriterOptions } from './worklet/create-ring-writer.js';
export { createRingWorkletNode } from './worklet/create-ring-worklet-node.js';
export { RING_PROCESSOR_NAME } from './worklet/ring-processor-name.js';
export type {
  AudioWorkletNodeConstructor,
  RingProcessorOptions,
  RingWorkletNodeInit,
  RingWorkletNodeOptions,
} from './worklet/create-ring-worklet-node.js';
