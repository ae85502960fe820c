import { Observable, type SchedulerLike, type Subscriber } from 'rxjs';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import type { WavDtype, WavInfo, WavSampleArray } from './types.js';
import { fileSource, type ByteSource } from './internal/byte-source.js';
import { parseWavHeader } from './internal/parse-wav-header.js';
import { readFrames, scratchFor } from './internal/read-frames.js';
import { allocateSamples } from './internal/sample-codec.js';

/** Options of {@link WavReader.chunks}. */
export interface WavChunksOptions<D extends WavDtype = 'float32'> {
  /** Frames per emitted chunk (the last one may be shorter). Default 4096. */
  chunkFrames?: number;
  /** First frame to read. Default 0. */
  start?: number;
  /** Frame to stop before (exclusive), clamped to `frames`. Default `frames`. */
  end?: number;
  /** `'float32'` (default), `'float64'` or `'raw'` (the stored integers, unscaled): see {@link WavDtype}. */
  dtype?: D;
  /**
   * Without a scheduler (the default) the chunks are read and emitted synchronously in one loop,
   * which checks `subscriber.closed` between chunks. With one (`asapScheduler`, `asyncScheduler`)
   * each chunk is read in a task of its own, so other work (a progress bar, a worker's replies)
   * runs between chunks.
   */
  scheduler?: SchedulerLike;
}

/** An open WAV file: its header fields, and a way to stream its samples. */
export interface WavReader extends WavInfo {
  /**
   * Streams the samples as `[frames, channels]` multichannel chunks (mono files too: `[frames, 1]`),
   * read from the file chunk by chunk.
   *
   * @remarks
   * Cold: each subscription opens the file, reads from `start` to `end` and closes it when it
   * completes, errors or is unsubscribed. Memory is bounded by one chunk (a scratch buffer of
   * `chunkFrames * blockAlign` bytes per subscription, plus each emitted chunk), whatever the file
   * size. Emitted arrays are fresh and safe to keep. A downstream `take(n)` stops the reads at once.
   * A file that shrank since `openWav` errors the stream with a `WavError` (`changed`).
   *
   * @param options - `chunkFrames`, `start`, `end`, `dtype`, `scheduler`
   * @returns an Observable of `MultichannelChunk`s whose class follows `dtype`
   * @throws RangeError for a `chunkFrames` that is not a positive integer, or `start`/`end` that are not integers with `0 <= start <= end`
   */
  chunks<D extends WavDtype = 'float32'>(options?: WavChunksOptions<D>): Observable<MultichannelChunk<WavSampleArray<D>>>;
}

/** Options of {@link openWav}. */
export interface OpenWavOptions {
  /** The call named in error messages. Default `'openWav'`. */
  call?: string;
}

function checkFrameIndex(value: unknown, name: string, call: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${call}: ${name} must be a non-negative integer frame index, got ${String(value)}`);
  }
  return value;
}

/** Resolves `chunkFrames`/`start`/`end`/`dtype` against a header; throws for bad values. */
export function resolveChunkOptions(info: WavInfo, options: WavChunksOptions<WavDtype> | undefined, call: string): { chunkFrames: number; start: number; end: number; dtype: WavDtype } {
  const chunkFrames = options?.chunkFrames ?? 4096;
  if (typeof chunkFrames !== 'number' || !Number.isSafeInteger(chunkFrames) || chunkFrames <= 0) {
    throw new RangeError(`${call}: chunkFrames must be a positive integer, got ${String(chunkFrames)}`);
  }
  const start = checkFrameIndex(options?.start ?? 0, 'start', call);
  const end = Math.min(info.frames, checkFrameIndex(options?.end ?? info.frames, 'end', call));
  if (options?.end !== undefined && start > options.end) throw new RangeError(`${call}: start (${start}) is after end (${options.end})`);
  const dtype = options?.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float64' && dtype !== 'raw') {
    throw new TypeError(`${call}: dtype must be 'float32', 'float64' or 'raw', got ${String(dtype)}`);
  }
  return { chunkFrames, start: Math.min(start, end), end, dtype };
}

/**
 * Opens a WAV file and reads its header; samples are streamed later by `chunks()`.
 *
 * @remarks
 * Reads only the header (the chunks up to `data`, skipping LIST, fact, JUNK, odd-size padding and
 * any others), checks it against the file's length and closes the file again; each `chunks()`
 * subscription reopens it. Reads PCM 8/16/24/32-bit, IEEE float 32/64, `WAVE_FORMAT_EXTENSIBLE`
 * (PCM and float sub-formats, Ambisonic B-format too), RF64 (64-bit sizes), any channel count.
 * A data chunk shorter than its header says gives every complete frame, with `truncated: true`.
 *
 * Node only (`node:fs`). Reads synchronously per chunk: a 2 GB file streams in constant memory
 * (see `chunks()`).
 *
 * @param path - The file's path.
 * @param options - `call` (the name errors carry)
 * @returns a promise of a {@link WavReader}: the header fields and `chunks()`
 * @throws (rejects with) `WavError` for a file that is not a WAV file this reader can read (not
 * RIFF/WAVE, an unsupported codec named in the message, a corrupt header), and the file system's
 * own errors (`ENOENT`, `EACCES`, `EISDIR`).
 *
 * @example
 * ```ts
 * import { openWav } from '@ringflow/io';
 * const wav = await openWav('take.wav');
 * console.log(wav.sampleRate, wav.channels, wav.frames, wav.format);
 * let peak = 0;
 * wav.chunks({ chunkFrames: 4800 }).subscribe({
 *   next: ({ data }) => data.forEach((v) => (peak = Math.max(peak, Math.abs(v)))),
 *   complete: () => console.log(`peak ${(20 * Math.log10(peak)).toFixed(1)} dBFS`),
 * });
 * ```
 */
export async function openWav(path: string, options?: OpenWavOptions): Promise<WavReader> {
  const call = options?.call ?? 'openWav';
  if (typeof path !== 'string' || path === '') throw new TypeError(`${call}: expected a file path (a non-empty string), got ${path === '' ? 'an empty string' : typeof path}`);
  const source = fileSource(path);
  let info: WavInfo;
  try {
    info = parseWavHeader(source, call);
  } finally {
    source.close();
  }
  const chunks = <D extends WavDtype = 'float32'>(chunkOptions?: WavChunksOptions<D>): Observable<MultichannelChunk<WavSampleArray<D>>> => {
    const { chunkFrames, start, end, dtype } = resolveChunkOptions(info, chunkOptions, `${call}().chunks`);
    const scheduler = chunkOptions?.scheduler;
    return new Observable<MultichannelChunk<WavSampleArray<D>>>((subscriber: Subscriber<MultichannelChunk<WavSampleArray<D>>>) => {
      let file: ByteSource;
      try {
        file = fileSource(path);
      } catch (error) {
        subscriber.error(error);
        return;
      }
      subscriber.add(() => file.close());
      const scratch = scratchFor(info, Math.min(chunkFrames, Math.max(1, end - start)));
      let at = start;
      /** Reads and emits one chunk; false when the stream ended. */
      const step = (): boolean => {
        if (at >= end) {
          subscriber.complete();
          return false;
        }
        const n = Math.min(chunkFrames, end - at);
        let chunk: MultichannelChunk<WavSampleArray<D>>;
        try {
          const out = allocateSamples(info.format, dtype, n * info.channels) as WavSampleArray<D>;
          readFrames(file, info, at, n, out, 0, dtype, scratch, call);
          chunk = asMultichannel(out, info.channels);
        } catch (error) {
          subscriber.error(error);
          return false;
        }
        at += n;
        subscriber.next(chunk);
        return !subscriber.closed;
      };
      if (scheduler === undefined) {
        while (step()) {
          /* read until done or unsubscribed */
        }
        return;
      }
      subscriber.add(
        scheduler.schedule(function (this: { schedule(state?: undefined, delay?: number): unknown }) {
          if (step()) this.schedule();
        }),
      );
    });
  };
  return { ...info, chunks };
}
