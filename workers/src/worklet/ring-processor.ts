/**
 * `@ringflow/workers/worklet-processor`: a ready AudioWorklet processor that plays a ring out or
 * records into one. Load it with `audioWorklet.addModule(...)`; it registers itself as
 * `RING_PROCESSOR_NAME`, the processor `createRingWorkletNode` creates nodes of by default.
 *
 * `processorOptions`: `{ ring, channels, mode }` (what `createRingWorkletNode` passes). `'play'`
 * reads interleaved float32 frames from the ring into the node's output (zero-filling underruns);
 * `'capture'` writes the node's input into the ring (dropping what does not fit: overruns).
 * `process()` allocates nothing and never blocks. A message `'stats'` on the node's port is
 * answered with `{ mode: 'play', frames, underruns, underrunFrames }` or
 * `{ mode: 'capture', frames, overruns, droppedFrames }`: `frames` counts the frames read from
 * (written into) the ring since the start, so the capture count minus the play count of a chain
 * is the number of frames in flight between the two nodes (its latency). A played ring that was closed and drained ends the processor (`process` returns
 * false); so does a closed capture ring.
 *
 * @packageDocumentation
 */
import type { RingHandle } from '@ringflow/core';
import { createRingReader, type RingReader } from './create-ring-reader.js';
import { createRingWriter, type RingWriter } from './create-ring-writer.js';
import { RING_PROCESSOR_NAME } from './ring-processor-name.js';

/** The globals of an AudioWorkletGlobalScope that this module uses (typed without the DOM lib). */
interface WorkletScope {
  AudioWorkletProcessor?: new () => { readonly port: { onmessage: ((event: { data: unknown }) => void) | null; postMessage(message: unknown): void } };
  registerProcessor?: (name: string, processor: unknown) => void;
}

const scope = globalThis as WorkletScope;

/** What the processor is constructed with. */
interface RingProcessorInit {
  readonly processorOptions?: { readonly ring?: RingHandle; readonly channels?: number; readonly mode?: unknown };
}

if (typeof scope.registerProcessor === 'function' && typeof scope.AudioWorkletProcessor === 'function') {
  const Base = scope.AudioWorkletProcessor;

  /** Plays a ring out (`'play'`) or records into it (`'capture'`), one render quantum per `process`. */
  class RingProcessor extends Base {
    readonly #reader: RingReader | undefined;
    readonly #writer: RingWriter | undefined;

    constructor(options: RingProcessorInit) {
      super();
      const { ring, channels, mode } = options.processorOptions ?? {};
      if (ring === undefined) throw new TypeError(`${RING_PROCESSOR_NAME}: processorOptions.ring (a ring handle) is missing`);
      if (mode === 'play') this.#reader = createRingReader(ring, { channels: channels as number });
      else if (mode === 'capture') this.#writer = createRingWriter(ring, { channels: channels as number });
      else throw new TypeError(`${RING_PROCESSOR_NAME}: processorOptions.mode must be 'play' or 'capture', got ${String(mode)}`);
      this.port.onmessage = (event) => {
        if (event.data !== 'stats') return;
        const r = this.#reader;
        const w = this.#writer;
        this.port.postMessage(
          r !== undefined
            ? { mode: 'play', frames: r.frames, underruns: r.underruns, underrunFrames: r.underrunFrames }
            : { mode: 'capture', frames: w!.frames, overruns: w!.overruns, droppedFrames: w!.droppedFrames },
        );
      };
    }

    process(inputs: readonly (readonly Float32Array[])[], outputs: readonly (readonly Float32Array[])[]): boolean {
      const reader = this.#reader;
      if (reader !== undefined) {
        const output = outputs[0];
        if (output !== undefined) reader.process(output);
        return !(reader.ring.closed && reader.ring.readAvailable === 0);
      }
      const writer = this.#writer!;
      if (writer.ring.closed) return false;
      writer.process(inputs[0] ?? NO_CHANNELS);
      return true;
    }
  }

  scope.registerProcessor(RING_PROCESSOR_NAME, RingProcessor);
}

const NO_CHANNELS: readonly Float32Array[] = [];

export { RING_PROCESSOR_NAME };
