// Tolerances: within 1e-12 of scipy.signal.group_delay, relative to the peak of the reference (measured: below 1e-13).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, signalFixture } from '../helpers/signal-fixtures.js';

describe('groupDelay', () => {
  const cases = signalFixture<{ cases: { b: number[]; a: number[]; w: number | number[] | null; options: signal.GroupDelayOptions; wOut: number[]; gd: number[] }[] }>(
    'group-delay.json',
  ).cases;
  for (const c of cases) {
    it(`matches scipy.signal.group_delay when given ${c.b.length}/${c.a.length} coefficients, w ${JSON.stringify(c.w)}`, () => {
      const { w, gd } = signal.groupDelay([c.b, c.a], c.w ?? undefined, c.options);
      expectReal(w, c.wOut, 1e-12, 'w');
      expectReal(gd, c.gd, 1e-12, 'gd');
    });
  }

  it('gives (N - 1) / 2 samples for a symmetric FIR filter of N taps', () => {
    for (const v of signal.groupDelay([[1, 2, 3, 2, 1], [1]], 8).gd) expect(v).toBeCloseTo(2, 12);
  });

  it('throws naming groupDelay when system is not a [b, a] pair', () => {
    expect(() => signal.groupDelay([[1, 2]] as unknown as [number[], number[]])).toThrow(/^groupDelay: system must be a \[b, a\] pair/);
  });
});
