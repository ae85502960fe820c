// Tolerance: SOS rows, zeros, poles, gain and (b, a) within 1e-10 of SciPy 1.10, relative to
// max(1, |expected|): the same algorithm in float64; differences are rounding in the complex
// arithmetic of the prototype and the transforms.
import { describe, expect, it } from 'vitest';
import { cheby1 } from '../../src/signal/cheby1.js';
import { designSuite } from '../helpers/iir-design-suite.js';

describe('cheby1', () => {
  designSuite('cheby1', cheby1 as (...args: unknown[]) => unknown, 1e-10);

  it('throws a RangeError naming cheby1 for a ripple that is not positive', () => {
    expect(() => cheby1(4, 0, 0.2)).toThrow(/^cheby1: rp must be > 0/);
    expect(() => cheby1(4, Number.NaN, 0.2)).toThrow(TypeError);
  });
});
