// Widths, heights and crossing points within 1e-12 of scipy.signal.peak_widths (absolute).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, signalFixture } from '../helpers/signal-fixtures.js';

const fixture = signalFixture<{
  findPeaks: { name: string; x: number[]; options: signal.FindPeaksOptions; peaks: number[]; properties: Record<string, number[]> }[];
  peakProminences: { name: string; x: number[]; peaks: number[]; options: signal.PeakProminencesOptions; prominences: number[]; leftBases: number[]; rightBases: number[] }[];
  peakWidths: { name: string; x: number[]; peaks: number[]; options: signal.PeakWidthsOptions; widths: number[]; widthHeights: number[]; leftIps: number[]; rightIps: number[] }[];
}>('peaks.json');


describe('peakWidths', () => {
  for (const c of fixture.peakWidths) {
    it(`matches scipy.signal.peak_widths when given ${c.name}`, () => {
      const r = signal.peakWidths(c.x, c.peaks, c.options);
      expectReal(r.widths, c.widths, 1e-12, 'widths');
      expectReal(r.widthHeights, c.widthHeights, 1e-12, 'widthHeights');
      expectReal(r.leftIps, c.leftIps, 1e-12, 'leftIps');
      expectReal(r.rightIps, c.rightIps, 1e-12, 'rightIps');
    });
  }

  it('throws naming peakWidths for relHeight < 0 and prominence data that does not fit, as SciPy', () => {
    expect(() => signal.peakWidths([0, 1, 0, 1, 0], [1, 3], { relHeight: -1 })).toThrow(/^peakWidths: relHeight must be greater or equal to 0/);
    for (const [p, l, r] of [
      [[1], [-1], [2]],
      [[1], [0], [3]],
      [[1], [2], [0]],
    ] as const) {
      expect(() => signal.peakWidths([0, 1, 0], [1], { prominenceData: [p, l, r] })).toThrow(/^peakWidths: prominence data is invalid for peak 1/);
    }
    expect(() => signal.peakWidths([0, 1, 0], [1], { prominenceData: [[1, 1], [0, 0], [2, 2]] })).toThrow(/must have the same shape as peaks/);
    expect(() => signal.peakWidths([1, 2, 1], [1], { prominenceData: [null, null, null] as unknown as signal.ProminenceData })).toThrow(/None/);
  });
});
