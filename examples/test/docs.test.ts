import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { renderCatalogue } from '@ringflow/tools/catalogue';
import { checkExamples, collectExamples } from '@ringflow/tools/doc-examples';

describe('documentation', () => {
  it('type-checks every TSDoc @example and README example against the packages', () => {
    const examples = collectExamples();
    expect(examples.length).toBeGreaterThan(50);
    expect(checkExamples(examples)).toEqual([]);
  });

  it('keeps docs/operators.md in step with the operators TSDoc', () => {
    const committed = readFileSync(new URL('../../docs/operators.md', import.meta.url), 'utf8');
    // If this fails, run: node --conditions=@ringflow/source --import tsx tools/src/catalogue.ts
    expect(committed).toBe(renderCatalogue());
  });

  it('names every export of @ringflow/operators/signal in the from-scipy tables', () => {
    const guide = readFileSync(new URL('../../docs/guides/from-scipy.md', import.meta.url), 'utf8').replace(/```[\s\S]*?```/g, '');
    // Identifiers inside the guide's code spans (`name`, `name(...)`, `a`, `b` lists).
    const named = new Set([...guide.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []));
    const exports = Object.keys(signal);
    expect(exports.length).toBeGreaterThan(50);
    expect(exports.filter((name) => !named.has(name))).toEqual([]);
  });

  it('runs the own-project guide as written, with tsx (the stage named .js runs its .ts sibling)', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const blocks = collectExamples().filter((example) => example.origin.startsWith('docs/guides/own-project.md:'));
    expect(blocks.map((block) => block.file)).toEqual(['gain-stage.ts', 'main.ts']);
    const dir = join(root, 'examples', '.build', 'own-project');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const block of blocks) writeFileSync(join(dir, block.file!), block.code);
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [tsx, '--conditions=@ringflow/source', 'main.ts'], { cwd: dir, timeout: 60_000 }, (error, out, err) =>
        error ? reject(new Error(`main.ts failed:\n${out}\n${err}`, { cause: error })) : resolve(out),
      );
    });
    expect(stdout).toMatch(/\[\s*1(,\s*1){9}\s*\]/);
  });

  describe('docs/guides/getting-started.md', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const blocks = collectExamples().filter((example) => example.origin.startsWith('docs/guides/getting-started.md:'));
    /** What each runnable block prints (part of it), in the guide's order. */
    const expected: Record<string, (string | RegExp)[]> = {
      'ring.ts': [/Float32Array\(2\) \[ 5, 6 \]/, /Float32Array\(3\) \[ 1, 2, 3 \]/, /Float32Array\(1\) \[ 4 \] null/],
      'threads.ts': ['received 48000 samples'],
      'chain.ts': ['92 spectra, peak at 3000 Hz'],
      'wav.ts': ['48000 1 48000', 'rms 0.354'],
      'offload.ts': ['92 spectra from the worker, peak bin 64'],
    };

    it('names every TypeScript block as a file, and every file that runs has its expected output here', () => {
      expect(blocks.map((block) => block.file)).toEqual(['ring.ts', 'producer.ts', 'threads.ts', 'chain.ts', 'wav.ts', 'spectrum-stage.ts', 'offload.ts']);
      // Worker files (a stage calling exposeStage, a thread reading workerData) run inside the others.
      const runnable = blocks.filter((block) => !block.code.includes('exposeStage(') && !block.code.includes("from 'node:worker_threads'"));
      expect(runnable.map((block) => block.file)).toEqual(Object.keys(expected));
    });

    it('runs every block as written, top to bottom, with tsx', async () => {
      const dir = join(root, 'examples', '.build', 'getting-started');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const block of blocks) writeFileSync(join(dir, block.file!), block.code);
      const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
      for (const [file, outputs] of Object.entries(expected)) {
        const stdout = await new Promise<string>((resolve, reject) => {
          execFile(process.execPath, [tsx, '--conditions=@ringflow/source', file], { cwd: dir, timeout: 60_000 }, (error, out, err) =>
            error ? reject(new Error(`${file} failed:\n${out}\n${err}`, { cause: error })) : resolve(out),
          );
        });
        for (const output of outputs) expect(stdout, file).toMatch(output);
      }
    });
  });
});
