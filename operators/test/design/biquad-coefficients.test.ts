import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { biquadCoefficients, type BiquadType } from '../../src/design/biquad-coefficients.js';

interface Case {
  type: BiquadType;
  frequency: number;
  q: number;
  gain: number;
  sampleRate: number;
  sos: number[];
  freqs: number[];
  magnitude: number[];
}
interface ButterCase {
  type: 'lowpass' | 'highpass';
  frequency: number;
  sampleRate: number;
  b: number[];
  a: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/biquad.json', import.meta.url), 'utf8'),
) as { cases: Case[]; butterworth: ButterCase[] };

function magnitude(row: number[], f: number, fs: number): number {
  const [b0, b1, b2, a0, a1, a2] = row as [number, number, number, number, number, number];
  const w = (2 * Math.PI * f) / fs;
  const re = (x0: number, x1: number, x2: number): number => x0 + x1 * Math.cos(w) + x2 * Math.cos(2 * w);
  const im = (x1: number, x2: number): number => -(x1 * Math.sin(w) + x2 * Math.sin(2 * w));
  return Math.hypot(re(b0, b1, b2), im(b1, b2)) / Math.hypot(re(a0, a1, a2), im(a1, a2));
}

describe('biquadCoefficients', () => {
  it('matches the RBJ cookbook coefficients (Python reference) to 1e-12 when given each type', () => {
    expect(new Set(fixture.cases.map((c) => c.type)).size).toBe(8);
    for (const c of fixture.cases) {
      const row = biquadCoefficients({ type: c.type, frequency: c.frequency, q: c.q, gain: c.gain, sampleRate: c.sampleRate });
      row.forEach((v, i) => expect(Math.abs(v - c.sos[i]!), `${c.type} ${i}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(c.sos[i]!))));
    }
  });

  it('has the frequency response scipy.signal.sosfreqz computes, to 1e-9 relative, when evaluated', () => {
    for (const c of fixture.cases) {
      const row = biquadCoefficients({ type: c.type, frequency: c.frequency, q: c.q, gain: c.gain, sampleRate: c.sampleRate });
      c.freqs.forEach((f, i) => {
        const m = magnitude(row, f, c.sampleRate);
        expect(Math.abs(m - c.magnitude[i]!), `${c.type} at ${f} Hz`).toBeLessThan(1e-9 * Math.max(1, c.magnitude[i]!));
      });
    }
  });

  it('equals scipy.signal.butter(2, f, fs) when a lowpass/highpass has the default q', () => {
    for (const c of fixture.butterworth) {
      const row = biquadCoefficients({ type: c.type, frequency: c.frequency, sampleRate: c.sampleRate });
      const expected = [...c.b, ...c.a];
      row.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-12));
    }
  });

  it('reaches the requested gain at the centre frequency when peaking', () => {
    const row = biquadCoefficients({ type: 'peaking', frequency: 2000, q: 1.5, gain: -12, sampleRate: 44100 });
    expect(20 * Math.log10(magnitude(row, 2000, 44100))).toBeCloseTo(-12, 10);
  });

  it('throws when parameters are out of range', () => {
    const base = { type: 'lowpass' as const, frequency: 1000, sampleRate: 48000 };
    expect(() => biquadCoefficients({ ...base, frequency: 0 })).toThrow(RangeError);
    expect(() => biquadCoefficients({ ...base, frequency: 24000 })).toThrow(RangeError);
    expect(() => biquadCoefficients({ ...base, q: 0 })).toThrow(RangeError);
    expect(() => biquadCoefficients({ ...base, sampleRate: -1 })).toThrow(RangeError);
    expect(() => biquadCoefficients({ ...base, gain: Number.NaN })).toThrow(TypeError);
    expect(() => biquadCoefficients({ ...base, type: 'comb' as BiquadType })).toThrow(TypeError);
  });
});
