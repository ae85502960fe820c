// Bases exactly as scipy.signal.peak_prominences; prominences within 1e-12 (absolute).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, signalFixture } from '../helpers/signal-fixtures.js';

const fixture = signalFixture<{
  findPeaks: { name: string; x: number[]; options: signal.FindPeaksOptions; peaks: number[]; properties: Record<string, number[]> }[];
  peakProminences: { name: string; x: number[]; peaks: number[]; options: signal.PeakProminencesOptions; prominences: number[]; leftBases: number[]; rightBases: number[] }[];
  peakWidths: { name: string; x: number[]; peaks: number[]; options: signal.PeakWidthsOptions; widths: number[]; widthHeights: number[]; leftIps: number[]; rightIps: number[] }[];
}>('peaks.json');


describe('peakProminences', () => {
  for (const c of fixture.peakProminences) {
    it(`matches scipy.signal.peak_prominences when given ${c.name}`, () => {
      const r = signal.peakProminences(c.x, c.peaks, c.options);
      expectReal(r.prominences, c.prominences, 1e-12, 'prominences');
      expect(Array.from(r.leftBases)).toEqual(c.leftBases);
      expect(Array.from(r.rightBases)).toEqual(c.rightBases);
    });
  }

  it('throws naming peakProminences for invalid peaks and wlen, as SciPy', () => {
    for (const p of [-1, 3, 1000]) expect(() => signal.peakProminences([1, 0, 2], [p])).toThrow(/^peakProminences: peak -?\d+ is not a valid index/);
    expect(() => signal.peakProminences([0, 1, 1, 0], [1.1])).toThrow(/^peakProminences: cannot safely cast peaks/);
    expect(() => signal.peakProminences([0, 1, 0], [1], { wlen: 1 })).toThrow(/^peakProminences: wlen must be larger than 1/);
  });
});
