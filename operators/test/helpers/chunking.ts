// Shared helpers of the operator tests: feed a signal in chunks of a given size through an
// operator and collect the output, and compare outputs of different chunkings.
import { from, lastValueFrom, toArray, type Observable, type OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';

export type FloatArray = Float32Array | Float64Array;

/** The chunk sizes every stateful operator must be independent of. */
export const CHUNK_SIZES: readonly number[] = [1, 7, 128, 1000, 10_000];

/** Splits `signal` into consecutive views of `size` samples (the last one shorter). */
export function split<T extends FloatArray>(signal: T, size: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < signal.length; i += size) out.push(signal.subarray(i, Math.min(signal.length, i + size)) as T);
  return out;
}

/** Feeds `signal` in chunks of `size` through `op` (via `from([...])`) and collects every output chunk. */
export async function runChunks<T extends FloatArray, R>(signal: T, size: number, op: OperatorFunction<T, R>): Promise<R[]> {
  return lastValueFrom(from(split(signal, size)).pipe(op, toArray()));
}

/** Joins float chunks into one Float64Array. */
export function join(chunks: readonly ArrayLike<number>[]): Float64Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Float64Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** max |a - e| / max(1, max |e|); fails when the lengths differ. */
export function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]!));
  let err = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i]! - expected[i]!);
    if (!(d <= err)) err = Number.isNaN(d) ? Infinity : d;
  }
  return err / scale;
}

/**
 * Asserts that feeding `signal` in chunks of each of {@link CHUNK_SIZES} gives the same
 * concatenated output (within `tolerance`, relative to the output's scale); returns that output.
 * `flatten` turns the output chunks into one sequence of numbers (default: concatenation).
 */
export async function expectChunkingIndependent<T extends FloatArray, R extends ArrayLike<number>>(
  signal: T,
  makeOp: () => OperatorFunction<T, R>,
  tolerance: number,
  flatten: (chunks: R[]) => ArrayLike<number> = join,
): Promise<Float64Array> {
  const outputs: ArrayLike<number>[] = [];
  for (const size of CHUNK_SIZES) outputs.push(flatten(await runChunks(signal, size, makeOp())));
  const reference = outputs[outputs.length - 1]!;
  expect(reference.length).toBeGreaterThan(0);
  for (let k = 0; k < outputs.length - 1; k++) {
    const err = relError(outputs[k]!, reference);
    expect(err, `chunk size ${CHUNK_SIZES[k]}`).toBeLessThanOrEqual(tolerance);
  }
  return Float64Array.from(reference);
}

/** Seeded uniform noise in [-1, 1) (mulberry32), so runs are reproducible. */
export function noise(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** Reads a JSON fixture under operators/test/fixtures/. */
export async function fixture<J>(path: string): Promise<J> {
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as J;
}

/** Replaces typed arrays by plain arrays (and -0 by 0) so marble frames compare by value. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { [value.constructor.name]: Array.from(value as unknown as ArrayLike<number>, (x) => x + 0) };
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** A TestScheduler whose assertion compares typed-array values exactly (class included, -0 = 0). */
export function marbleScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(plain(actual)).toEqual(plain(expected)));
}

/** A stream of arbitrary values typed as float chunks, to test how operators reject bad input. */
export function badChunks(...values: unknown[]): Observable<Float64Array> {
  return from(values) as unknown as Observable<Float64Array>;
}
