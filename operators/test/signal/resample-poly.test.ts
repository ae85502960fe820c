// Tolerance: 1e-12 relative to max(1, |expected|) (the streaming resample kernel, whole stream
// including the tail; padtypes other than zeros extend the signal as upfirdn does).
import { describe, expect, it } from 'vitest';
import { resamplePoly } from '../../src/signal/resample-poly.js';
import { expectClose, rows, signalFixture, view } from '../helpers/signal.js';

const fx = await signalFixture<{ x: number[]; resamplePoly: { up: number; down: number; options: Record<string, unknown>; y: number[] }[]; twoD: { x2: number[][]; y2: number[][] } }>('resampling.json');
const x = Float64Array.from(fx.x);

describe('resamplePoly', () => {
  it('matches scipy.signal.resample_poly for rational factors, windows, explicit taps and every padtype', () => {
    expect(fx.resamplePoly.length).toBeGreaterThanOrEqual(20);
    for (const c of fx.resamplePoly) {
      const y = resamplePoly(x, c.up, c.down, c.options as never);
      expectClose(y, c.y, 1e-12, `${c.up}/${c.down} ${JSON.stringify(c.options).slice(0, 60)}`);
    }
  });

  it('resamples [frames, channels] along frames (SciPy\'s default axis 0)', () => {
    expectClose(rows(resamplePoly(view(fx.twoD.x2), 2, 3)).flat(), fx.twoD.y2.flat(), 1e-12, '2-D');
  });

  it('throws naming resamplePoly for bad factors, padtypes and cval without constant padding', () => {
    expect(() => resamplePoly(x, 0, 2)).toThrow(/^resamplePoly: up must be a positive integer/);
    expect(() => resamplePoly(x, 1, 2, { padtype: 'zeros' as never })).toThrow(/^resamplePoly: padtype must be one of/);
    expect(() => resamplePoly(x, 1, 2, { padtype: 'mean', cval: 1 })).toThrow(/cval has no effect/);
  });
});
