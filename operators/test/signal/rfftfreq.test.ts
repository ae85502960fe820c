// rfftfreq and fftfreq exactly as numpy.fft.rfftfreq / fftfreq.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { signalFixture, type ComplexJson, type InputJson, type Real } from '../helpers/signal-fixtures.js';

const fixture = signalFixture<{
  hilbert: { name: string; x: InputJson; options: signal.HilbertOptions; z: ComplexJson }[];
  detrend: { name: string; x: InputJson; options: signal.DetrendOptions; y: Real }[];
  freqs: { n: number; d: number; rfftfreq: number[]; fftfreq: number[] }[];
}>('misc.json');

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
