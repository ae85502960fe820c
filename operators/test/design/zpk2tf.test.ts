// Tolerance: 1e-13 relative to max(1, |e|) (products of the roots).
import { describe, expect, it } from 'vitest';
import { zpk2tf } from '../../src/design/zpk2tf.js';
import { expectClose, signalFixture } from '../helpers/signal.js';

const fx = await signalFixture<{ zpk2sos: { z: [number, number][]; p: [number, number][]; k: number; tf: { b: number[]; a: number[] } }[] }>('conversions.json');

describe('zpk2tf', () => {
  it('matches scipy.signal.zpk2tf on SciPy\'s zpk2sos test systems', () => {
    for (const c of fx.zpk2sos) {
      const { b, a } = zpk2tf(c.z.map(([re, im]) => ({ re, im })), c.p.map(([re, im]) => ({ re, im })), c.k);
      expectClose(b, c.tf.b, 1e-13, 'b');
      expectClose(a, c.tf.a, 1e-13, 'a');
    }
  });

  it('throws a RangeError when the roots are not closed under conjugation', () => {
    expect(() => zpk2tf([{ re: 0, im: 1 }], [], 1)).toThrow(/^zpk2tf: .*conjugate/);
    expect(() => zpk2tf([], [], Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
