// The `ringflow` program: commander's parser with every command, and the one place that turns
// failures into one line on stderr and an exit code (2 usage, 1 input or output, 0 success).
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerFilter } from './commands/filter.js';
import { registerInfo } from './commands/info.js';
import { registerResample } from './commands/resample.js';
import { registerReceive, registerSend } from './commands/zmq.js';
import type { CommandContext } from './internal/command-context.js';
import { CliError, EXIT_INPUT, EXIT_USAGE } from './internal/errors.js';
import { VERSION } from './internal/version.js';

/** Where a run of the program writes. */
export interface RunOptions {
  readonly stdout?: NodeJS.WriteStream;
  readonly stderr?: NodeJS.WriteStream;
}

/** Builds the program with every command (exitOverride: errors are thrown, not exits). */
export function createProgram(context: CommandContext): Command {
  const program = new Command('ringflow')
    .description('Reactive DSP pipelines on lock-free rings: analyse, filter, resample and inspect WAV files; send and receive sample streams over ZeroMQ')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--debug', 'on an error, print its stack trace too')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: context.out,
      writeErr: context.err,
      outputError: () => {
        /* printed by run(), as one line */
      },
    });
  registerAnalyze(program, context);
  registerFilter(program, context);
  registerResample(program, context);
  registerInfo(program, context);
  registerSend(program, context);
  registerReceive(program, context);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: context.out, writeErr: context.err, outputError: () => {} }).showSuggestionAfterError(true);
  return program;
}

/**
 * Runs the program on `argv` (without node and the script: `['analyze', 'take.wav']`) and
 * resolves to the exit code. Never throws: every failure becomes one line on stderr.
 */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const context: CommandContext = { out: (text) => void stdout.write(text), err: (text) => void stderr.write(text), errStream: stderr };
  const program = createProgram(context);
  const debug = argv.includes('--debug');
  if (argv.length === 0) {
    context.err(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
      context.err(`ringflow: ${message} (see ringflow --help, or ringflow <command> --help)\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      context.err(`${error.message}\n`);
      if (debug && error.cause instanceof Error) context.err(`${error.cause.stack ?? ''}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.err(`ringflow: ${message.split('\n')[0]}${debug ? '' : ' (--debug shows the stack)'}\n`);
    if (debug && error instanceof Error) context.err(`${error.stack ?? ''}\n`);
    return EXIT_INPUT;
  }
}
