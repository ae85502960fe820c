import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { butter } from '../../src/design/butter.js';
import {
  createSosfiltState,
  primeSosfilt,
  processSosfilt,
  resetSosfilt,
  setSosfiltCoefficients,
  setSosfiltState,
  sosfiltState,
} from '../../src/kernels/sosfilt.js';
import { noise, relError } from '../helpers/chunking.js';
import { interleave } from '../helpers/multichannel-lanes.js';

interface Case {
  name: string;
  sos: number[][];
  output: number[];
  outputFloat32Input?: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/filters/sosfilt.json', import.meta.url), 'utf8'),
) as { input: number[]; cases: Case[] };



function runChunked(sos: number[][], x: Float64Array, chunk: number): Float64Array {
  const state = createSosfiltState(sos);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i += chunk) {
    const end = Math.min(x.length, i + chunk);
    processSosfilt(state, x.subarray(i, end), y.subarray(i, end));
  }
  return y;
}

describe('processSosfilt', () => {
  const x = Float64Array.from(fixture.input);

  it('matches scipy.signal.sosfilt to 1e-12 relative when filtering float64 input', () => {
    for (const c of fixture.cases) {
      const state = createSosfiltState(c.sos);
      const y = new Float64Array(x.length);
      expect(processSosfilt(state, x, y)).toBe(x.length);
      expect(relError(y, c.output), c.name).toBeLessThan(1e-12);
    }
  });

  it('writes float32 matching scipy to 1e-6 relative when given float32 input', () => {
    const c = fixture.cases.find((k) => k.outputFloat32Input !== undefined)!;
    const x32 = Float32Array.from(fixture.input);
    const y32 = new Float32Array(x32.length);
    processSosfilt(createSosfiltState(c.sos), x32, y32);
    expect(y32).toBeInstanceOf(Float32Array);
    expect(relError(y32, c.outputFloat32Input!)).toBeLessThan(1e-6);
  });

  it('gives the same output when 10 000 samples arrive in chunks of 1, 7, 128, 1000 or 10 000', () => {
    const sos = butter(6, [0.1, 0.3], { type: 'bandstop' });
    const input = noise(10_000, 42);
    const whole = runChunked(sos, input, 10_000);
    for (const chunk of [1, 7, 128, 1000]) {
      expect(runChunked(sos, input, chunk)).toEqual(whole);
    }
  });

  it('filters in place when output is the input array', () => {
    const c = fixture.cases[0]!;
    const y = Float64Array.from(fixture.input);
    processSosfilt(createSosfiltState(c.sos), y, y);
    expect(relError(y, c.output)).toBeLessThan(1e-12);
  });

  it('normalises a section when a0 is not 1', () => {
    const sos = butter(2, 0.2);
    const scaled = sos.map((row) => row.map((v) => v * 3));
    const input = noise(500, 1);
    expect(relError(runChunked(scaled, input, 500), runChunked(sos, input, 500))).toBeLessThan(1e-14);
  });

  it('throws a RangeError when the output array is too short', () => {
    const state = createSosfiltState(butter(2, 0.2));
    expect(() => processSosfilt(state, new Float64Array(10), new Float64Array(9))).toThrow(RangeError);
  });

  it('throws a TypeError when given a plain array', () => {
    const state = createSosfiltState(butter(2, 0.2));
    expect(() => processSosfilt(state, [1, 2] as unknown as Float64Array, new Float64Array(2))).toThrow(TypeError);
  });
});

describe('createSosfiltState', () => {
  it('throws when the sections are empty, malformed, NaN or have a0 = 0', () => {
    expect(() => createSosfiltState([])).toThrow(RangeError);
    expect(() => createSosfiltState([[1, 0, 0, 1, 0]])).toThrow(RangeError);
    expect(() => createSosfiltState([[1, Number.NaN, 0, 1, 0, 0]])).toThrow(TypeError);
    expect(() => createSosfiltState([[1, 0, 0, 0, 0, 0]])).toThrow(RangeError);
    expect(() => createSosfiltState(new Float64Array(7))).toThrow(/6 coefficients per section/);
    expect(() => createSosfiltState({ data: new Float64Array(12), shape: [2, 5] })).toThrow(/shape \[sections, 6\]/);
    expect(() => createSosfiltState(null as never)).toThrow(TypeError);
  });

  it('filters the same when the sections come flat (sos.ravel()) or as an [n, 6] ndarray', () => {
    const rows = butter(5, 0.25);
    const flat = Float64Array.from(rows.flat());
    // Column-major storage viewed through strides, as an ndarray of shape [n, 6] may be.
    const columnMajor = new Float64Array(flat.length);
    rows.forEach((row, r) => row.forEach((v, c) => (columnMajor[c * rows.length + r] = v)));
    const input = noise(500, 3);
    const filter = (sos: Parameters<typeof createSosfiltState>[0]): Float64Array => {
      const out = new Float64Array(500);
      processSosfilt(createSosfiltState(sos), input, out);
      return out;
    };
    const expected = filter(rows);
    expect(expected.some((v) => v !== 0)).toBe(true);
    expect(filter(flat)).toEqual(expected);
    expect(filter(Array.from(flat))).toEqual(expected);
    expect(filter({ data: columnMajor, shape: [rows.length, 6], stride: [1, rows.length], offset: 0 })).toEqual(expected);
    expect(filter(butter(5, 0.3))).not.toEqual(expected);
    expect(createSosfiltState(flat).sections).toBe(3);
  });
});

describe('resetSosfilt', () => {
  it('makes the state filter like a fresh one when called mid-stream', () => {
    const sos = butter(3, 0.3);
    const input = noise(300, 5);
    const state = createSosfiltState(sos);
    processSosfilt(state, noise(100, 9), new Float64Array(100));
    resetSosfilt(state);
    const y = new Float64Array(300);
    processSosfilt(state, input, y);
    expect(y).toEqual(runChunked(sos, input, 300));
  });
});

describe('setSosfiltCoefficients', () => {
  it('keeps the memory when the section count matches', () => {
    const a = butter(4, 0.2);
    const b = butter(4, 0.25);
    const input = noise(400, 3);
    const state = createSosfiltState(a);
    const y = new Float64Array(400);
    processSosfilt(state, input.subarray(0, 200), y.subarray(0, 200));
    const same = setSosfiltCoefficients(state, b);
    expect(same).toBe(state);
    processSosfilt(same, input.subarray(200), y.subarray(200));
    // reference: run the second half by hand with memory carried over
    const ref = createSosfiltState(a);
    const r = new Float64Array(400);
    processSosfilt(ref, input.subarray(0, 200), r.subarray(0, 200));
    const fresh = createSosfiltState(b);
    fresh.memory.set(ref.memory);
    processSosfilt(fresh, input.subarray(200), r.subarray(200));
    expect(y).toEqual(r);
    // and the memory really mattered: a reset at the switch differs
    const reset = createSosfiltState(b);
    const z = new Float64Array(200);
    processSosfilt(reset, input.subarray(200), z);
    expect(relError(z, y.subarray(200))).toBeGreaterThan(1e-3);
  });

  it('returns a new zeroed state when the section count changes', () => {
    const state = createSosfiltState(butter(4, 0.2));
    processSosfilt(state, noise(50, 2), new Float64Array(50));
    const next = setSosfiltCoefficients(state, butter(6, 0.2));
    expect(next).not.toBe(state);
    expect(next.sections).toBe(3);
    expect(Array.from(next.memory)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('processSosfilt with interleaved channels', () => {
  const sos = butter(6, [0.1, 0.3], { type: 'bandpass' });


  it('filters 2 and 5 channels exactly as each channel alone, in any chunking', () => {
    for (const channels of [2, 5]) {
      const lanes = Array.from({ length: channels }, (_, ch) => noise(1001, 40 + ch));
      const input = interleave(lanes);
      const alone = interleave(lanes.map((lane) => runChunked(sos, lane, 1001)));
      for (const frames of [1, 7, 128, 1001]) {
        const state = createSosfiltState(sos, { channels });
        const y = new Float64Array(input.length);
        for (let i = 0; i < input.length; i += frames * channels) {
          const end = Math.min(input.length, i + frames * channels);
          processSosfilt(state, input.subarray(i, end), y.subarray(i, end));
        }
        expect(relError(y, alone), `${channels} channels, ${frames} frames`).toBe(0);
      }
    }
  });

  it('throws a RangeError for a partial frame', () => {
    expect(() => processSosfilt(createSosfiltState(sos, { channels: 3 }), new Float64Array(4), new Float64Array(4))).toThrow(/3-channel frames/);
  });
});

describe('setSosfiltState / sosfiltState / primeSosfilt', () => {
  it('round-trips SciPy\'s [sections, 2, channels] layout', () => {
    const state = createSosfiltState(butter(4, 0.2), { channels: 3 });
    const zi = Array.from({ length: 2 }, (_, s) => Array.from({ length: 2 }, (_, j) => Array.from({ length: 3 }, (_, c) => 100 * s + 10 * j + c)));
    setSosfiltState(state, zi);
    expect(Array.from(sosfiltState(state))).toEqual(zi.flat(2));
    expect(state.memory[(2 * 2 + 0) * 2 + 1]).toBe(12); // channel 2 of 2 sections: section 0, delay 1
    expect(() => setSosfiltState(state, [[0, 0], [0, 0]])).toThrow(/zi must have shape \[2, 2, 3\]/);
  });

  it('primes each channel with the step steady state, so a constant passes unchanged through a lowpass', () => {
    const state = createSosfiltState(butter(4, 0.1), { channels: 2 });
    primeSosfilt(state, [3, -1]);
    const x = new Float64Array(64).map((_, i) => (i % 2 === 0 ? 3 : -1));
    const y = new Float64Array(64);
    processSosfilt(state, x, y);
    for (let i = 0; i < 64; i++) expect(y[i]).toBeCloseTo(x[i]!, 12);
    expect(() => primeSosfilt(state, [1])).toThrow(/2 values/);
  });
});

describe('createSosfiltState with ndarray input', () => {
  it('throws a RangeError, without allocating, when an ndarray shape lies about its data', () => {
    expect(() => createSosfiltState({ data: new Float64Array(6), shape: [1e8, 6] })).toThrow(/shape \[100000000, 6\] \(600000000 elements\) but its data holds 6/);
    expect(() => createSosfiltState({ data: new Float64Array(6), shape: [1, 6], stride: [6, 2] })).toThrow(/reaches outside/);
    expect(() => createSosfiltState({ data: new Float64Array(6), shape: [1, 6], offset: -1 })).toThrow(/offset/);
    expect(() => createSosfiltState({ data: new Float64Array(12), shape: [2, 6, 1] })).toThrow(/2 dimensions/);
  });
});
