// Runs every package's benchmarks (*.bench.ts), each in a fresh Node process with --expose-gc,
// against the built packages (dist/). `npm run bench` builds first. Pass a substring to filter:
//   npm run bench -- ring
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const files = ['core', 'operators', 'workers', 'io', 'cli']
  .flatMap((pkg) => readdirSync(`${pkg}/bench`).filter((f) => f.endsWith('.bench.ts')).map((f) => `${pkg}/bench/${f}`))
  .filter((f) => f.includes(filter));
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
