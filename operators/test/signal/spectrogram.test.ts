// Tolerances: f, t and Sxx within 1e-12 of scipy.signal.spectrogram, relative to the reference's
// peak (1e-11 for the angle modes). The DC bins of the angle fixtures are at rounding-noise level
// (constant detrending): their angles (0 or pi) agree with SciPy's here, but in general an angle
// there is that of noise (see operators/README.md).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectComplex, expectReal, input, signalFixture, type ComplexJson, type InputJson, type Real } from '../helpers/signal-fixtures.js';

interface Case {
  name: string;
  x: string;
  options: signal.SpectrogramOptions;
  f: number[];
  t: number[];
  Sxx: Real | ComplexJson;
}
const cases = ['spectrogram-1.json', 'spectrogram-2.json'].flatMap((file) => {
  const f = signalFixture<{ signals: Record<string, InputJson>; cases: Case[] }>(file);
  return f.cases.map((c) => ({ ...c, input: f.signals[c.x]! }));
});

describe('spectrogram', () => {
  for (const c of cases) {
    it(`matches scipy.signal.spectrogram when given ${c.name}`, () => {
      const { f, t, Sxx } = signal.spectrogram(input(c.input), c.options);
      expectReal(f, c.f, 1e-12, `${c.name} f`);
      expectReal(t, c.t, 1e-12, `${c.name} t`);
      if ('re' in c.Sxx) expectComplex(Sxx as unknown as signal.Complex<signal.Matrix>, c.Sxx, 1e-12, `${c.name} Sxx`);
      else expectReal(Sxx, c.Sxx, c.options.mode === 'angle' || c.options.mode === 'phase' ? 1e-11 : 1e-12, `${c.name} Sxx`);
    });
  }

  it('averaged over segments equals welch with the same parameters', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(0.2 * i) + ((i * 37) % 11) / 11);
    const options = { nperseg: 100, noverlap: 50, window: 'hann' as const };
    const { Sxx } = signal.spectrogram(x, options);
    const { Pxx } = signal.welch(x, options);
    const [bins, segments] = Sxx.shape;
    for (let k = 0; k < bins; k++) {
      let s = 0;
      for (let j = 0; j < segments; j++) s += Sxx.data[k * segments + j]!;
      expect(s / segments).toBeCloseTo(Pxx[k]!, 12);
    }
  });

  it('throws naming spectrogram for an unknown mode', () => {
    expect(() => signal.spectrogram(new Float64Array(64), { mode: 'power' as 'psd' })).toThrow(/^spectrogram: unknown value for mode/);
  });
});
