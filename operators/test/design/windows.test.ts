import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bartlett,
  blackman,
  blackmanharris,
  boxcar,
  cosine,
  flattop,
  generalCosine,
  getWindow,
  hamming,
  hann,
  kaiser,
  nuttall,
  triang,
  type WindowName,
  type WindowOptions,
} from '../../src/design/windows.js';

interface Case {
  spec: WindowName | [WindowName, number];
  n: number;
  periodic: boolean;
  window: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/windows.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

/** Tolerance: |a - e| <= 1e-13 (windows are O(1); kaiser's I0 series is accurate to a few ulp). */
const TOL = 1e-13;
function expectWindow(actual: Float64Array, expected: number[], label: string): void {
  expect(actual).toBeInstanceOf(Float64Array);
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Math.abs(actual[i]! - expected[i]!) > TOL) throw new Error(`${label}[${i}]: got ${actual[i]}, scipy ${expected[i]}`);
  }
}

const named: Record<string, (n: number, o?: WindowOptions) => Float64Array> = {
  hann,
  hamming,
  blackman,
  blackmanharris,
  nuttall,
  flattop,
  bartlett,
  triang,
  cosine,
  boxcar,
};

describe('getWindow', () => {
  it('matches scipy.signal.get_window when given every fixture spec, length and symmetry', () => {
    expect(fixture.cases.length).toBeGreaterThan(200);
    for (const c of fixture.cases) {
      expectWindow(getWindow(c.spec, c.n, { periodic: c.periodic }), c.window, JSON.stringify([c.spec, c.n, c.periodic]));
    }
  });

  it('is periodic by default when no options are given', () => {
    const c = fixture.cases.find((x) => x.spec === 'hann' && x.n === 64 && x.periodic)!;
    expectWindow(getWindow('hann', 64), c.window, 'hann default');
  });

  it('accepts aliases and an explicit array when given them', () => {
    expectWindow(getWindow('rectangular', 5), [1, 1, 1, 1, 1], 'rectangular');
    expectWindow(getWindow('hanning', 8), Array.from(hann(8, { periodic: true })), 'hanning');
    expectWindow(getWindow([0.1, 0.2, 0.3], 3), [0.1, 0.2, 0.3], 'array');
  });

  it('throws when the name is unknown, kaiser lacks beta or an array has the wrong length', () => {
    expect(() => getWindow('nope' as WindowName, 8)).toThrow(TypeError);
    expect(() => getWindow('kaiser', 8)).toThrow(/beta/);
    expect(() => getWindow([1, 2], 3)).toThrow(RangeError);
    expect(() => getWindow('hann', -1)).toThrow(RangeError);
    expect(() => getWindow('hann', 2.5)).toThrow(RangeError);
  });
});

for (const [name, f] of Object.entries(named)) {
  describe(name, () => {
    it('matches scipy symmetric by default and periodic on request when given several lengths', () => {
      const cases = fixture.cases.filter((c) => c.spec === name);
      expect(cases.length).toBe(16);
      for (const c of cases) {
        expectWindow(c.periodic ? f(c.n, { periodic: true }) : f(c.n), c.window, `${name}(${c.n}, periodic=${c.periodic})`);
      }
    });
  });
}

describe('kaiser', () => {
  it('matches scipy.signal.windows.kaiser when given several betas', () => {
    for (const c of fixture.cases) {
      if (typeof c.spec === 'string') continue;
      expectWindow(kaiser(c.n, c.spec[1], { periodic: c.periodic }), c.window, `kaiser(${c.n}, ${c.spec[1]})`);
    }
  });

  it('throws a TypeError when beta is not finite', () => {
    expect(() => kaiser(8, Number.NaN)).toThrow(TypeError);
  });
});

describe('generalCosine', () => {
  it('equals hamming when given the Hamming weights', () => {
    expectWindow(generalCosine(33, [0.54, 0.46]), Array.from(hamming(33)), 'generalCosine');
  });
});
