// Tolerances: f and Pxx within 1e-12 of scipy.signal.periodogram, relative to the reference's peak.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, input, signalFixture, type InputJson, type Real } from '../helpers/signal-fixtures.js';

interface Case {
  name: string;
  x: string;
  options: signal.PeriodogramOptions;
  f: number[];
  Pxx: Real;
}
const fixture = signalFixture<{ signals: Record<string, InputJson>; cases: Case[] }>('periodogram.json');

describe('periodogram', () => {
  for (const c of fixture.cases) {
    it(`matches scipy.signal.periodogram when given ${c.name}`, () => {
      const { f, Pxx } = signal.periodogram(input(fixture.signals[c.x]!), c.options);
      expectReal(f, c.f, 1e-12, `${c.name} f`);
      expectReal(Pxx, c.Pxx, 1e-12, `${c.name} Pxx`);
    });
  }

  it('satisfies Parseval: the sum of the two-sided spectrum-scaled boxcar periodogram is mean(x^2) times n', () => {
    const x = Float64Array.from({ length: 128 }, (_, i) => Math.sin(0.7 * i) + 0.5 * Math.cos(2.1 * i));
    const { Pxx } = signal.periodogram(x, { scaling: 'spectrum', returnOnesided: false, detrend: false });
    let energy = 0;
    for (const v of x) energy += v * v;
    expect(Pxx.reduce((a, b) => a + b, 0)).toBeCloseTo(energy / x.length, 12);
  });

  it('throws naming periodogram when an array window does not fit the input', () => {
    expect(() => signal.periodogram(new Float64Array(10), { window: new Float64Array(9) })).toThrow(/^periodogram: the size of the window/);
    expect(() => signal.periodogram(new Float64Array(10), { nfft: 0 })).toThrow(/^periodogram: nfft/);
  });
});
