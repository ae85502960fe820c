import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firwin } from '../../src/design/firwin.js';
import { createFirState, processFir, resetFir, setFirTaps, type FirMethod } from '../../src/kernels/fir.js';
import { noise, relError } from '../helpers/chunking.js';
import { interleave } from '../helpers/multichannel-lanes.js';

interface Case {
  name: string;
  taps: number[];
  output: number[];
  outputFloat32Input?: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/fir.json', import.meta.url), 'utf8'),
) as { input: number[]; cases: Case[] };


function runChunked(taps: ArrayLike<number>, x: Float64Array, chunk: number, method: FirMethod = 'auto'): Float64Array {
  const state = createFirState(taps, { method });
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i += chunk) {
    const end = Math.min(x.length, i + chunk);
    processFir(state, x.subarray(i, end), y.subarray(i, end));
  }
  return y;
}

describe('processFir', () => {
  const x = Float64Array.from(fixture.input);

  it('matches scipy.signal.lfilter(taps, 1, x) to 1e-12 relative when filtering float64 input', () => {
    for (const c of fixture.cases) {
      const y = new Float64Array(x.length);
      expect(processFir(createFirState(c.taps), x, y)).toBe(x.length);
      expect(relError(y, c.output), c.name).toBeLessThan(1e-12);
    }
  });

  it('writes float32 matching scipy to 1e-6 relative when given float32 input', () => {
    const c = fixture.cases.find((k) => k.outputFloat32Input !== undefined)!;
    const x32 = Float32Array.from(fixture.input);
    const y32 = new Float32Array(x32.length);
    processFir(createFirState(c.taps), x32, y32);
    expect(y32).toBeInstanceOf(Float32Array);
    expect(relError(y32, c.outputFloat32Input!)).toBeLessThan(1e-6);
  });

  it('returns the taps as its impulse response when fed a unit impulse', () => {
    const taps = noise(37, 11);
    const impulse = new Float64Array(50);
    impulse[0] = 1;
    const y = runChunked(taps, impulse, 3);
    expect(Array.from(y.subarray(0, 37))).toEqual(Array.from(taps));
    expect(Array.from(y.subarray(37))).toEqual(new Array(13).fill(0));
  });

  it('gives bit-identical output when 10 000 samples arrive in chunks of 1, 7, 128, 1000 or 10 000 with the direct method', () => {
    const taps = firwin(101, 0.2);
    const input = noise(10_000, 42);
    const whole = runChunked(taps, input, 10_000, 'direct');
    for (const chunk of [1, 7, 128, 1000]) expect(relError(runChunked(taps, input, chunk, 'direct'), whole)).toBe(0);
  });

  it('gives the same output within 1e-13 whatever the chunking with the auto and fft methods', () => {
    const taps = firwin(101, 0.2);
    const input = noise(10_000, 42);
    const whole = runChunked(taps, input, 10_000, 'direct');
    for (const method of ['auto', 'fft'] as const) {
      for (const chunk of [1, 7, 128, 1000, 10_000]) expect(relError(runChunked(taps, input, chunk, method), whole), `${method} ${chunk}`).toBeLessThan(1e-13);
    }
  });

  it('throws a RangeError when the output array is too short', () => {
    expect(() => processFir(createFirState([1, 2]), new Float32Array(8), new Float32Array(7))).toThrow(RangeError);
  });
});

describe('createFirState', () => {
  it('throws when the taps are empty or not finite', () => {
    expect(() => createFirState([])).toThrow(RangeError);
    expect(() => createFirState([1, Number.NaN])).toThrow(TypeError);
    expect(() => createFirState([Infinity])).toThrow(TypeError);
  });
});

describe('resetFir', () => {
  it('clears the delay line when called mid-stream', () => {
    const taps = [0.5, 0.25, 0.125];
    const state = createFirState(taps);
    processFir(state, new Float64Array([1, 1, 1]), new Float64Array(3));
    resetFir(state);
    const y = new Float64Array(3);
    processFir(state, new Float64Array([1, 0, 0]), y);
    expect(Array.from(y)).toEqual(taps);
  });
});

describe('setFirTaps', () => {
  it('keeps the history when the tap count matches and starts fresh otherwise', () => {
    const state = createFirState([1, 0, 0]);
    processFir(state, new Float64Array([3, 5]), new Float64Array(2));
    expect(setFirTaps(state, [0, 1, 1])).toBe(state);
    const y = new Float64Array(1);
    processFir(state, new Float64Array([7]), y);
    expect(y[0]).toBe(5 + 3);
    const other = setFirTaps(state, [0, 1]);
    expect(other).not.toBe(state);
    processFir(other, new Float64Array([7]), y);
    expect(y[0]).toBe(0);
  });
});

describe('processFir with interleaved channels', () => {

  function runFrames(taps: ArrayLike<number>, input: Float64Array, channels: number, frames: number, method: FirMethod): Float64Array {
    const state = createFirState(taps, { channels, method });
    const y = new Float64Array(input.length);
    for (let i = 0; i < input.length; i += frames * channels) {
      const end = Math.min(input.length, i + frames * channels);
      processFir(state, input.subarray(i, end), y.subarray(i, end));
    }
    return y;
  }

  it('filters 2 and 5 channels exactly as each channel alone with every method', () => {
    for (const method of ['direct', 'fft', 'auto'] as const) {
      for (const channels of [2, 5]) {
        const taps = firwin(257, 0.2);
        const lanes = Array.from({ length: channels }, (_, ch) => noise(3000, 60 + ch));
        const together = runFrames(taps, interleave(lanes), channels, 1000, method);
        const alone = interleave(lanes.map((lane) => runFrames(taps, lane, 1, 1000, method)));
        expect(relError(together, alone), `${method} ${channels}`).toBe(0);
      }
    }
  });

  it('filters in place on the FFT path without reading outputs back as input', () => {
    const taps = firwin(301, 0.3);
    const x = noise(5000, 8);
    const reference = runFrames(taps, x, 1, 5000, 'direct');
    const block = Float64Array.from(x);
    const state = createFirState(taps, { method: 'fft' });
    for (let i = 0; i < block.length; i += 1200) processFir(state, block.subarray(i, Math.min(block.length, i + 1200)), block.subarray(i, Math.min(block.length, i + 1200)));
    expect(relError(block, reference)).toBeLessThan(1e-13);
  });

  it('keeps one FFT block per chunk length, so steady chunk lengths allocate nothing after the first call', () => {
    const state = createFirState(firwin(2047, 0.1), { method: 'fft' });
    const x = noise(8192, 9);
    const y = new Float64Array(8192);
    processFir(state, x, y);
    const first = state.blocks[0];
    for (let i = 0; i < 5; i++) processFir(state, x, y);
    expect(state.blocks).toHaveLength(1);
    expect(state.blocks[0]).toBe(first);
  });

  it('throws a TypeError for an unknown method', () => {
    expect(() => createFirState([1, 2], { method: 'ola' as never })).toThrow(/method must be 'auto', 'direct' or 'fft'/);
  });
});
