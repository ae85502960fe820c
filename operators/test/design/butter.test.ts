import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { butter } from '../../src/design/butter.js';
import type { FilterType } from '../../src/design/butter.js';
import { sosGain } from '../helpers/signal.js';

interface Case {
  order: number;
  cutoff: number | number[];
  type: FilterType;
  sampleRate: number | null;
  sos: number[][];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/butter.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

/** Row-for-row comparison; tolerance: |a - e| <= 1e-10 * max(1, |e|) (float64 design). */
function expectSosClose(actual: number[][], expected: number[][], label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let r = 0; r < expected.length; r++) {
    const e = expected[r]!;
    const a = actual[r]!;
    expect(a.length).toBe(6);
    for (let i = 0; i < 6; i++) {
      const err = Math.abs(a[i]! - e[i]!);
      if (err > 1e-10 * Math.max(1, Math.abs(e[i]!))) {
        throw new Error(`${label}: row ${r} coef ${i}: got ${a[i]}, scipy ${e[i]}`);
      }
    }
  }
}

describe('butter', () => {
  it('matches scipy.signal.butter(output="sos") row for row when given every fixture design', () => {
    expect(fixture.cases.length).toBeGreaterThan(50);
    for (const c of fixture.cases) {
      const sos = butter(c.order, c.cutoff, { type: c.type, ...(c.sampleRate === null ? {} : { sampleRate: c.sampleRate }) });
      expectSosClose(sos, c.sos, `${c.type} order ${c.order} cutoff ${JSON.stringify(c.cutoff)} fs ${c.sampleRate}`);
    }
  });

  it('covers odd orders, all four types and both cutoff conventions when reading the fixture', () => {
    const types = new Set(fixture.cases.map((c) => c.type));
    expect([...types].sort()).toEqual(['bandpass', 'bandstop', 'highpass', 'lowpass']);
    expect(fixture.cases.some((c) => c.order % 2 === 1 && c.type === 'bandstop')).toBe(true);
    expect(fixture.cases.some((c) => c.sampleRate !== null)).toBe(true);
  });

  it('defaults to lowpass normalised to Nyquist when no options are given', () => {
    const c = fixture.cases.find((x) => x.type === 'lowpass' && x.sampleRate === null && x.order === 5)!;
    expectSosClose(butter(5, c.cutoff), c.sos, 'default lowpass');
  });

  it('has unit DC gain for a lowpass and a -3 dB point at the cutoff when evaluated', () => {
    const sos = butter(6, 1000, { sampleRate: 48000 });
    const gain = (f: number): number => sosGain(sos, (2 * Math.PI * f) / 48000);
    expect(gain(0)).toBeCloseTo(1, 12);
    expect(gain(1000)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('throws when order is not a positive integer', () => {
    expect(() => butter(0, 0.2)).toThrow(RangeError);
    expect(() => butter(-2, 0.2)).toThrow(RangeError);
    expect(() => butter(2.5, 0.2)).toThrow(RangeError);
    expect(() => butter(Number.NaN, 0.2)).toThrow(RangeError);
  });

  it('throws a RangeError when the cutoff is outside (0, Nyquist)', () => {
    expect(() => butter(2, 0)).toThrow(RangeError);
    expect(() => butter(2, 1)).toThrow(RangeError);
    expect(() => butter(2, -0.1)).toThrow(RangeError);
    expect(() => butter(2, 24000, { sampleRate: 48000 })).toThrow(/24000/);
    expect(() => butter(2, 30000, { sampleRate: 48000 })).toThrow(RangeError);
  });

  it('throws a RangeError when a band design gets the wrong number of cutoffs or low >= high', () => {
    expect(() => butter(2, 0.2, { type: 'bandpass' })).toThrow(RangeError);
    expect(() => butter(2, [0.1, 0.2, 0.3], { type: 'bandstop' })).toThrow(RangeError);
    expect(() => butter(2, [0.3, 0.2], { type: 'bandpass' })).toThrow(RangeError);
    expect(() => butter(2, [0.2, 0.2], { type: 'bandpass' })).toThrow(RangeError);
    expect(() => butter(2, [0.1, 0.2], { type: 'lowpass' })).toThrow(RangeError);
  });

  it('throws when the type or sampleRate is invalid', () => {
    expect(() => butter(2, 0.2, { type: 'allpass' as FilterType })).toThrow(TypeError);
    expect(() => butter(2, 100, { sampleRate: 0 })).toThrow(RangeError);
    expect(() => butter(2, Number.NaN)).toThrow(TypeError);
  });
});
