// Tolerance: SOS rows within 1e-9 of scipy.signal.tf2sos (the roots come from an eigenvalue
// solver, see tf2zpk), relative to max(1, |e|); transfer functions with multiple roots (ill-
// conditioned, ~eps^(1/m)) are compared by their polynomial round trip instead.
import { describe, expect, it } from 'vitest';
import { sos2tf } from '../../src/design/sos2tf.js';
import { tf2sos } from '../../src/design/tf2sos.js';
import { expectClose, expectRowsClose, signalFixture } from '../helpers/signal.js';

const fx = await signalFixture<{ tf: { b: number[]; a: number[]; sos: number[][] | string }[] }>('conversions.json');

describe('tf2sos', () => {
  it('matches scipy.signal.tf2sos for well-conditioned transfer functions', () => {
    for (const c of fx.tf) {
      if (typeof c.sos === 'string') continue;
      const sos = tf2sos(c.b, c.a);
      if (c.b.length >= 7 || c.b.join() === '1,3,3,1') {
        // multiple zeros at -1: the polynomial round trip is what must hold
        // (an odd order comes back with an extra zero and pole at the origin: a trailing 0)
        const back = sos2tf(sos);
        expectClose(back.b.subarray(0, c.b.length), c.b, 1e-9, 'b round trip');
        expectClose(back.a.subarray(0, c.a.length), c.a, 1e-9, 'a round trip');
        for (const v of [...back.b.subarray(c.b.length), ...back.a.subarray(c.a.length)]) expect(Math.abs(v)).toBeLessThan(1e-12);
      } else {
        expectRowsClose(sos, c.sos, 1e-9, JSON.stringify(c.b));
      }
    }
  });

  it('passes pairing and analog to zpk2sos', () => {
    expect(tf2sos([1, 1], [1, 3, 2], { analog: true })).toHaveLength(1);
    expect(() => tf2sos([1, 1], [1, 3, 2], { analog: true, pairing: 'keep_odd' })).toThrow(/minimal/);
  });
});
