/**
 * Types shared across `@ringflow/workers`.
 *
 * @packageDocumentation
 */
import type { TypedArray } from '@ringflow/core';

/** One chunk of samples: any TypedArray of a ring format (the element type may change from stage to stage). */
export type Chunk = TypedArray;

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
 * - `'message'`: `postMessage` with transfer lists (one copy per hop, one message per chunk).
 * - `'auto'`: `'ring'` when shared memory is usable (`SharedArrayBuffer` exists and, in a browser,
 *   the page is `crossOriginIsolated`), otherwise `'message'` with a one-time warning.
 */
export type Transport = 'ring' | 'message' | 'auto';

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
  /** Milliseconds the worker spent inside the stage's chain (synchronous work per input chunk). */
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
  /** Milliseconds spent inside stage chains, summed over every worker. */
  readonly busyMs: number;
  /** Fill of the input ring(s), 0..1 (bytes in flight over the budget for the `'message'` transport). */
  readonly inputFill: number;
  /** Fill of the output ring(s), 0..1. */
  readonly outputFill: number;
  /** Times a producer (the main thread feeding the input, or a stage feeding its output) found the ring full and waited. */
  readonly overruns: number;
  /** Per worker: pipeline stages in order, or the workers of a `parallel` pool. */
  readonly stages: readonly StageStats[];
}

/** Options shared by `offload`, `pipeline` and `parallel`. */
export interface StageRunOptions {
  /** How chunks travel (default `'auto'`: rings when shared memory is usable, else messages with a warning). */
  readonly transport?: Transport;
  /**
   * Room per hop, in elements of up to 8 bytes: each ring holds `capacity * 8` bytes (so at least
   * `capacity` elements of any format; twice that many float32). Default 65536. Chunks larger than
   * the ring still pass, in pieces.
   */
  readonly capacity?: number;
  /** Chunks (frame descriptors) a hop holds at most, whatever their size. Default 4096. */
  readonly frameCapacity?: number;
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
