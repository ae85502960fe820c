// Tolerance: SOS rows, zeros, poles, gain and (b, a) within 1e-10 of SciPy 1.10, relative to
// max(1, |expected|): the same algorithm in float64; differences are rounding in the complex
// arithmetic of the prototype and the transforms.
import { describe, expect, it } from 'vitest';
import { cheby2 } from '../../src/signal/cheby2.js';
import { designSuite } from '../helpers/iir-design-suite.js';
import { sosGain } from '../helpers/signal.js';

describe('cheby2', () => {
  designSuite('cheby2', cheby2 as (...args: unknown[]) => unknown, 1e-10);

  it('attenuates at least rs dB over the stopband when designed as a lowpass', () => {
    const sos = cheby2(6, 60, 0.3);
    let worst = -Infinity;
    for (let f = 0.31; f < 1; f += 0.01) {
      const mag = sosGain(sos, Math.PI * f);
      worst = Math.max(worst, 20 * Math.log10(mag));
    }
    expect(worst).toBeLessThanOrEqual(-60 + 1e-6);
  });

  it('throws a RangeError naming cheby2 when rs is not positive', () => {
    expect(() => cheby2(4, -3, 0.2)).toThrow(/^cheby2: rs must be > 0/);
  });
});
