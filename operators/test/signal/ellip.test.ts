// Tolerance: SOS rows, zeros, poles, gain and (b, a) within 1e-10 of SciPy 1.10, relative to
// max(1, |expected|): the same algorithm in float64; differences are rounding in the complex
// arithmetic of the prototype and the transforms.
import { describe, expect, it } from 'vitest';
import { ellip } from '../../src/signal/ellip.js';
import { designSuite } from '../helpers/iir-design-suite.js';

describe('ellip', () => {
  designSuite('ellip', ellip as (...args: unknown[]) => unknown, 1e-10);

  it('throws naming ellip for missing or non-positive ripple parameters', () => {
    expect(() => ellip(4, 0.5, 0, 0.2)).toThrow(/^ellip: rs must be > 0/);
    expect(() => ellip(4, -1, 40, 0.2)).toThrow(/^ellip: rp must be > 0/);
  });
});
