// processToDecibels against librosa's amplitude_to_db / power_to_db formulas evaluated with numpy
// (fixtures_spectral.py). Tolerance: 1e-12 dB absolute.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processToDecibels } from '@ringflow/operators';

const fx = JSON.parse(
  readFileSync(new URL('../fixtures/spectral/magnitude.json', import.meta.url), 'utf8'),
) as Record<string, number[]>;

const magnitude = Float64Array.from(fx['magnitude']!);
const power = Float64Array.from(fx['power']!);

function expectClose(actual: ArrayLike<number>, expected: number[] | undefined, atol: number): void {
  expect(expected).toBeDefined();
  expect(actual.length).toBe(expected!.length);
  for (let i = 0; i < expected!.length; i++) {
    expect(Math.abs(actual[i]! - expected![i]!), `index ${i}`).toBeLessThanOrEqual(atol);
  }
}

describe('processToDecibels', () => {
  it('matches amplitude_to_db(S, ref=1, amin=1e-5, top_db=None) when given no options', () => {
    const out = processToDecibels(magnitude, new Float64Array(magnitude.length));
    expectClose(out, fx['db'], 1e-12);
    expect(out[0]).toBe(-100);
  });

  it('uses ref and amin when given', () => {
    const out = processToDecibels(magnitude, new Float64Array(magnitude.length), { ref: 0.5, amin: 1e-3 });
    expectClose(out, fx['dbRef'], 1e-12);
  });

  it("uses the largest |x| of the call as 0 dB when ref is 'max'", () => {
    const out = processToDecibels(magnitude, new Float64Array(magnitude.length), { ref: 'max' });
    expectClose(out, fx['dbRefMax'], 1e-12);
    expect(Math.max(...out)).toBe(0);
  });

  it('clips below max - topDb when topDb is given', () => {
    const out = processToDecibels(magnitude, new Float64Array(magnitude.length), { topDb: 60 });
    expectClose(out, fx['dbTop'], 1e-12);
  });

  it('uses 10 log10 and the 1e-10 floor when power is true', () => {
    expectClose(processToDecibels(power, new Float64Array(power.length), { power: true }), fx['powerDb'], 1e-12);
    const out = processToDecibels(power, new Float64Array(power.length), { power: true, ref: 'max', topDb: 80 });
    expectClose(out, fx['powerDbRefMaxTop'], 1e-12);
  });

  it('drops the sign of negative amplitudes', () => {
    const out = processToDecibels(Float64Array.from(fx['signed']!), new Float64Array(50));
    expectClose(out, fx['signedDb'], 1e-12);
  });

  it('works in place and keeps float32 when given a float32 array', () => {
    const x = Float32Array.of(1, 0.1, 10, 0);
    const out = processToDecibels(x, x);
    expect(out).toBe(x);
    expect(Array.from(out)).toEqual([0, Math.fround(-20), 20, -100]);
  });

  it('throws a RangeError when the output is too short or an option is out of range', () => {
    const x = new Float64Array(4).fill(1);
    expect(() => processToDecibels(x, new Float64Array(3))).toThrow(RangeError);
    expect(() => processToDecibels(x, new Float64Array(4), { ref: 0 })).toThrow(RangeError);
    expect(() => processToDecibels(x, new Float64Array(4), { amin: -1 })).toThrow(RangeError);
    expect(() => processToDecibels(x, new Float64Array(4), { topDb: -3 })).toThrow(RangeError);
  });
});
