import { copyRange } from './chunks.js';

/**
 * Cuts a stream of samples into frames of `frame.length` samples that start every `hop` samples,
 * whatever the chunking: the framing behind `slidingWindow` and `stft`. Allocation-free: it fills
 * one frame buffer (of any TypedArray class, typed here as Float64Array) and shifts it in place.
 */
export class Framer {
  readonly frame: Float64Array;
  readonly #hop: number;
  #filled = 0;
  #skip = 0;

  /**
   * @param frame - The frame buffer; its length is the frame size.
   * @param hop - Samples between the starts of two frames (smaller than the size: overlap; larger: skip).
   */
  constructor(frame: Float64Array, hop: number) {
    this.frame = frame;
    this.#hop = hop;
  }

  /**
   * Feeds `input`. For each frame it completes, `onFrame(frame)` is called with the frame buffer
   * (valid only during the call: process or copy it there); return false to stop early.
   */
  push(input: Float64Array, onFrame: (frame: Float64Array) => boolean): void {
    const frame = this.frame;
    const size = frame.length;
    const hop = this.#hop;
    const n = input.length;
    let i = 0;
    while (i < n) {
      if (this.#skip > 0) {
        const s = Math.min(this.#skip, n - i);
        this.#skip -= s;
        i += s;
        continue;
      }
      const take = Math.min(size - this.#filled, n - i);
      copyRange(frame, this.#filled, input, i, i + take);
      this.#filled += take;
      i += take;
      if (this.#filled === size) {
        const more = onFrame(frame);
        if (hop < size) {
          frame.copyWithin(0, hop, size);
          this.#filled = size - hop;
        } else {
          this.#filled = 0;
          this.#skip = hop - size;
        }
        if (!more) return;
      }
    }
  }
}
