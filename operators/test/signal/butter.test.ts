// Tolerance: SOS rows, zeros, poles, gain and (b, a) within 1e-10 of SciPy 1.10, relative to
// max(1, |expected|): the same algorithm in float64; differences are rounding in the complex
// arithmetic of the prototype and the transforms.
import { describe, expect, it } from 'vitest';
import { butter } from '../../src/signal/butter.js';
import { designSuite } from '../helpers/iir-design-suite.js';
import { sosGain } from '../helpers/signal.js';

describe('butter', () => {
  designSuite('butter', butter as (...args: unknown[]) => unknown, 1e-10);

  it('returns SOS rows by default, unlike SciPy whose default output is ba', () => {
    const sos = butter(4, 0.2);
    expect(Array.isArray(sos)).toBe(true);
    expect(sos.length).toBe(2);
    expect(sos[0]!.length).toBe(6);
  });

  it('gives unit DC gain and -3 dB at the cutoff in Hz when fs is given', () => {
    const sos = butter(6, 1000, { fs: 48000 });
    const gain = (f: number): number => sosGain(sos, (2 * Math.PI * f) / 48000);
    expect(gain(0)).toBeCloseTo(1, 12);
    expect(20 * Math.log10(gain(1000))).toBeCloseTo(-3.0103, 3);
  });

  it('accepts SciPy band type aliases and order 0 as SciPy does', () => {
    expect(butter(3, 0.2, { btype: 'hp' })).toEqual(butter(3, 0.2, { btype: 'highpass' }));
    expect(butter(2, [0.2, 0.3], { btype: 'bs' })).toEqual(butter(2, [0.2, 0.3], { btype: 'bandstop' }));
    const { b, a } = butter(0, 0.5, { output: 'ba' });
    expect(Array.from(b)).toEqual([1]);
    expect(Array.from(a)).toEqual([1]);
  });

  it('throws TypeError/RangeError naming butter for bad orders, frequencies and options', () => {
    expect(() => butter(-1, 0.2)).toThrow(/^butter: .*order/);
    expect(() => butter(2.5, 0.2)).toThrow(RangeError);
    expect(() => butter(4, 1)).toThrow(/butter: digital filter critical frequencies must be 0 < Wn < 1/);
    expect(() => butter(4, 0)).toThrow(RangeError);
    expect(() => butter(4, 25000, { fs: 48000 })).toThrow(/fs\/2/);
    expect(() => butter(4, [0.3, 0.2], { btype: 'bandpass' })).toThrow(/Wn\[0\] must be less than Wn\[1\]/);
    expect(() => butter(4, 0.2, { btype: 'bandpass' })).toThrow(/two critical frequencies/);
    expect(() => butter(4, [0.1, 0.2])).toThrow(/single critical frequency/);
    expect(() => butter(4, 0.2, { btype: 'sideways' as never })).toThrow(TypeError);
    expect(() => butter(4, 0.2, { output: 'tf' as never })).toThrow(/output must be/);
    expect(() => butter(4, 0.2, { type: 'highpass' } as never)).toThrow(/unknown option 'type' \(did you mean btype\?\)/);
    expect(() => butter(4, 0.2, { sampleRate: 100 } as never)).toThrow(/did you mean fs/);
    expect(() => butter(4, 2, { analog: true, fs: 10 })).toThrow(/fs cannot be given for an analog filter/);
    expect(() => butter(4, Number.NaN)).toThrow(TypeError);
    expect(() => butter(1e6, 0.2)).toThrow(RangeError);
  });
});
