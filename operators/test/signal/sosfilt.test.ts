// Tolerance: 1e-12 relative to max(1, |expected|) (the same recursion in the same order as SciPy).
import { describe, expect, it } from 'vitest';
import { sosfilt } from '../../src/signal/sosfilt.js';
import { filtering } from '../helpers/filtering-fixture.js';
import { expectClose, rows, view } from '../helpers/signal.js';

const x = Float64Array.from(filtering.x);

describe('sosfilt', () => {
  it('matches scipy.signal.sosfilt up to a 20th-order Butterworth', () => {
    for (const c of filtering.sosfilt) expectClose(sosfilt(c.sos, x), c.y, 1e-12, c.name);
  });

  it('returns { y, zf } with zf of shape [n_sections][2] when given zi', () => {
    for (const c of filtering.sosfilt) {
      const zi = c.zi.map((r) => r.map((v) => v * x[0]!));
      const { y, zf } = sosfilt(c.sos, x, { zi });
      expectClose(y, c.yStep, 1e-12, `${c.name} y`);
      expectClose((zf as number[][]).flat(), c.zfStep.flat(), 1e-12, `${c.name} zf`);
    }
  });

  it('filters [frames, channels] along frames with zi of shape [n_sections, 2, channels]', () => {
    const x2 = view(filtering.x2);
    for (const c of filtering.sosfilt) {
      expectClose(rows(sosfilt(c.sos, x2)).flat(), c.y2.flat(), 1e-12, `${c.name} 2-D`);
      const r = sosfilt(c.sos, x2, { zi: c.zi2 });
      expectClose(rows(r.y).flat(), c.y2Step.flat(), 1e-12, `${c.name} 2-D zi`);
      expectClose((r.zf as number[][][]).flat(2), c.zf2Step.flat(2), 1e-12, `${c.name} 2-D zf`);
    }
  });

  it('accepts the sections as an [n, 6] ndarray and rejects one whose shape lies about its data', () => {
    const c = filtering.sosfilt[0]!;
    const nd = { data: Float64Array.from(c.sos.flat()), shape: [c.sos.length, 6] };
    expect(sosfilt(nd, x)).toEqual(sosfilt(c.sos, x));
    expect(() => sosfilt({ data: new Float64Array(6), shape: [1e8, 6] }, x)).toThrow(/^sosfilt: sos has shape \[100000000, 6\] \(600000000 elements\) but its data holds 6/);
    expect(() => sosfilt({ data: new Float64Array(12), shape: [2, 6], stride: [7, 1] }, x)).toThrow(/reaches outside/);
  });

  it('throws naming sosfilt for a zi of the wrong shape', () => {
    const c = filtering.sosfilt[0]!;
    expect(() => sosfilt(c.sos, x, { zi: [[0, 0]] })).toThrow(/^sosfilt: zi must have shape \[3, 2\]/);
  });
});
