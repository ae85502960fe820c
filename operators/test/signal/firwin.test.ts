// Tolerance: taps within 1e-13 of scipy.signal.firwin (same formula; summation order differs).
import { describe, expect, it } from 'vitest';
import { firwin } from '../../src/signal/firwin.js';
import { expectClose, signalFixture } from '../helpers/signal.js';

const fx = await signalFixture<{ cases: { numtaps: number; cutoff: number | number[]; options: Record<string, unknown>; taps: number[] }[] }>('firwin.json');

function camel(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k === 'pass_zero' ? 'passZero' : k, v]));
}

describe('firwin', () => {
  it('matches scipy.signal.firwin for width, windows, passZero names, scale and fs', () => {
    expect(fx.cases.length).toBeGreaterThanOrEqual(9);
    for (const c of fx.cases) expectClose(firwin(c.numtaps, c.cutoff, camel(c.options)), c.taps, 1e-13, JSON.stringify(c.options));
  });

  it('throws naming firwin for an even length that passes Nyquist, bad cutoffs and unknown options', () => {
    expect(() => firwin(32, 0.3, { passZero: false })).toThrow(/^firwin: .*odd numtaps/);
    expect(() => firwin(31, 1.2)).toThrow(/^firwin: invalid cutoff/);
    expect(() => firwin(31, [0.4, 0.2])).toThrow(/strictly increasing/);
    expect(() => firwin(31, 0.2, { pass_zero: false } as never)).toThrow(/unknown option 'pass_zero' \(did you mean passZero\?\)/);
    expect(() => firwin(31, 0.2, { width: -1 })).toThrow(RangeError);
  });
});
