// Tolerance: 1e-10 relative to max(1, |expected|) (two passes of the same recursion plus the edge
// extension; the steady-state solve and the filtering run in float64 as in SciPy); Gustafsson's
// method 1e-9 (a least-squares solve by QR here, LAPACK's gelsd in SciPy).
import { describe, expect, it } from 'vitest';
import { filtfilt } from '../../src/signal/filtfilt.js';
import { expectClose, rows, view } from '../helpers/signal.js';
import { zeroPhase } from '../helpers/zero-phase-fixture.js';

const x = Float64Array.from(zeroPhase.x);
const short = Float64Array.from(zeroPhase.short);

describe('filtfilt', () => {
  it('matches scipy.signal.filtfilt for padtype odd, even, constant and null, and padlen 0, 7 and len(x) - 1', () => {
    for (const c of zeroPhase.filtfilt) {
      for (const run of c.runs) {
        const input = run.signal === 'short' ? short : x;
        const y = filtfilt(c.b, c.a, input, { padtype: run.padtype, ...(run.padlen === null ? {} : { padlen: run.padlen }) });
        expectClose(y, run.y, 1e-10, `${c.name} ${run.padtype} ${run.padlen}`);
      }
    }
  });

  it('matches scipy.signal.filtfilt(method="gust"), with and without irlen', () => {
    for (const c of zeroPhase.filtfilt) {
      expectClose(filtfilt(c.b, c.a, x, { method: 'gust' }), c.gust, 1e-9, `${c.name} gust`);
      expectClose(filtfilt(c.b, c.a, x, { method: 'gust', irlen: 40 }), c.gustIrlen, 1e-9, `${c.name} gust irlen`);
    }
  });

  it('filters each channel of [frames, channels] input along frames', () => {
    for (const c of zeroPhase.filtfilt) expectClose(rows(filtfilt(c.b, c.a, view(zeroPhase.x2))).flat(), c.y2.flat(), 1e-10, c.name);
  });

  it('throws a RangeError naming filtfilt when padlen reaches the signal length, as SciPy raises', () => {
    const c = zeroPhase.filtfilt[0]!;
    expect(() => filtfilt(c.b, c.a, short, { padlen: short.length })).toThrow(/^filtfilt: the length of the input vector x \(40\) must be greater than padlen, which is 40/);
    expect(() => filtfilt(c.b, c.a, new Float64Array(3 * c.ntaps))).toThrow(RangeError);
    expect(filtfilt(c.b, c.a, new Float64Array(3 * c.ntaps + 1))).toHaveLength(3 * c.ntaps + 1);
    expect(() => filtfilt(c.b, c.a, x, { padtype: 'reflect' as never })).toThrow(/padtype must be/);
    expect(() => filtfilt(c.b, c.a, x, { method: 'fast' as never })).toThrow(/method must be 'pad' or 'gust'/);
    expect(() => filtfilt([1], [1, -1], x)).toThrow(/^filtfilt/);
  });
});
