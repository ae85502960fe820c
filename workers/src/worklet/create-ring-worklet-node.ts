import type { RingBuffer, RingHandle } from '@ringflow/core';
import { checkChannels, float32Ring } from './ring-of.js';

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
 * Main thread. The processor (registered with `audioWorklet.addModule` beforehand) receives
 * `processorOptions.ring` (the ring's handle) and `processorOptions.channels`, and builds a
 * `createRingReader` (`'play'`: 1 output of `channels` channels, no input) or a `createRingWriter`
 * (`'capture'`: 1 input of `channels` channels, explicit channel count, no output). The page must
 * be cross-origin isolated for the ring's SharedArrayBuffer to reach the audio thread.
 *
 * @param context - The `AudioContext`.
 * @param processorName - The name given to `registerProcessor` in the worklet module.
 * @param options - The ring, `channels`, `mode`, extra `processorOptions`.
 * @returns The node, to connect into the graph.
 * @throws TypeError when the ring is not float32 or no `AudioWorkletNode` class is available.
 *
 * @example
 * ```ts
 * import { RingBuffer } from '@ringflow/core';
 * import { createRingWorkletNode } from '@ringflow/workers';
 *
 * declare const context: { audioWorklet: { addModule(url: string | URL): Promise<void> }; destination: unknown };
 * await context.audioWorklet.addModule(new URL('./ring-player.js', import.meta.url));
 * const ring = new RingBuffer({ format: 'f', capacity: 2 * 4096 });
 * const node = createRingWorkletNode<typeof context, { connect(to: unknown): void }>(context, 'ring-player', {
 *   ring,
 *   channels: 2,
 *   mode: 'play',
 * });
 * node.connect(context.destination);
 * ```
 */
export function createRingWorkletNode<Context, Node>(
  context: Context,
  processorName: string,
  options: RingWorkletNodeOptions<Context, Node>,
): Node {
  const ring = float32Ring(options.ring, 'createRingWorkletNode');
  const channels = checkChannels(options.channels, 'createRingWorkletNode');
  const Ctor =
    options.AudioWorkletNode ?? (globalThis as { AudioWorkletNode?: AudioWorkletNodeConstructor<Context, Node> }).AudioWorkletNode;
  if (Ctor === undefined) throw new TypeError('createRingWorkletNode: AudioWorkletNode is not available here (a browser main thread is needed)');
  const processorOptions: RingProcessorOptions = { ...options.processorOptions, ring: ring.handle, channels };
  const init: RingWorkletNodeInit =
    options.mode === 'play'
      ? { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [channels], processorOptions }
      : options.mode === 'capture'
        ? { numberOfInputs: 1, numberOfOutputs: 0, channelCount: channels, channelCountMode: 'explicit', processorOptions }
        : (() => {
            throw new TypeError(`createRingWorkletNode: mode must be 'play' or 'capture', got ${String(options.mode)}`);
          })();
  return new Ctor(context, processorName, init);
}
