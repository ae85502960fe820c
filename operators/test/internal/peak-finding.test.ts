// numpy's argsort order, exactly (ties included): find_peaks' distance rule depends on it.
import { describe, expect, it } from 'vitest';
import { argsortLikeNumpy } from '../../src/internal/peak-finding.js';
import { signalFixture } from '../helpers/signal-fixtures.js';

describe('argsortLikeNumpy', () => {
  const cases = signalFixture<{ argsort: { v: number[]; order: number[] }[] }>('peaks.json').argsort;
  for (const c of cases) {
    it(`gives numpy.argsort's order, ties included, when given ${c.v.length} values`, () => {
      expect(Array.from(argsortLikeNumpy(Float64Array.from(c.v)))).toEqual(c.order);
    });
  }

  it('sorts NaN last, as numpy', () => {
    expect(Array.from(argsortLikeNumpy(Float64Array.of(2, Number.NaN, 1, 3)))).toEqual([2, 0, 3, 1]);
  });
});
