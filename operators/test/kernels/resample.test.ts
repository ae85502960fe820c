import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createResampleState,
  flushResample,
  processResample,
  resampleFlushLength,
  resampleOutputLength,
  resetResample,
  type ResampleOptions,
  type ResampleState,
} from '@ringflow/operators';
import { noise, relError } from '../helpers/chunking.js';

interface Case {
  up: number;
  down: number;
  window: null | string | [string, number] | number[];
  inputLength: number;
  output: number[];
  float32?: boolean;
}
interface Fixture {
  input: number[];
  cases: Case[];
}
const load = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../fixtures/filters/${name}`, import.meta.url), 'utf8')) as Fixture;
const fixtures = ['resample-integer.json', 'resample-rational.json', 'resample-windows.json'].map(load);




function options(c: Case): ResampleOptions {
  return c.window === null ? {} : { window: c.window as ResampleOptions['window'] };
}

/** Feeds x in chunks, sizing each output with resampleOutputLength, then flushes. */
function runChunked<T extends Float32Array | Float64Array>(state: ResampleState, x: T, chunk: number, make: (n: number) => T): T {
  const parts: T[] = [];
  for (let i = 0; i < x.length; i += chunk) {
    const part = x.subarray(i, Math.min(x.length, i + chunk)) as T;
    const out = make(resampleOutputLength(state, part.length));
    expect(processResample(state, part, out)).toBe(out.length);
    parts.push(out);
  }
  const tail = make(resampleFlushLength(state));
  expect(flushResample(state, tail)).toBe(tail.length);
  parts.push(tail);
  const all = make(parts.reduce((n, p) => n + p.length, 0));
  let w = 0;
  for (const p of parts) {
    all.set(p, w);
    w += p.length;
  }
  return all;
}

describe('processResample', () => {
  it('matches scipy.signal.resample_poly to 1e-12 relative when given float64 input in chunks of 1000', () => {
    let count = 0;
    for (const f of fixtures) {
      for (const c of f.cases) {
        if (c.float32) continue;
        const x = Float64Array.from(f.input.slice(0, c.inputLength));
        const y = runChunked(createResampleState(c.up, c.down, options(c)), x, 1000, (n) => new Float64Array(n));
        expect(y.length).toBe(c.output.length);
        expect(y.length).toBe(Math.ceil((x.length * c.up) / c.down));
        expect(relError(y, c.output), JSON.stringify({ up: c.up, down: c.down, window: c.window })).toBeLessThan(1e-12);
        count++;
      }
    }
    expect(count).toBeGreaterThan(12);
  });

  it('writes float32 within 1e-5 relative of scipy (which resamples float32 in float32) when given float32 input', () => {
    const f = fixtures[2]!;
    const cases = f.cases.filter((c) => c.float32 === true);
    expect(cases.length).toBe(2);
    for (const c of cases) {
      const x = Float32Array.from(f.input.slice(0, c.inputLength));
      const y = runChunked(createResampleState(c.up, c.down), x, 100, (n) => new Float32Array(n));
      expect(y).toBeInstanceOf(Float32Array);
      expect(relError(y, c.output)).toBeLessThan(1e-5);
    }
  });

  it('gives the same output when 10 000 samples arrive in chunks of 1, 7, 128, 1000 or 10 000', () => {
    const input = noise(10_000, 42);
    for (const [up, down] of [[3, 2], [2, 3], [160, 147]] as const) {
      const whole = runChunked(createResampleState(up, down), input, 10_000, (n) => new Float64Array(n));
      expect(whole.length).toBe(Math.ceil((10_000 * up) / down));
      for (const chunk of [1, 7, 128, 1000]) {
        expect(runChunked(createResampleState(up, down), input, chunk, (n) => new Float64Array(n))).toEqual(whole);
      }
    }
  });

  it('throws a RangeError when the output array is too short', () => {
    const state = createResampleState(3, 2);
    const need = resampleOutputLength(state, 100);
    expect(need).toBeGreaterThan(0);
    expect(() => processResample(state, new Float64Array(100), new Float64Array(need - 1))).toThrow(RangeError);
    expect(processResample(state, new Float64Array(100), new Float64Array(need))).toBe(need);
  });
});

describe('flushResample', () => {
  it('resets the state so a second stream matches a fresh resampler', () => {
    const x = noise(500, 4);
    const state = createResampleState(2, 3);
    const first = runChunked(state, x, 64, (n) => new Float64Array(n));
    const second = runChunked(state, x, 64, (n) => new Float64Array(n));
    expect(second).toEqual(first);
  });
});

describe('resetResample', () => {
  it('discards a partial stream when called mid-stream', () => {
    const x = noise(300, 6);
    const state = createResampleState(5, 4);
    processResample(state, noise(50, 1), new Float64Array(resampleOutputLength(state, 50)));
    resetResample(state);
    expect(runChunked(state, x, 300, (n) => new Float64Array(n))).toEqual(
      runChunked(createResampleState(5, 4), x, 300, (n) => new Float64Array(n)),
    );
  });
});

describe('createResampleState', () => {
  it('reduces up/down by their gcd when they share a factor', () => {
    const s = createResampleState(4, 6);
    expect([s.up, s.down]).toEqual([2, 3]);
  });

  it('throws when up or down is not a positive integer or the taps are empty', () => {
    expect(() => createResampleState(0, 2)).toThrow(RangeError);
    expect(() => createResampleState(2, -1)).toThrow(RangeError);
    expect(() => createResampleState(1.5, 2)).toThrow(RangeError);
    expect(() => createResampleState(Number.NaN, 2)).toThrow(RangeError);
    expect(() => createResampleState(2, 3, { window: [] })).toThrow(RangeError);
    expect(() => createResampleState(2, 3, { window: [1, Number.NaN, 1] })).toThrow(TypeError);
  });
});

describe('createResampleState({ channels })', () => {
  it('resamples interleaved frames, each channel exactly as alone, flush included', () => {
    const channels = 3;
    const frames = 777;
    const x = Float64Array.from({ length: frames * channels }, (_, i) => Math.sin(i * 0.37) + (i % channels));
    const multi = createResampleState(5, 3, { channels });
    const out = new Float64Array(resampleOutputLength(multi, frames) * channels);
    expect(processResample(multi, x, out)).toBe(out.length / channels);
    const tail = new Float64Array(resampleFlushLength(multi) * channels);
    expect(flushResample(multi, tail)).toBe(tail.length / channels);
    for (let c = 0; c < channels; c++) {
      const alone = createResampleState(5, 3);
      const xc = Float64Array.from({ length: frames }, (_, f) => x[f * channels + c]!);
      const oc = new Float64Array(resampleOutputLength(alone, frames));
      processResample(alone, xc, oc);
      const tc = new Float64Array(resampleFlushLength(alone));
      flushResample(alone, tc);
      expect(Float64Array.from({ length: oc.length }, (_, f) => out[f * channels + c]!)).toEqual(oc);
      expect(Float64Array.from({ length: tc.length }, (_, f) => tail[f * channels + c]!)).toEqual(tc);
    }
  });

  it('rejects input that is not whole frames, before consuming anything, and bad channel counts', () => {
    const state = createResampleState(2, 1, { channels: 2 });
    expect(() => processResample(state, new Float64Array(3), new Float64Array(16))).toThrow(RangeError);
    expect(state.inputCount).toBe(0);
    expect(() => createResampleState(2, 1, { channels: 0 })).toThrow(RangeError);
  });
});
