// Tolerance (SciPy comparisons): SOS rows within 1e-12 of scipy.signal.zpk2sos, relative to
// max(1, |expected|).
import { describe, expect, it } from 'vitest';
import { zpk2sos } from '../../src/design/zpk2sos.js';
import { expectRowsClose, signalFixture } from '../helpers/signal.js';

interface ZpkCase {
  z: [number, number][];
  p: [number, number][];
  k: number;
  nearest: number[][] | string;
  keep_odd: number[][] | string;
  minimal: number[][] | string;
}
const fx = await signalFixture<{ zpk2sos: ZpkCase[]; analog: { z: [number, number][]; p: [number, number][]; k: number; sos: number[][] }[] }>('conversions.json');
const complex = (v: [number, number][]): { re: number; im: number }[] => v.map(([re, im]) => ({ re, im }));

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

  it('matches scipy.signal.zpk2sos for SciPy\'s own test cases with pairing nearest, keep_odd and minimal', () => {
    expect(fx.zpk2sos.length).toBeGreaterThanOrEqual(12);
    for (const c of fx.zpk2sos) {
      for (const pairing of ['nearest', 'keep_odd', 'minimal'] as const) {
        const expected = c[pairing];
        const label = `${pairing} z=${JSON.stringify(c.z)} p=${JSON.stringify(c.p)}`;
        if (typeof expected === 'string') {
          expect(() => zpk2sos(complex(c.z), complex(c.p), c.k, { pairing }), label).toThrow(RangeError);
        } else {
          expectRowsClose(zpk2sos(complex(c.z), complex(c.p), c.k, { pairing }), expected, 1e-12, label);
        }
      }
    }
  });

  it('matches scipy.signal.zpk2sos(analog=True) with the minimal pairing it requires', () => {
    for (const c of fx.analog) expectRowsClose(zpk2sos(complex(c.z), complex(c.p), c.k, { analog: true }), c.sos, 1e-12, 'analog');
    expect(() => zpk2sos([], [{ re: -1, im: 0 }], 1, { analog: true, pairing: 'nearest' })).toThrow(/pairing must be "minimal"/);
  });

  it('accepts zeros and poles as { re, im } pairs of arrays or as real numbers', () => {
    const c = fx.zpk2sos[1]!;
    const pair = { re: c.p.map((v) => v[0]), im: c.p.map((v) => v[1]) };
    expect(zpk2sos({ re: [0, 0], im: [1, -1] }, pair, 1)).toEqual(zpk2sos(complex(c.z), complex(c.p), 1));
    expect(zpk2sos([-1], [0.5], 0.25)).toEqual([[0.25, 0.25, 0, 1, -0.5, 0]]);
  });

  it('throws for unmatched conjugates, non-finite values and an unknown pairing', () => {
    expect(() => zpk2sos([], [{ re: 0.5, im: 0.5 }], 1)).toThrow(/conjugate/);
    expect(() => zpk2sos([Number.NaN], [0.5], 1)).toThrow(TypeError);
    expect(() => zpk2sos([], [0.5], 1, { pairing: 'closest' as never })).toThrow(/pairing must be/);
  });
});

