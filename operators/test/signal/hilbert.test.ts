// Tolerances: within 1e-12 of scipy.signal.hilbert, relative to the peak of the reference.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectComplex, input, signalFixture, type ComplexJson, type InputJson, type Real } from '../helpers/signal-fixtures.js';

const fixture = signalFixture<{
  hilbert: { name: string; x: InputJson; options: signal.HilbertOptions; z: ComplexJson }[];
  detrend: { name: string; x: InputJson; options: signal.DetrendOptions; y: Real }[];
  freqs: { n: number; d: number; rfftfreq: number[]; fftfreq: number[] }[];
}>('misc.json');

describe('hilbert', () => {
  for (const c of fixture.hilbert) {
    it(`matches scipy.signal.hilbert when given ${c.name}`, () => {
      expectComplex(signal.hilbert(input(c.x), c.options), c.z, 1e-12, c.name);
    });
  }

  it('keeps the real part and gives the envelope of an amplitude-modulated tone', () => {
    const n = 1000;
    const env = Float64Array.from({ length: n }, (_, i) => 1 + 0.5 * Math.sin((2 * Math.PI * 3 * i) / n));
    const x = env.map((e, i) => e * Math.cos((2 * Math.PI * 100 * i) / n));
    const z = signal.hilbert(x);
    for (let i = 0; i < n; i++) {
      expect(z.re[i]).toBeCloseTo(x[i]!, 12);
      expect(Math.hypot(z.re[i]!, z.im[i]!)).toBeCloseTo(env[i]!, 6);
    }
  });

  it('throws naming hilbert for complex input and N <= 0', () => {
    expect(() => signal.hilbert({ re: [1], im: [0] } as unknown as number[])).toThrow(/^hilbert: x must be real/);
    expect(() => signal.hilbert([1, 2], { N: 0 })).toThrow(/^hilbert: N must be positive/);
  });
});
