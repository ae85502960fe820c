// Tolerance: b and a within 1e-14 of SciPy (closed-form formulas).
import { describe, expect, it } from 'vitest';
import { iirnotch } from '../../src/design/iirnotch.js';
import { iirpeak } from '../../src/design/iirpeak.js';
import { designs } from '../helpers/iir-design-suite.js';
import { expectClose } from '../helpers/signal.js';

describe('iirnotch', () => {
  it('matches scipy.signal.iirnotch and iirpeak with and without fs', () => {
    for (const c of designs.notch) {
      const fn = c.fn === 'iirnotch' ? iirnotch : iirpeak;
      const { b, a } = fn(c.w0, c.Q, c.fs === null ? undefined : { fs: c.fs });
      expectClose(b, c.b, 1e-14, `${c.fn} b`);
      expectClose(a, c.a, 1e-14, `${c.fn} a`);
    }
  });

  it('has zero gain at w0 and unit gain at DC', () => {
    const { b, a } = iirnotch(50, 30, { fs: 1000 });
    const at = (f: number): number => {
      const w = (2 * Math.PI * f) / 1000;
      const num = Math.hypot(b[0]! + b[1]! * Math.cos(w) + b[2]! * Math.cos(2 * w), b[1]! * Math.sin(w) + b[2]! * Math.sin(2 * w));
      const den = Math.hypot(a[0]! + a[1]! * Math.cos(w) + a[2]! * Math.cos(2 * w), a[1]! * Math.sin(w) + a[2]! * Math.sin(2 * w));
      return num / den;
    };
    expect(at(50)).toBeLessThan(1e-12);
    expect(at(0)).toBeCloseTo(1, 12);
  });

  it('throws RangeError naming the function for w0 beyond Nyquist or Q <= 0', () => {
    expect(() => iirnotch(600, 30, { fs: 1000 })).toThrow(/^iirnotch: w0 must lie between 0 and fs\/2/);
    expect(() => iirpeak(0.2, 0)).toThrow(/^iirpeak: Q must be > 0/);
    expect(() => iirnotch(0.2, 3, { sampleRate: 10 } as never)).toThrow(/did you mean fs/);
  });
});
