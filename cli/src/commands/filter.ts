// `ringflow filter <input.wav> <output.wav>`: an IIR filter over every channel.
import { Option, type Command } from 'commander';
import type { WavFormatName } from '@ringflow/io';
import { filterChain } from '../internal/chains.js';
import type { CommandContext } from '../internal/command-context.js';
import { usageError } from '../internal/errors.js';
import { designFilter } from '../internal/filter-design.js';
import { addFilterOptions, addFormatOption, filterOptionsOf } from '../internal/filter-options.js';
import { openWavInput } from '../internal/input.js';
import { integerIn } from '../internal/parse.js';
import { transformFile } from '../internal/transform-file.js';

const CALL = 'ringflow filter';

export function registerFilter(program: Command, context: CommandContext): void {
  const command = program
    .command('filter')
    .description('filter every channel of a WAV file with an IIR filter (second-order sections, as scipy.signal.sosfilt)')
    .argument('<input>', 'WAV file to read')
    .argument('<output>', 'WAV file to write')
    .addOption(new Option('--chunk <frames>', 'frames per chunk read from the input').argParser(integerIn(16, 1 << 20)).default(4096))
    .addOption(new Option('-q, --quiet', 'no progress on stderr'));
  addFilterOptions(command, {});
  addFormatOption(command);
  command.action(async (inputPath: string, outputPath: string, opts: Record<string, unknown>) => {
    const input = await openWavInput(CALL, inputPath);
    const filter = designFilter(CALL, filterOptionsOf(opts), input.sampleRate);
    if (filter === null) throw usageError(`${CALL}: say which filter: --lowpass, --highpass, --bandpass or --bandstop`);
    await transformFile(context, {
      call: CALL,
      input,
      output: outputPath,
      operator: filterChain(filter.sos),
      format: (opts['format'] as WavFormatName | undefined) ?? input.format,
      quiet: opts['quiet'] === true,
      chunkFrames: opts['chunk'] as number,
      what: filter.description,
    });
  });
}
