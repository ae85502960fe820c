// processMagnitude against numpy's abs(z) and abs(z)**2 (fixtures_spectral.py). Tolerance: 4 ulp
// relative (sqrt(re^2 + im^2) versus numpy's hypot).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processMagnitude } from '@ringflow/operators';

const fx = JSON.parse(
  readFileSync(new URL('../fixtures/spectral/magnitude.json', import.meta.url), 'utf8'),
) as { z: number[]; magnitude: number[]; power: number[] };

function expectRelClose(actual: ArrayLike<number>, expected: number[], rtol: number): void {
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    expect(Math.abs(actual[i]! - e), `index ${i}`).toBeLessThanOrEqual(rtol * Math.abs(e));
  }
}

describe('processMagnitude', () => {
  it('matches numpy.abs when given interleaved complex values', () => {
    const out = processMagnitude(Float64Array.from(fx.z), new Float64Array(fx.magnitude.length));
    expectRelClose(out, fx.magnitude, 1e-15);
    expect(out[0]).toBe(0);
  });

  it('writes |z|^2 when power is true', () => {
    const out = processMagnitude(Float64Array.from(fx.z), new Float64Array(fx.power.length), { power: true });
    expectRelClose(out, fx.power, 1e-15);
  });

  it('writes float32 when the output is float32', () => {
    const out = processMagnitude(Float64Array.of(3, 4, 0, -2), new Float32Array(2));
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([5, 2]);
  });

  it('throws a RangeError when the spectrum length is odd or the output too short', () => {
    expect(() => processMagnitude(new Float64Array(5), new Float64Array(3))).toThrow(RangeError);
    expect(() => processMagnitude(new Float64Array(6), new Float64Array(2))).toThrow(/at least 3/);
  });

  it('throws a TypeError when given a plain array', () => {
    expect(() => processMagnitude([3, 4] as unknown as Float64Array, new Float64Array(1))).toThrow(TypeError);
  });
});
