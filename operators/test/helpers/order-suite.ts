// The SciPy comparison shared by the tests of buttord, cheb1ord, cheb2ord and ellipord.
import { expect, it } from 'vitest';
import type { FilterOrderResult } from '../../src/design/buttord.js';
import { signalFixture } from './signal.js';

interface OrderCase {
  fn: string;
  wp: number | number[];
  ws: number | number[];
  gpass: number;
  gstop: number;
  options: Record<string, unknown>;
  ord: number;
  wn: number[];
  scalar: boolean;
}

const fixture = await signalFixture<{ cases: OrderCase[] }>('order.json');

/** ord exactly, wn within 1e-8 relative (the band-stop edges come from a bounded search with xtol 1e-5). */
export function orderSuite(fn: string, select: (...args: unknown[]) => FilterOrderResult): void {
  const cases = fixture.cases.filter((c) => c.fn === fn);
  it(`matches scipy.signal.${fn} (order and natural frequency) for lowpass, highpass, bandpass, bandstop, fs and analog specs`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
    for (const c of cases) {
      const label = `${fn}(${JSON.stringify(c.wp)}, ${JSON.stringify(c.ws)}, ${c.gpass}, ${c.gstop}, ${JSON.stringify(c.options)})`;
      const r = select(c.wp, c.ws, c.gpass, c.gstop, c.options);
      expect(r.ord, label).toBe(c.ord);
      const wn = typeof r.wn === 'number' ? [r.wn] : Array.from(r.wn);
      expect(typeof r.wn === 'number', label).toBe(c.scalar);
      for (let i = 0; i < c.wn.length; i++) expect(Math.abs(wn[i]! - c.wn[i]!) / c.wn[i]!, label).toBeLessThan(1e-8);
      const [ord, w] = r;
      expect(ord).toBe(r.ord);
      expect(w).toBe(r.wn);
    }
  });

  it(`throws naming ${fn} for gains out of order or inconsistent edges`, () => {
    expect(() => select(0.2, 0.3, 40, 3)).toThrow(new RegExp(`^${fn}: gpass should be smaller than gstop`));
    expect(() => select(0.2, 0.3, 0, 40)).toThrow(RangeError);
    expect(() => select(0.2, [0.1, 0.3], 3, 40)).toThrow(RangeError);
    expect(() => select(1.2, 1.3, 3, 40)).toThrow(/below 1/);
    expect(() => select('0.2', 0.3, 3, 40)).toThrow(TypeError);
    expect(() => select(0.2, 0.3, 3, 40, { analog: true, fs: 10 })).toThrow(/fs cannot be given/);
  });
}
