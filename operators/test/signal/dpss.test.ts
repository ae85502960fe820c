// Tolerances: tapers and ratios within 1e-10 of scipy.signal.windows.dpss (eigenvectors by
// bisection and inverse iteration, vs LAPACK's dstebz/dstein; measured below 1e-14 here).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, signalFixture, type Real } from '../helpers/signal-fixtures.js';

interface DpssCase {
  M: number;
  NW: number;
  options: signal.DpssOptions;
  windows: Real;
  ratios?: number[];
}

describe('dpss', () => {
  const cases = signalFixture<{ cases: DpssCase[] }>('dpss.json').cases;
  for (const c of cases) {
    it(`matches scipy.signal.windows.dpss(${c.M}, ${c.NW}, ${JSON.stringify(c.options)})`, () => {
      const out = signal.dpss(c.M, c.NW, c.options) as Float64Array | signal.Matrix | signal.DpssWithRatios<Float64Array | signal.Matrix>;
      const w = 'windows' in out ? out.windows : out;
      const expected = c.windows.shape.length === 2 ? c.windows : { data: c.windows.data, shape: [c.windows.data.length] };
      expectReal(w, expected, 1e-10, 'windows');
      if (c.ratios !== undefined) {
        const r = (out as signal.DpssWithRatios<Float64Array | signal.Matrix>).ratios;
        expectReal(typeof r === 'number' ? Float64Array.of(r) : r, c.ratios, 1e-10, 'ratios');
      }
    });
  }

  it('gives orthonormal tapers with norm 2', () => {
    const m = signal.dpss(128, 3, { kmax: 5, norm: 2 });
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j <= i; j++) {
        let dot = 0;
        for (let t = 0; t < 128; t++) dot += m.data[i * 128 + t]! * m.data[j * 128 + t]!;
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('throws naming dpss for a bad NW, Kmax or norm', () => {
    expect(() => signal.dpss(16, 8)).toThrow(/^dpss: NW must be less than M\/2/);
    expect(() => signal.dpss(16, 0)).toThrow(/^dpss: NW must be positive/);
    expect(() => signal.dpss(16, 2, { kmax: 17 })).toThrow(/^dpss: Kmax must be greater than 0/);
    expect(() => signal.dpss(16, 2, { norm: 3 as 2 })).toThrow(/^dpss: norm must be one of/);
    expect(() => signal.dpss(16, 2, { kmax: 2, Kmax: 3 })).toThrow(/^dpss: kmax \(2\) and Kmax \(3\) disagree/);
  });
});
