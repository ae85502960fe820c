// Tolerance: 1e-12 relative to max(1, |expected|) against scipy.signal.oaconvolve.
import { describe, it } from 'vitest';
import { oaconvolve } from '../../src/signal/oaconvolve.js';
import { convolution, MODES } from '../helpers/convolution-fixture.js';
import { expectClose, rows, view } from '../helpers/signal.js';

describe('oaconvolve', () => {
  it('matches scipy.signal.oaconvolve in every mode', () => {
    for (const c of convolution.cases) for (const mode of MODES) expectClose(oaconvolve(c.in1, c.in2, { mode }), c[`oa-${mode}`], 1e-12, `${mode}`);
  });

  it('convolves [frames, channels] input along frames', () => {
    const t = convolution.twoD;
    expectClose(rows(oaconvolve(view(t.in1), t.in2, { mode: 'valid' })).flat(), t.valid.flat(), 1e-12, 'valid');
  });
});
