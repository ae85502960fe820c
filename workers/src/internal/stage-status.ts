/**
 * The status block of one stage worker: its counters (written by the worker, read by the main
 * thread) and a stop flag (the other way), in shared memory when there is some. A worker blocked
 * on a full output, or busy draining its input, still reports: the main thread reads the counters
 * without asking it. Without shared memory the block is private to the worker and the main thread
 * asks for a snapshot through Comlink (`StageControl.stats`).
 */
import type { StageStats } from '../types.js';

const CHUNKS_IN = 0;
const SAMPLES_IN = 1;
const CHUNKS_OUT = 2;
const SAMPLES_OUT = 3;
const BUSY_MS = 4;
const OUTPUT_OVERRUNS = 5;
const COUNTERS = 6;
/** Index of the stop flag in the Int32 words after the counters. */
const STOP = 0;
const BYTES = COUNTERS * 8 + 8;

export class StageStatus {
  readonly buffer: SharedArrayBuffer | ArrayBuffer;
  readonly shared: boolean;
  readonly #counters: Float64Array;
  readonly #flags: Int32Array;

  /** A new block: shared when `SharedArrayBuffer` is usable, else private. */
  static create(shared: boolean): StageStatus {
    return new StageStatus(shared ? new SharedArrayBuffer(BYTES) : new ArrayBuffer(BYTES));
  }

  constructor(buffer: SharedArrayBuffer | ArrayBuffer) {
    this.buffer = buffer;
    this.shared = typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
    this.#counters = new Float64Array(buffer, 0, COUNTERS);
    this.#flags = new Int32Array(buffer, COUNTERS * 8, 2);
  }

  /** Worker side: one input chunk of `samples` elements entered the chain. */
  countIn(samples: number): void {
    const c = this.#counters;
    c[CHUNKS_IN]!++;
    c[SAMPLES_IN]! += samples;
  }

  /** Worker side: the chain emitted one chunk of `samples` elements. */
  countOut(samples: number): void {
    const c = this.#counters;
    c[CHUNKS_OUT]!++;
    c[SAMPLES_OUT]! += samples;
  }

  /** Worker side: adds working time, and sets the output's overrun total. */
  addBusy(ms: number, outputOverruns: number): void {
    this.#counters[BUSY_MS]! += ms;
    this.#counters[OUTPUT_OVERRUNS] = outputOverruns;
  }

  snapshot(): StageStats {
    const c = this.#counters;
    return {
      chunksIn: c[CHUNKS_IN]!,
      samplesIn: c[SAMPLES_IN]!,
      chunksOut: c[CHUNKS_OUT]!,
      samplesOut: c[SAMPLES_OUT]!,
      busyMs: c[BUSY_MS]!,
      outputOverruns: c[OUTPUT_OVERRUNS]!,
    };
  }

  /** Main side, at teardown: the worker must not take the end of its hops for a completion. */
  requestStop(): void {
    if (this.shared) Atomics.store(this.#flags, STOP, 1);
  }

  stopRequested(): boolean {
    return this.shared && Atomics.load(this.#flags, STOP) === 1;
  }
}

export const ZERO_STATS: StageStats = { chunksIn: 0, samplesIn: 0, chunksOut: 0, samplesOut: 0, busyMs: 0, outputOverruns: 0 };
