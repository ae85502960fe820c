// Tolerance: 1e-12 relative to max(1, |e|) (a small dense linear solve).
import { describe, expect, it } from 'vitest';
import { lfilterZi } from '../../src/design/lfilter-zi.js';
import { filtering } from '../helpers/filtering-fixture.js';
import { expectClose } from '../helpers/signal.js';

describe('lfilterZi', () => {
  it('matches scipy.signal.lfilter_zi, including a0 != 1 and len(b) != len(a)', () => {
    for (const c of filtering.lfilter) expectClose(lfilterZi(c.b, c.a), c.zi, 1e-12, c.name);
  });

  it('gives the state that leaves a constant input unchanged through a unit-DC-gain filter', () => {
    const b = [0.2];
    const a = [1, -0.8];
    const zi = lfilterZi(b, a);
    // y[0] = b0 x + z0 = x when x is 1 and the DC gain is 1
    expect(b[0]! + zi[0]!).toBeCloseTo(1, 14);
  });

  it('throws a RangeError for a pole at z = 1 and an all-zero denominator', () => {
    expect(() => lfilterZi([1], [1, -1])).toThrow(/^lfilterZi.*singular/);
    expect(() => lfilterZi([1], [0, 0])).toThrow(/nonzero a coefficient/);
  });
});
