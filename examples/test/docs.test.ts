import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
});
