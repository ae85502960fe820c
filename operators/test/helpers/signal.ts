// Helpers of the ./signal tests: SciPy fixtures under test/fixtures/signal, closeness with a
// stated tolerance, complex values compared as sorted sets, 2-D results as rows.
import { expect } from 'vitest';
import { fixture } from './chunking.js';

export { fixture };

/** Reads a fixture of the filter half of ./signal. */
export function signalFixture<J>(name: string): Promise<J> {
  return fixture<J>(`signal/${name}`);
}

/** max |a - e| / max(1, |e|) over all elements (lengths must match). */
export function maxRelError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let err = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const d = Math.abs(actual[i]! - e) / Math.max(1, Math.abs(e));
    if (!(d <= err)) err = Number.isNaN(d) ? Infinity : d;
  }
  return err;
}

/** Asserts element-wise closeness: |a - e| <= tol * max(1, |e|). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, label = ''): void {
  const err = maxRelError(actual, expected);
  expect(err, `${label}: max error ${err}`).toBeLessThanOrEqual(tol);
}

/** Asserts SOS rows close, row for row. */
export function expectRowsClose(actual: readonly ArrayLike<number>[], expected: readonly ArrayLike<number>[], tol: number, label = ''): void {
  expect(actual.length, `${label}: rows`).toBe(expected.length);
  for (let r = 0; r < expected.length; r++) expectClose(actual[r]!, expected[r]!, tol, `${label} row ${r}`);
}

/** `{ re, im }` arrays as [re, im] pairs sorted as the fixtures are (real part, then imaginary). */
export function sortedPairs(v: { re: ArrayLike<number>; im: ArrayLike<number> }): [number, number][] {
  const out: [number, number][] = Array.from({ length: v.re.length }, (_, i) => [v.re[i]!, v.im[i]!]);
  const key = (x: number): number => Math.round(x * 1e9) / 1e9;
  return out.sort((a, b) => key(a[0]) - key(b[0]) || key(a[1]) - key(b[1]));
}

/**
 * Asserts two sets of complex values equal within `tol` relative to max(1, |e|): each expected value
 * is matched to a distinct nearest actual value (so the order does not matter).
 */
export function expectComplexSetClose(actual: { re: ArrayLike<number>; im: ArrayLike<number> }, expected: readonly (readonly [number, number] | number[])[], tol: number, label = ''): void {
  expect(actual.re.length, `${label}: count`).toBe(expected.length);
  const used = new Array<boolean>(actual.re.length).fill(false);
  for (const [re, im] of expected as [number, number][]) {
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < actual.re.length; i++) {
      if (used[i]) continue;
      const d = Math.hypot(actual.re[i]! - re, actual.im[i]! - im);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    used[best] = true;
    const rel = bestD / Math.max(1, Math.hypot(re, im));
    expect(rel, `${label}: ${re} + ${im}j matched within ${rel}`).toBeLessThanOrEqual(tol);
  }
}

/** A `[frames, channels]` result (or any ndarray-like) as nested rows. */
export function rows(x: { data: ArrayLike<number>; shape: readonly number[]; stride?: readonly number[]; offset?: number }): number[][] {
  const [frames, channels] = x.shape as [number, number];
  const [s0, s1] = (x.stride ?? [channels, 1]) as [number, number];
  const off = x.offset ?? 0;
  return Array.from({ length: frames }, (_, f) => Array.from({ length: channels }, (_, c) => x.data[off + f * s0 + c * s1]!));
}

/** Nested rows as a contiguous `[frames, channels]` view. */
export function view(r: readonly (readonly number[])[], Type: Float32ArrayConstructor | Float64ArrayConstructor = Float64Array): { data: Float32Array | Float64Array; shape: [number, number]; stride: [number, number]; offset: number } {
  const channels = r[0]!.length;
  return { data: Type.from(r.flat()), shape: [r.length, channels], stride: [channels, 1], offset: 0 };
}

/** |H(e^{jw})| of second-order sections at `w` radians per sample. */
export function sosGain(sos: readonly (readonly number[])[], w: number): number {
  let mag = 1;
  for (const [b0, b1, b2, a0, a1, a2] of sos as [number, number, number, number, number, number][]) {
    const num = Math.hypot(b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w), b1 * Math.sin(w) + b2 * Math.sin(2 * w));
    const den = Math.hypot(a0 + a1 * Math.cos(w) + a2 * Math.cos(2 * w), a1 * Math.sin(w) + a2 * Math.sin(2 * w));
    mag *= num / den;
  }
  return mag;
}
