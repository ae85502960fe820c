// Peak indices, bases and edges exactly as scipy.signal.find_peaks / peak_prominences /
// peak_widths; float properties within 1e-12 (absolute; the signals are O(1)).
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
