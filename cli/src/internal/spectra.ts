// What the main thread keeps of the spectra that come back from the worker: the mean power
// spectrum per channel (for the tones) and a spectrogram pooled to a bounded size (for the PNG),
// so memory does not grow with the length of the input.
import type { MultichannelChunk } from '@ringflow/core';

/**
 * Spectrogram columns aimed at: with a known length the time pooling is set so that at most this
 * many are made; a stream of unknown length keeps up to twice as many, merging pairs beyond.
 */
export const MAX_COLUMNS = 1000;
/** Spectrogram rows kept at most (neighbouring bins are pooled by their maximum beyond). */
export const MAX_ROWS = 1024;

/** Per channel: the mean power spectrum and the pooled spectrogram. */
export class SpectrumAccumulator {
  /** Sum of powers per channel, per bin. */
  readonly #sums: Float64Array[];
  /** Per channel, finished columns (mean power of `#pool` frames, rows pooled by maxima). */
  #columns: Float32Array[][];
  /** The column being filled, per channel. */
  readonly #current: Float64Array[];
  #inCurrent = 0;
  #pool: number;
  #frames = 0;
  /** Bins pooled into one row. */
  readonly rowPool: number;
  readonly rows: number;

  /**
   * @param channels - Channels of the stream.
   * @param bins - Bins per spectrum (`fftSize / 2 + 1`).
   * @param expectedFrames - Spectra expected in all, when known: sets the time pooling up front.
   */
  constructor(readonly channels: number, readonly bins: number, expectedFrames?: number) {
    this.rowPool = 2 ** Math.max(0, Math.ceil(Math.log2((bins - 1) / MAX_ROWS)));
    this.rows = Math.ceil(bins / this.rowPool);
    this.#sums = Array.from({ length: channels }, () => new Float64Array(bins));
    this.#columns = Array.from({ length: channels }, () => []);
    this.#current = Array.from({ length: channels }, () => new Float64Array(this.rows));
    this.#pool = expectedFrames === undefined ? 1 : Math.max(1, Math.ceil(expectedFrames / MAX_COLUMNS));
  }

  /** Spectra added. */
  get frames(): number {
    return this.#frames;
  }

  /** Frames per spectrogram column. */
  get pool(): number {
    return this.#pool;
  }

  /** Adds one `[channels, bins]` power spectrum. */
  add(spectrum: MultichannelChunk<Float32Array>): void {
    const [channels, bins] = spectrum.shape as [number, number];
    if (channels !== this.channels || bins !== this.bins) {
      throw new RangeError(`SpectrumAccumulator: expected [${this.channels}, ${this.bins}] spectra, got [${channels}, ${bins}]`);
    }
    const [s0, s1] = spectrum.stride as [number, number];
    const data = spectrum.data;
    const q = this.rowPool;
    const rows = this.rows;
    for (let c = 0; c < channels; c++) {
      const sums = this.#sums[c]!;
      const current = this.#current[c]!;
      const base = spectrum.offset + c * s0;
      // One pass: each bin into its sum, and each group of q bins into its row (the group's maximum).
      for (let r = 0, k = 0, at = base; r < rows; r++) {
        const last = k + q < bins ? k + q : bins;
        let max = 0;
        for (; k < last; k++, at += s1) {
          const p = data[at]!;
          sums[k] = sums[k]! + p;
          if (p > max) max = p;
        }
        current[r] = current[r]! + max;
      }
    }
    this.#frames++;
    if (++this.#inCurrent === this.#pool) this.#closeColumn();
  }

  #closeColumn(): void {
    for (let c = 0; c < this.channels; c++) {
      const current = this.#current[c]!;
      const column = new Float32Array(this.rows);
      for (let r = 0; r < this.rows; r++) column[r] = current[r]! / this.#inCurrent;
      current.fill(0);
      this.#columns[c]!.push(column);
    }
    this.#inCurrent = 0;
    if (this.#columns[0]!.length >= 2 * MAX_COLUMNS) this.#mergePairs();
  }

  /** Halves the columns: each new one is the mean of two old ones. */
  #mergePairs(): void {
    this.#columns = this.#columns.map((columns) => {
      const merged: Float32Array[] = [];
      for (let i = 0; i + 1 < columns.length; i += 2) {
        const a = columns[i]!;
        const b = columns[i + 1]!;
        for (let r = 0; r < a.length; r++) a[r] = (a[r]! + b[r]!) / 2;
        merged.push(a);
      }
      return merged;
    });
    this.#pool *= 2;
  }

  /** The mean power spectrum of channel `c` over every frame. */
  meanPower(c: number): Float64Array {
    const out = new Float64Array(this.bins);
    const sums = this.#sums[c]!;
    for (let k = 0; k < this.bins; k++) out[k] = this.#frames === 0 ? 0 : sums[k]! / this.#frames;
    return out;
  }

  /** Spectrogram columns of channel `c` (mean powers), including a partly filled last one. */
  columns(c: number): Float32Array[] {
    const columns = [...this.#columns[c]!];
    if (this.#inCurrent > 0) {
      const current = this.#current[c]!;
      columns.push(Float32Array.from(current, (v) => v / this.#inCurrent));
    }
    return columns;
  }
}
