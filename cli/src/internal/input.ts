// The input of a command: a WAV file (checked and opened, errors turned into one clear line) or
// the built-in signal. Both stream `[frames, channels]` float32 chunks.
import { accessSync, constants, statSync } from 'node:fs';
import type { Observable, SchedulerLike } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import { openWav, WavError, type WavReader, type WavSampleFormat } from '@ringflow/io';
import { BUILTIN_CHANNELS, BUILTIN_SAMPLE_RATE, builtinSignal, describeBuiltin } from './builtin-signal.js';
import { inputError } from './errors.js';

/** What a command reads. */
export interface Input {
  /** The file's path, or `'builtin'`. */
  readonly source: string;
  /** A line that says what the input is. */
  readonly description: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly frames: number;
  /** Seconds. */
  readonly duration: number;
  /** The file's sample format (`'float32'` for the built-in signal). */
  readonly format: WavSampleFormat;
  /** The file was shorter than its header said (every complete frame is read). */
  readonly truncated: boolean;
  /**
   * The samples, `[frames, channels]` float32 chunks of `chunkFrames` frames; a file's reads run
   * on `scheduler` when given (the reader paces them), else synchronously.
   */
  chunks(chunkFrames: number, scheduler?: SchedulerLike): Observable<MultichannelChunk<Float32Array>>;
}

/** Checks that `path` is a readable file, naming the problem as a user would put it. */
export function checkReadableFile(call: string, path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(`${call}: ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`}`, error);
  }
  if (!isFile) throw inputError(`${call}: ${path}: not a file`);
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw inputError(`${call}: ${path}: cannot read it (permission denied)`, error);
  }
}

/** Opens a WAV file for `call` (`'ringflow analyze'`), or throws an input error with one clear line. */
export async function openWavInput(call: string, path: string): Promise<Input> {
  checkReadableFile(call, path);
  let wav: WavReader;
  try {
    wav = await openWav(path, { call });
  } catch (error) {
    if (error instanceof WavError) throw inputError(error.message, error);
    throw inputError(`${call}: ${path}: ${(error as Error).message}`, error);
  }
  const description = `${path}: ${wav.channels} channel${wav.channels === 1 ? '' : 's'}, ${wav.sampleRate} Hz, ${wav.format}, ${formatDuration(wav.duration)}${wav.truncated ? ' (truncated: the data chunk is shorter than its header says)' : ''}`;
  return {
    source: path,
    description,
    sampleRate: wav.sampleRate,
    channels: wav.channels,
    frames: wav.frames,
    duration: wav.duration,
    format: wav.format,
    truncated: wav.truncated,
    chunks: (chunkFrames, scheduler) => wav.chunks(scheduler === undefined ? { chunkFrames } : { chunkFrames, scheduler }),
  };
}

/** The built-in signal as an input. */
export function builtinInput(duration: number): Input {
  const frames = Math.round(duration * BUILTIN_SAMPLE_RATE);
  return {
    source: 'builtin',
    description: describeBuiltin(duration),
    sampleRate: BUILTIN_SAMPLE_RATE,
    channels: BUILTIN_CHANNELS,
    frames,
    duration: frames / BUILTIN_SAMPLE_RATE,
    format: 'float32',
    truncated: false,
    chunks: (chunkFrames) => builtinSignal(duration, chunkFrames),
  };
}

/** `83.2 s` or `12 min 3.5 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${(seconds - minutes * 60).toFixed(1)} s`;
}
