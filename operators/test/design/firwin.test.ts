import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firwin, type PassZero } from '../../src/design/firwin.js';
import type { WindowSpec } from '../../src/design/windows.js';

interface Case {
  numtaps: number;
  cutoff: number | number[];
  window: string | [string, number];
  passZero: PassZero;
  scale: boolean;
  sampleRate: number | null;
  taps: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/firwin.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

describe('firwin', () => {
  it('matches scipy.signal.firwin to 1e-12 absolute when given every fixture design', () => {
    expect(fixture.cases.length).toBeGreaterThan(20);
    for (const c of fixture.cases) {
      const h = firwin(c.numtaps, c.cutoff, {
        window: c.window as WindowSpec,
        passZero: c.passZero,
        scale: c.scale,
        ...(c.sampleRate === null ? {} : { sampleRate: c.sampleRate }),
      });
      expect(h).toBeInstanceOf(Float64Array);
      expect(h.length).toBe(c.taps.length);
      for (let i = 0; i < h.length; i++) {
        if (Math.abs(h[i]! - c.taps[i]!) > 1e-12) {
          throw new Error(`${JSON.stringify({ ...c, taps: undefined })}: tap ${i} got ${h[i]}, scipy ${c.taps[i]}`);
        }
      }
    }
  });

  it('uses a Hamming window, lowpass and scaling when no options are given', () => {
    const c = fixture.cases.find((x) => x.numtaps === 51 && x.cutoff === 0.3)!;
    const h = firwin(51, 0.3);
    h.forEach((v, i) => expect(Math.abs(v - c.taps[i]!)).toBeLessThan(1e-12));
    expect(h.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('produces symmetric taps when designing any band shape', () => {
    const h = firwin(41, [0.1, 0.3, 0.6], { passZero: false });
    for (let i = 0; i < 41; i++) expect(h[i]).toBeCloseTo(h[40 - i]!, 14);
  });

  it('throws a RangeError when a filter passing Nyquist has an even numtaps', () => {
    expect(() => firwin(40, 0.4, { passZero: 'highpass' })).toThrow(RangeError);
    expect(() => firwin(40, 0.4, { passZero: false })).toThrow(/odd numtaps/);
    expect(() => firwin(40, [0.2, 0.4], { passZero: 'bandstop' })).toThrow(RangeError);
  });

  it('throws when cutoffs are out of range, unordered or miscounted', () => {
    expect(() => firwin(11, 0)).toThrow(RangeError);
    expect(() => firwin(11, 1)).toThrow(RangeError);
    expect(() => firwin(11, 4000, { sampleRate: 8000 })).toThrow(RangeError);
    expect(() => firwin(11, [0.4, 0.2], { passZero: false })).toThrow(/increasing/);
    expect(() => firwin(11, [])).toThrow(RangeError);
    expect(() => firwin(11, [0.2, 0.4], { passZero: 'lowpass' })).toThrow(RangeError);
    expect(() => firwin(11, 0.2, { passZero: 'bandpass' })).toThrow(RangeError);
    expect(() => firwin(11, Number.NaN)).toThrow(TypeError);
  });

  it('throws when numtaps is not a positive integer or passZero is unknown', () => {
    expect(() => firwin(0, 0.2)).toThrow(RangeError);
    expect(() => firwin(10.5, 0.2)).toThrow(RangeError);
    expect(() => firwin(11, 0.2, { passZero: 'allpass' as PassZero })).toThrow(TypeError);
    expect(() => firwin(11, 0.2, { window: 'kaiser' })).toThrow(TypeError);
  });
});
