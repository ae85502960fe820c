// Tolerance: zeros, poles and gain within 1e-9 of scipy.signal.tf2zpk, relative to max(1, |e|)
// (eigenvalues of the companion matrix, by a different QR implementation than LAPACK's; roots are
// compared as sets). A root of multiplicity m is only determined to ~eps^(1/m) (SciPy's own are off
// by that much, differently): a triple root is compared within 1e-4, the 6-fold zero of a 6th-order
// Butterworth within 1e-2.
import { describe, expect, it } from 'vitest';
import { tf2zpk } from '../../src/design/tf2zpk.js';
import { expectComplexSetClose, signalFixture } from '../helpers/signal.js';

interface TfCase {
  b: number[];
  a: number[];
  z: [number, number][];
  p: [number, number][];
  k: number;
  sos: number[][] | string;
}
const fx = await signalFixture<{ tf: TfCase[] }>('conversions.json');

/** Largest number of values within 1e-2 of each other (a cluster from a multiple root). */
function multiplicity(values: [number, number][]): number {
  return Math.max(0, ...values.map(([re, im]) => values.filter(([r2, i2]) => Math.hypot(re - r2, im - i2) < 1e-2).length));
}

describe('tf2zpk', () => {
  it('matches scipy.signal.tf2zpk, dropping leading zeros and near-zero leading numerator terms', () => {
    for (const c of fx.tf) {
      const r = tf2zpk(c.b, c.a);
      const m = multiplicity(c.z);
      expectComplexSetClose(r.z, c.z, m >= 6 ? 1e-2 : m >= 3 ? 1e-4 : 1e-9, `zeros of ${JSON.stringify(c.b)}`);
      expectComplexSetClose(r.p, c.p, 1e-9, `poles of ${JSON.stringify(c.a)}`);
      expect(r.k).toBeCloseTo(c.k, 12);
      const [z, p, k] = r;
      expect([z, p, k]).toEqual([r.z, r.p, r.k]);
    }
  });

  it('throws naming tf2zpk for an all-zero denominator', () => {
    expect(() => tf2zpk([1], [0, 0])).toThrow(/^tf2zpk: the denominator/);
  });
});
