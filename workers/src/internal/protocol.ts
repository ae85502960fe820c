import type { StageStats } from '../types.js';
import type { ChannelSpec } from './channel.js';

/** What `start` receives: the two hop ends and the initial parameters. Structured-cloneable. */
export interface StartConfig {
  readonly input: ChannelSpec;
  readonly output: ChannelSpec;
  /** Whether `params` was given (otherwise the stage's defaults apply). */
  readonly hasParams: boolean;
  readonly params?: unknown;
  /** Write a boundary marker after the outputs of each input chunk (pools re-order with them). */
  readonly boundaries: boolean;
  readonly workerIndex: number;
  readonly workerCount: number;
  /** Microseconds the worker polls its input before sleeping. */
  readonly spinMicros: number;
}

/** The control surface a stage worker exposes through Comlink. Data never goes through it. */
export interface StageControl {
  /** Runs the chain; resolves when it completed and the output was closed, rejects with the chain's error. */
  start(config: StartConfig): Promise<void>;
  /** A parameter update: `seq >= 0` waits for its marker in the input; `seq < 0` applies at the next chunk boundary. */
  setParams(seq: number, value: unknown): void;
  /** Current counters. */
  stats(): StageStats;
  /** Unsubscribes the chain and releases the hop ends. */
  stop(): void;
}

/** Key of the message a stage worker posts once it listens for Comlink calls. */
export const READY_KEY = '__ringflowStageReady';

/** Global flag set by `exposeStage`; the worker bootstrap checks it after importing the stage module. */
export const EXPOSED_KEY = '__ringflowStageExposed';
