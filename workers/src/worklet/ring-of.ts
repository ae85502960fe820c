import { RingBuffer, type RingHandle } from '@ringflow/core';

/** A float32 ring, or its handle (as received in `processorOptions`), attached if needed. */
export function float32Ring(ring: RingBuffer | RingHandle, what: string): RingBuffer<'f'> {
  const attached = ring instanceof RingBuffer ? ring : RingBuffer.attach(ring);
  if (attached.format !== 'f') {
    throw new TypeError(`${what}: the ring must hold float32 samples (format 'f'), got '${attached.format}'`);
  }
  return attached as RingBuffer<'f'>;
}

export function checkChannels(channels: unknown, what: string): number {
  if (typeof channels !== 'number' || !Number.isSafeInteger(channels) || channels <= 0 || channels > 32) {
    throw new RangeError(`${what}: channels must be an integer from 1 to 32, got ${String(channels)}`);
  }
  return channels;
}

/**
 * Interleaved scratch for one render quantum, with a view for every frame count made up front, so
 * that `process()` hands the ring exactly `n` frames without allocating.
 */
export class QuantumScratch {
  readonly channels: number;
  #frames: number;
  #samples: Float32Array;
  #views: Float32Array[];

  /** @param frames - Frames per quantum to preallocate for. */
  constructor(channels: number, frames: number) {
    this.channels = channels;
    this.#frames = frames;
    this.#samples = new Float32Array(frames * channels);
    this.#views = QuantumScratch.#viewsOf(this.#samples, channels, frames);
  }

  static #viewsOf(samples: Float32Array, channels: number, frames: number): Float32Array[] {
    return Array.from({ length: frames + 1 }, (_, n) => samples.subarray(0, n * channels));
  }

  /** The whole scratch, for a quantum of `frames` (grown once if a quantum is larger than any before). */
  samples(frames: number): Float32Array {
    if (frames > this.#frames) {
      this.#frames = frames;
      this.#samples = new Float32Array(frames * this.channels);
      this.#views = QuantumScratch.#viewsOf(this.#samples, this.channels, frames);
    }
    return this.#samples;
  }

  /** The first `frames` interleaved frames of the scratch (after `samples(frames)` or larger). */
  view(frames: number): Float32Array {
    return this.#views[frames]!;
  }
}
