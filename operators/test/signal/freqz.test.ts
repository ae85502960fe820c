// Tolerances: w, h and the group delay within 1e-12 of scipy.signal.freqz / sosfreqz /
// group_delay, relative to the peak of the reference (measured: below 1e-13; the FFT and Horner
// paths round differently, both far below the tolerance).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectComplex, expectReal, signalFixture, type ComplexJson } from '../helpers/signal-fixtures.js';

interface Case {
  b: number[];
  a: number[];
  worN: number | number[] | null;
  options: signal.FreqzOptions;
  w: number[];
  h: ComplexJson;
}
const freqzCases = [...signalFixture<{ cases: Case[] }>('freqz.json').cases, ...signalFixture<{ cases: Case[] }>('freqz-fir.json').cases];

describe('freqz', () => {
  for (const c of freqzCases) {
    it(`matches scipy.signal.freqz when given ${c.b.length} taps / ${c.a.length}, worN ${JSON.stringify(c.worN)?.slice(0, 40)}, ${JSON.stringify(c.options)}`, () => {
      const { w, h } = signal.freqz(c.b, c.a, c.worN ?? undefined, c.options);
      expectReal(w, c.w, 1e-12, 'w');
      expectComplex(h, c.h, 1e-12, 'h');
    });
  }

  it('defaults to a = 1 and 512 frequencies from 0 to pi (exclusive)', () => {
    const { w, h } = signal.freqz([1, 1]);
    expect(w.length).toBe(512);
    expect(w[1]).toBeCloseTo(Math.PI / 512, 15);
    expect(Math.hypot(h.re[0]!, h.im[0]!)).toBe(2);
  });

  it('throws naming freqz for bad coefficients, worN and options', () => {
    expect(() => signal.freqz([])).toThrow(/^freqz: b must have at least one coefficient/);
    expect(() => signal.freqz(['x'] as unknown as number[])).toThrow(/^freqz: b\[0\] must be a number/);
    expect(() => signal.freqz([1], 1, -1)).toThrow(/^freqz: worN must be nonnegative/);
    expect(() => signal.freqz([1], 1, 2.5)).toThrow(/^freqz: worN must be an integer/);
    expect(() => signal.freqz([1], 1, 8, { fs: 0 })).toThrow(/^freqz: fs must be/);
    expect(() => signal.freqz([1], 1, 8, { whole: 'yes' as unknown as boolean })).toThrow(/^freqz: whole must be a boolean/);
  });
});

describe('sosfreqz', () => {
  const cases = signalFixture<{ cases: (Omit<Case, 'b' | 'a'> & { sos: number[][] })[] }>('sosfreqz.json').cases;
  for (const c of cases) {
    it(`matches scipy.signal.sosfreqz when given ${c.sos.length} sections, worN ${JSON.stringify(c.worN)}`, () => {
      const { w, h } = signal.sosfreqz(c.sos, c.worN ?? undefined, c.options);
      expectReal(w, c.w, 1e-12, 'w');
      expectComplex(h, c.h, 1e-12, 'h');
    });
  }

  it('equals the product of the sections given to freqz', () => {
    const sos = [
      [0.1, 0.2, 0.1, 1, -0.5, 0.3],
      [1, -1, 0.5, 1, 0.2, 0.1],
    ];
    const { h } = signal.sosfreqz(sos, 16);
    const a = signal.freqz(sos[0]!.slice(0, 3), sos[0]!.slice(3), 16).h;
    const b = signal.freqz(sos[1]!.slice(0, 3), sos[1]!.slice(3), 16).h;
    for (let k = 0; k < 16; k++) {
      expect(h.re[k]).toBeCloseTo(a.re[k]! * b.re[k]! - a.im[k]! * b.im[k]!, 14);
      expect(h.im[k]).toBeCloseTo(a.re[k]! * b.im[k]! + a.im[k]! * b.re[k]!, 14);
    }
  });

  it('throws naming sosfreqz for malformed sections', () => {
    expect(() => signal.sosfreqz([[1, 2, 3]])).toThrow(/^sosfreqz: sos row 0 must have 6 coefficients/);
    expect(() => signal.sosfreqz([])).toThrow(/^sosfreqz: sos must have at least one section/);
  });
});

describe('groupDelay', () => {
  const cases = signalFixture<{ cases: { b: number[]; a: number[]; w: number | number[] | null; options: signal.GroupDelayOptions; wOut: number[]; gd: number[] }[] }>(
    'group-delay.json',
  ).cases;
  for (const c of cases) {
    it(`matches scipy.signal.group_delay when given ${c.b.length}/${c.a.length} coefficients, w ${JSON.stringify(c.w)}`, () => {
      const { w, gd } = signal.groupDelay([c.b, c.a], c.w ?? undefined, c.options);
      expectReal(w, c.wOut, 1e-12, 'w');
      expectReal(gd, c.gd, 1e-12, 'gd');
    });
  }

  it('gives (N - 1) / 2 samples for a symmetric FIR filter of N taps', () => {
    for (const v of signal.groupDelay([[1, 2, 3, 2, 1], [1]], 8).gd) expect(v).toBeCloseTo(2, 12);
  });

  it('throws naming groupDelay when system is not a [b, a] pair', () => {
    expect(() => signal.groupDelay([[1, 2]] as unknown as [number[], number[]])).toThrow(/^groupDelay: system must be a \[b, a\] pair/);
  });
});
