import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, RingBuffer, resolveFormat, type FormatCode, type FormatInfo, type TypedArray } from '@ringflow/core';

// Model-based tests: every command is applied to the ring and to a plain-array FIFO (the model),
// and their answers and readAvailable must agree after every step. fast-check prints the seed and
// the shrunk counterexample on failure; the seed is fixed so a failure replays.

type Element = number | bigint;
type Command =
  | { kind: 'push'; size: number }
  | { kind: 'write'; size: number }
  | { kind: 'pushBytes'; size: number }
  | { kind: 'pop'; size: number }
  | { kind: 'read'; size: number }
  | { kind: 'pushStrided'; size: number; stride: number }
  | { kind: 'readStrided'; size: number; stride: number }
  | { kind: 'readBlocks'; size: number; block: number }
  | { kind: 'reset' };

const elements = (a: TypedArray): Element[] => Array.from(a as ArrayLike<Element>);

/** Source data: the next `n` values of a counting sequence, as the format stores them. */
function source(f: FormatInfo, from: number, n: number): TypedArray {
  const out = new f.ArrayType(n);
  const big = f.code === 'q' || f.code === 'Q';
  for (let i = 0; i < n; i++) (out as unknown as Element[])[i] = big ? BigInt(from + i) : from + i;
  return out;
}

/** Sizes are drawn as raw numbers and scaled to the capacity, so they shrink well and fit any ring. */
const sized = (kind: 'push' | 'write' | 'pushBytes' | 'pop' | 'read') =>
  fc.integer({ min: 0, max: 1000 }).map((size) => ({ kind, size }) as Command);

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: sized('push') },
  { weight: 3, arbitrary: sized('write') },
  { weight: 2, arbitrary: sized('pushBytes') },
  { weight: 4, arbitrary: sized('pop') },
  { weight: 3, arbitrary: sized('read') },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pushStrided' as const), size: fc.integer({ min: 0, max: 1000 }), stride: fc.constantFrom(-2, -1, 2, 3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('readStrided' as const), size: fc.integer({ min: 0, max: 1000 }), stride: fc.constantFrom(-1, 2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('readBlocks' as const), size: fc.integer({ min: 0, max: 1000 }), block: fc.integer({ min: 1, max: 1000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' } as Command) },
);

/** A 1-D ndarray-like view with `stride` over `n` elements of `data` (which holds n * |stride| elements). */
function strided<T extends TypedArray>(data: T, n: number, stride: number) {
  return { data, shape: [n], stride: [stride], offset: stride < 0 ? (n - 1) * -stride : 0 };
}

const scenario = fc.record({
  format: fc.constantFrom(...FORMATS.map((f) => f.code)),
  capacity: fc.integer({ min: 1, max: 300 }),
  commands: fc.array(command, { minLength: 1, maxLength: 120 }),
});

/** Runs one scenario against the ring and the model; returns how many elements passed through. */
function run({ format: code, capacity, commands }: { format: FormatCode; capacity: number; commands: Command[] }): number {
  const format: FormatInfo = resolveFormat(code);
  const rb = new RingBuffer({ format: code, capacity });
  const model: Element[] = [];
  let counter = 0;
  let moved = 0;
  // Data sizes go up to twice the capacity (overflow), counts from 1 to twice the capacity (underflow).
  const dataSize = (size: number): number => size % (2 * capacity + 1);
  const countSize = (size: number): number => 1 + (size % (2 * capacity));
  for (const cmd of commands) {
    const free = capacity - model.length;
    switch (cmd.kind) {
      case 'push':
      case 'write':
      case 'pushBytes': {
        const n = dataSize(cmd.size);
        const data = source(format, counter, n);
        counter += n;
        const fits = Math.min(n, free);
        if (cmd.kind === 'write') {
          expect(rb.write(data as never)).toBe(fits);
        } else if (cmd.kind === 'push') {
          const tail = rb.push(data);
          if (fits === n) expect(tail).toBeNull();
          else {
            expect(tail!.buffer).toBe(data.buffer);
            expect(tail!.byteOffset).toBe(fits * format.itemsize);
            expect(tail!.length).toBe(n - fits);
          }
        } else {
          const bytes = new Uint8Array(data.buffer);
          const tail = rb.pushBytes(bytes);
          if (fits === n) expect(tail).toBeNull();
          else {
            expect(tail!.buffer).toBe(data.buffer);
            expect(tail!.byteOffset).toBe(fits * format.itemsize);
            expect(tail!.length).toBe((n - fits) * format.itemsize);
          }
        }
        model.push(...elements(data.subarray(0, fits)));
        moved += fits;
        break;
      }
      case 'pop': {
        const n = countSize(cmd.size);
        const out = rb.pop(n);
        if (model.length === 0) expect(out).toBeNull();
        else {
          expect(out).toBeInstanceOf(format.ArrayType);
          expect(elements(out!)).toEqual(model.splice(0, n));
        }
        break;
      }
      case 'read': {
        const n = countSize(cmd.size);
        const target = new format.ArrayType(n);
        const got = rb.read(target as never);
        const expected = model.splice(0, n);
        expect(got).toBe(expected.length);
        expect(elements(target.subarray(0, got))).toEqual(expected);
        break;
      }
      case 'pushStrided': {
        const n = dataSize(cmd.size);
        const k = Math.abs(cmd.stride);
        const data = source(format, counter, n * k);
        counter += n * k;
        const view = strided(data, n, cmd.stride);
        const all = elements(data);
        const logical: Element[] = [];
        for (let i = 0; i < n; i++) logical.push(all[view.offset + i * cmd.stride]!);
        const fits = Math.min(n, free);
        const tail = rb.push(view);
        if (fits === n) expect(tail).toBeNull();
        else {
          expect(tail!.data).toBe(data);
          expect(tail!.shape).toEqual([n - fits]);
          expect(tail!.offset).toBe(view.offset + fits * cmd.stride);
        }
        model.push(...logical.slice(0, fits));
        moved += fits;
        break;
      }
      case 'readStrided': {
        const n = countSize(cmd.size);
        const k = Math.abs(cmd.stride);
        const backing = new format.ArrayType(n * k);
        const view = strided(backing, n, cmd.stride);
        const got = rb.read(view as never);
        const expected = model.splice(0, n);
        expect(got).toBe(expected.length);
        const all = elements(backing);
        const read: Element[] = [];
        for (let i = 0; i < got; i++) read.push(all[view.offset + i * cmd.stride]!);
        expect(read).toEqual(expected);
        break;
      }
      case 'readBlocks': {
        const n = countSize(cmd.size);
        const block = 1 + (cmd.block % capacity);
        const target = new format.ArrayType(n);
        const got = rb.readBlocks(target as never, block);
        const expected = model.splice(0, Math.floor(Math.min(n, model.length) / block) * block);
        expect(got).toBe(expected.length);
        expect(elements(target.subarray(0, got))).toEqual(expected);
        break;
      }
      case 'reset':
        rb.reset();
        model.length = 0;
        break;
    }
    expect(rb.readAvailable).toBe(model.length);
    expect(rb.writeAvailable).toBe(capacity - model.length);
  }
  // Drain: what is left must be exactly the model's content.
  const rest = model.length === 0 ? null : rb.pop(capacity);
  expect(rest === null ? [] : elements(rest)).toEqual(model);
  return moved / capacity;
}

describe('RingBuffer (model-based)', () => {
  it('agrees with a plain-array FIFO when random commands run on random formats and capacities', () => {
    let wraps = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        wraps += run(s);
      }),
      { seed: 0x5eed_2024, numRuns: 600 },
    );
    // Enough traffic went through for the indices to wrap around many times.
    expect(wraps).toBeGreaterThanOrEqual(100);
  });

  it('agrees with the model when capacities are tiny and commands many', () => {
    let wraps = 0;
    fc.assert(
      fc.property(
        fc.record({
          format: fc.constantFrom(...FORMATS.map((f) => f.code)),
          capacity: fc.integer({ min: 1, max: 5 }),
          commands: fc.array(command, { minLength: 50, maxLength: 300 }),
        }),
        (s) => {
          wraps += run(s);
        },
      ),
      { seed: 42_4242, numRuns: 100 },
    );
    expect(wraps).toBeGreaterThanOrEqual(100);
  });
});
