// Tolerance: 1e-14 relative (closed-form formulas).
import { describe, expect, it } from 'vitest';
import { kaiserAtten, kaiserBeta, kaiserord } from '../../src/design/kaiserord.js';
import { signalFixture } from '../helpers/signal.js';

const fx = await signalFixture<{ kaiserord: { ripple: number; width: number; numtaps: number; beta: number }[]; kaiserBeta: { a: number; beta: number }[]; kaiserAtten: { numtaps: number; width: number; atten: number }[] }>('firwin.json');

describe('kaiserord', () => {
  it('matches scipy.signal.kaiserord, including a negative ripple and the 21/50 dB branches', () => {
    for (const c of fx.kaiserord) {
      const r = kaiserord(c.ripple, c.width);
      expect(r.numtaps).toBe(c.numtaps);
      expect(r.beta).toBeCloseTo(c.beta, 13);
      const [n, beta] = r;
      expect([n, beta]).toEqual([r.numtaps, r.beta]);
    }
  });

  it('throws a RangeError below 8 dB, where the Kaiser formula does not hold', () => {
    expect(() => kaiserord(7.9, 0.1)).toThrow(/^kaiserord: .*too small/);
    expect(() => kaiserord(40, 0)).toThrow(RangeError);
  });
});

describe('kaiserBeta', () => {
  it('matches scipy.signal.kaiser_beta on both sides of 21 and 50 dB', () => {
    for (const c of fx.kaiserBeta) expect(kaiserBeta(c.a)).toBeCloseTo(c.beta, 13);
  });
});

describe('kaiserAtten', () => {
  it('matches scipy.signal.kaiser_atten', () => {
    for (const c of fx.kaiserAtten) expect(kaiserAtten(c.numtaps, c.width)).toBeCloseTo(c.atten, 12);
  });
});
