import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import type { WavDtype, WavInfo, WavSampleArray } from './types.js';
import { asBytes, fileSource, memorySource, type ByteSource } from './internal/byte-source.js';
import { parseWavHeader } from './internal/parse-wav-header.js';
import { READ_BLOCK_FRAMES, readFrames, scratchFor } from './internal/read-frames.js';
import { allocateSamples } from './internal/sample-codec.js';

/** Options of {@link readWav}. */
export interface ReadWavOptions<D extends WavDtype = 'float32'> {
  /** `'float32'` (default), `'float64'` or `'raw'` (the stored integers, unscaled): see {@link WavDtype}. */
  dtype?: D;
}

/** A whole WAV file: its header fields and every complete frame. */
export interface WavData<T extends WavSampleArray<WavDtype> = Float32Array> extends WavInfo {
  /** All samples as one `[frames, channels]` chunk (mono files too: `[frames, 1]`). */
  readonly samples: MultichannelChunk<T>;
}

/**
 * Reads a whole WAV file (from a path, or from bytes in memory) into one `[frames, channels]` chunk.
 *
 * @remarks
 * The same reader as {@link openWav} (formats, checks, `truncated`), reading every frame at
 * once: memory is the size of the decoded samples (a 16-bit file takes twice its size as
 * float32). For long files stream with `openWav(path).chunks()` instead. Bytes may be a
 * `Uint8Array`/`Buffer`, an `ArrayBuffer` or any `ArrayBufferView`; they are not kept.
 *
 * @param input - A file path, or the file's bytes.
 * @param options - `dtype`
 * @returns a promise of the header fields plus `samples`
 * @throws (rejects with) `WavError` for data that is not a WAV file this reader can read;
 * file system errors for paths; TypeError for an input that is neither a path nor bytes.
 *
 * @example
 * ```ts
 * import { readWav } from '@ringflow/io';
 * const { sampleRate, samples, truncated } = await readWav('take.wav');
 * const [frames, channels] = samples.shape;
 * console.log(`${frames / sampleRate} s of ${channels} channels${truncated ? ' (truncated)' : ''}`);
 * ```
 */
export async function readWav<D extends WavDtype = 'float32'>(input: string | Uint8Array | ArrayBuffer | ArrayBufferView, options?: ReadWavOptions<D>): Promise<WavData<WavSampleArray<D>>> {
  const call = 'readWav';
  const dtype: WavDtype = options?.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64' && dtype !== 'raw') {
    throw new TypeError(`${call}: dtype must be 'float32', 'float64' or 'raw', got ${String(dtype)}`);
  }
  let source: ByteSource;
  if (typeof input === 'string') {
    if (input === '') throw new TypeError(`${call}: expected a file path or bytes, got an empty string`);
    source = fileSource(input);
  } else {
    const bytes = asBytes(input);
    if (bytes === undefined) throw new TypeError(`${call}: expected a file path or bytes (Uint8Array, Buffer, ArrayBuffer), got ${input === null ? 'null' : typeof input}`);
    source = memorySource(bytes);
  }
  try {
    const info = parseWavHeader(source, call);
    const out = allocateSamples(info.format, dtype, info.frames * info.channels) as WavSampleArray<D>;
    readFrames(source, info, 0, info.frames, out, 0, dtype, scratchFor(info, Math.min(READ_BLOCK_FRAMES, Math.max(1, info.frames))), call);
    return { ...info, samples: asMultichannel(out, info.channels) };
  } finally {
    source.close();
  }
}
