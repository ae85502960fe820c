import type { RingBuffer, RingHandle } from '@ringflow/core';
import { QuantumScratch, checkChannels, float32Ring } from './ring-of.js';

/** Options of `createRingReader`. */
export interface RingReaderOptions {
  /** Interleaved channels in the ring (the output's channel count). */
  readonly channels: number;
  /** Frames per render quantum to preallocate for (default 128, the Web Audio quantum). */
  readonly frames?: number;
}

/** Reads interleaved samples from a float32 ring into planar output channels, inside `process()`. */
export interface RingReader {
  /**
   * Fills one render quantum. Reads whole frames from the ring, de-interleaves them into
   * `outputs[c]` and zero-fills what the ring could not provide (an underrun).
   *
   * @param outputs - The planar channels of one output (`outputs[0]` in `process(inputs, outputs)`).
   * @returns The number of frames read from the ring.
   */
  process(outputs: readonly Float32Array[]): number;
  /** Render quanta that were not fully covered by the ring. */
  readonly underruns: number;
  /** Frames zero-filled because of underruns. */
  readonly underrunFrames: number;
  /** Frames read from the ring so far (played out); with the producer's count, the frames in flight. */
  readonly frames: number;
  /** The attached ring (this side consumes). */
  readonly ring: RingBuffer<'f'>;
}

class WorkletRingReader implements RingReader {
  readonly ring: RingBuffer<'f'>;
  readonly #scratch: QuantumScratch;
  readonly #frames: number;
  underruns = 0;
  underrunFrames = 0;
  frames = 0;

  constructor(ring: RingBuffer<'f'>, channels: number, frames: number) {
    this.ring = ring;
    this.#frames = frames;
    this.#scratch = new QuantumScratch(channels, frames);
  }

  process(outputs: readonly Float32Array[]): number {
    const frames = outputs[0]?.length ?? this.#frames;
    const scratch = this.#scratch.samples(frames);
    const channels = this.#scratch.channels;
    const available = this.ring.readAvailable;
    let got = Math.floor(available / channels);
    if (got > frames) got = frames;
    if (got > 0) this.frames += this.ring.read(this.#scratch.view(got)) / channels;
    if (got < frames) {
      this.underruns++;
      this.underrunFrames += frames - got;
    }
    for (let c = 0; c < outputs.length; c++) {
      const out = outputs[c]!;
      let f = 0;
      if (c < channels) for (let s = c; f < got; f++, s += channels) out[f] = scratch[s]!;
      for (; f < out.length; f++) out[f] = 0;
    }
    return got;
  }
}

/**
 * Creates the AudioWorklet-side reader of a ring: in `process()`, interleaved float32 samples
 * from the ring go to the planar output channels.
 *
 * @remarks
 * Audio thread. `process` allocates nothing (the scratch buffer and its views are made here) and
 * never blocks: it reads whole frames that are available, zero-fills the rest of the quantum and
 * counts an underrun. Extra output channels beyond `channels` are zero-filled. The producer
 * (a worker, or the main thread) writes interleaved frames with `ring.write`/`pushAsync`.
 *
 * @param ring - A float32 ring, or its handle (e.g. from `processorOptions.ring`).
 * @param options - `channels` in the ring; `frames` per quantum to preallocate for (128).
 * @returns The reader; call `reader.process(outputs[0])` in `process(inputs, outputs)`.
 * @throws TypeError when the ring is not float32; RangeError for a bad channel count.
 *
 * @example
 * ```ts
 * import { createRingReader, type RingReader } from '@ringflow/workers';
 * import type { RingHandle } from '@ringflow/core';
 *
 * // In the AudioWorklet module (AudioWorkletProcessor and registerProcessor are globals there):
 * declare const AudioWorkletProcessor: new () => object;
 * declare function registerProcessor(name: string, ctor: unknown): void;
 * class RingPlayer extends AudioWorkletProcessor {
 *   readonly reader: RingReader;
 *   constructor(options: { processorOptions: { ring: RingHandle; channels: number } }) {
 *     super();
 *     this.reader = createRingReader(options.processorOptions.ring, { channels: options.processorOptions.channels });
 *   }
 *   process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
 *     this.reader.process(outputs[0]!);
 *     return true;
 *   }
 * }
 * registerProcessor('ring-player', RingPlayer);
 * ```
 */
export function createRingReader(ring: RingBuffer | RingHandle, options: RingReaderOptions): RingReader {
  const channels = checkChannels(options?.channels, 'createRingReader');
  const frames = options.frames ?? 128;
  if (!Number.isSafeInteger(frames) || frames <= 0) throw new RangeError(`createRingReader: frames must be a positive integer, got ${String(frames)}`);
  return new WorkletRingReader(float32Ring(ring, 'createRingReader'), channels, frames);
}
