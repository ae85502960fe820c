// `ringflow resample <input.wav> <output.wav> --rate <Hz>`: polyphase resampling of every channel
// (scipy.signal.resample_poly's filter: a Kaiser-windowed FIR, beta 5).
import { Option, type Command } from 'commander';
import type { OperatorFunction } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import type { WavFormatName } from '@ringflow/io';
import { resample } from '@ringflow/operators';
import type { CommandContext } from '../internal/command-context.js';
import { usageError } from '../internal/errors.js';
import { addFormatOption } from '../internal/filter-options.js';
import { openWavInput } from '../internal/input.js';
import { integerIn } from '../internal/parse.js';
import { transformFile } from '../internal/transform-file.js';

const CALL = 'ringflow resample';

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function registerResample(program: Command, context: CommandContext): void {
  const command = program
    .command('resample')
    .description('change the sample rate of a WAV file (polyphase FIR, as scipy.signal.resample_poly)')
    .argument('<input>', 'WAV file to read')
    .argument('<output>', 'WAV file to write')
    .addOption(new Option('-r, --rate <Hz>', 'output sample rate in Hz (an integer)').argParser(integerIn(1, 1_000_000)).makeOptionMandatory())
    .addOption(new Option('--chunk <frames>', 'frames per chunk read from the input').argParser(integerIn(16, 1 << 20)).default(4096))
    .addOption(new Option('-q, --quiet', 'no progress on stderr'));
  addFormatOption(command);
  command.action(async (inputPath: string, outputPath: string, opts: Record<string, unknown>) => {
    const input = await openWavInput(CALL, inputPath);
    const rate = opts['rate'] as number;
    const divisor = gcd(rate, input.sampleRate);
    const up = rate / divisor;
    const down = input.sampleRate / divisor;
    if (up > 10_000 || down > 10_000) {
      throw usageError(`${CALL}: ${input.sampleRate} Hz -> ${rate} Hz needs the ratio ${up}/${down}, too fine for a polyphase filter (up and down at most 10000); choose a rate with a simpler ratio`);
    }
    await transformFile(context, {
      call: CALL,
      input,
      output: outputPath,
      operator: resample(up, down) as OperatorFunction<MultichannelChunk<Float32Array>, MultichannelChunk<Float32Array>>,
      sampleRate: rate,
      format: (opts['format'] as WavFormatName | undefined) ?? input.format,
      quiet: opts['quiet'] === true,
      chunkFrames: opts['chunk'] as number,
      what: `resampled ${input.sampleRate} Hz -> ${rate} Hz (up ${up}, down ${down})`,
    });
  });
}
