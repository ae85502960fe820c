// Instructions per write + read pair, counted by valgrind's callgrind (repeatable on a loaded
// machine, unlike times). Runs core/bench/pairs.mjs twice per implementation with two pair counts
// and divides the difference in instructions by the difference in pairs, which cancels start-up,
// module loading and the JIT warm-up. Needs valgrind (Debian: apt-get install valgrind).
//   node core/bench/instructions.mjs [block=128] [impl ...]
// RINGFLOW_CORE=/path/to/other/dist/index.js counts another build of the ring (see pairs.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [blockArg = '128', ...impls] = process.argv.slice(2);
const pairsFile = fileURLToPath(new URL('./pairs.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ringflow-callgrind-'));

function instructions(impl, pairs) {
  const out = join(dir, `${impl}-${pairs}.out`);
  const run = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', pairsFile, impl, blockArg, String(pairs)], {
    encoding: 'utf8',
  });
  if (run.error !== undefined || run.status !== 0) throw new Error(`valgrind failed: ${run.error?.message ?? run.stderr}`);
  const summary = /^summary:\s*(\d+)/m.exec(readFileSync(out, 'utf8'));
  if (summary === null) throw new Error(`no summary in ${out}`);
  return Number(summary[1]);
}

// --single-threaded (no concurrent compiler or GC threads) makes the start-up part repeatable to
// about 10 M instructions, so 1 M pairs of difference pin the per-pair count to about +-10.
const LOW = 200_000;
const HIGH = 1_200_000;
try {
  console.log(`| impl | block | instructions per write + read pair |`);
  console.log(`| ---- | ----- | ---------------------------------- |`);
  for (const impl of impls.length > 0 ? impls : ['lean', 'ringflow']) {
    const perPair = (instructions(impl, HIGH) - instructions(impl, LOW)) / (HIGH - LOW);
    console.log(`| ${impl} | ${blockArg} | ${perPair.toFixed(0)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
