// Tolerances: within 1e-12 of scipy.signal.detrend, relative to the input's peak (a detrended line
// is all rounding noise, so the reference's own peak is no scale).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { asMultichannel } from '@ringflow/core';
import { channel, column, expectReal, input, peak, signalFixture, type ComplexJson, type InputJson, type Real } from '../helpers/signal-fixtures.js';

const fixture = signalFixture<{
  hilbert: { name: string; x: InputJson; options: signal.HilbertOptions; z: ComplexJson }[];
  detrend: { name: string; x: InputJson; options: signal.DetrendOptions; y: Real }[];
  freqs: { n: number; d: number; rfftfreq: number[]; fftfreq: number[] }[];
}>('misc.json');

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
