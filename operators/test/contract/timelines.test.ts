// Every timeline in the operators' TSDoc (the ones docs/operators.md shows) is a test case: it is
// parsed (format: the comment at the top of tools/src/catalogue.ts), its expression is built, its
// input lines are fed in column order and what comes out, and when, must be its `out` line.
import { describe, expect, it } from 'vitest';
import { Subject, type Observable, type OperatorFunction, type Subscription } from 'rxjs';
import { isMultichannel, RingBuffer, type MultichannelChunk } from '@ringflow/core';
import * as ops from '@ringflow/operators';
import { catalogueTimelines, parseTimelineLine, type Expected, type TimelineDoc, type TimelineEvent, type TimelineValue } from '@ringflow/tools/catalogue';

/**
 * Operators whose timelines are owned by another engineer and were not converted to the format
 * yet (live-parameter timelines). A timeline listed here must still fail to parse or run, so the
 * list shrinks as soon as one is converted: remove the name then.
 */
const PENDING: readonly string[] = ['biquad'];

interface Observed {
  /** Index of the last input event before it (-1: before any). */
  readonly time: number;
  readonly kind: 'next' | 'complete' | 'error';
  readonly value?: unknown;
  readonly error?: unknown;
}

const settle = async (rounds = 20): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
};

function build(value: TimelineValue): unknown {
  const nums = (row: readonly Expected[]) => Float64Array.from(row, (e) => e.value);
  if (value.kind === 'chunk') return nums(value.values);
  if (value.kind === 'planar') return value.planes.map(nums);
  const cols = value.rows[0]?.length ?? 0;
  const data = nums(value.rows.flat());
  return { data, shape: [value.rows.length, cols], stride: [cols, 1], offset: 0 } satisfies MultichannelChunk<Float64Array>;
}

/** Whether `actual` matches the timeline value `expected` (a message when it does not). */
function mismatch(actual: unknown, expected: TimelineValue): string | undefined {
  // An estimate (welch) is shown in a timeline by its Pxx.
  if (typeof actual === 'object' && actual !== null && 'Pxx' in actual) return mismatch((actual as { Pxx: unknown }).Pxx, expected);
  const close = (a: ArrayLike<number>, e: readonly Expected[]): boolean =>
    a.length === e.length && e.every((x, i) => (Number.isNaN(x.value) ? Number.isNaN(a[i]!) : Math.abs(a[i]! - x.value) <= x.tolerance));
  const show = (a: unknown) => JSON.stringify(a, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
  if (expected.kind === 'planar') {
    const ok = Array.isArray(actual) && actual.length === expected.planes.length && expected.planes.every((p, c) => close(actual[c] as ArrayLike<number>, p));
    return ok ? undefined : `expected planes ${show(expected.planes.map((p) => p.map((x) => x.value)))}, got ${show(actual)}`;
  }
  if (expected.kind === '2d') {
    if (!isMultichannel(actual)) return `expected a 2-D chunk, got ${show(actual)}`;
    const m = actual as MultichannelChunk;
    const cols = expected.rows[0]?.length ?? 0;
    const contiguous = Array.from({ length: m.shape[0] * m.shape[1] }, (_, i) => m.data[m.offset + Math.floor(i / m.shape[1]) * m.stride[0] + (i % m.shape[1]) * m.stride[1]]!);
    const ok = m.shape[0] === expected.rows.length && m.shape[1] === cols && close(contiguous, expected.rows.flat());
    return ok ? undefined : `expected shape [${expected.rows.length}, ${cols}] ${show(expected.rows.map((r) => r.map((x) => x.value)))}, got shape [${m.shape.join(', ')}] ${show(contiguous)}`;
  }
  if (isMultichannel(actual) || !ArrayBuffer.isView(actual)) return `expected a 1-D chunk, got ${show(actual)}`;
  return close(actual as unknown as ArrayLike<number>, expected.values) ? undefined : `expected ${show(expected.values.map((x) => x.value))}, got ${show(actual)}`;
}

/** Runs one timeline; returns the list of differences (empty when it holds). */
async function runTimeline(t: TimelineDoc): Promise<string[]> {
  const lines = t.lines.filter((l) => l.trim() !== '').map(parseTimelineLine);
  const out = lines.find((l) => l.name === 'out');
  if (out === undefined) return ['no out line'];
  const stats = lines.find((l) => l.name === 'stats');
  const bridge = /^fromRing\b/.test(t.expression) ? 'fromRing' : /^toRing\b/.test(t.expression) ? 'toRing' : undefined;
  const capacity = Number(/capacity (\d+)/.exec(t.header)?.[1] ?? 1024);
  const ring = new RingBuffer({ format: 'd', capacity });
  const inputs = lines.filter((l) => !['out', 'stats'].includes(l.name) && (l.name !== 'ring' || bridge === 'fromRing'));
  const subjects = new Map(inputs.filter((l) => l.name !== 'ring').map((l) => [l.name, new Subject<unknown>()]));
  const names = [...Object.keys(ops), 'ring', ...[...subjects.keys()].filter((n) => n !== 'in')];
  const values = [...Object.values(ops), ring, ...[...subjects.entries()].filter(([n]) => n !== 'in').map(([, s]) => s.asObservable())];
  // Test code only: the library itself never evaluates strings.
  const built = new Function(...names, `return (${t.expression});`)(...values) as Observable<unknown> | OperatorFunction<unknown, unknown>;
  const source = subjects.get('in');
  const result = typeof built === 'function' ? (built as OperatorFunction<unknown, unknown>)((source ?? new Subject()).asObservable()) : built;

  const observed: Observed[] = [];
  let time = -1;
  let sub: Subscription | undefined;
  const recordAll = () => {
    sub = result.subscribe({
      next: (value) => observed.push({ time, kind: 'next', value }),
      error: (error) => observed.push({ time, kind: 'error', error }),
      complete: () => observed.push({ time, kind: 'complete' }),
    });
  };
  recordAll();
  const events = inputs
    .flatMap((line, order) => line.events.map((e) => ({ line: line.name, order, e })))
    .sort((a, b) => a.e.column - b.e.column || a.order - b.order);
  const writtenAfter: number[] = [];
  const stepTimes: number[] = [];
  for (let k = 0; k < events.length; k++) {
    const { line, e } = events[k]!;
    time = k;
    stepTimes.push(e.column);
    if (line === 'ring') {
      if (e.kind === 'next') ring.push(build(e.value!) as Float64Array);
      else if (e.kind === 'complete') ring.close();
      else ring.abort('timeline abort');
      await settle();
    } else {
      const subject = subjects.get(line)!;
      if (e.kind === 'next') subject.next(build(e.value!));
      else if (e.kind === 'complete') subject.complete();
      else subject.error(new Error('timeline error'));
      if (bridge !== undefined) await settle();
    }
    if (bridge === 'toRing') writtenAfter.push((built as ops.ToRingOperator<unknown>).stats.written);
  }
  await settle();
  sub?.unsubscribe();

  // Expected: each out event at the last input event starting at or before its column.
  const timeOf = (e: TimelineEvent) => {
    let at = -1;
    stepTimes.forEach((column, k) => {
      if (column <= e.column) at = k;
    });
    return at;
  };
  const problems: string[] = [];
  const expected = out.events;
  if (observed.length !== expected.length) {
    problems.push(`expected ${expected.length} events (${expected.map((e) => e.kind).join(' ')}), got ${observed.length} (${observed.map((o) => o.kind).join(' ')})`);
  }
  for (let i = 0; i < Math.min(observed.length, expected.length); i++) {
    const o = observed[i]!;
    const e = expected[i]!;
    if (o.kind !== e.kind) problems.push(`event ${i}: expected ${e.kind}, got ${o.kind}${o.kind === 'error' ? ` (${String(o.error)})` : ''}`);
    else if (o.time !== timeOf(e)) problems.push(`event ${i} (${e.kind}): expected after input event ${timeOf(e)}, came after ${o.time}`);
    else if (e.kind === 'next') {
      const m = mismatch(o.value, e.value!);
      if (m !== undefined) problems.push(`event ${i}: ${m}`);
    }
  }
  if (bridge === 'toRing') {
    // The ring's contents after input event k (nobody reads it): the first `written` samples of what it holds at the end.
    const ringLine = lines.find((l) => l.name === 'ring');
    const closed = ring.closed;
    const contents = ring.pop(ring.capacity) ?? new Float64Array(0);
    ringLine?.events.forEach((e, k) => {
      if (e.kind === 'complete') {
        if (!closed) problems.push('ring: expected it closed at the end');
        return;
      }
      const m = mismatch(contents.subarray(0, writtenAfter[k]), e.value!);
      if (m !== undefined) problems.push(`ring after input event ${k}: ${m}`);
    });
    if (closed && !ringLine?.events.some((e) => e.kind === 'complete')) problems.push('ring: closed at the end, the timeline does not say so');
    if (stats !== undefined) {
      const got = (built as ops.ToRingOperator<unknown>).stats;
      const text = `written ${got.written}, dropped ${got.dropped}, overruns ${got.overruns}`;
      if (text !== stats.text) problems.push(`stats: expected '${stats.text}', got '${text}'`);
    }
  }
  return problems;
}

describe('every timeline of the catalogue is a test case', () => {
  const timelines = catalogueTimelines();

  it('finds timelines, and at least one for every operator and source of the catalogue', () => {
    expect(timelines.length).toBeGreaterThan(40);
    const names = new Set(timelines.map((t) => t.name));
    const without = ['fromRing', 'toRing', 'batch', 'slidingWindow', 'concatenateChunks', 'collect', 'interleave', 'deinterleave', 'oscillator', 'chirp', 'noise', 'fromSamples', 'gain', 'mix', 'rms', 'peak', 'fir', 'resample', 'decimate', 'fft', 'ifft', 'stft', 'istft', 'magnitude', 'toDecibels'].filter((n) => !names.has(n));
    expect(without).toEqual([]);
  });

  for (const t of timelines) {
    const pending = PENDING.includes(t.name);
    it(`${t.name}: ${t.header}${pending ? ' (pending conversion, must still fail)' : ''}`, async () => {
      let problems: string[];
      try {
        problems = await runTimeline(t);
      } catch (error) {
        problems = [`could not run: ${(error as Error).message}`];
      }
      if (pending) expect(problems, `${t.name} now runs: remove it from PENDING`).not.toEqual([]);
      else expect(problems, t.lines.join('\n')).toEqual([]);
    });
  }
});
