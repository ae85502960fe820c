import type { OverflowPolicy, StageStats } from '../types.js';
import type { HopSpec } from './hop.js';

/** What `start` receives: the two hop ends, the initial parameters, the worker's place. Structured-cloneable. */
export interface StartConfig {
  readonly input: HopSpec;
  readonly output: HopSpec;
  /** Whether `params` was given (otherwise the stage's defaults apply). */
  readonly hasParams: boolean;
  readonly params?: unknown;
  /** Write a boundary marker after the outputs of each input chunk, and an end-of-input marker (pools re-order with them). */
  readonly boundaries: boolean;
  readonly workerIndex: number;
  readonly workerCount: number;
  /** Microseconds the worker polls its input before sleeping. */
  readonly spinMicros: number;
  /** The shared status block (counters, stop flag), or undefined when shared memory is not usable. */
  readonly status: SharedArrayBuffer | undefined;
  /** For a stage whose output hop cannot block (message transport): its queue bound and policy. */
  readonly maxQueuedBytes: number;
  readonly overflow: Exclude<OverflowPolicy, 'block'>;
}

/** The control surface a stage worker exposes through Comlink. Data never goes through it. */
export interface StageControl {
  /** Runs the chain; resolves when it completed and the output was closed, rejects with the chain's error. */
  start(config: StartConfig): Promise<void>;
  /** A parameter update: `seq >= 0` waits for its marker in the input; `seq < 0` applies at the next chunk boundary. */
  setParams(seq: number, value: unknown): void;
  /** Current counters (the main thread reads them from the shared status block instead when there is one). */
  stats(): StageStats;
  /**
   * Unsubscribes the chain (its teardown runs, as for any unsubscription: it does not complete) and
   * releases the hop ends; the thread is terminated afterwards.
   */
  stop(): void;
}

/** Key of the message a stage worker posts once it listens for Comlink calls. */
export const READY_KEY = '__ringflowStageReady';

/** Global flag set by `exposeStage`; the worker bootstrap checks it after importing the stage module. */
export const EXPOSED_KEY = '__ringflowStageExposed';
