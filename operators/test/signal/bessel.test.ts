// Tolerance: 1e-10 relative to max(1, |expected|) on SOS rows, zeros, poles and gain, for orders
// up to 50 and all three norms (the poles are found with the polynomial evaluated exactly, so they
// are correctly rounded; SciPy's are within ~1e-15 of them); ba (low orders) 1e-10.
import { describe, expect, it } from 'vitest';
import { bessel } from '../../src/signal/bessel.js';
import { designSuite } from '../helpers/iir-design-suite.js';

describe('bessel', () => {
  designSuite('bessel', bessel as (...args: unknown[]) => unknown, 1e-10);

  it('has a group delay of 1/Wn seconds near DC when analog with norm delay', () => {
    const { p } = bessel(5, 2, { analog: true, norm: 'delay', output: 'zpk' });
    // group delay of prod 1/(s - p) at s = 0: sum of -Re(p) / |p|^2
    let delay = 0;
    for (let i = 0; i < p.re.length; i++) delay += -p.re[i]! / (p.re[i]! ** 2 + p.im[i]! ** 2);
    expect(delay).toBeCloseTo(0.5, 10);
  });

  it('throws a TypeError naming bessel for an unknown norm', () => {
    expect(() => bessel(4, 0.2, { norm: 'group' as never })).toThrow(/^bessel: norm must be/);
  });
});
