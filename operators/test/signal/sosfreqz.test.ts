// Tolerances: within 1e-12 of scipy.signal.sosfreqz, relative to the peak of the reference (measured: below 1e-13).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectComplex, expectReal, signalFixture } from '../helpers/signal-fixtures.js';
import type { ResponseCase } from '../helpers/signal-cases.js';


describe('sosfreqz', () => {
  const cases = signalFixture<{ cases: (Omit<ResponseCase, 'b' | 'a'> & { sos: number[][] })[] }>('sosfreqz.json').cases;
  for (const c of cases) {
    it(`matches scipy.signal.sosfreqz when given ${c.sos.length} sections, worN ${JSON.stringify(c.worN)}`, () => {
      const { w, h } = signal.sosfreqz(c.sos, c.worN ?? undefined, c.options);
      expectReal(w, c.w, 1e-12, 'w');
      expectComplex(h, c.h, 1e-12, 'h');
    });
  }

  it('equals the product of the sections given to freqz', () => {
    const sos = [
      [0.1, 0.2, 0.1, 1, -0.5, 0.3],
      [1, -1, 0.5, 1, 0.2, 0.1],
    ];
    const { h } = signal.sosfreqz(sos, 16);
    const a = signal.freqz(sos[0]!.slice(0, 3), sos[0]!.slice(3), 16).h;
    const b = signal.freqz(sos[1]!.slice(0, 3), sos[1]!.slice(3), 16).h;
    for (let k = 0; k < 16; k++) {
      expect(h.re[k]).toBeCloseTo(a.re[k]! * b.re[k]! - a.im[k]! * b.im[k]!, 14);
      expect(h.im[k]).toBeCloseTo(a.re[k]! * b.im[k]! + a.im[k]! * b.re[k]!, 14);
    }
  });

  it('throws naming sosfreqz for malformed sections', () => {
    expect(() => signal.sosfreqz([[1, 2, 3]])).toThrow(/^sosfreqz: sos row 0 must have 6 coefficients/);
    expect(() => signal.sosfreqz([])).toThrow(/^sosfreqz: sos must have at least one section/);
  });
});
