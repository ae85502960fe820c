// What `filter` and `resample` share: read a WAV file in chunks, run an operator on the main
// thread, write the result as it comes, report progress and the output.
import { resolve } from 'node:path';
import type { OperatorFunction } from 'rxjs';
import { lastValueFrom, tap } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import { toWavFile, type WavFileStats, type WavFormatName } from '@ringflow/io';
import type { CommandContext } from './command-context.js';
import { checkOutputFile } from './output-dir.js';
import { formatDuration, type Input } from './input.js';
import { inputError } from './errors.js';
import { Progress, progressMode } from './progress.js';

type Frames = MultichannelChunk<Float32Array>;

/** Options of {@link transformFile}. */
export interface TransformOptions {
  readonly call: string;
  readonly input: Input;
  readonly output: string;
  readonly operator: OperatorFunction<Frames, Frames>;
  /** Sample rate of the output (default: the input's). */
  readonly sampleRate?: number;
  readonly format: WavFormatName;
  readonly quiet: boolean;
  readonly chunkFrames: number;
  /** What was done, for the summary line (`Butterworth low-pass 1000 Hz, order 4`). */
  readonly what: string;
}

/** Streams `input` through `operator` into `output`; resolves to the written file's statistics. */
export async function transformFile(context: CommandContext, options: TransformOptions): Promise<WavFileStats> {
  const { call, input } = options;
  const outputPath = checkOutputFile(call, options.output);
  if (outputPath === resolve(input.source)) throw inputError(`${call}: the output ${options.output} is the input file; write to another file`);
  const progress = new Progress({ label: call.replace(/^ringflow /, ''), totalSeconds: input.duration, mode: progressMode(options.quiet, context.errStream), stream: context.errStream });
  let framesIn = 0;
  const start = performance.now();
  const stats = await lastValueFrom(
    input.chunks(options.chunkFrames).pipe(
      tap((chunk) => {
        framesIn += chunk.shape[0]!;
        progress.update(framesIn / input.sampleRate);
      }),
      options.operator,
      toWavFile(outputPath, { sampleRate: options.sampleRate ?? input.sampleRate, format: options.format, channels: input.channels }),
    ),
  );
  progress.stop();
  const seconds = (performance.now() - start) / 1000;
  context.out(
    `${call}: ${input.source} -> ${options.output}: ${options.what}\n` +
      `${stats.frames} frames (${formatDuration(stats.duration)}), ${stats.channels} channel${stats.channels === 1 ? '' : 's'}, ${stats.sampleRate} Hz, ${stats.format}; ${seconds.toFixed(2)} s, ${(input.duration / seconds).toFixed(0)}x realtime\n` +
      (stats.clipped > 0 ? `warning: ${stats.clipped} samples were clipped to the ${stats.format} range\n` : ''),
  );
  return stats;
}
