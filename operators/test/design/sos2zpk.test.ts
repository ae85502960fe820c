// Tolerance: zeros and poles within 1e-9 of scipy.signal.sos2zpk as sets (per-section quadratic
// roots by the companion eigenvalues), gain 1e-12 relative.
import { describe, expect, it } from 'vitest';
import { sos2zpk } from '../../src/design/sos2zpk.js';
import { expectComplexSetClose, signalFixture } from '../helpers/signal.js';

const fx = await signalFixture<{ sos: { sos: number[][]; z: [number, number][]; p: [number, number][]; k: number }[] }>('conversions.json');

describe('sos2zpk', () => {
  it('matches scipy.signal.sos2zpk, two zeros and poles per section', () => {
    for (const c of fx.sos) {
      const r = sos2zpk(c.sos);
      expect(r.z.re.length).toBe(2 * c.sos.length);
      expectComplexSetClose(r.z, c.z, 1e-7, 'zeros');
      expectComplexSetClose(r.p, c.p, 1e-9, 'poles');
      expect(Math.abs(r.k - c.k) / Math.abs(c.k)).toBeLessThan(1e-12);
    }
  });
});
