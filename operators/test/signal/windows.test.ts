// Tolerances: windows within 1e-12 of scipy.signal.get_window / scipy.signal.windows.* (absolute:
// windows are O(1)).
import { describe, expect, it } from 'vitest';
import * as signal from '@ringflow/operators/signal';
import { expectReal, signalFixture, type Real } from '../helpers/signal-fixtures.js';

interface Case {
  window: signal.WindowSpec;
  n: number;
  fftbins: boolean;
  w: number[];
}

interface Named {
  fn: string;
  args: number[];
  options: signal.WindowOptions;
  w: number[];
}

const fixture = signalFixture<{ cases: Case[]; named: Named[] }>('windows.json');

describe('getWindow', () => {
  it('matches scipy.signal.get_window for every name, alias, tuple, length and fftbins in the fixture', () => {
    expect(fixture.cases.length).toBeGreaterThan(300);
    for (const c of fixture.cases) {
      expectReal(signal.getWindow(c.window, c.n, { fftbins: c.fftbins }), c.w, 1e-12, JSON.stringify([c.window, c.n, c.fftbins]));
    }
  });

  it('is periodic by default and symmetric with fftbins false, sym true or periodic false', () => {
    const periodic = Array.from(signal.hann(9, { sym: false }));
    const symmetric = Array.from(signal.hann(9));
    expect(Array.from(signal.getWindow('hann', 9))).toEqual(periodic);
    for (const o of [{ fftbins: false }, { sym: true }, { periodic: false }]) expect(Array.from(signal.getWindow('hann', 9, o))).toEqual(symmetric);
  });

  it('throws naming getWindow for unknown names, missing parameters and contradicting options', () => {
    expect(() => signal.getWindow('gaussian', 8)).toThrow(/^getWindow: the 'gaussian' window needs one or more parameters/);
    expect(() => signal.getWindow(['gaussian'] as unknown as signal.WindowSpec, 8)).toThrow(/^getWindow: the 'gaussian' window's parameter std/);
    expect(() => signal.getWindow('foo' as signal.WindowName, 8)).toThrow(/^getWindow: unknown window 'foo'/);
    expect(() => signal.getWindow('hann', 8, { fftbins: true, sym: true })).toThrow(/^getWindow: fftbins: true contradicts/);
    expect(() => signal.getWindow(['kbd', 4], 8)).toThrow(/only defined for symmetric/);
    expect(() => signal.getWindow(Number.NaN, 8)).toThrow(TypeError);
  });
});

const functions: Record<string, (...args: never[]) => Float64Array> = {
  tukey: signal.tukey,
  gaussian: signal.gaussian,
  generalGaussian: signal.generalGaussian,
  exponential: signal.exponential,
  taylor: signal.taylor,
  chebwin: signal.chebwin,
  hann: signal.hann,
  kaiser: signal.kaiser,
  kaiserBesselDerived: signal.kaiserBesselDerived,
  lanczos: signal.lanczos,
  generalHamming: signal.generalHamming,
};

describe('the window functions', () => {
  it('match scipy.signal.windows.* with SciPy signatures: symmetric by default, sym: false periodic', () => {
    expect(fixture.named.length).toBeGreaterThan(20);
    for (const c of fixture.named) {
      const f = functions[c.fn] as unknown as (...args: unknown[]) => Float64Array;
      expectReal(f(...c.args, c.options), c.w, 1e-12, `${c.fn}(${c.args.join(', ')}, ${JSON.stringify(c.options)})`);
    }
  });

  it('throw naming the window for bad lengths and contradicting sym/periodic', () => {
    expect(() => signal.tukey(-1)).toThrow(/^tukey: window length must be a non-negative integer/);
    expect(() => signal.gaussian(2.5, 1)).toThrow(/^gaussian: window length/);
    expect(() => signal.hann(8, { sym: true, periodic: true })).toThrow(/^hann: sym: true contradicts periodic: true/);
    expect(() => signal.exponential(8, { center: 2 })).toThrow(/^exponential: center may only be given for a periodic window/);
    expect(() => signal.taylor(8, { nbar: 0 })).toThrow(/^taylor: nbar must be a positive integer/);
    expect(() => signal.kaiserBesselDerived(7, 4)).toThrow(/even number of points/);
    expect(() => signal.gaussian(8, Number.NaN)).toThrow(/^gaussian: std must be a number/);
  });
});


describe('windows', () => {
  it('groups the same functions as scipy.signal.windows does', () => {
    expect(signal.windows.hann).toBe(signal.hann);
    expect(signal.windows.dpss).toBe(signal.dpss);
    expect(Array.from(signal.windows.tukey(16, { alpha: 0.3 }))).toEqual(Array.from(signal.tukey(16, { alpha: 0.3 })));
    expect(Object.isFrozen(signal.windows)).toBe(true);
  });
});
