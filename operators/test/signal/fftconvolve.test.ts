// Tolerance: 1e-12 relative to max(1, |expected|) against scipy.signal.fftconvolve.
import { describe, expect, it } from 'vitest';
import { fftconvolve } from '../../src/signal/fftconvolve.js';
import { convolution, MODES } from '../helpers/convolution-fixture.js';
import { expectClose, rows, view } from '../helpers/signal.js';

describe('fftconvolve', () => {
  it('matches scipy.signal.fftconvolve in every mode', () => {
    for (const c of convolution.cases) for (const mode of MODES) expectClose(fftconvolve(c.in1, c.in2, { mode }), c[`fft-${mode}`], 1e-12, `${mode}`);
  });

  it('convolves [frames, channels] input along frames', () => {
    const t = convolution.twoD;
    expectClose(rows(fftconvolve(view(t.in1), t.in2, { mode: 'same' })).flat(), t.same.flat(), 1e-12, 'same');
  });

  it('accepts no method option (it is always FFT)', () => {
    expect(() => fftconvolve([1], [1], { method: 'direct' } as never)).toThrow(/unknown option 'method'/);
  });
});
