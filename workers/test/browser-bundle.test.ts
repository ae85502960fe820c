// The browser entries bundle for a browser with no flags: esbuild with platform 'browser' (the
// conditions a browser bundler uses) resolves every import and leaves no `node:` module in, both
// from the sources (the @ringflow/source condition) and from the built dist/ (what users get).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entries = ['@ringflow/workers', '@ringflow/workers/worklet', '@ringflow/workers/worklet-processor'];

async function bundle(entry: string, conditions: string[]): Promise<{ text: string; inputs: string[] }> {
  const result = await build({
    stdin: { contents: `import * as entry from '${entry}';\nconsole.log(entry);\n`, resolveDir: root, loader: 'js' },
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    conditions,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('browser bundles', () => {
  for (const [label, conditions] of [
    ['sources', ['@ringflow/source']],
    ['dist', []],
  ] as const) {
    for (const entry of entries) {
      it(`bundles ${entry} for a browser with no node: import (${label})`, async () => {
        if (label === 'dist') expect(existsSync(`${root}/workers/dist/index.js`), 'build first: tsc -b').toBe(true);
        const { text, inputs } = await bundle(entry, [...conditions]);
        expect(text).not.toMatch(/["']node:/);
        expect(text).not.toMatch(/(?:from|import\(|require\()\s*["'](?:worker_threads|path|url)["']/);
        expect(inputs.some((input) => input.includes('platform/node'))).toBe(false);
        expect(inputs.some((input) => input.includes('platform/browser'))).toBe(entry === '@ringflow/workers');
      });
    }
  }
});
