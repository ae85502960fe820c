// The two ways a command fails on purpose: the user asked for something that cannot be parsed
// (usage, exit code 2) or the input or output cannot be used (exit code 1). Both print one line.

/** Exit code of a usage error (bad option, bad value, unknown command), as most Unix tools use. */
export const EXIT_USAGE = 2;
/** Exit code of an input or output error (missing file, not a WAV, unwritable folder). */
export const EXIT_INPUT = 1;

/** An error the command reports as one line on stderr, with its exit code. */
export class CliError extends Error {
  /** The process exit code: {@link EXIT_USAGE} or {@link EXIT_INPUT}. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A usage error: bad option or argument (exit code 2). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/** An input/output error: a file that cannot be read or written (exit code 1). */
export function inputError(message: string, cause?: unknown): CliError {
  return new CliError(message, EXIT_INPUT, { cause });
}
