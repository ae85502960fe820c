import type { RingBuffer, RingHandle } from '@ringflow/core';
import { QuantumScratch, checkChannels, float32Ring } from './ring-of.js';

/** Options of `createRingWriter`. */
export interface RingWriterOptions {
  /** Interleaved channels written to the ring (missing input channels are written as zeros). */
  readonly channels: number;
  /** Frames per render quantum to preallocate for (default 128). */
  readonly frames?: number;
}

/** Writes planar input channels into a float32 ring, interleaved, inside `process()`. */
export interface RingWriter {
  /**
   * Writes one render quantum: interleaves `inputs[c]` and writes the whole frames that fit; the
   * rest of the quantum is dropped and counted as an overrun. A disconnected input (no channels)
   * writes a quantum of silence.
   *
   * @param inputs - The planar channels of one input (`inputs[0]` in `process(inputs, outputs)`).
   * @returns The number of frames written.
   */
  process(inputs: readonly Float32Array[]): number;
  /** Render quanta that did not fit entirely (the consumer is behind, or the ring is closed). */
  readonly overruns: number;
  /** Frames dropped because of overruns. */
  readonly droppedFrames: number;
  /** Frames written into the ring so far; with the consumer's count, the frames in flight. */
  readonly frames: number;
  /** The attached ring (this side produces). */
  readonly ring: RingBuffer<'f'>;
}

class WorkletRingWriter implements RingWriter {
  readonly ring: RingBuffer<'f'>;
  readonly #scratch: QuantumScratch;
  readonly #frames: number;
  overruns = 0;
  droppedFrames = 0;
  frames = 0;

  constructor(ring: RingBuffer<'f'>, channels: number, frames: number) {
    this.ring = ring;
    this.#frames = frames;
    this.#scratch = new QuantumScratch(channels, frames);
  }

  process(inputs: readonly Float32Array[]): number {
    const frames = inputs[0]?.length ?? this.#frames;
    const scratch = this.#scratch.samples(frames);
    const channels = this.#scratch.channels;
    let fit = this.ring.closed ? 0 : Math.floor(this.ring.writeAvailable / channels);
    if (fit > frames) fit = frames;
    if (fit < frames) {
      this.overruns++;
      this.droppedFrames += frames - fit;
    }
    if (fit === 0) return 0;
    for (let c = 0; c < channels; c++) {
      const input = inputs[c];
      if (input === undefined) for (let f = 0, s = c; f < fit; f++, s += channels) scratch[s] = 0;
      else for (let f = 0, s = c; f < fit; f++, s += channels) scratch[s] = input[f]!;
    }
    this.ring.write(this.#scratch.view(fit));
    this.frames += fit;
    return fit;
  }
}

/**
 * Creates the AudioWorklet-side writer of a ring: in `process()`, planar input channels go into
 * the ring interleaved.
 *
 * @remarks
 * Audio thread. `process` allocates nothing and never blocks: when the ring has no room for the
 * whole quantum it writes the frames that fit, drops the rest and counts an overrun (a closed ring
 * drops everything). The consumer (a worker, e.g. `fromRing` in a stage) reads interleaved frames.
 *
 * @param ring - A float32 ring, or its handle (e.g. from `processorOptions.ring`).
 * @param options - `channels` to write; `frames` per quantum to preallocate for (128).
 * @returns The writer; call `writer.process(inputs[0])` in `process(inputs, outputs)`.
 * @throws TypeError when the ring is not float32; RangeError for a bad channel count.
 *
 * @example
 * ```ts
 * import { createRingWriter, type RingWriter } from '@ringflow/workers';
 * import type { RingHandle } from '@ringflow/core';
 *
 * declare const AudioWorkletProcessor: new () => object;
 * declare function registerProcessor(name: string, ctor: unknown): void;
 * class RingRecorder extends AudioWorkletProcessor {
 *   readonly writer: RingWriter;
 *   constructor(options: { processorOptions: { ring: RingHandle; channels: number } }) {
 *     super();
 *     this.writer = createRingWriter(options.processorOptions.ring, { channels: options.processorOptions.channels });
 *   }
 *   process(inputs: Float32Array[][]): boolean {
 *     this.writer.process(inputs[0] ?? []);
 *     return true;
 *   }
 * }
 * registerProcessor('ring-recorder', RingRecorder);
 * ```
 */
export function createRingWriter(ring: RingBuffer | RingHandle, options: RingWriterOptions): RingWriter {
  const channels = checkChannels(options?.channels, 'createRingWriter');
  const frames = options.frames ?? 128;
  if (!Number.isSafeInteger(frames) || frames <= 0) throw new RangeError(`createRingWriter: frames must be a positive integer, got ${String(frames)}`);
  return new WorkletRingWriter(float32Ring(ring, 'createRingWriter'), channels, frames);
}
