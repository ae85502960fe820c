// processStft against scipy.signal.stft(boundary=None, padded=False, detrend=False) frame by frame
// (fixtures_spectral.py). Tolerance: 1e-12 relative to the largest |bin| of the reference frame.
import { describe, expect, it } from 'vitest';
import { createFftPlan, createStftState, processStft, rfft } from '@ringflow/operators';
import { loadStftFixture, stftFixtureNames } from './stft-fixtures.js';

function relError(actual: ArrayLike<number>, expected: ArrayLike<number>, factor = 1): number {
  let err = 0;
  let scale = 1e-300;
  for (let i = 0; i < expected.length; i++) {
    err = Math.max(err, Math.abs(actual[i]! - factor * expected[i]!));
    scale = Math.max(scale, Math.abs(factor * expected[i]!));
  }
  return err / scale;
}

describe('createStftState', () => {
  it('resolves SciPy defaults when only size is given', () => {
    const s = createStftState({ size: 255 });
    expect(s).toMatchObject({ size: 255, hop: 128, fftSize: 255, bins: 128, scaling: 'none' });
    // periodic Hann: w[0] = 0, w[n/2] = 1 for even n
    const h = createStftState({ size: 8 }).window;
    expect(h[0]).toBe(0);
    expect(h[4]).toBeCloseTo(1, 15);
  });

  it('throws a RangeError when size, hop or fftSize is not a positive integer', () => {
    expect(() => createStftState({ size: 0 })).toThrow(RangeError);
    expect(() => createStftState({ size: 8.5 })).toThrow(RangeError);
    expect(() => createStftState({ size: 8, hop: 0 })).toThrow(RangeError);
    expect(() => createStftState({ size: 8, fftSize: 4 })).toThrow(RangeError);
    expect(() => createStftState({ size: 8, window: [1, 2, 3] })).toThrow(RangeError);
  });

  it('throws a TypeError when the scaling or window name is unknown', () => {
    expect(() => createStftState({ size: 8, scaling: 'psd' as never })).toThrow(TypeError);
    expect(() => createStftState({ size: 8, window: 'nope' as never })).toThrow(TypeError);
  });
});

describe('processStft', () => {
  it.each(stftFixtureNames)("matches scipy.signal.stft with scaling 'spectrum' when the case is %s", (name) => {
    const fx = loadStftFixture(name);
    const x = Float64Array.from(fx.x);
    const state = createStftState({
      size: fx.size,
      hop: fx.hop,
      window: fx.window,
      fftSize: fx.nfft,
      scaling: 'spectrum',
    });
    expect(fx.stftSpectrum.length).toBe(fx.frames);
    const out = new Float64Array(2 * state.bins);
    for (let f = 0; f < fx.frames; f++) {
      processStft(state, x.subarray(f * fx.hop, f * fx.hop + fx.size), out);
      expect(relError(out, fx.stftSpectrum[f]!), `frame ${f}`).toBeLessThan(1e-12);
    }
  });

  it.each(stftFixtureNames)("equals SciPy's result times sum(window) with scaling 'none' when the case is %s", (name) => {
    const fx = loadStftFixture(name);
    const x = Float64Array.from(fx.x);
    const state = createStftState({ size: fx.size, hop: fx.hop, window: fx.window, fftSize: fx.nfft });
    const out = new Float64Array(2 * state.bins);
    for (let f = 0; f < fx.frames; f++) {
      processStft(state, x.subarray(f * fx.hop, f * fx.hop + fx.size), out);
      expect(relError(out, fx.stftSpectrum[f]!, fx.windowSum), `frame ${f}`).toBeLessThan(1e-12);
    }
  });

  it('equals rfft of the windowed, zero-padded frame when given float32', () => {
    const state = createStftState({ size: 6, window: [1, 2, 3, 4, 5, 6], fftSize: 10 });
    const frame = Float32Array.of(0.5, -1, 2, 0.25, 3, -2);
    const out = processStft(state, frame, new Float32Array(2 * state.bins));
    const padded = new Float64Array(10);
    for (let i = 0; i < 6; i++) padded[i] = frame[i]! * (i + 1);
    const ref = rfft(createFftPlan(10), padded, new Float64Array(12));
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual(Array.from(ref, Math.fround));
  });

  it('throws a RangeError when the frame length differs from size or the spectrum is too short', () => {
    const state = createStftState({ size: 8 });
    expect(() => processStft(state, new Float64Array(7), new Float64Array(10))).toThrow(RangeError);
    expect(() => processStft(state, new Float64Array(8), new Float64Array(9))).toThrow(RangeError);
    expect(() => processStft(state, [0, 0, 0, 0, 0, 0, 0, 0] as never, new Float64Array(10))).toThrow(TypeError);
  });
});
