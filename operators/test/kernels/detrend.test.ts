// The detrending kernels: residuals of exact lines and means are zero to rounding.
import { describe, expect, it } from 'vitest';
import { detrendConstantInPlace, detrendInPlace, detrendLinearInPlace } from '../../src/kernels/detrend.js';

describe('detrendLinearInPlace', () => {
  it('leaves zeros of a line, and only the part outside the line of anything else', () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => 3 - 0.25 * i);
    detrendLinearInPlace(x);
    for (const v of x) expect(Math.abs(v)).toBeLessThan(1e-12);
    const y = Float64Array.from({ length: 100 }, (_, i) => 2 * i + (i % 2 === 0 ? 1 : -1));
    detrendLinearInPlace(y, 10, 90);
    expect(y[0]).toBe(1);
    let s = 0;
    for (let i = 10; i < 90; i++) s += y[i]!;
    expect(Math.abs(s)).toBeLessThan(1e-12);
  });

  it('zeroes a single sample', () => {
    const x = Float64Array.of(5);
    detrendLinearInPlace(x);
    expect(x[0]).toBe(0);
  });
});

describe('detrendConstantInPlace', () => {
  it('subtracts the mean of the range only, and detrendInPlace(false) does nothing', () => {
    const x = Float64Array.of(9, 1, 2, 3, 9);
    detrendConstantInPlace(x, 1, 4);
    expect(Array.from(x)).toEqual([9, -1, 0, 1, 9]);
    detrendInPlace(false, x);
    expect(Array.from(x)).toEqual([9, -1, 0, 1, 9]);
  });

  it('sums with numpy pairwise summation: the mean of 1e6 values of 0.1 is exact to 1e-15', () => {
    const x = new Float64Array(1_000_000).fill(0.1);
    detrendConstantInPlace(x);
    for (let i = 0; i < x.length; i += 99_991) expect(Math.abs(x[i]!)).toBeLessThan(1e-15);
  });
});
