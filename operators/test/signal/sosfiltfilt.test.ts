// Tolerance: 1e-10 relative to max(1, |expected|).
import { describe, expect, it } from 'vitest';
import { sosfiltfilt } from '../../src/signal/sosfiltfilt.js';
import { expectClose, rows, view } from '../helpers/signal.js';
import { zeroPhase } from '../helpers/zero-phase-fixture.js';

const x = Float64Array.from(zeroPhase.x);

describe('sosfiltfilt', () => {
  it('matches scipy.signal.sosfiltfilt for every padtype and padlen up to len(x) - 1, up to order 12', () => {
    for (const c of zeroPhase.sosfiltfilt) {
      for (const run of c.runs) {
        const y = sosfiltfilt(c.sos, x, { padtype: run.padtype, ...(run.padlen === null ? {} : { padlen: run.padlen }) });
        expectClose(y, run.y, 1e-10, `${c.name} ${run.padtype} ${run.padlen}`);
      }
    }
  });

  it('uses SciPy\'s default padlen 3 * (2 n + 1 - min(#b2 = 0, #a2 = 0)): the limit is one sample past it', () => {
    for (const c of zeroPhase.sosfiltfilt) {
      const edge = 3 * c.ntaps;
      expect(() => sosfiltfilt(c.sos, new Float64Array(edge))).toThrow(/^sosfiltfilt: the length of the input vector x/);
      expect(sosfiltfilt(c.sos, new Float64Array(edge + 1))).toHaveLength(edge + 1);
    }
  });

  it('filters each channel of [frames, channels] input along frames', () => {
    for (const c of zeroPhase.sosfiltfilt) expectClose(rows(sosfiltfilt(c.sos, view(zeroPhase.x2))).flat(), c.y2.flat(), 1e-10, c.name);
  });

  it('keeps float32 input as Float32Array', () => {
    const c = zeroPhase.sosfiltfilt[0]!;
    const y = sosfiltfilt(c.sos, Float32Array.from(x));
    expect(y).toBeInstanceOf(Float32Array);
    expectClose(y, c.runs[0]!.y, 1e-5, 'float32');
  });
});
