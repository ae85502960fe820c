// processIstft / flushIstft against scipy.signal.istft(boundary=False) (fixtures_spectral.py), and
// perfect reconstruction of an unmodified STFT. Tolerances: 1e-12 relative to the largest |sample|
// against SciPy; 1e-9 absolute for reconstruction of O(1) float64 signals (observed ~1e-15).
import { describe, expect, it } from 'vitest';
import { createFftPlan, createIstftState, createStftState, flushIstft, irfft, type IstftState, processIstft, processStft, resetIstft, type StftOptions } from '@ringflow/operators';
import { loadStftFixture, stftFixtureNames } from './stft-fixtures.js';

/** Runs the streaming ISTFT over frames (spectra), then flushes: returns all output samples. */
function runIstft(state: IstftState, frames: readonly Float64Array[]): Float64Array {
  const { hop, size } = state;
  const out = new Float64Array(frames.length * hop + Math.max(size - hop, 0));
  const chunk = new Float64Array(hop);
  frames.forEach((spectrum, f) => {
    processIstft(state, spectrum, chunk);
    out.set(chunk, f * hop);
  });
  const tail = new Float64Array(Math.max(size - hop, 0));
  expect(flushIstft(state, tail)).toBe(tail.length);
  out.set(tail, frames.length * hop);
  return out;
}

/** Frames of `x` (size, hop), through processStft. */
function stftFrames(options: StftOptions & { hop: number }, x: Float64Array): Float64Array[] {
  const state = createStftState(options);
  const frames: Float64Array[] = [];
  for (let start = 0; start + options.size <= x.length; start += options.hop) {
    frames.push(processStft(state, x.subarray(start, start + options.size), new Float64Array(2 * state.bins)));
  }
  return frames;
}

function noise(n: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let err = 0;
  let scale = 1e-300;
  for (let i = 0; i < expected.length; i++) {
    err = Math.max(err, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return err / scale;
}

describe('processIstft', () => {
  it.each(stftFixtureNames)('matches scipy.signal.istft of a random spectrogram when the case is %s', (name) => {
    const fx = loadStftFixture(name);
    const options = { size: fx.size, hop: fx.hop, window: fx.window, fftSize: fx.nfft };
    const spectrum = runIstft(
      createIstftState({ ...options, scaling: 'spectrum' }),
      fx.random.map((f) => Float64Array.from(f)),
    );
    expect(relError(spectrum, fx.istftOfRandom)).toBeLessThan(1e-12);
    // scaling 'none' with spectra multiplied by sum(window) gives the same signal.
    const none = runIstft(
      createIstftState(options),
      fx.random.map((f) => Float64Array.from(f, (v) => v * fx.windowSum)),
    );
    expect(relError(none, fx.istftOfRandom)).toBeLessThan(1e-12);
  });

  it.each(stftFixtureNames)('matches scipy.signal.istft of scipy.signal.stft when the case is %s', (name) => {
    const fx = loadStftFixture(name);
    const options = { size: fx.size, hop: fx.hop, window: fx.window, fftSize: fx.nfft, scaling: 'spectrum' } as const;
    const out = runIstft(
      createIstftState(options),
      fx.stftSpectrum.map((f) => Float64Array.from(f)),
    );
    expect(relError(out, fx.istftOfStft)).toBeLessThan(1e-12);
  });

  it.each([
    [256, 128],
    [256, 64],
    [512, 128],
    [64, 16],
  ])('reconstructs the input after stft when the window is periodic hann, size %i, hop %i', (size, hop) => {
    const x = noise(4096, size + hop);
    const frames = stftFrames({ size, hop, window: 'hann' }, x);
    const out = runIstft(createIstftState({ size, hop, window: 'hann' }), frames);
    const covered = (frames.length - 1) * hop + size;
    expect(out.length).toBe(covered);
    // Sample 0 is where the periodic Hann window is 0: no frame contributes, the output is 0.
    expect(out[0]).toBe(0);
    let err = 0;
    for (let t = 1; t < covered; t++) err = Math.max(err, Math.abs(out[t]! - x[t]!));
    expect(err).toBeLessThan(1e-9);
  });

  it('emits samples [f*hop, (f+1)*hop) on the f-th call, so streaming matches the batch result', () => {
    const size = 32;
    const hop = 8;
    const x = noise(200, 3);
    const frames = stftFrames({ size, hop, window: 'hamming' }, x);
    const state = createIstftState({ size, hop, window: 'hamming' });
    const chunk = new Float64Array(hop);
    processIstft(state, frames[0]!, chunk);
    // Only frame 0 covers samples 0..7: x * w^2 / w^2 = x.
    for (let t = 0; t < hop; t++) expect(Math.abs(chunk[t]! - x[t]!)).toBeLessThan(1e-12);
    processIstft(state, frames[1]!, chunk);
    for (let t = 0; t < hop; t++) expect(Math.abs(chunk[t]! - x[hop + t]!)).toBeLessThan(1e-12);
  });

  it('fills gaps with zeros and reconstructs covered samples when hop > size', () => {
    const size = 16;
    const hop = 24;
    const x = noise(24 * 10 + 16, 11);
    const frames = stftFrames({ size, hop, window: 'hamming' }, x);
    const state = createIstftState({ size, hop, window: 'hamming' });
    expect(flushIstft(createIstftState({ size, hop }), new Float64Array(0))).toBe(0);
    const out = runIstft(state, frames);
    expect(out.length).toBe(frames.length * hop);
    for (let t = 0; t < out.length; t++) {
      const expected = t % hop < size ? x[t]! : 0;
      expect(Math.abs(out[t]! - expected), `t = ${t}`).toBeLessThan(1e-12);
    }
  });

  it('writes float32 when the output is float32', () => {
    const state = createIstftState({ size: 8, hop: 4, window: 'boxcar' });
    const spectrum = new Float64Array(10);
    spectrum[0] = 8; // DC: a constant 1
    const out = processIstft(state, spectrum, new Float32Array(4));
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([1, 1, 1, 1]);
    const ref = irfft(createFftPlan(8), spectrum, new Float64Array(8));
    expect(ref[0]).toBe(1);
  });

  it('throws a RangeError when the spectrum has the wrong length or output is shorter than hop', () => {
    const state = createIstftState({ size: 8, hop: 4 });
    expect(() => processIstft(state, new Float64Array(8), new Float64Array(4))).toThrow(RangeError);
    expect(() => processIstft(state, new Float64Array(10), new Float64Array(3))).toThrow(/hop = 4/);
    expect(() => flushIstft(state, new Float64Array(3))).toThrow(RangeError);
    expect(() => processIstft({} as IstftState, new Float64Array(10), new Float64Array(4))).toThrow(TypeError);
  });
});

describe('resetIstft', () => {
  it('starts a new stream when called between streams', () => {
    const size = 16;
    const hop = 4;
    const frames = stftFrames({ size, hop }, noise(64, 5));
    const state = createIstftState({ size, hop });
    const first = runIstft(state, frames.slice(0, 3));
    processIstft(state, frames[5]!, new Float64Array(hop));
    resetIstft(state);
    const again = runIstft(state, frames.slice(0, 3));
    expect(Array.from(again)).toEqual(Array.from(first));
  });
});
