// Tolerances: hilbert within 1e-12 of scipy.signal.hilbert and detrend within 1e-12 of
// scipy.signal.detrend (relative to the peak); rfftfreq/fftfreq exactly as numpy.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { asMultichannel } from '@ringflow/core';
import { channel, column, expectComplex, expectReal, input, peak, signalFixture, type ComplexJson, type InputJson, type Real } from '../helpers/signal-fixtures.js';

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

describe('detrend', () => {
  for (const c of fixture.detrend) {
    it(`matches scipy.signal.detrend when given ${c.name}`, () => {
      // Relative to the input's peak: a detrended line is all rounding noise.
      const x = c.x as unknown as number[] | { data: number[] };
      expectReal(signal.detrend(input(c.x), c.options), c.y, 1e-12, c.name, peak(Array.isArray(x) ? x : x.data));
    });
  }

  it('keeps Float32Array input as Float32Array (and [frames, channels] views as such), as SciPy keeps float32', () => {
    const y = signal.detrend(new Float32Array([1, 2, 4]), { type: 'constant' });
    expect(y).toBeInstanceOf(Float32Array);
    expect(Array.from(y)).toEqual([-4 / 3, -1 / 3, 5 / 3].map(Math.fround));
    const x = asMultichannel(new Float32Array([1, 10, 2, 20, 4, 40]), 2);
    const m = signal.detrend(x);
    expect(m.data).toBeInstanceOf(Float32Array);
    expect(m.shape).toEqual([3, 2]);
    for (let c = 0; c < 2; c++) {
      expect(Array.from(column(m as unknown as { data: Float32Array; shape: number[] }, c))).toEqual(
        Array.from(signal.detrend(Float32Array.from(channel(x, c)))),
      );
    }
  });

  it('throws naming detrend for a bad type or breakpoints', () => {
    expect(() => signal.detrend([1, 2, 3], { type: 'quadratic' as 'linear' })).toThrow(/^detrend: trend type must be/);
    expect(() => signal.detrend([1, 2, 3], { bp: 4 })).toThrow(/^detrend: breakpoints must be less than/);
    expect(() => signal.detrend([1, 2, 3], { bp: 1.5 })).toThrow(/^detrend: breakpoints must be integers/);
  });
});

describe('rfftfreq and fftfreq', () => {
  for (const c of fixture.freqs) {
    it(`match numpy.fft.rfftfreq / fftfreq(${c.n}, ${c.d})`, () => {
      expect(Array.from(signal.rfftfreq(c.n, c.d))).toEqual(c.rfftfreq);
      expect(Array.from(signal.fftfreq(c.n, c.d))).toEqual(c.fftfreq);
    });
  }

  it('default d to 1 and throw naming the function for a bad n', () => {
    expect(Array.from(signal.rfftfreq(4))).toEqual([0, 0.25, 0.5]);
    expect(() => signal.rfftfreq(-1)).toThrow(/^rfftfreq: n must be non-negative/);
    expect(() => signal.fftfreq(2.5)).toThrow(/^fftfreq: n must be an integer/);
  });
});
