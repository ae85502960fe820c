// Helpers shared by every package's benchmarks: medians over runs and an aligned table.
// Benchmarks are not tests: they print numbers and ratios measured in the same process.

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `count` times (after `warmup` unmeasured runs) and returns what each run returned. */
export async function repeat(count: number, fn: () => Promise<number> | number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(await fn());
  return out;
}

/** Formats a rate with an SI prefix: 1.23 G/s. */
export function rate(perSecond: number, unit = '/s'): string {
  const steps: [number, string][] = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, prefix] of steps) if (perSecond >= size) return `${(perSecond / size).toFixed(2)} ${prefix}${unit}`;
  return `${perSecond.toFixed(1)} ${unit}`;
}

/** Prints rows as a Markdown table (so results paste into docs/performance.md as they are). */
export function table(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n### ${title}\n`);
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const cells = rows.map((r) => keys.map((k) => String(r[k] ?? '')));
  const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(keys));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(line(c));
}

/** One line describing the machine, printed above every benchmark. */
export async function machine(): Promise<string> {
  const os = await import('node:os');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `Node ${process.version}, ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`;
}
