// What every command gets: where to write, and whether to show stacks.

/** Output streams and flags of one run of the program. */
export interface CommandContext {
  /** Writes to stdout (the summary, the report with --json). */
  readonly out: (text: string) => void;
  /** Writes to stderr (progress, warnings). */
  readonly err: (text: string) => void;
  /** The stream progress bars draw on. */
  readonly errStream: NodeJS.WriteStream;
}

/** Non-finite numbers (a silent channel's -Infinity dBFS) as null, so the JSON stays valid and says "none". */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

/** `-6.0 dBFS`, or `-inf dBFS` for silence. */
export function dbfs(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} dBFS` : '-inf dBFS';
}
