// Peaks, bases, edges and plateau sizes exactly as scipy.signal.find_peaks; float properties
// within 1e-12 (absolute; the signals are O(1)).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, signalFixture } from '../helpers/signal-fixtures.js';

const fixture = signalFixture<{
  findPeaks: { name: string; x: number[]; options: signal.FindPeaksOptions; peaks: number[]; properties: Record<string, number[]> }[];
  peakProminences: { name: string; x: number[]; peaks: number[]; options: signal.PeakProminencesOptions; prominences: number[]; leftBases: number[]; rightBases: number[] }[];
  peakWidths: { name: string; x: number[]; peaks: number[]; options: signal.PeakWidthsOptions; widths: number[]; widthHeights: number[]; leftIps: number[]; rightIps: number[] }[];
}>('peaks.json');


const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('findPeaks', () => {
  for (const c of fixture.findPeaks) {
    it(`matches scipy.signal.find_peaks when given ${c.name}`, () => {
      const { peaks, properties } = signal.findPeaks(c.x, c.options);
      expect(peaks).toBeInstanceOf(Int32Array);
      expect(Array.from(peaks)).toEqual(c.peaks);
      const keys = Object.keys(c.properties).map(camel).sort();
      expect(Object.keys(properties).sort()).toEqual(keys);
      for (const [key, expected] of Object.entries(c.properties)) {
        const actual = (properties as Record<string, Float64Array | Int32Array>)[camel(key)]!;
        if (actual instanceof Int32Array) expect(Array.from(actual), key).toEqual(expected);
        else expectReal(actual, expected, 1e-12, key);
      }
    });
  }

  it('counts a flat top once, at its middle rounded down, and never the first or last sample', () => {
    expect(Array.from(signal.findPeaks([5, 0, 3, 3, 3, 3, 0, 9]).peaks)).toEqual([3]);
  });

  it('throws naming findPeaks for 2-D input, distance < 1, wlen <= 1 and borders of the wrong size', () => {
    const x2 = { data: new Float64Array(4), shape: [2, 2] as [number, number], stride: [2, 1] as [number, number], offset: 0 };
    expect(() => signal.findPeaks(x2 as unknown as number[])).toThrow(/^findPeaks: x must be a 1-D array/);
    expect(() => signal.findPeaks([0, 1, 0], { distance: 0.5 })).toThrow(/^findPeaks: distance must be greater or equal to 1/);
    expect(() => signal.findPeaks([0, 1, 0], { prominence: 0, wlen: 1 })).toThrow(/^findPeaks: wlen must be larger than 1/);
    expect(() => signal.findPeaks([0, 1, 0, 2, 0], { height: [0, 1, 2] })).toThrow(/^findPeaks: array size of height/);
  });
});
