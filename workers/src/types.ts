/**
 * Types shared across `@ringflow/workers`.
 *
 * @packageDocumentation
 */
import type { Chunk as CoreChunk, TypedArray } from '@ringflow/core';

/**
 * One chunk of samples as it crosses a hop: a 1-D TypedArray of a ring format (mono), or a
 * `[frames, channels]` `MultichannelChunk` over one (`@ringflow/core`). The element type and the
 * shape travel with every chunk and may change from stage to stage.
 */
export type Chunk = CoreChunk<TypedArray>;

/**
 * Where a stage module lives: a `URL` (usually `new URL('./my-stage.ts', import.meta.url)`), a URL
 * string (`file:`, `http(s):`, `data:`, `blob:`), or a file path (Node, resolved against the working
 * directory).
 */
export type StageLocation = URL | string;

/**
 * How chunks travel between threads.
 *
 * - `'ring'`: SharedArrayBuffer rings (one copy in, one copy out, no message per chunk).
 * - `'message'`: `postMessage` of the same framed bytes (batched, copied once more, one message per
 *   batch), for pages without cross-origin isolation.
 * - `'auto'`: `'ring'` when shared memory is usable (`SharedArrayBuffer` exists and, in a browser,
 *   the page is `crossOriginIsolated`), otherwise `'message'` with a one-time warning.
 */
export type Transport = 'ring' | 'message' | 'auto';

/**
 * What the main thread does with a source chunk when `maxQueuedBytes` are already waiting for the
 * stage (the stage is slower than the source).
 *
 * - `'error'` (default): the stream errors with a `RangeError` that names `maxQueuedBytes`.
 * - `'drop-newest'`: the chunk is dropped, whole (counted in `droppedChunks`/`droppedSamples`).
 * - `'block'`: the thread blocks until the stage has taken enough (Node's main thread or a worker
 *   only: browsers forbid blocking their main thread). Outputs keep flowing to the subscriber while
 *   it blocks. For CLI pipelines that read files synchronously.
 */
export type OverflowPolicy = 'error' | 'drop-newest' | 'block';

/** Counters of one stage worker, sampled by `stats()`; all are totals since `start`. */
export interface StageStats {
  /** Chunks the stage's chain received. */
  readonly chunksIn: number;
  /** Elements the stage's chain received. */
  readonly samplesIn: number;
  /** Chunks the stage's chain emitted. */
  readonly chunksOut: number;
  /** Elements the stage's chain emitted. */
  readonly samplesOut: number;
  /** Milliseconds the worker spent working (reading, the chain, writing), waits excluded. */
  readonly busyMs: number;
  /** Times the stage found its output full and had to wait for the consumer (backpressure). */
  readonly outputOverruns: number;
}

/** Statistics of an `offload`/`pipeline`/`parallel` subscription, delivered to `onStats`. */
export interface OffloadStats {
  /** Chunks that entered the first stage (summed over the workers of a pool). */
  readonly chunksIn: number;
  /** Elements that entered the first stage. */
  readonly samplesIn: number;
  /** Chunks that left the last stage. */
  readonly chunksOut: number;
  /** Elements that left the last stage. */
  readonly samplesOut: number;
  /** Milliseconds spent working in stage workers, summed over every worker. */
  readonly busyMs: number;
  /** Fill of the input hop(s), 0..1 (bytes in flight over the budget for the `'message'` transport). */
  readonly inputFill: number;
  /** Fill of the output hop(s), 0..1. */
  readonly outputFill: number;
  /** Bytes of source chunks waiting on the main thread for room in the input hop (at most `maxQueuedBytes`). */
  readonly queuedBytes: number;
  /** Source chunks dropped by `overflow: 'drop-newest'`. */
  readonly droppedChunks: number;
  /** Elements of the dropped source chunks. */
  readonly droppedSamples: number;
  /** Times a producer (the main thread feeding the input, or a stage feeding its output) found a hop full and waited. */
  readonly overruns: number;
  /** Per worker: pipeline stages in order, or the workers of a `parallel` pool. */
  readonly stages: readonly StageStats[];
}

/** Options shared by `offload`, `pipeline` and `parallel`. */
export interface StageRunOptions {
  /** How chunks travel (default `'auto'`: rings when shared memory is usable, else messages with a warning). */
  readonly transport?: Transport;
  /**
   * Room per hop, in elements of up to 8 bytes: each hop holds `capacity * 8` bytes (so at least
   * `capacity` elements of any format; twice that many float32). Default 65536. Chunks larger than
   * the hop still pass, in pieces.
   */
  readonly capacity?: number;
  /**
   * Bytes of source chunks the main thread may hold while the input hop is full (default
   * 64 MiB = 67 108 864). Beyond it, `overflow` decides. A stage worker never queues more than this
   * either: on the ring transport it blocks its chain instead (workers may block).
   */
  readonly maxQueuedBytes?: number;
  /** What happens to a source chunk beyond `maxQueuedBytes` (default `'error'`); see {@link OverflowPolicy}. */
  readonly overflow?: OverflowPolicy;
  /**
   * Emit chunks from a pool instead of fresh arrays (default `false`): each emitted chunk (its data)
   * is only valid until the next emission, as with `batch(n, { reuse: true })`; consume or copy it
   * synchronously. Saves one allocation per chunk.
   */
  readonly reuse?: boolean;
  /**
   * Microseconds a worker polls its input for the next chunk before it goes to sleep (default 50;
   * 0 sleeps at once). Waking a sleeping thread costs tens of microseconds, so a short poll roughly
   * halves the latency of a chunk that follows soon, for at most this much CPU per wait. The main
   * thread never polls.
   */
  readonly spinMicros?: number;
  /** Receives statistics every `statsInterval` ms while running, and once more at completion. */
  readonly onStats?: (stats: OffloadStats) => void;
  /** Milliseconds between two `onStats` calls while running (default 1000; 0 = only the final one). */
  readonly statsInterval?: number;
  /** Extra Node CLI options for the workers (Node only); the parent's `--conditions` are passed on already. */
  readonly execArgv?: readonly string[];
}
