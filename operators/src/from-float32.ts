import { isMultichannel, type Chunk, type FloatArray, type MultichannelChunk, type TypedArray } from '@ringflow/core';
import { describeValue } from './internal/chunks.js';
import { StreamLayout } from './internal/stream-layout.js';
import { createTpdfDither, floatToPcm, pcmInfo, type PcmArrayOf, type PcmFormat, type TpdfDither } from './kernels/pcm.js';

/** Options of {@link fromFloat32}. */
export interface FromFloat32Options {
  /**
   * TPDF dither before rounding (default: none): `'tpdf'` draws from a fresh randomly seeded
   * source on each call; pass one `createTpdfDither(seed)` source for a stream, so that the
   * dither is reproducible and continues from chunk to chunk.
   */
  readonly dither?: 'tpdf' | TpdfDither;
}

/** What {@link fromFloat32} returns for a chunk of type `C` and format `F`: the same layout, as the format's class. */
export type PcmOf<C, F extends PcmFormat> = C extends MultichannelChunk<TypedArray> ? MultichannelChunk<PcmArrayOf<F>> : PcmArrayOf<F>;

/**
 * Converts a chunk of float samples in [-1, 1) to PCM integers of `format`, keeping its layout:
 * `fromFloat32(chunk, 'int16')`.
 *
 * @remarks
 * `x * 2^(bits - 1)` rounded to nearest (ties toward +infinity, as sox), clipped to the format's range (so `1.0`
 * becomes 32767 in int16, `-1.0` -32768), offset for unsigned formats; with `dither`, TPDF noise
 * of (-1, 1) LSB is added before rounding. Full scale is `2^(bits - 1)` both ways, so
 * `fromFloat32(toFloat32(x), format)` gives `x` back exactly. NaN becomes 0. Formats: `'int8'`,
 * `'uint8'`, `'int16'`, `'uint16'`, `'int24'` (in an Int32Array), `'int32'`, `'uint32'` (or the
 * struct codes `b B h H i I`). A mono 1-D chunk gives a 1-D array, a `[frames, channels]` chunk a
 * `[frames, channels]` chunk over a fresh interleaved array. A plain function: use it on its own
 * or inside `map()`; for an allocation-free loop (a worklet), use the kernel
 * `floatToPcm(input, output, { dither })`, which also counts clipped samples. Allocates the result.
 *
 * @param chunk - Float samples: a Float32Array/Float64Array, or a `[frames, channels]` view over one.
 * @param format - The PCM format to produce.
 * @param options - `dither`.
 * @returns PCM samples of the same layout.
 * @throws TypeError for non-float input, an unknown format or a bad dither; RangeError for a
 *   malformed `[frames, channels]` view.
 * @see toFloat32
 *
 * @example
 * ```ts
 * import { map } from 'rxjs';
 * import { createTpdfDither, fromFloat32, oscillator } from '@ringflow/operators';
 * const dither = createTpdfDither(42);
 * oscillator({ frequency: 440, sampleRate: 48_000, length: 4800, format: 'float32' })
 *   .pipe(map((chunk) => fromFloat32(chunk, 'int16', { dither })))
 *   .subscribe((pcm) => console.log(pcm.length)); // Int16Array chunks
 * ```
 */
export function fromFloat32<C extends Chunk<FloatArray>, F extends PcmFormat>(chunk: C, format: F, options?: FromFloat32Options): PcmOf<C, F> {
  const info = pcmInfo('fromFloat32', format);
  let dither: TpdfDither | undefined;
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null) throw new TypeError(`fromFloat32: options must be an object, got ${describeValue(options)}`);
    for (const key of Object.keys(options)) if (key !== 'dither') throw new TypeError(`fromFloat32: unknown option '${key}' (expected 'dither')`);
    const d = options.dither;
    if (d === 'tpdf') dither = createTpdfDither();
    else if (d !== undefined) {
      if (typeof d !== 'object' || d === null || typeof d.next !== 'function') {
        throw new TypeError(`fromFloat32: dither must be 'tpdf' or a source from createTpdfDither(seed), got ${describeValue(d)}`);
      }
      dither = d;
    }
  }
  if (!isMultichannel(chunk) && !ArrayBuffer.isView(chunk)) {
    throw new TypeError(`fromFloat32: expected a Float32Array/Float64Array or a [frames, channels] view over one, got ${describeValue(chunk)}`);
  }
  const layout = new StreamLayout<FloatArray>('fromFloat32', { twoDimensional: 'frames', classes: 'float' });
  const samples = layout.accept(chunk);
  const out = new info.Type(samples.length);
  floatToPcm(samples, out, dither === undefined ? { format: info.format } : { format: info.format, dither });
  return layout.emit(out) as PcmOf<C, F>;
}
