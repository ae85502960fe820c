import { closeSync, openSync, writeSync } from 'node:fs';
import { concatWith, defer, finalize, ignoreElements, of, tap, type OperatorFunction } from 'rxjs';
import { isMultichannel, type Chunk } from '@ringflow/core';
import type { WavFormatName, WavRawArray, WavSampleFormat } from './types.js';
import { encodeSamples, type EncodeInput } from './internal/sample-codec.js';
import { resolveWavFormat, type WavFormatInfo } from './internal/wav-formats.js';
import { wavHeaderBytes, wavHeaderLength } from './internal/wav-header-bytes.js';

/** Options of {@link toWavFile}. */
export interface ToWavFileOptions {
  /** Frames per second, in Hz: a positive integer. */
  sampleRate: number;
  /**
   * The sample format of the file. Default: from the first chunk's class, as `scipy.io.wavfile.write`
   * does (Float32Array: `'float32'`, Float64Array: `'float64'`, Int16Array: `'int16'`, Int32Array:
   * `'int32'`, Uint8Array: `'uint8'`). Aliases such as `'pcm16'` or `'f32'` are accepted ({@link WavFormatName}).
   */
  format?: WavFormatName;
  /** Channels, when known before the first chunk (else the first chunk says; an empty stream writes 1). */
  channels?: number;
  /** Speaker mask of an extensible header (`dwChannelMask`). Default as sox: 1: FC, 2: FL FR, 4: quad, 6: 5.1, 8: 7.1, else 0. */
  channelMask?: number;
  /** Bytes gathered before each write to the file. Default 1 MiB. */
  bufferBytes?: number;
}

/** What {@link toWavFile} emits when its source completes. */
export interface WavFileStats {
  /** The file written. */
  readonly path: string;
  /** Frames written. */
  readonly frames: number;
  readonly channels: number;
  /** Hz. */
  readonly sampleRate: number;
  readonly format: WavSampleFormat;
  /** Seconds: `frames / sampleRate`. */
  readonly duration: number;
  /** The file's length in bytes. */
  readonly bytes: number;
  /** Float samples outside the integer format's range (clipped) or NaN (written as 0). */
  readonly clipped: number;
}

/** Largest RIFF size: the data of a plain WAV file stops a little short of 4 GiB. */
const MAX_RIFF_SIZE = 0xffffffff;

function classFormat(data: WavRawArray): WavSampleFormat {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Int32Array) return 'int32';
  return 'uint8';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a plain Array';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value === 'object' ? 'an object that is not a chunk' : typeof value;
}

/** One file being written: the header, a write buffer, the running counts. */
class WavFileWriter {
  readonly #path: string;
  readonly #options: ToWavFileOptions;
  #fd: number | undefined;
  #format: WavFormatInfo | undefined;
  #channels: number | undefined;
  #blockAlign = 0;
  #headerLength = 0;
  #buffer = new Uint8Array(0);
  #buffered = 0;
  /** Data bytes already in the file. */
  #flushedBytes = 0;
  #frames = 0;
  #clipped = 0;
  #closed = false;
  #fileBytes = 0;

  constructor(path: string, options: ToWavFileOptions) {
    this.#path = path;
    this.#options = options;
    this.#fd = openSync(path, 'w');
  }

  /** Fixes format and channels and writes a header with "unknown" sizes. */
  #start(format: WavFormatInfo, channels: number): void {
    if (!Number.isSafeInteger(channels) || channels < 1 || channels > 65535) {
      throw new RangeError(`toWavFile: channels must be an integer from 1 to 65535, got ${channels}`);
    }
    const blockAlign = channels * format.bytes;
    if (blockAlign > 65535) throw new RangeError(`toWavFile: ${channels} channels of ${format.name} make ${blockAlign}-byte frames; WAV allows at most 65535`);
    if (this.#options.sampleRate * blockAlign > 0xffffffff) throw new RangeError(`toWavFile: ${this.#options.sampleRate} Hz x ${blockAlign}-byte frames exceeds WAV's 32-bit byte rate`);
    this.#format = format;
    this.#channels = channels;
    this.#blockAlign = blockAlign;
    this.#headerLength = wavHeaderLength(format, channels);
    const frames = Math.max(1, Math.floor((this.#options.bufferBytes ?? 1 << 20) / blockAlign));
    this.#buffer = new Uint8Array(new ArrayBuffer(frames * blockAlign));
    const header = wavHeaderBytes({ format, channels, sampleRate: this.#options.sampleRate, frames: undefined, channelMask: this.#options.channelMask });
    writeSync(this.#fd!, header, 0, header.length, 0);
  }

  write(chunk: Chunk<WavRawArray>): void {
    let data: WavRawArray;
    let frames: number;
    let channels: number;
    let contiguous = true;
    if (isMultichannel(chunk)) {
      data = chunk.data as WavRawArray;
      [frames, channels] = chunk.shape;
      contiguous = chunk.stride[0] === channels && chunk.stride[1] === 1;
      const last = chunk.offset + (frames - 1) * chunk.stride[0] + (channels - 1) * chunk.stride[1];
      if (frames > 0 && (chunk.offset < 0 || last >= data.length || last < 0)) {
        throw new RangeError(`toWavFile: a [${frames}, ${channels}] chunk whose view runs outside its ${data.length}-sample data`);
      }
    } else if (ArrayBuffer.isView(chunk) && !(chunk instanceof DataView)) {
      data = chunk as WavRawArray;
      frames = data.length;
      channels = 1;
    } else {
      throw new TypeError(`toWavFile: expected chunks (a typed array, or a [frames, channels] multichannel chunk), got ${describeValue(chunk)}`);
    }
    if (!(data instanceof Float32Array || data instanceof Float64Array || data instanceof Int16Array || data instanceof Int32Array || data instanceof Uint8Array)) {
      throw new TypeError(`toWavFile: samples must be a Float32Array or Float64Array (or Int16Array, Int32Array, Uint8Array of raw integers), got ${describeValue(data)}`);
    }
    if (this.#format === undefined) {
      const declared = this.#options.channels;
      if (declared !== undefined && declared !== channels) {
        throw new RangeError(`toWavFile: the first chunk has ${channels} channel${channels === 1 ? '' : 's'}, the options say ${declared}`);
      }
      this.#start(resolveWavFormat(this.#options.format ?? classFormat(data), 'toWavFile'), channels);
    }
    const format = this.#format!;
    if (channels !== this.#channels) {
      throw new RangeError(`toWavFile: a chunk of ${channels} channel${channels === 1 ? '' : 's'} (${isMultichannel(chunk) ? `shape [${frames}, ${channels}]` : '1-D'}) in a ${this.#channels}-channel file`);
    }
    const float = data instanceof Float32Array || data instanceof Float64Array;
    if (!float) {
      const fits = (data instanceof Int16Array && format.name === 'int16') || (data instanceof Int32Array && (format.name === 'int32' || format.name === 'int24')) || (data instanceof Uint8Array && format.name === 'uint8');
      if (!fits) {
        throw new TypeError(`toWavFile: ${data.constructor.name} samples are raw integers and fit only a file of their own format, not '${format.name}'; give floats in [-1, 1) instead`);
      }
    }
    if (frames === 0) return;
    if (this.#headerLength - 8 + (this.#frames + frames) * this.#blockAlign + 1 > MAX_RIFF_SIZE) {
      throw new RangeError(`toWavFile: ${this.#path}: the data would exceed the 4 GiB a WAV file can hold; ${this.#frames} frames were written and the file is complete up to there`);
    }
    let input: EncodeInput = data;
    let inOffset = isMultichannel(chunk) ? chunk.offset : 0;
    if (!contiguous) {
      const mc = chunk as { offset: number; stride: readonly [number, number] };
      const gathered = new (data.constructor as new (n: number) => EncodeInput)(frames * channels);
      for (let f = 0; f < frames; f++) for (let c = 0; c < channels; c++) gathered[f * channels + c] = data[mc.offset + f * mc.stride[0] + c * mc.stride[1]]!;
      input = gathered;
      inOffset = 0;
    }
    const capacity = this.#buffer.length / this.#blockAlign;
    let done = 0;
    while (done < frames) {
      const room = capacity - this.#buffered / this.#blockAlign;
      const n = Math.min(room, frames - done);
      const target = this.#buffer.subarray(this.#buffered, this.#buffered + n * this.#blockAlign);
      this.#clipped += encodeSamples(format.name, input, inOffset + done * channels, n * channels, target);
      this.#buffered += n * this.#blockAlign;
      done += n;
      if (this.#buffered === this.#buffer.length) this.#flush();
    }
    this.#frames += frames;
  }

  #flush(): void {
    if (this.#buffered === 0) return;
    // Positional writes throughout: the header is rewritten at 0, which must not move the data's place.
    let written = 0;
    while (written < this.#buffered) {
      written += writeSync(this.#fd!, this.#buffer, written, this.#buffered - written, this.#flushedBytes + this.#headerLength + written);
    }
    this.#flushedBytes += this.#buffered;
    this.#buffered = 0;
  }

  /** Flushes, pads and writes the final header; idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const fd = this.#fd!;
    try {
      if (this.#format === undefined) {
        const format = resolveWavFormat(this.#options.format ?? 'float32', 'toWavFile');
        this.#start(format, this.#options.channels ?? 1);
      }
      this.#flush();
      const dataBytes = this.#frames * this.#blockAlign;
      if (dataBytes % 2 === 1) writeSync(fd, new Uint8Array(1), 0, 1, this.#headerLength + dataBytes);
      const header = wavHeaderBytes({ format: this.#format!, channels: this.#channels!, sampleRate: this.#options.sampleRate, frames: this.#frames, channelMask: this.#options.channelMask });
      writeSync(fd, header, 0, header.length, 0);
      this.#fileBytes = this.#headerLength + dataBytes + (dataBytes % 2);
    } finally {
      closeSync(fd);
    }
  }

  stats(): WavFileStats {
    return {
      path: this.#path,
      frames: this.#frames,
      channels: this.#channels ?? 1,
      sampleRate: this.#options.sampleRate,
      format: this.#format?.name ?? 'float32',
      duration: this.#frames / this.#options.sampleRate,
      bytes: this.#fileBytes,
      clipped: this.#clipped,
    };
  }
}

function checkOptions(path: unknown, options: ToWavFileOptions | undefined): ToWavFileOptions {
  if (typeof path !== 'string' || path === '') throw new TypeError(`toWavFile: expected a file path (a non-empty string), got ${path === '' ? 'an empty string' : typeof path}`);
  if (options === undefined || options === null || typeof options !== 'object') throw new TypeError('toWavFile: expected options { sampleRate, format? }');
  const { sampleRate, channels, bufferBytes, channelMask } = options;
  if (typeof sampleRate !== 'number' || !Number.isInteger(sampleRate) || sampleRate <= 0 || sampleRate > 0xffffffff) {
    throw new RangeError(`toWavFile: sampleRate must be a positive integer number of Hz (WAV stores an integer), got ${String(sampleRate)}`);
  }
  if (options.format !== undefined) resolveWavFormat(options.format, 'toWavFile');
  if (channels !== undefined && (typeof channels !== 'number' || !Number.isSafeInteger(channels) || channels < 1 || channels > 65535)) {
    throw new RangeError(`toWavFile: channels must be an integer from 1 to 65535, got ${String(channels)}`);
  }
  if (bufferBytes !== undefined && (typeof bufferBytes !== 'number' || !Number.isSafeInteger(bufferBytes) || bufferBytes <= 0)) {
    throw new RangeError(`toWavFile: bufferBytes must be a positive integer, got ${String(bufferBytes)}`);
  }
  if (channelMask !== undefined && (typeof channelMask !== 'number' || !Number.isInteger(channelMask) || channelMask < 0 || channelMask > 0xffffffff)) {
    throw new RangeError(`toWavFile: channelMask must be a 32-bit unsigned integer, got ${String(channelMask)}`);
  }
  return { ...options };
}

/**
 * Writes the chunks of its source to a WAV file as they arrive: a sink operator that emits one
 * {@link WavFileStats} when the source completes.
 *
 * @remarks
 * Accepts mono 1-D chunks and `[frames, channels]` multichannel chunks (any strides); the first
 * chunk (or `options.channels`) fixes the channel count, and a later chunk with another count is a
 * RangeError that errors the stream. Float samples are in [-1, 1): to integer formats they are
 * scaled by `2^(bits-1)`, rounded to nearest (`Math.round`: halves toward +infinity) and clipped
 * to the format's range (counted in `clipped`; NaN is written as 0 and counted). Int16Array,
 * Int32Array and Uint8Array chunks are raw integers, written unchanged to a file of their own format
 * (Int32Array also to int24, clipped to 24 bits).
 *
 * The file is created when the stream is subscribed (so an unwritable path errors at once) and
 * written through a buffer of `bufferBytes`. It holds a header with "unknown" sizes while data
 * flows; when the source completes, errors, or the subscription is unsubscribed, the buffer is
 * flushed and the header is finalised, so the file is always a valid WAV holding every frame
 * received (on an upstream error, the error is passed on after the file is complete). Headers
 * are the ones sox writes: `WAVE_FORMAT_EXTENSIBLE` for integer PCM of more than 2 channels or
 * more than 16 bits (Microsoft's rule), format tag 3 for IEEE float at any channel count (as sox
 * and libsndfile write it), and a `fact` chunk on float and extensible files. A plain WAV file holds less than 4 GiB of data: a chunk that would cross it
 * errors the stream with a RangeError (the file stays complete up to there).
 *
 * Node only; writes synchronously (one `writeSync` per `bufferBytes`). Chunks are not kept.
 *
 * Timeline:
 * ```
 * in:  [abc][de]|
 * out: ---------{ path, frames: 5, ... }|
 * ```
 *
 * @param path - The file to create (replaced if it exists).
 * @param options - `sampleRate` (Hz, required), `format`, `channels`, `channelMask`, `bufferBytes`
 * @returns an operator from chunks to one {@link WavFileStats}
 * @throws TypeError/RangeError at creation for a bad path or options; the stream errors with a
 * file system error (`EACCES`, `ENOENT`) when the file cannot be created, and with a
 * TypeError/RangeError for a chunk that does not fit.
 * @see openWav, readWav
 *
 * @example
 * ```ts
 * import { toWavFile } from '@ringflow/io';
 * import { oscillator } from '@ringflow/operators';
 * import { take } from 'rxjs';
 * oscillator({ frequency: 440, sampleRate: 48000, chunkSize: 4800 })
 *   .pipe(take(10), toWavFile('tone.wav', { sampleRate: 48000, format: 'int16' }))
 *   .subscribe((stats) => console.log(`${stats.frames} frames in ${stats.path}`));
 * ```
 */
export function toWavFile(path: string, options: ToWavFileOptions): OperatorFunction<Chunk<WavRawArray>, WavFileStats> {
  const opts = checkOptions(path, options);
  return (source) =>
    defer(() => {
      const writer = new WavFileWriter(path, opts);
      return source.pipe(
        tap({
          next: (chunk) => {
            try {
              writer.write(chunk);
            } catch (error) {
              writer.close();
              throw error;
            }
          },
          // Finalise before the error or completion travels on, so whoever sees it finds a complete file.
          error: () => writer.close(),
          complete: () => writer.close(),
        }),
        ignoreElements(),
        concatWith(defer(() => of(writer.stats()))),
        finalize(() => writer.close()),
      );
    });
}
