import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { offload } from '@ringflow/workers';

describe('offload (stage location)', () => {
  it('runs the .ts sibling of a .js stage name that does not exist, as TypeScript imports name it', async () => {
    const stage = new URL('../fixtures/identity-stage.js', import.meta.url);
    expect(existsSync(fileURLToPath(stage))).toBe(false);
    const out = await lastValueFrom(from([new Float32Array([1, 2, 3]), new Float32Array([4])]).pipe(offload(stage), toArray()));
    expect(out.map((chunk) => Array.from(chunk as Float32Array))).toEqual([[1, 2, 3], [4]]);
  });
});
