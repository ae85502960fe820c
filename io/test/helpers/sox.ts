// Debian's sox as the independent reference: it writes WAVs in every format for the reader's
// tests and reads back what toWavFile writes. Tests that need it skip without it, except in CI
// (RINGFLOW_CI=1, set by .ci/run, which installs sox), where a missing sox fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';

/** Whether `sox` and `soxi` run on this machine. */
export const hasSox = spawnSync('sox', ['--version']).status === 0 && spawnSync('soxi', ['-V0']).error === undefined;

const inCi = process.env.RINGFLOW_CI === '1';

if (!hasSox) {
  console.warn(`sox is not installed: the tests that compare with sox are skipped${inCi ? ' (a failure in CI)' : ''} (apt-get install -y --no-install-recommends sox)`);
}

/** In CI, a test that fails when sox is missing (so a skipped comparison cannot pass CI). */
export function requireSoxInCi(): void {
  it.runIf(inCi && !hasSox)('has sox installed (RINGFLOW_CI=1: the sox comparisons must run)', () => {
    throw new Error('sox is not installed, but RINGFLOW_CI=1: .ci/run must apt-get install sox');
  });
}

/** Runs sox with `args`; throws with sox's stderr on failure. */
export function sox(...args: string[]): void {
  execFileSync('sox', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Runs `soxi <flag> <file>` and returns its trimmed output; a warning from soxi is an error. */
export function soxi(flag: string, file: string): string {
  const run = spawnSync('soxi', [flag, file], { encoding: 'utf8' });
  if (run.status !== 0 || run.stderr.trim() !== '') throw new Error(`soxi ${flag} ${file}: exit ${run.status}: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

/** sox's own conversion of `file` to interleaved raw float32 (`sox file -t f32 out.raw`). */
export function soxFloat32(file: string, dir: string): Float32Array {
  const out = join(dir, `ref-${Math.random().toString(36).slice(2)}.raw`);
  sox(file, '-t', 'f32', out);
  const bytes = readFileSync(out);
  rmSync(out);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** sox's flags for a format: bits and encoding. */
export function soxEncoding(format: string): string[] {
  switch (format) {
    case 'uint8':
      return ['-b', '8', '-e', 'unsigned-integer'];
    case 'int16':
      return ['-b', '16', '-e', 'signed-integer'];
    case 'int24':
      return ['-b', '24', '-e', 'signed-integer'];
    case 'int32':
      return ['-b', '32', '-e', 'signed-integer'];
    case 'float32':
      return ['-b', '32', '-e', 'floating-point'];
    case 'float64':
      return ['-b', '64', '-e', 'floating-point'];
    default:
      throw new Error(`no sox encoding for ${format}`);
  }
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'ringflow-io-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
