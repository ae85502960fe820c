import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createDecimateState,
  decimateOutputLength,
  processDecimate,
  resetDecimate,
  type DecimateState,
} from '@ringflow/operators';
import { noise, relError } from '../helpers/chunking.js';

interface Case {
  q: number;
  ftype: 'iir' | 'fir';
  n: number | null;
  output: number[];
  outputFloat32: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/decimate.json', import.meta.url), 'utf8'),
) as { input: number[]; cases: Case[] };


function make(c: { q: number; ftype: 'iir' | 'fir'; n: number | null }): DecimateState {
  return createDecimateState(c.q, { ftype: c.ftype, ...(c.n === null ? {} : { n: c.n }) });
}

function runChunked<T extends Float32Array | Float64Array>(state: DecimateState, x: T, chunk: number, out: T): T {
  let w = 0;
  for (let i = 0; i < x.length; i += chunk) {
    const part = x.subarray(i, Math.min(x.length, i + chunk));
    const expected = decimateOutputLength(state, part.length);
    const written = processDecimate(state, part, out.subarray(w));
    expect(written).toBe(expected);
    w += written;
  }
  expect(w).toBe(out.length);
  return out;
}

describe('processDecimate', () => {
  const x = Float64Array.from(fixture.input);

  it('matches scipy.signal.decimate(zero_phase=False) to 1e-12 relative when given float64 input', () => {
    for (const c of fixture.cases) {
      const y = runChunked(make(c), x, x.length, new Float64Array(Math.ceil(x.length / c.q)));
      expect(relError(y, c.output), JSON.stringify({ q: c.q, ftype: c.ftype, n: c.n })).toBeLessThan(1e-12);
    }
  });

  it('writes float32 within 5e-5 relative of scipy (which filters float32 in float32) when given float32 input', () => {
    const x32 = Float32Array.from(fixture.input);
    for (const c of fixture.cases) {
      const y = runChunked(make(c), x32, 333, new Float32Array(Math.ceil(x.length / c.q)));
      expect(y).toBeInstanceOf(Float32Array);
      expect(relError(y, c.outputFloat32), JSON.stringify({ q: c.q, ftype: c.ftype })).toBeLessThan(5e-5);
    }
  });

  it('gives the same output when 10 000 samples arrive in chunks of 1, 7, 128, 1000 or 10 000', () => {
    const input = noise(10_000, 42);
    for (const opts of [{ q: 3, ftype: 'iir' as const, n: null }, { q: 4, ftype: 'fir' as const, n: null }]) {
      const whole = runChunked(make(opts), input, 10_000, new Float64Array(Math.ceil(10_000 / opts.q)));
      for (const chunk of [1, 7, 128, 1000]) {
        expect(runChunked(make(opts), input, chunk, new Float64Array(Math.ceil(10_000 / opts.q)))).toEqual(whole);
      }
    }
  });

  it('throws a RangeError when the output array is too short', () => {
    const state = createDecimateState(4);
    expect(() => processDecimate(state, new Float64Array(9), new Float64Array(2))).toThrow(RangeError);
  });
});

describe('createDecimateState', () => {
  it('throws when q or n is invalid', () => {
    expect(() => createDecimateState(0)).toThrow(RangeError);
    expect(() => createDecimateState(-2)).toThrow(RangeError);
    expect(() => createDecimateState(2.5)).toThrow(RangeError);
    expect(() => createDecimateState(1, { ftype: 'fir' })).toThrow(RangeError);
    expect(() => createDecimateState(2, { n: 0 })).toThrow(RangeError);
    expect(() => createDecimateState(2, { ftype: 'bessel' as 'iir' })).toThrow(TypeError);
  });
});

describe('decimateOutputLength', () => {
  it('counts the kept samples (indices 0, q, 2q, ...) when the phase advances', () => {
    const state = createDecimateState(3);
    expect(decimateOutputLength(state, 10)).toBe(4);
    processDecimate(state, new Float64Array(2), new Float64Array(1));
    // next kept index is 3: one sample away
    expect(decimateOutputLength(state, 1)).toBe(0);
    expect(decimateOutputLength(state, 2)).toBe(1);
    expect(decimateOutputLength(state, 4)).toBe(1);
    expect(decimateOutputLength(state, 5)).toBe(2);
  });
});

describe('resetDecimate', () => {
  it('makes the state behave like a fresh one when called mid-stream', () => {
    const input = noise(300, 8);
    const state = createDecimateState(2, { ftype: 'fir' });
    processDecimate(state, noise(5, 1), new Float64Array(3));
    resetDecimate(state);
    const a = runChunked(state, input, 300, new Float64Array(150));
    const b = runChunked(createDecimateState(2, { ftype: 'fir' }), input, 300, new Float64Array(150));
    expect(a).toEqual(b);
  });
});

describe('createDecimateState({ channels })', () => {
  for (const ftype of ['iir', 'fir'] as const) {
    it(`${ftype}: decimates interleaved frames, each channel exactly as alone`, () => {
      const channels = 4;
      const frames = 1001;
      const x = Float64Array.from({ length: frames * channels }, (_, i) => Math.cos(i * 0.11) * (1 + (i % channels)));
      const multi = createDecimateState(3, { ftype, channels });
      const out = new Float64Array(decimateOutputLength(multi, frames) * channels);
      // Two calls, split inside the decimation phase.
      const first = 2 * 200 * channels + channels;
      const n1 = processDecimate(multi, x.subarray(0, first), out);
      processDecimate(multi, x.subarray(first), out.subarray(n1 * channels));
      for (let c = 0; c < channels; c++) {
        const alone = createDecimateState(3, { ftype });
        const xc = Float64Array.from({ length: frames }, (_, f) => x[f * channels + c]!);
        const oc = new Float64Array(decimateOutputLength(alone, frames));
        processDecimate(alone, xc, oc);
        expect(Float64Array.from({ length: oc.length }, (_, f) => out[f * channels + c]!)).toEqual(oc);
      }
    });
  }

  it('rejects input that is not whole frames and bad channel counts; reset clears every channel', () => {
    const state = createDecimateState(2, { channels: 2 });
    expect(() => processDecimate(state, new Float64Array(3), new Float64Array(4))).toThrow(RangeError);
    expect(() => createDecimateState(2, { channels: 1.5 })).toThrow(RangeError);
    processDecimate(state, Float64Array.of(1, 2, 3, 4), new Float64Array(4));
    resetDecimate(state);
    expect(state.memory.every((v) => v === 0)).toBe(true);
  });
});
