import type { RingBuffer, RingHandle } from '@ringflow/core';
import { checkChannels, float32Ring } from './ring-of.js';
import { RING_PROCESSOR_NAME } from './ring-processor-name.js';

/** The `AudioWorkletNode` options this helper sets (a structural subset of Web Audio's). */
export interface RingWorkletNodeInit {
  readonly numberOfInputs: number;
  readonly numberOfOutputs: number;
  readonly outputChannelCount?: number[];
  readonly channelCount?: number;
  readonly channelCountMode?: 'explicit';
  readonly processorOptions: RingProcessorOptions;
}

/** What the processor receives in `options.processorOptions`. */
export interface RingProcessorOptions {
  /** The ring's handle: pass it to `createRingReader`/`createRingWriter`. */
  readonly ring: RingHandle<'f'>;
  /** Interleaved channels in the ring. */
  readonly channels: number;
  /** What the processor does with the ring: `'play'` reads it out, `'capture'` records into it. */
  readonly mode: 'play' | 'capture';
  /** Anything else given in `processorOptions`. */
  readonly [key: string]: unknown;
}

/** A constructor of `AudioWorkletNode`s (Web Audio's, or a stand-in), typed without the DOM lib. */
export type AudioWorkletNodeConstructor<Context, Node> = new (context: Context, name: string, options: RingWorkletNodeInit) => Node;

/** Options of `createRingWorkletNode`. */
export interface RingWorkletNodeOptions<Context, Node> {
  /** The float32 ring shared with the processor. */
  readonly ring: RingBuffer;
  /** Interleaved channels in the ring. */
  readonly channels: number;
  /** `'play'`: the processor reads the ring into its output; `'capture'`: it writes its input into the ring. */
  readonly mode: 'play' | 'capture';
  /** Extra `processorOptions` for the processor. */
  readonly processorOptions?: Readonly<Record<string, unknown>>;
  /** The node class (default: `globalThis.AudioWorkletNode`). */
  readonly AudioWorkletNode?: AudioWorkletNodeConstructor<Context, Node>;
}

/**
 * Creates the `AudioWorkletNode` of a ring processor on the main thread, handing it the ring.
 *
 * @remarks
 * Main thread. By default the node runs the ready processor of `@ringflow/workers/worklet-processor`
 * (`RING_PROCESSOR_NAME`; load that module with `audioWorklet.addModule` first); pass a
 * `processorName` to use your own processor. The processor receives `processorOptions.ring` (the
 * ring's handle), `processorOptions.channels` and `processorOptions.mode`, and builds a
 * `createRingReader` (`'play'`: 1 output of `channels` channels, no input) or a
 * `createRingWriter` (`'capture'`: 1 input of `channels` channels, explicit channel count, no
 * output). The page must be cross-origin isolated for the ring's SharedArrayBuffer to reach the
 * audio thread.
 *
 * The optional second argument, `processorName`, is the name given to `registerProcessor` (omit
 * it for the ready processor).
 *
 * @param context - The `AudioContext`.
 * @param options - The ring, `channels`, `mode`, extra `processorOptions`.
 * @returns The node, to connect into the graph.
 * @throws TypeError when the ring is not float32, the mode is unknown, or no `AudioWorkletNode` class is available.
 *
 * @example
 * ```ts
 * import { RingBuffer } from '@ringflow/core';
 * import { createRingWorkletNode } from '@ringflow/workers';
 *
 * declare const context: { audioWorklet: { addModule(url: string | URL): Promise<void> }; destination: unknown };
 * declare const processorUrl: string; // the built module of '@ringflow/workers/worklet-processor'
 * await context.audioWorklet.addModule(processorUrl);
 * const ring = new RingBuffer({ format: 'f', capacity: 2 * 4096 });
 * const node = createRingWorkletNode<typeof context, { connect(to: unknown): void }>(context, { ring, channels: 2, mode: 'play' });
 * node.connect(context.destination);
 * ```
 */
export function createRingWorkletNode<Context, Node>(context: Context, options: RingWorkletNodeOptions<Context, Node>): Node;
export function createRingWorkletNode<Context, Node>(context: Context, processorName: string, options: RingWorkletNodeOptions<Context, Node>): Node;
export function createRingWorkletNode<Context, Node>(
  context: Context,
  nameOrOptions: string | RingWorkletNodeOptions<Context, Node>,
  maybeOptions?: RingWorkletNodeOptions<Context, Node>,
): Node {
  const processorName = typeof nameOrOptions === 'string' ? nameOrOptions : RING_PROCESSOR_NAME;
  const options = typeof nameOrOptions === 'string' ? maybeOptions : nameOrOptions;
  if (typeof options !== 'object' || options === null) throw new TypeError('createRingWorkletNode: expected options { ring, channels, mode }');
  const ring = float32Ring(options.ring, 'createRingWorkletNode');
  const channels = checkChannels(options.channels, 'createRingWorkletNode');
  const mode = options.mode;
  if (mode !== 'play' && mode !== 'capture') throw new TypeError(`createRingWorkletNode: mode must be 'play' or 'capture', got ${String(mode)}`);
  const Ctor =
    options.AudioWorkletNode ?? (globalThis as { AudioWorkletNode?: AudioWorkletNodeConstructor<Context, Node> }).AudioWorkletNode;
  if (Ctor === undefined) throw new TypeError('createRingWorkletNode: AudioWorkletNode is not available here (a browser main thread is needed)');
  const processorOptions: RingProcessorOptions = { ...options.processorOptions, ring: ring.handle, channels, mode };
  const init: RingWorkletNodeInit =
    mode === 'play'
      ? { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [channels], processorOptions }
      : { numberOfInputs: 1, numberOfOutputs: 0, channelCount: channels, channelCountMode: 'explicit', processorOptions };
  return new Ctor(context, processorName, init);
}
