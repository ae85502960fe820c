// Tolerances: f and Pxy within 1e-12 of scipy.signal.csd, relative to the peak of the reference.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { channel, column, expectComplex, expectReal, input } from '../helpers/signal-fixtures.js';
import { csdFixture } from '../helpers/signal-cases.js';

const fixture = csdFixture();

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
