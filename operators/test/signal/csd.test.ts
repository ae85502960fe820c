// Tolerances: f and Pxy within 1e-12 of scipy.signal.csd, relative to the peak of the reference.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { channel, column, expectComplex, expectReal, input, signalFixture, type ComplexJson, type InputJson, type Real } from '../helpers/signal-fixtures.js';

interface Case {
  name: string;
  x: string;
  y: string;
  options: signal.CsdOptions;
  f: number[];
  Pxy: ComplexJson;
}
const fixture = signalFixture<{ signals: Record<string, InputJson>; csd: Case[]; coherence: (Omit<Case, 'Pxy'> & { Cxy: Real })[] }>('csd.json');

describe('csd', () => {
  for (const c of fixture.csd) {
    it(`matches scipy.signal.csd when given ${c.name}`, () => {
      const { f, Pxy } = signal.csd(input(fixture.signals[c.x]!), input(fixture.signals[c.y]!), c.options);
      expectReal(f, c.f, 1e-12, `${c.name} f`);
      expectComplex(Pxy, c.Pxy, 1e-12, `${c.name} Pxy`);
    });
  }

  it('has the real part welch(x) and a zero imaginary part when given csd(x, x)', () => {
    const x = Float64Array.from({ length: 300 }, (_, i) => Math.cos(0.2 * i) + Math.sin(0.05 * i * i));
    const { Pxy } = signal.csd(x, x, { nperseg: 64 });
    const { Pxx } = signal.welch(x, { nperseg: 64 });
    expect(Array.from(Pxy.re)).toEqual(Array.from(Pxx));
    expect(Pxy.im.every((v) => v === 0)).toBe(true);
  });

  it('broadcasts a 1-D signal against each channel of a [frames, channels] one', () => {
    const x = Float64Array.from({ length: 150 }, (_, i) => Math.sin(0.3 * i));
    const data = Float64Array.from({ length: 300 }, (_, i) => Math.cos(0.1 * i) + (i % 7));
    const y = { data, shape: [150, 2] as [number, number], stride: [2, 1] as [number, number], offset: 0 };
    const { Pxy } = signal.csd(x, y, { nperseg: 32 });
    for (let ch = 0; ch < 2; ch++) {
      const one = signal.csd(x, channel(y, ch), { nperseg: 32 }).Pxy;
      expect(Array.from(column(Pxy.re, ch))).toEqual(Array.from(one.re));
      expect(Array.from(column(Pxy.im, ch))).toEqual(Array.from(one.im));
    }
  });

  it('throws naming csd when y is missing or the lanes cannot broadcast', () => {
    expect(() => signal.csd(new Float64Array(10), undefined as unknown as number[])).toThrow(/^csd: y is required/);
    const a = { data: new Float64Array(30), shape: [10, 3] as [number, number], stride: [3, 1] as [number, number], offset: 0 };
    const b = { data: new Float64Array(20), shape: [10, 2] as [number, number], stride: [2, 1] as [number, number], offset: 0 };
    expect(() => signal.csd(a, b)).toThrow(/^csd: x and y cannot be broadcast/);
  });
});

describe('coherence', () => {
  for (const c of fixture.coherence) {
    it(`matches scipy.signal.coherence when given ${c.name}`, () => {
      const { f, Cxy } = signal.coherence(input(fixture.signals[c.x]!), input(fixture.signals[c.y]!), c.options);
      expectReal(f, c.f, 1e-12, `${c.name} f`);
      expectReal(Cxy, c.Cxy, 1e-11, `${c.name} Cxy`);
    });
  }

  it('is 1 at every frequency when given a signal and a scaled copy', () => {
    const x = Float64Array.from({ length: 512 }, (_, i) => Math.sin(i) + Math.cos(0.37 * i * i));
    const { Cxy } = signal.coherence(x, x.map((v) => 3 * v), { nperseg: 64 });
    for (const v of Cxy) expect(v).toBeCloseTo(1, 12);
  });

  it('throws naming coherence for complex input or options SciPy does not take', () => {
    const x = new Float64Array(64);
    expect(() => signal.coherence({ re: x, im: x } as unknown as number[], x)).toThrow(/^coherence: x and y must be real/);
    expect(() => signal.coherence(x, x, { scaling: 'density' } as signal.CoherenceOptions)).toThrow(/^coherence: SciPy's coherence takes no scaling/);
    // SciPy clips nperseg to each signal alone, then fails to combine spectra of different lengths.
    expect(() => signal.coherence(new Float64Array(300), new Float64Array(100))).toThrow(/^coherence: x and y give spectra of different lengths/);
  });
});
