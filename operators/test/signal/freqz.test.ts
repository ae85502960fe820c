// Tolerances: w and h within 1e-12 of scipy.signal.freqz, relative to the peak of the reference
// (measured: below 1e-13; the FFT and Horner paths round differently, both far below it).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectComplex, expectReal, signalFixture } from '../helpers/signal-fixtures.js';
import type { ResponseCase } from '../helpers/signal-cases.js';


const freqzResponseCases = [...signalFixture<{ cases: ResponseCase[] }>('freqz.json').cases, ...signalFixture<{ cases: ResponseCase[] }>('freqz-fir.json').cases];

describe('freqz', () => {
  for (const c of freqzResponseCases) {
    it(`matches scipy.signal.freqz when given ${c.b.length} taps / ${c.a.length}, worN ${JSON.stringify(c.worN)?.slice(0, 40)}, ${JSON.stringify(c.options)}`, () => {
      const { w, h } = signal.freqz(c.b, c.a, c.worN ?? undefined, c.options);
      expectReal(w, c.w, 1e-12, 'w');
      expectComplex(h, c.h, 1e-12, 'h');
    });
  }

  it('defaults to a = 1 and 512 frequencies from 0 to pi (exclusive)', () => {
    const { w, h } = signal.freqz([1, 1]);
    expect(w.length).toBe(512);
    expect(w[1]).toBeCloseTo(Math.PI / 512, 15);
    expect(Math.hypot(h.re[0]!, h.im[0]!)).toBe(2);
  });

  it('throws naming freqz for bad coefficients, worN and options', () => {
    expect(() => signal.freqz([])).toThrow(/^freqz: b must have at least one coefficient/);
    expect(() => signal.freqz(['x'] as unknown as number[])).toThrow(/^freqz: b\[0\] must be a number/);
    expect(() => signal.freqz([1], 1, -1)).toThrow(/^freqz: worN must be nonnegative/);
    expect(() => signal.freqz([1], 1, 2.5)).toThrow(/^freqz: worN must be an integer/);
    expect(() => signal.freqz([1], 1, 8, { fs: 0 })).toThrow(/^freqz: fs must be/);
    expect(() => signal.freqz([1], 1, 8, { whole: 'yes' as unknown as boolean })).toThrow(/^freqz: whole must be a boolean/);
  });
});
