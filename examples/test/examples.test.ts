// Runs every example of examples/src as a child process, the way examples/README.md says to run
// it, on small input, and checks what it prints and writes.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'examples', 'src');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const out = mkdtempSync(join(tmpdir(), 'ringflow-examples-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs `node args...` in the repository root; resolves with stdout, rejects with stdout and stderr. */
function node(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error }));
      else resolve(stdout);
    });
  });
}

/** Runs an example's TypeScript file with tsx, as examples/README.md does (`npx tsx --conditions=@ringflow/source ...`). */
const runTs = (file: string, args: string[] = [], env?: Record<string, string>) =>
  node([tsx, '--conditions=@ringflow/source', join('examples', 'src', file), ...args], env);

/** Compiles a folder of examples/src to JavaScript (next to the sources' layout, under examples/.build). */
function buildJs(folder: string): string {
  const target = join(root, 'examples', '.build', folder);
  for (const name of readdirSync(join(src, folder))) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(join(src, folder, name), 'utf8');
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, name.replace(/\.ts$/, '.js')), js.outputText);
  }
  return target;
}

/** The fenced blocks of a Markdown file. */
function blocksOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('examples', () => {
  describe('ring-threads', () => {
    it('is the core README two-thread example, file for file', () => {
      const blocks = blocksOf(join(root, 'core', 'README.md'));
      for (const file of ['main.ts', 'producer.ts']) {
        expect(blocks, file).toContain(readFileSync(join(src, 'ring-threads', file), 'utf8'));
      }
    });

    it('runs under tsx with a .ts producer thread', async () => {
      const stdout = await node([tsx, join('examples', 'src', 'ring-threads', 'main.ts')]);
      expect(stdout).toContain(`received 512000 samples, sum ${(512 * 999 * 1000) / 2}`);
    });

    it('runs as built JavaScript with a .js producer thread', async () => {
      expect(existsSync(join(root, 'core', 'dist', 'index.js')), 'build first: tsc -b').toBe(true);
      const dir = buildJs('ring-threads');
      const stdout = await node([relative(root, join(dir, 'main.js'))]);
      expect(stdout).toContain(`received 512000 samples, sum ${(512 * 999 * 1000) / 2}`);
    });
  });
});

