// RMS and peak per channel over a whole stream of `[frames, channels]` chunks, in float64.
import type { MultichannelChunk } from '@ringflow/core';

/** Levels of one channel. */
export interface ChannelLevels {
  /** RMS in dBFS (a full-scale sine is -3.01 dBFS; -Infinity for silence, reported as null in JSON). */
  readonly rmsDbfs: number;
  /** Peak absolute sample in dBFS. */
  readonly peakDbfs: number;
  /** Linear RMS (full scale = 1). */
  readonly rms: number;
  /** Linear peak. */
  readonly peak: number;
  /** Samples at or beyond full scale (|x| >= 1). */
  readonly clipped: number;
}

/** Accumulates per-channel sums of squares and peaks. */
export class LevelMeter {
  readonly #squares: Float64Array;
  readonly #peaks: Float64Array;
  readonly #clipped: Float64Array;
  #frames = 0;

  constructor(readonly channels: number) {
    this.#squares = new Float64Array(channels);
    this.#peaks = new Float64Array(channels);
    this.#clipped = new Float64Array(channels);
  }

  /** Adds one chunk (interleaved `[frames, channels]`, any stride). */
  add(chunk: MultichannelChunk<Float32Array>): void {
    const [frames, channels] = chunk.shape as [number, number];
    const [s0, s1] = chunk.stride as [number, number];
    const data = chunk.data;
    for (let c = 0; c < channels; c++) {
      let squares = 0;
      let peak = this.#peaks[c]!;
      let clipped = 0;
      for (let i = 0, at = chunk.offset + c * s1; i < frames; i++, at += s0) {
        const v = data[at]!;
        squares += v * v;
        const a = v < 0 ? -v : v;
        if (a > peak) peak = a;
        if (a >= 1) clipped++;
      }
      this.#squares[c]! += squares;
      this.#peaks[c] = peak;
      this.#clipped[c]! += clipped;
    }
    this.#frames += frames;
  }

  /** Frames seen. */
  get frames(): number {
    return this.#frames;
  }

  /** The levels so far, one entry per channel. */
  levels(): ChannelLevels[] {
    return Array.from({ length: this.channels }, (_, c) => {
      const rms = this.#frames === 0 ? 0 : Math.sqrt(this.#squares[c]! / this.#frames);
      const peak = this.#peaks[c]!;
      return { rms, peak, rmsDbfs: 20 * Math.log10(rms), peakDbfs: 20 * Math.log10(peak), clipped: this.#clipped[c]! };
    });
  }
}
