// Tolerances: f and Pxx within 1e-12 of scipy.signal.welch, relative to the peak of the reference.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { channel, column, expectReal, input, input2d, signalFixture, type InputJson, type Real } from '../helpers/signal-fixtures.js';

interface Case {
  name: string;
  x: string;
  options: signal.WelchOptions;
  f: number[];
  Pxx: Real;
}
const fixture = signalFixture<{ signals: Record<string, InputJson>; cases: Case[] }>('welch.json');

describe('welch', () => {
  for (const c of fixture.cases) {
    it(`matches scipy.signal.welch when given ${c.name} (${JSON.stringify(c.options).slice(0, 80)})`, () => {
      const x = input(fixture.signals[c.x]!);
      const { f, Pxx } = signal.welch(x, c.options);
      expectReal(f, c.f, 1e-12, `${c.name} f`);
      expectReal(Pxx, c.Pxx, 1e-12, `${c.name} Pxx`);
    });
  }

  it('gives each channel of [frames, channels] input its own 1-D result, exactly', () => {
    const c = fixture.cases.find((k) => k.name === 'multichannel')!;
    const x = input2d(fixture.signals[c.x]!);
    const { Pxx } = signal.welch(x, c.options);
    expect(Pxx.shape).toEqual([c.f.length, 3]);
    for (let ch = 0; ch < 3; ch++) {
      expect(Array.from(column(Pxx, ch))).toEqual(Array.from(signal.welch(channel(x, ch), c.options).Pxx));
    }
  });

  it('reads plain arrays, Float32Array and strided views the same as Float64Array', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i * 0.37) + ((i * 7919) % 13) / 13);
    const ref = signal.welch(x, { nperseg: 64 }).Pxx;
    expect(Array.from(signal.welch(Array.from(x), { nperseg: 64 }).Pxx)).toEqual(Array.from(ref));
    const f32 = Float32Array.from(x);
    const from32 = signal.welch(Float64Array.from(f32), { nperseg: 64 }).Pxx;
    expect(Array.from(signal.welch(f32, { nperseg: 64 }).Pxx)).toEqual(Array.from(from32));
    // Every second element of a [200, 2] buffer, as a 1-D view with stride 2.
    const buf = new Float64Array(400);
    x.forEach((v, i) => (buf[2 * i + 1] = v));
    expect(Array.from(signal.welch({ data: buf, shape: [200], stride: [2], offset: 1 }, { nperseg: 64 }).Pxx as Float64Array)).toEqual(Array.from(ref));
  });

  it('returns empty arrays for empty input, as SciPy', () => {
    const { f, Pxx } = signal.welch(new Float64Array(0));
    expect(f.length).toBe(0);
    expect(Pxx.length).toBe(0);
  });

  it('throws TypeError/RangeError naming welch for bad input and options', () => {
    const x = new Float64Array(100);
    expect(() => signal.welch(x, { nperseg: 32, noverlap: 32 })).toThrow(/^welch: noverlap must be less than nperseg/);
    expect(() => signal.welch(x, { nperseg: 32, nfft: 16 })).toThrow(RangeError);
    expect(() => signal.welch(x, { nperseg: 0 })).toThrow(/welch: nperseg must be a positive integer/);
    expect(() => signal.welch(x, { scaling: 'power' as 'density' })).toThrow(/welch: unknown scaling/);
    expect(() => signal.welch(x, { average: 'max' as 'mean' })).toThrow(/welch: average must be/);
    expect(() => signal.welch(x, { detrend: 'quadratic' as 'linear' })).toThrow(TypeError);
    expect(() => signal.welch(x, { window: 'nope' as 'hann' })).toThrow(/^welch: unknown window/);
    expect(() => signal.welch(x, { window: new Float64Array(200) })).toThrow(/welch: window is longer than input/);
    expect(() => signal.welch(x, { window: new Float64Array(20), nperseg: 30 })).toThrow(/different from length of window/);
    expect(() => signal.welch(x, { fs: -1 })).toThrow(/welch: fs must be/);
    expect(() => signal.welch(x, { axis: 1 })).toThrow(/welch: axis 1 is out of bounds/);
    expect(() => signal.welch(['a'] as unknown as number[])).toThrow(/welch: x\[0\] must be a number/);
    expect(() => signal.welch(new BigInt64Array(4) as unknown as number[])).toThrow(TypeError);
    expect(() => signal.welch({ data: new Float64Array(6), shape: [4, 2], stride: [2, 1], offset: 0 })).toThrow(/reaches outside its data/);
    expect(() => signal.welch({ data: new Float64Array(8), shape: [2, 2, 2], stride: [4, 2, 1], offset: 0 })).toThrow(/1-D or 2-D/);
    // a stride-0 view that fits its data corners but holds far more elements than its data: a RangeError, not a huge copy
    expect(() => signal.welch({ data: new Float64Array(2), shape: [2 ** 30, 2], stride: [0, 1], offset: 0 })).toThrow(/^welch: x has shape \[1073741824, 2\] \(2147483648 elements\) but its data holds 2/);
  });
});
