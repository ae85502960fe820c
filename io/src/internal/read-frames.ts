import type { WavDtype, WavInfo, WavRawArray } from '../types.js';
import { WavError } from '../wav-error.js';
import type { ByteSource } from './byte-source.js';
import { decodeSamples } from './sample-codec.js';

/** Frames decoded per read when a caller reads more than this at once (bounds the scratch buffer). */
export const READ_BLOCK_FRAMES = 16384;

/** A scratch buffer big enough for `frames` frames, aligned for any sample size. */
export function scratchFor(info: WavInfo, frames: number): Uint8Array {
  return new Uint8Array(new ArrayBuffer(Math.ceil((frames * info.blockAlign) / 8) * 8));
}

/**
 * Reads `frames` frames from frame `start` of the data chunk into `out` (interleaved) from sample
 * `outOffset`, through `scratch` in pieces of at most its size. A short read (the file shrank
 * since its header was read) is a WavError `changed`.
 */
export function readFrames(
  source: ByteSource,
  info: WavInfo,
  start: number,
  frames: number,
  out: Float32Array | Float64Array | WavRawArray,
  outOffset: number,
  dtype: WavDtype,
  scratch: Uint8Array,
  call: string,
): void {
  const perRead = Math.max(1, Math.floor(scratch.length / info.blockAlign));
  let done = 0;
  while (done < frames) {
    const n = Math.min(perRead, frames - done);
    const bytes = n * info.blockAlign;
    const got = source.read(info.dataOffset + (start + done) * info.blockAlign, bytes, scratch);
    if (got < bytes) {
      throw new WavError(call, source.name, 'changed', `the file ends before frame ${start + done + n} of the ${info.frames} its header had when it was opened: it changed while being read`);
    }
    decodeSamples(info.format, scratch, n * info.channels, out, outOffset + done * info.channels, dtype === 'raw');
    done += n;
  }
}
