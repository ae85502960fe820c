// Tolerance: 1e-12 relative to max(1, |expected|) against scipy.signal.convolve(method='direct'),
// whichever method computes it (direct sums, or the overlap-save FFT within its rounding bound).
import { describe, expect, it } from 'vitest';
import { convolve } from '../../src/signal/convolve.js';
import { convolution, MODES } from '../helpers/convolution-fixture.js';
import { expectClose, rows, view } from '../helpers/signal.js';

describe('convolve', () => {
  it('matches scipy.signal.convolve in every mode with the auto, direct and fft methods, either argument longer', () => {
    for (const c of convolution.cases) {
      for (const mode of MODES) {
        for (const method of ['auto', 'direct', 'fft'] as const) {
          expectClose(convolve(c.in1, c.in2, { mode, method }), c[mode], 1e-12, `${c.in1.length}x${c.in2.length} ${mode} ${method}`);
        }
      }
    }
  });

  it('convolves each channel of [frames, channels] input along frames with a 1-D kernel', () => {
    const t = convolution.twoD;
    for (const mode of MODES) expectClose(rows(convolve(view(t.in1), t.in2, { mode })).flat(), t[mode].flat(), 1e-12, mode);
  });

  it('returns an empty array for an empty input, and keeps float32 for a Float32Array in1', () => {
    expect(convolve([], [1, 2])).toHaveLength(0);
    expect(convolve(Float32Array.of(1, 2), [1, 1])).toEqual(Float32Array.of(1, 3, 2));
  });

  it('throws naming convolve for a bad mode or method and for a 2-D kernel', () => {
    expect(() => convolve([1], [1], { mode: 'circular' as never })).toThrow(/^convolve: mode must be/);
    expect(() => convolve([1], [1], { method: 'ola' as never })).toThrow(/^convolve: method must be/);
    expect(() => convolve(view([[1, 2]]), view([[1, 2]]))).toThrow(/^convolve: in2 must be 1-D/);
  });
});
