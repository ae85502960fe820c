// Tolerances: f within 1e-12 and Cxy within 1e-11 of scipy.signal.coherence, relative to the peak
// of the reference (a ratio of three estimates; measured below 1e-14).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, input } from '../helpers/signal-fixtures.js';
import { csdFixture } from '../helpers/signal-cases.js';

const fixture = csdFixture();

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
