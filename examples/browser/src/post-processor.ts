// The fallback capture of the demo for pages that are not cross-origin isolated: without
// SharedArrayBuffer there is no ring to share with the audio thread, so this AudioWorklet
// processor posts its mono input to the page in batches of BATCH frames (one transferred buffer
// per batch: it allocates a batch every BATCH / 128 quanta, which the ring path never does).
import { POST_PROCESSOR_NAME } from './post-processor-name.js';

interface Port {
  postMessage(message: unknown, transfer: Transferable[]): void;
}
declare const AudioWorkletProcessor: new () => { readonly port: Port };
declare function registerProcessor(name: string, processor: unknown): void;
const BATCH = 1024;

class PostProcessor extends AudioWorkletProcessor {
  #batch = new Float32Array(BATCH);
  #fill = 0;

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    const frames = channel?.length ?? 128;
    for (let i = 0; i < frames; i++) {
      this.#batch[this.#fill++] = channel === undefined ? 0 : channel[i]!;
      if (this.#fill === BATCH) {
        this.port.postMessage(this.#batch, [this.#batch.buffer]);
        this.#batch = new Float32Array(BATCH);
        this.#fill = 0;
      }
    }
    return true;
  }
}

registerProcessor(POST_PROCESSOR_NAME, PostProcessor);
