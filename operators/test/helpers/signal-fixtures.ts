// Loaders and comparisons for the reference vectors of operators/scripts/fixtures_signal_spectral.py
// (scipy.signal 1.10 through Debian's python3-scipy). Arrays there are flat in C order with a
// shape; complex arrays {re, im, shape}; inputs are plain arrays, {data, shape} ([frames, channels],
// computed with axis=0) or {re, im} of those.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface Real {
  data: number[];
  shape: number[];
}
export interface ComplexJson {
  re: number[];
  im: number[];
  shape: number[];
}
export type InputJson = number[] | { data: number[]; shape: number[] } | { re: InputJson; im: InputJson };

/** Reads operators/test/fixtures/signal/<name>. */
export function signalFixture<J>(name: string): J {
  return JSON.parse(readFileSync(new URL(`../fixtures/signal/${name}`, import.meta.url), 'utf8')) as J;
}

/**
 * A ringflow input from its JSON form: Float64Array, [frames, channels] view, or { re, im }. Typed
 * as the 1-D form for the overloads (the fixtures hold every kind; the runtime reads each).
 */
export function input(v: InputJson): Float64Array {
  if (Array.isArray(v)) return Float64Array.from(v);
  if ('re' in v) return { re: input(v.re), im: input(v.im) } as unknown as Float64Array;
  const [rows, cols] = v.shape as [number, number];
  return { data: Float64Array.from(v.data), shape: [rows, cols], stride: [cols, 1], offset: 0 } as unknown as Float64Array;
}

/** A [frames, channels] view from its JSON form. */
export function input2d(v: InputJson): { data: Float64Array; shape: [number, number]; stride: [number, number]; offset: 0 } {
  const x = v as { data: number[]; shape: number[] };
  const [rows, cols] = x.shape as [number, number];
  return { data: Float64Array.from(x.data), shape: [rows, cols], stride: [cols, 1], offset: 0 };
}

function dataOf(v: unknown): ArrayLike<number> {
  if (ArrayBuffer.isView(v)) return v as unknown as ArrayLike<number>;
  if (v !== null && typeof v === 'object' && 'data' in v) return (v as { data: ArrayLike<number> }).data;
  throw new Error(`not an array result: ${String(v)}`);
}

function shapeOf(v: unknown): number[] {
  if (ArrayBuffer.isView(v)) return [(v as unknown as ArrayLike<number>).length];
  return [...(v as { shape: number[] }).shape];
}

/** max |a - e| over the arrays, NaN/Infinity matching exactly; throws with the worst index. */
function worst(actual: ArrayLike<number>, expected: ArrayLike<number>): { err: number; at: number } {
  let err = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || !Number.isFinite(e)) {
      if (!Object.is(a, e) && !(Number.isNaN(a) && Number.isNaN(e))) return { err: Infinity, at: i };
      continue;
    }
    const d = Math.abs(a - e);
    if (!(d <= err)) {
      err = Number.isNaN(d) ? Infinity : d;
      at = i;
    }
  }
  return { err, at };
}

/** The largest finite magnitude in the arrays. */
export function peak(...arrays: ArrayLike<number>[]): number {
  let s = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!)) s = Math.max(s, Math.abs(a[i]!));
  return s;
}

/**
 * Asserts a real result (Float64Array or ndarray) equals SciPy's within `tol` relative to the
 * reference's peak magnitude (or to `scale` when given, e.g. the input's peak for a result that is
 * all rounding noise; absolute `tol` when the reference is all zeros), with the same shape.
 */
export function expectReal(actual: unknown, expected: Real | number[], tol: number, label: string, scaleOverride?: number): void {
  const e = Array.isArray(expected) ? { data: expected, shape: [expected.length] } : expected;
  expect(shapeOf(actual), `${label}: shape`).toEqual(e.shape.length === 0 ? [1] : e.shape);
  const a = dataOf(actual);
  expect(a.length, `${label}: length`).toBe(e.data.length);
  const scale = scaleOverride ?? (peak(e.data) || 1);
  const { err, at } = worst(a, e.data);
  if (!(err <= tol * scale)) {
    throw new Error(`${label}: [${at}] got ${a[at]}, scipy ${e.data[at]} (error ${err / scale} relative to the peak ${scale} > ${tol})`);
  }
}

/** Asserts a complex result `{ re, im }` equals SciPy's within `tol` relative to the largest part. */
export function expectComplex(actual: { re: unknown; im: unknown }, expected: ComplexJson, tol: number, label: string, scaleOverride?: number): void {
  const scale = scaleOverride ?? (peak(expected.re, expected.im) || 1);
  expect(shapeOf(actual.re), `${label}: shape`).toEqual(expected.shape);
  expect(shapeOf(actual.im), `${label}: shape of im`).toEqual(expected.shape);
  for (const [part, a, e] of [
    ['re', dataOf(actual.re), expected.re],
    ['im', dataOf(actual.im), expected.im],
  ] as const) {
    const { err, at } = worst(a, e);
    if (!(err <= tol * scale)) throw new Error(`${label}.${part}: [${at}] got ${a[at]}, scipy ${e[at]} (error ${err / scale} > ${tol})`);
  }
}

/** Column `c` of a C-ordered [rows, cols] (or [rows, cols, k]) result. */
export function column(v: { data: ArrayLike<number>; shape: readonly number[] }, c: number): Float64Array {
  const [rows, cols, k = 1] = v.shape as [number, number, number?];
  const out = new Float64Array(rows * k);
  for (let r = 0; r < rows; r++) for (let j = 0; j < k; j++) out[r * k + j] = v.data[(r * cols + c) * k + j]!;
  return out;
}

/** Channel `c` of a [frames, channels] input as a 1-D Float64Array. */
export function channel(x: { data: ArrayLike<number>; shape: readonly number[] }, c: number): Float64Array {
  const [frames, channels] = x.shape as [number, number];
  return Float64Array.from({ length: frames }, (_, f) => x.data[f * channels + c]!);
}
