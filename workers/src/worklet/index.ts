/**
 * `@ringflow/workers/worklet`: the AudioWorklet helpers alone (no RxJS, no Comlink), for
 * AudioWorklet modules that read or write a ring inside `process()`.
 *
 * @packageDocumentation
 * @module @ringflow/workers/worklet
 */
export { createRingReader } from './create-ring-reader.js';
export type { RingReader, RingReaderOptions } from './create-ring-reader.js';
export { createRingWriter } from './create-ring-writer.js';
export type { RingWriter, RingWriterOptions } from './create-ring-writer.js';
export { createRingWorkletNode } from './create-ring-worklet-node.js';
export { RING_PROCESSOR_NAME } from './ring-processor-name.js';
export type {
  AudioWorkletNodeConstructor,
  RingProcessorOptions,
  RingWorkletNodeInit,
  RingWorkletNodeOptions,
} from './create-ring-worklet-node.js';
