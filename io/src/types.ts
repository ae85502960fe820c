/**
 * Types shared across `@ringflow/io`.
 *
 * @packageDocumentation
 */

/**
 * A WAV sample format: PCM integers of 8 (unsigned, as WAV stores them), 16, 24 or 32 bits, or
 * IEEE float of 32 or 64 bits.
 */
export type WavSampleFormat = 'uint8' | 'int16' | 'int24' | 'int32' | 'float32' | 'float64';

/**
 * A {@link WavSampleFormat}, or another name for one that writers accept: `'pcm8'`/`'u8'`,
 * `'pcm16'`/`'s16'`, `'pcm24'`/`'s24'`, `'pcm32'`/`'s32'`, `'f32'`/`'float'`, `'f64'`/`'double'`.
 * Headers always report the canonical name.
 */
export type WavFormatName = WavSampleFormat | 'pcm8' | 'u8' | 'pcm16' | 's16' | 'pcm24' | 's24' | 'pcm32' | 's32' | 'f32' | 'float' | 'f64' | 'double';

/**
 * How samples are handed out when reading: `'float32'` (the default) and `'float64'` scale
 * integers to [-1, 1) (`k / 2^(bits-1)`, 8-bit: `(k - 128) / 128`) and pass floats through;
 * `'raw'` gives the stored values unscaled in the narrowest fitting class (see {@link WavRawArray}).
 */
export type WavDtype = 'float32' | 'float64' | 'raw';

/**
 * The class of raw samples (`dtype: 'raw'`): `Uint8Array` for uint8, `Int16Array` for int16,
 * `Int32Array` for int24 (sign-extended, in [-2^23, 2^23)) and int32, `Float32Array` and
 * `Float64Array` for the float formats.
 */
export type WavRawArray = Uint8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** The sample class a {@link WavDtype} reads into. */
export type WavSampleArray<D extends WavDtype> = D extends 'float64' ? Float64Array : D extends 'raw' ? WavRawArray : Float32Array;

/** One RIFF chunk met while reading a header: its four-character id, byte offset of its body and body size. */
export interface WavChunkInfo {
  readonly id: string;
  readonly offset: number;
  readonly size: number;
}

/**
 * What a WAV header says, checked against the file's real length.
 *
 * @remarks
 * `frames` counts the complete frames present: when the data chunk is shorter than its header
 * says (a file cut off while copying or recording), or ends inside a frame, `frames` is what is
 * there and `truncated` is true. A data size of `0xFFFFFFFF` (written by streaming writers that
 * could not seek back) means "up to the end of the file" and is not flagged.
 */
export interface WavInfo {
  /** The file's path, or `'<bytes>'` for data given in memory. */
  readonly source: string;
  /** Frames per second, in Hz. */
  readonly sampleRate: number;
  /** Samples per frame. */
  readonly channels: number;
  /** Complete frames in the data chunk. */
  readonly frames: number;
  /** Duration in seconds: `frames / sampleRate`. */
  readonly duration: number;
  /** The sample format. */
  readonly format: WavSampleFormat;
  /** Bits per stored sample (the container: 8, 16, 24, 32 or 64). */
  readonly bitsPerSample: number;
  /** Bits that carry signal (`wValidBitsPerSample` of an extensible header; else `bitsPerSample`). */
  readonly validBitsPerSample: number;
  /** Bytes per frame. */
  readonly blockAlign: number;
  /** The fmt chunk's format tag: 1 (PCM), 3 (IEEE float) or 0xFFFE (`WAVE_FORMAT_EXTENSIBLE`). */
  readonly formatTag: number;
  /** Whether the header is `WAVE_FORMAT_EXTENSIBLE`. */
  readonly extensible: boolean;
  /** Speaker positions of an extensible header (`dwChannelMask`); 0 when absent. */
  readonly channelMask: number;
  /** `'RIFF'`, or `'RF64'` for EBU Tech 3306 files with 64-bit sizes. */
  readonly container: 'RIFF' | 'RF64';
  /** Byte offset of the first sample in the file. */
  readonly dataOffset: number;
  /** Bytes of complete frames available: `frames * blockAlign`. */
  readonly dataBytes: number;
  /** Whether the data chunk is shorter than its header says, or ends inside a frame. */
  readonly truncated: boolean;
  /** The chunks before the sample data, in file order (`fmt `, `fact`, `LIST`, ..., `data`). */
  readonly riffChunks: readonly WavChunkInfo[];
}
