// Tolerances: f, t and Zxx within 1e-12 of scipy.signal.stft, relative to the reference's peak;
// the streaming stft kernel's spectra exactly.
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { createStftState, processStft } from '@ringflow/operators';
import { expectComplex, expectReal, input } from '../helpers/signal-fixtures.js';
import { stftCases } from '../helpers/signal-cases.js';

const cases = stftCases();

describe('stft', () => {
  for (const c of cases) {
    it(`matches scipy.signal.stft when given ${c.name}`, () => {
      const { f, t, Zxx } = signal.stft(input(c.input), c.options);
      expectReal(f, c.f, 1e-12, `${c.name} f`);
      expectReal(t, c.t, 1e-12, `${c.name} t`);
      expectComplex(Zxx, c.Zxx, 1e-12, `${c.name} Zxx`);
    });
  }

  it('gives, column by column, the spectra of the streaming stft kernel when boundary and padding are off', () => {
    const x = Float64Array.from({ length: 500 }, (_, i) => Math.sin(0.05 * i) * Math.cos(0.31 * i));
    const { Zxx } = signal.stft(x, { nperseg: 64, noverlap: 40, boundary: null, padded: false });
    const kernel = createStftState({ size: 64, hop: 24, window: 'hann', scaling: 'spectrum' });
    const [bins, segments] = Zxx.re.shape;
    for (let j = 0; j < segments; j++) {
      const spectrum = processStft(kernel, x.subarray(j * 24, j * 24 + 64), new Float64Array(2 * bins));
      for (let k = 0; k < bins; k++) {
        expect(Zxx.re.data[k * segments + j]).toBe(spectrum[2 * k]);
        expect(Zxx.im.data[k * segments + j]).toBe(spectrum[2 * k + 1]);
      }
    }
  });
});
