// Tolerance: 1e-12 relative to max(1, |e|).
import { describe, expect, it } from 'vitest';
import { sosfiltZi } from '../../src/design/sosfilt-zi.js';
import { filtering } from '../helpers/filtering-fixture.js';
import { expectRowsClose } from '../helpers/signal.js';

describe('sosfiltZi', () => {
  it('matches scipy.signal.sosfilt_zi as [n_sections][2] rows, up to a 20th-order design', () => {
    for (const c of filtering.sosfilt) {
      const zi = sosfiltZi(c.sos);
      expect(zi.length).toBe(c.sos.length);
      expectRowsClose(zi, c.zi, 1e-12, c.name);
    }
  });

  it('accepts flat sections and rejects malformed ones', () => {
    const c = filtering.sosfilt[0]!;
    expect(sosfiltZi(c.sos.flat())).toEqual(sosfiltZi(c.sos));
    expect(() => sosfiltZi([[1, 2, 3]])).toThrow(/^sosfiltZi: sos row 0 must have 6 coefficients/);
  });
});
