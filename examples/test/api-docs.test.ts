// `npm run docs` (tools/src/api-docs.mjs) fails on a TypeDoc warning, an undocumented export among
// them; .ci/run runs it on the packages before the tests. Here it runs on two small fixtures.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tool without declarations
import { entryPoints, generate } from '../../tools/src/api-docs.mjs';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/api-docs/${name}`, import.meta.url));
type Generate = (options: { entryPoints: string[]; tsconfig: string; emit: boolean }) => Promise<{ ok: boolean; warnings: number }>;

describe('npm run docs', () => {
  it('takes every entry point the packages export', () => {
    const specifiers = (entryPoints as () => [string, string][])().map(([specifier]) => specifier);
    expect(specifiers).toContain('@ringflow/workers/node');
    expect(specifiers).toContain('@ringflow/io/zmq');
    expect(specifiers).toContain('@ringflow/operators/signal');
  });

  it('passes on documented exports and fails on an undocumented one', async () => {
    const run = generate as Generate;
    const tsconfig = fixture('tsconfig.json');
    expect(await run({ entryPoints: [fixture('documented.ts')], tsconfig, emit: false })).toMatchObject({ ok: true, warnings: 0 });
    const failed = await run({ entryPoints: [fixture('undocumented.ts')], tsconfig, emit: false });
    expect(failed.ok).toBe(false);
    expect(failed.warnings).toBeGreaterThan(0);
  });
});
