import { describe, expect, it } from 'vitest';
import { zpk2sos } from '../../src/design/zpk2sos.js';

describe('zpk2sos', () => {
  it('returns a gain-only section when there are no zeros or poles', () => {
    expect(zpk2sos([], [], 2.5)).toEqual([[2.5, 0, 0, 1, 0, 0]]);
  });

  it('pads a single real pole and zero into one section when the order is odd', () => {
    // scipy.signal.zpk2sos([-1], [0.5], 0.25) -> [[0.25, 0.25, 0, 1, -0.5, 0]]
    const sos = zpk2sos([{ re: -1, im: 0 }], [{ re: 0.5, im: 0 }], 0.25);
    expect(sos).toEqual([[0.25, 0.25, 0, 1, -0.5, 0]]);
  });

  it('puts the pole pair closest to the unit circle last when given two pairs', () => {
    const r1 = 0.5;
    const r2 = 0.95;
    const p = [
      { re: r1 * Math.cos(1), im: r1 * Math.sin(1) },
      { re: r1 * Math.cos(1), im: -r1 * Math.sin(1) },
      { re: r2 * Math.cos(2), im: r2 * Math.sin(2) },
      { re: r2 * Math.cos(2), im: -r2 * Math.sin(2) },
    ];
    const sos = zpk2sos([], p, 1);
    expect(sos.length).toBe(2);
    expect(sos[1]![5]).toBeCloseTo(r2 * r2, 14);
    expect(sos[0]![5]).toBeCloseTo(r1 * r1, 14);
    expect(sos[1]![4]).toBeCloseTo(-2 * r2 * Math.cos(2), 14);
    // zeros are padded at the origin, as scipy.signal.zpk2sos does: b = [1, 0, 0]
    expect(sos.map((row) => row.slice(0, 4))).toEqual([[1, 0, 0, 1], [1, 0, 0, 1]]);
  });

  it('throws a RangeError when a complex pole has no conjugate', () => {
    expect(() => zpk2sos([], [{ re: 0.1, im: 0.5 }, { re: 0.1, im: 0.4 }], 1)).toThrow(RangeError);
  });

  it('throws a TypeError when the gain or a root is not finite', () => {
    expect(() => zpk2sos([], [], Number.NaN)).toThrow(TypeError);
    expect(() => zpk2sos([{ re: Number.NaN, im: 0 }], [], 1)).toThrow(TypeError);
  });
});
