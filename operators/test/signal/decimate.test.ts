// Tolerance: 1e-10 relative to max(1, |expected|) (zero phase: two IIR passes with edge padding, or
// the polyphase FIR), 1e-12 for the causal paths.
import { describe, expect, it } from 'vitest';
import { decimate } from '../../src/signal/decimate.js';
import { expectClose, rows, signalFixture, view } from '../helpers/signal.js';

const fx = await signalFixture<{ decimateX: number[]; decimate: { q: number; options: Record<string, unknown>; y: number[] }[]; decimate2D: { x2: number[][]; y2: number[][] } }>('resampling.json');
const x = Float64Array.from(fx.decimateX);

describe('decimate', () => {
  it('matches scipy.signal.decimate for iir and fir, zero phase (the default) and causal, with n given', () => {
    for (const c of fx.decimate) {
      const y = decimate(x, c.q, c.options as never);
      expect(y.length).toBe(Math.ceil(x.length / c.q));
      expectClose(y, c.y, 1e-10, JSON.stringify(c));
    }
  });

  it('decimates [frames, channels] along frames', () => {
    expectClose(rows(decimate(view(fx.decimate2D.x2), 3)).flat(), fx.decimate2D.y2.flat(), 1e-10, '2-D');
  });

  it('throws naming decimate for a bad factor or ftype', () => {
    expect(() => decimate(x, 0)).toThrow(/^decimate: q must be a positive integer/);
    expect(() => decimate(x, 1, { ftype: 'fir' })).toThrow(/^decimate: q must be >= 2/);
    expect(() => decimate(x, 2, { ftype: 'cheby' as never })).toThrow(/^decimate: ftype must be/);
    expect(() => decimate(x, 2, { zero_phase: false } as never)).toThrow(/did you mean zeroPhase/);
  });
});
