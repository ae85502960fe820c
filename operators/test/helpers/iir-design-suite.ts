// The SciPy comparison shared by the tests of butter, cheby1, cheby2, ellip and bessel: every
// fixture design of a family in all three output forms.
import { expect, it } from 'vitest';
import type { BaResult, ZpkResult } from '../../src/signal/iirfilter.js';
import { expectClose, expectComplexSetClose, expectRowsClose, signalFixture } from './signal.js';

export interface DesignCase {
  family: string;
  args: number[];
  N: number;
  Wn: number | number[];
  options: Record<string, unknown>;
  sos: number[][];
  zpk: { z: [number, number][]; p: [number, number][]; k: number };
  ba?: { b: number[]; a: number[] };
}

export const designs = await signalFixture<{ cases: DesignCase[]; iirfilter: { ftype: string; options: Record<string, number>; N: number; Wn: number[]; sos: number[][] }[]; notch: { fn: string; w0: number; Q: number; fs: number | null; b: number[]; a: number[] }[] }>('design.json');

/** Options of a fixture case in the ./signal spelling (SciPy's names are already camelCase here). */
function optionsOf(c: DesignCase): Record<string, unknown> {
  return { ...c.options };
}

/**
 * Compares `design(N, ...args, Wn, options)` with SciPy for every fixture case of `family`, with
 * tolerance `tol` (relative to max(1, |expected|)) on SOS rows, zeros/poles (as sets), gain and ba.
 */
export function designSuite(family: string, design: (...args: unknown[]) => unknown, tol: number, baTol = tol): void {
  const cases = designs.cases.filter((c) => c.family === family);

  it(`matches scipy.signal.${family}(output='sos') row for row for ${cases.length} designs`, () => {
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) {
      const sos = design(c.N, ...c.args, c.Wn, optionsOf(c)) as number[][];
      expectRowsClose(sos, c.sos, tol, `${family} ${JSON.stringify(c.options)} N=${c.N} Wn=${JSON.stringify(c.Wn)}`);
    }
  });

  it(`matches scipy.signal.${family}(output='zpk') as sets of zeros and poles`, () => {
    for (const c of cases) {
      const label = `${family} ${JSON.stringify(c.options)} N=${c.N}`;
      const { z, p, k } = design(c.N, ...c.args, c.Wn, { ...optionsOf(c), output: 'zpk' }) as ZpkResult;
      expectComplexSetClose(z, c.zpk.z, tol, `${label} zeros`);
      expectComplexSetClose(p, c.zpk.p, tol, `${label} poles`);
      expect(Math.abs(k - c.zpk.k) / Math.max(1e-300, Math.abs(c.zpk.k)), `${label} gain`).toBeLessThanOrEqual(tol);
    }
  });

  it(`matches scipy.signal.${family}(output='ba') for the low orders`, () => {
    const withBa = cases.filter((c) => c.ba !== undefined);
    expect(withBa.length).toBeGreaterThan(3);
    for (const c of withBa) {
      const ba = design(c.N, ...c.args, c.Wn, { ...optionsOf(c), output: 'ba' }) as BaResult;
      const label = `${family} ${JSON.stringify(c.options)} N=${c.N}`;
      expectClose(ba.b, c.ba!.b, baTol, `${label} b`);
      expectClose(ba.a, c.ba!.a, baTol, `${label} a`);
      const [b, a] = ba;
      expect(b).toBe(ba.b);
      expect(a).toBe(ba.a);
    }
  });
}
