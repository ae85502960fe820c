// Tolerance: 1e-13 relative to max(1, |e|) (polynomial products).
import { describe, expect, it } from 'vitest';
import { sos2tf } from '../../src/design/sos2tf.js';
import { expectClose, signalFixture } from '../helpers/signal.js';

const fx = await signalFixture<{ sos: { sos: number[][]; b: number[]; a: number[] }[] }>('conversions.json');

describe('sos2tf', () => {
  it('matches scipy.signal.sos2tf for low-, band- and high-pass sections', () => {
    for (const c of fx.sos) {
      const { b, a } = sos2tf(c.sos);
      expectClose(b, c.b, 1e-13, 'b');
      expectClose(a, c.a, 1e-13, 'a');
    }
  });

  it('rejects an ndarray view whose shape does not fit its data', () => {
    expect(() => sos2tf({ data: new Float64Array(6), shape: [1e8, 6] })).toThrow(RangeError);
  });
});
