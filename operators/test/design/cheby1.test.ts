import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cheby1 } from '../../src/design/cheby1.js';
import type { FilterType } from '../../src/design/butter.js';

interface Case {
  order: number;
  ripple: number;
  cutoff: number | number[];
  type: FilterType;
  sampleRate: number | null;
  sos: number[][];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/cheby1.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

describe('cheby1', () => {
  it('matches scipy.signal.cheby1(output="sos") to 1e-10 * max(1, |c|) when given every fixture design', () => {
    for (const c of fixture.cases) {
      const sos = cheby1(c.order, c.ripple, c.cutoff, {
        type: c.type,
        ...(c.sampleRate === null ? {} : { sampleRate: c.sampleRate }),
      });
      expect(sos.length).toBe(c.sos.length);
      sos.forEach((row, r) =>
        row.forEach((v, i) => {
          const e = c.sos[r]![i]!;
          if (Math.abs(v - e) > 1e-10 * Math.max(1, Math.abs(e))) {
            throw new Error(`${c.type} ${c.order} ${JSON.stringify(c.cutoff)}: row ${r} coef ${i}: ${v} vs ${e}`);
          }
        }),
      );
    }
  });

  it('throws a RangeError when the ripple or order is invalid', () => {
    expect(() => cheby1(4, 0, 0.2)).toThrow(RangeError);
    expect(() => cheby1(4, Number.NaN, 0.2)).toThrow(RangeError);
    expect(() => cheby1(0, 1, 0.2)).toThrow(RangeError);
    expect(() => cheby1(4, 1, 1.2)).toThrow(RangeError);
  });
});
