#!/usr/bin/env node
// Executes the notebooks headless with Jupyter's nbconvert and the tslab kernel of ./kernel.
//
//   node examples/notebooks/run.mjs                      execute every notebook in place
//   node examples/notebooks/run.mjs --output-dir DIR     write the executed copies to DIR instead
//   node examples/notebooks/run.mjs 02-dsp-chains.ipynb  only these notebooks
//
// Needs: the packages built (`npx tsc -b` at the root: tslab loads their dist/), Jupyter's
// nbconvert (Debian: jupyter-nbconvert jupyter-core jupyter-client python3-nbclient) and the
// kernel folder installed (done here with `npm ci` from its lockfile when missing). A notebook is
// written (in place, or to DIR) only when every cell ran clean; exits non-zero when any cell fails
// (a compile error, a thrown error), writes to stderr, or has no output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function fail(message) {
  console.error(`notebooks: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
let outputDir;
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--output-dir') {
    outputDir = resolve(args[++i] ?? fail('--output-dir needs a folder'));
    mkdirSync(outputDir, { recursive: true });
  }
  else if (args[i] === '--help' || args[i] === '-h') {
    console.log('usage: node examples/notebooks/run.mjs [--output-dir DIR] [notebook.ipynb ...]');
    process.exit(0);
  } else names.push(args[i]);
}
const notebooks = (names.length > 0 ? names : readdirSync(here).filter((f) => f.endsWith('.ipynb')).sort()).map((n) => resolve(here, basename(n)));
for (const nb of notebooks) if (!existsSync(nb)) fail(`no notebook ${nb}`);

for (const pkg of ['core', 'operators', 'workers', 'io']) {
  if (!existsSync(join(root, pkg, 'dist', 'index.js'))) fail(`${pkg}/dist is missing: build the packages first (npx tsc -b at the repository root)`);
}

const jupyter = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
if (jupyter.status !== 0) fail('jupyter nbconvert is not installed (Debian: apt-get install jupyter-nbconvert jupyter-core jupyter-client python3-nbclient)');

const kernel = join(here, 'kernel');
if (!existsSync(join(kernel, 'node_modules', 'tslab', 'bin', 'tslab'))) {
  console.log('notebooks: installing the tslab kernel (npm ci in examples/notebooks/kernel)');
  const ci = spawnSync('npm', ['ci', '--prefix', kernel, '--no-audit', '--no-fund', '--prefer-offline'], { stdio: 'inherit' });
  if (ci.status !== 0) fail('npm ci in examples/notebooks/kernel failed');
}

// The kernel must see the packages' dist/ (no @ringflow/source condition) and our kernelspec.
const env = { ...process.env, JUPYTER_PATH: [join(here, 'kernelspec'), process.env.JUPYTER_PATH].filter(Boolean).join(':') };
delete env.NODE_OPTIONS;

/** Problems in an executed notebook: error outputs, stderr, code cells without output. */
function problems(file) {
  const nb = JSON.parse(readFileSync(file, 'utf8'));
  const found = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    if (cell.outputs.length === 0) found.push(`cell ${i}: no output`);
    for (const o of cell.outputs) {
      if (o.output_type === 'error') found.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
      if (o.output_type === 'stream' && o.name === 'stderr') found.push(`cell ${i}: stderr: ${[].concat(o.text).join('').trim()}`);
    }
  });
  return found;
}

// Each notebook runs into a scratch folder with --allow-errors (so that every failing cell is
// reported, with the kernel's message), and is copied into place only when it ran clean.
const scratch = mkdtempSync(join(tmpdir(), 'ringflow-notebooks-'));
/**
 * The executed notebook with its code cells numbered in the order they ran (tslab leaves
 * `execution_count` empty, which GitHub shows as `In [ ]`), in nbformat's own JSON layout.
 */
function numbered(file) {
  const nb = JSON.parse(readFileSync(file, 'utf8'));
  let count = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    cell.execution_count = ++count;
    for (const o of cell.outputs) if (o.output_type === 'execute_result') o.execution_count = count;
  }
  return `${JSON.stringify(nb, null, 1)}\n`;
}

let failed = 0;
try {
  for (const nb of notebooks) {
    const started = Date.now();
    const run = spawnSync(
      'jupyter',
      ['nbconvert', '--to', 'notebook', '--execute', '--allow-errors', '--output-dir', scratch, '--ExecutePreprocessor.timeout=180', '--ExecutePreprocessor.record_timing=False', nb],
      { cwd: here, env, encoding: 'utf8' },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const executed = join(scratch, basename(nb));
    const found = run.status === 0 && existsSync(executed) ? problems(executed) : [`nbconvert failed: ${run.stderr.trim().split('\n').slice(-12).join('\n')}`];
    if (found.length > 0) {
      failed++;
      console.error(`FAIL ${basename(nb)} (${seconds} s)\n  ${found.join('\n  ')}`);
    } else {
      writeFileSync(outputDir === undefined ? nb : join(outputDir, basename(nb)), numbered(executed));
      console.log(`ok   ${basename(nb)} (${seconds} s)`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed > 0) fail(`${failed} of ${notebooks.length} notebooks failed`);
