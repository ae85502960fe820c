import { isMultichannel, type Chunk, type FloatArray, type MultichannelChunk, type TypedArray } from '@ringflow/core';
import { describeValue } from './internal/chunks.js';
import { StreamLayout } from './internal/stream-layout.js';
import { pcmInfo, pcmToFloat, type PcmArray, type PcmFormat } from './kernels/pcm.js';

/** What {@link toFloat32} returns for a chunk of type `C`: the same layout, as Float32Array. */
export type Float32Of<C> = C extends MultichannelChunk<TypedArray> ? MultichannelChunk<Float32Array> : Float32Array;

/**
 * Converts a chunk of PCM integer samples to float32 samples in [-1, 1), keeping its layout:
 * `toFloat32(int16Chunk)`.
 *
 * @remarks
 * `x / 2^(bits - 1)` (unsigned formats are offset binary: `(x - 2^(bits - 1)) / 2^(bits - 1)`), as
 * sox and libsndfile read PCM: Int16 -32768 gives -1, 16384 gives 0.5, 32767 gives 1 - 2^-15. The
 * format comes from the chunk's class (Int8, Uint8, Int16, Uint16, Int32, Uint32) unless given
 * (`'int24'` for 24-bit samples held in an Int32Array). Float chunks are converted to float32
 * unscaled (Float32Array copied, Float64Array rounded). A mono 1-D chunk gives a Float32Array;
 * a `[frames, channels]` chunk (any strides) a `[frames, channels]` chunk over a fresh interleaved
 * Float32Array. A plain function: use it on its own or inside `map()`
 * (`source.pipe(map((c) => toFloat32(c)))`); for an allocation-free loop, use the kernel
 * `pcmToFloat(input, output)` (in `@ringflow/operators/kernels`). Allocates the result.
 *
 * @param chunk - PCM samples: an integer TypedArray, or a `[frames, channels]` view over one.
 * @param format - The samples' format (default: from the class).
 * @returns Float32 samples of the same layout.
 * @throws TypeError for other input (BigInt arrays, plain arrays) or a format that does not fit
 *   the class; RangeError for a malformed `[frames, channels]` view.
 * @see fromFloat32
 *
 * @example
 * ```ts
 * import { toFloat32 } from '@ringflow/operators';
 * toFloat32(Int16Array.of(-32768, 0, 16384)); // Float32Array [-1, 0, 0.5]
 * ```
 */
export function toFloat32<C extends Chunk<PcmArray | FloatArray>>(chunk: C, format?: PcmFormat): Float32Of<C> {
  const layout = new StreamLayout('toFloat32', { twoDimensional: 'frames', classes: 'numeric' });
  if (!isMultichannel(chunk) && !ArrayBuffer.isView(chunk)) {
    throw new TypeError(`toFloat32: expected an integer TypedArray or a [frames, channels] view over one, got ${describeValue(chunk)}`);
  }
  const samples = layout.accept(chunk);
  const out = new Float32Array(samples.length);
  if (samples instanceof Float32Array || samples instanceof Float64Array) {
    if (format !== undefined) pcmInfo('toFloat32', format); // a bad name is still an error
    out.set(samples);
  } else {
    pcmToFloat(samples as PcmArray, out, format);
  }
  return layout.emit(out) as Float32Of<C>;
}
