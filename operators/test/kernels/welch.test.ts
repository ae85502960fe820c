// The Welch kernel alone (createWelchState / addWelchSegment / welchEstimate / resetWelch): the
// numbers against signal.welch exactly (signal.welch is this kernel over the segments), the rest
// by construction.
import { describe, expect, it } from 'vitest';
import { addWelchSegment, createWelchState, getWindow, resetWelch, welchEstimate, type WelchKernelOptions } from '@ringflow/operators/kernels';
import * as signal from '@ringflow/operators/signal';
import { noise } from '../helpers/chunking.js';

const base: WelchKernelOptions = {
  window: getWindow('hann', 64),
  noverlap: 32,
  nfft: 64,
  detrend: 'constant',
  scaling: 'density',
  fs: 100,
  onesided: true,
  average: 'mean',
};

function feed(state: ReturnType<typeof createWelchState>, x: Float64Array, step = 32): void {
  for (let at = 0; at + 64 <= x.length; at += step) addWelchSegment(state, x, at);
}

describe('createWelchState', () => {
  it('gives signal.welch over the segments added, for mean and median', () => {
    const x = noise(1000, 2);
    for (const average of ['mean', 'median'] as const) {
      const state = createWelchState({ ...base, average });
      feed(state, x);
      expect(state.segments).toBe(30);
      expect(Array.from(welchEstimate(state, new Float64Array(state.bins)))).toEqual(
        Array.from(signal.welch(x, { fs: 100, nperseg: 64, average }).Pxx),
      );
      expect(Array.from(state.frequencies)).toEqual(Array.from(signal.rfftfreq(64, 1 / 100)));
    }
  });

  it('writes NaN before the first segment and starts over after resetWelch', () => {
    const state = createWelchState(base);
    expect(welchEstimate(state, new Float64Array(state.bins)).every(Number.isNaN)).toBe(true);
    const x = noise(500, 3);
    feed(state, noise(500, 4));
    resetWelch(state);
    expect(state.segments).toBe(0);
    feed(state, x);
    expect(Array.from(welchEstimate(state, new Float64Array(state.bins)))).toEqual(Array.from(signal.welch(x, { fs: 100, nperseg: 64 }).Pxx));
  });

  it('gives a cross spectrum conj(X) Y whose conjugate is that of (y, x)', () => {
    const x = noise(640, 5);
    const y = noise(640, 6);
    const a = createWelchState({ ...base, cross: true });
    const b = createWelchState({ ...base, cross: true });
    for (let at = 0; at + 64 <= 640; at += 32) {
      addWelchSegment(a, x, at, null, y);
      addWelchSegment(b, y, at, null, x);
    }
    const [ar, ai, br, bi] = [new Float64Array(33), new Float64Array(33), new Float64Array(33), new Float64Array(33)];
    welchEstimate(a, ar, ai);
    welchEstimate(b, br, bi);
    for (let k = 0; k < 33; k++) {
      expect(ar[k]).toBeCloseTo(br[k]!, 15);
      expect(ai[k]).toBeCloseTo(-bi[k]!, 15);
    }
  });

  it('throws for a segment outside the signal, a missing y, a foreign state or a short output', () => {
    const state = createWelchState(base);
    expect(() => addWelchSegment(state, new Float64Array(100), 40)).toThrow(/^addWelchSegment: segment \[40, 104\) is outside the signal/);
    expect(() => addWelchSegment(createWelchState({ ...base, cross: true }), new Float64Array(64), 0)).toThrow(/needs the second signal y/);
    expect(() => welchEstimate({} as ReturnType<typeof createWelchState>, new Float64Array(33))).toThrow(TypeError);
    expect(() => welchEstimate(state, new Float64Array(10))).toThrow(/^welchEstimate: out has 10 elements, needs 33/);
  });
});
