/**
 * `@ringflow/cli`: the `ringflow` command, also callable from code.
 *
 * @packageDocumentation
 */
export { createProgram, run } from './program.js';
export type { RunOptions } from './program.js';
export type { AnalyzeReport } from './commands/analyze.js';
export type { Tone } from './internal/detect-tones.js';
export type { StageRingStats } from './internal/analysis.js';
export { CliError, EXIT_INPUT, EXIT_USAGE } from './internal/errors.js';
export type { CommandContext } from './internal/command-context.js';
