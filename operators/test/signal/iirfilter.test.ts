// Tolerance: SOS rows within 1e-10 of scipy.signal.iirfilter, relative to max(1, |expected|).
import { describe, expect, it } from 'vitest';
import { iirfilter } from '../../src/signal/iirfilter.js';
import { designs } from '../helpers/iir-design-suite.js';
import { expectRowsClose } from '../helpers/signal.js';

describe('iirfilter', () => {
  it('matches scipy.signal.iirfilter for every ftype when designing a 4th-order band-pass', () => {
    expect(designs.iirfilter.length).toBe(5);
    for (const c of designs.iirfilter) {
      const sos = iirfilter(c.N, c.Wn, { ftype: c.ftype as never, ...c.options });
      expectRowsClose(sos, c.sos, 1e-10, c.ftype);
    }
  });

  it('defaults to a Butterworth band-pass as SciPy does', () => {
    expect(iirfilter(3, [0.2, 0.4])).toEqual(iirfilter(3, [0.2, 0.4], { ftype: 'butter', btype: 'bandpass' }));
  });

  it('throws a TypeError naming iirfilter for an unknown ftype or a missing ripple', () => {
    expect(() => iirfilter(3, [0.2, 0.4], { ftype: 'chebyshev3' as never })).toThrow(/^iirfilter: ftype must be one of/);
    expect(() => iirfilter(3, [0.2, 0.4], { ftype: 'cheby1' })).toThrow(/passband ripple \(rp\) must be provided/);
    expect(() => iirfilter(3, [0.2, 0.4], { ftype: 'ellip', rp: 1 })).toThrow(/both rp and rs/);
  });
});
