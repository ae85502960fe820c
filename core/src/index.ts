/**
 * `@ringflow/core`: a lock-free SPSC ring buffer on a SharedArrayBuffer, typed by buffer-protocol formats.
 *
 * @packageDocumentation
 * @module @ringflow/core
 */
export { RingBuffer } from './ring-buffer.js';
export type { RingBufferOptions, RingHandle, WaitOptions, PushTail } from './ring-buffer.js';
export { RingAbortedError } from './ring-aborted-error.js';
export { RingClosedError } from './ring-closed-error.js';
export { concatenate } from './concatenate.js';
export { resolveFormat, formatOf, FORMATS } from './formats.js';
export type { ArrayOf, Dtype, FormatAlias, FormatCode, FormatInfo, FormatName, TypedArrayConstructor } from './formats.js';
export { asNdarray } from './as-ndarray.js';
export { toPlanar } from './to-planar.js';
export { toInterleaved } from './to-interleaved.js';
export { asMultichannel, isMultichannel } from './as-multichannel.js';
export { isNdarrayLike } from './internal/elements.js';
export type { BufferLike, Chunk, FloatArray, MultichannelChunk, NdarrayLike, NumericArray, TypedArray } from './types.js';
