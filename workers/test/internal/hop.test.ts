// A model of the hop's wait protocol, explored exhaustively: every interleaving of the writer's
// and the reader's atomic steps, for small hops and every way of cutting a byte stream into frames
// (what the reader assembles) and writes (what the writer hands the hop). The steps are those of
// the ring's waits (`@ringflow/core`: publish the index, then look at the other side's watermark
// and notify; store the own watermark, then look at the index, then sleep on it), with the
// watermarks of the hop (`writerWant`, `readerWant`, imported from the implementation). The check:
// every state in which no step is possible is the end (both sides done): a state where both sleep
// is unreachable, and so is a lost wake-up.
import { describe, expect, it } from 'vitest';
import { readerWant, writerWant } from '../../src/internal/hop.js';

type Want = (remaining: number, capacity: number) => number;

/** The writer's and the reader's program counters: a step of their loop, asleep, or done. */
const W_LOAD = 0;
const W_WRITE = 1;
const W_NOTIFY = 2;
const W_SET_WANT = 3;
const W_CHECK = 4;
const W_WAIT = 5;
const W_SLEEP = 6;
const W_WOKEN = 7;
const W_DONE = 8;
const R_LOAD = 0;
const R_READ = 1;
const R_NOTIFY = 2;
const R_PRECHECK = 3;
const R_SET_WANT = 4;
const R_CHECK = 5;
const R_WAIT = 6;
const R_SLEEP = 7;
const R_WOKEN = 8;
const R_DONE = 9;

interface State {
  /** Bytes written and read so far (the ring holds `w - r`). */
  w: number;
  r: number;
  /** Watermarks published in the shared header (0: not sleeping). */
  producerWant: number;
  consumerWant: number;
  wpc: number;
  /** Index of the writer's current write, and bytes of it still to write. */
  piece: number;
  rest: number;
  /** The value of the read index the writer sleeps on; the free bytes it saw before its copy. */
  wObserved: number;
  wFree: number;
  rpc: number;
  /** The bytes the reader saw before its copy. */
  rUsed: number;
  /** The reader's watermark for the current wait, and the write index it sleeps on. */
  rWant: number;
  rObserved: number;
}

interface Model {
  readonly capacity: number;
  /** Frame lengths in bytes (multiples of 8, at least the 16-byte header). */
  readonly frames: readonly number[];
  /** Write lengths in bytes (multiples of 8), summing to the frames' total. */
  readonly pieces: readonly number[];
  /** `'blocking'`: write, sleep, write (pushBlocking). `'async'`: wait for room, then write (waitWritable). */
  readonly writer: 'blocking' | 'async';
  readonly writerWant: Want;
  readonly readerWant: Want;
}

/** Bytes the reader still misses of the frame it is in, after reading `r` bytes (the header first: it learns a frame's size from it). */
function missing(frames: readonly number[], r: number): number {
  let start = 0;
  for (const length of frames) {
    if (r < start + length) {
      const inFrame = r - start;
      return inFrame < 16 ? 16 - inFrame : length - inFrame;
    }
    start += length;
  }
  return 0;
}

/** Every state reachable from the start, and the dead ends (no step possible, not both done). */
function explore(model: Model): { states: number; deadEnds: State[] } {
  if (model.frames.reduce((a, b) => a + b, 0) > 8 * 15 || model.capacity > 4 * 15) throw new RangeError('model too large for its state key');
  const { capacity, frames, pieces } = model;
  const total = frames.reduce((a, b) => a + b, 0);
  const start: State = {
    w: 0,
    r: 0,
    producerWant: 0,
    consumerWant: 0,
    wpc: model.writer === 'blocking' ? W_LOAD : W_SET_WANT,
    piece: 0,
    rest: pieces[0]!,
    wObserved: 0,
    wFree: 0,
    rpc: R_LOAD,
    rUsed: 0,
    rWant: 0,
    rObserved: 0,
  };
  // One number per state (a mixed-radix packing: byte counts in words of 8, watermarks in 4 bytes).
  const key = (s: State): number => {
    let k = 0;
    for (const bytes of [s.w, s.r, s.rest, s.wObserved, s.wFree, s.rUsed, s.rObserved]) k = k * 16 + bytes / 8;
    for (const want of [s.producerWant, s.consumerWant, s.rWant]) k = k * 16 + want / 4;
    return ((k * 10 + s.wpc) * 10 + s.rpc) * 4 + s.piece;
  };
  const seen = new Set<number>([key(start)]);
  const queue: State[] = [start];
  const deadEnds: State[] = [];
  const nextPiece = (s: State): void => {
    s.piece++;
    s.rest = pieces[s.piece] ?? 0;
    s.wpc = s.piece === pieces.length ? W_DONE : model.writer === 'blocking' ? W_LOAD : W_SET_WANT;
  };

  /** The writer's next step from `s` (undefined when it sleeps or is done). */
  const writerStep = (state: State): State | undefined => {
    const s = { ...state };
    const free = capacity - (s.w - s.r);
    switch (s.wpc) {
      case W_LOAD:
        // Load the read index (the reader may move it before the copy is published).
        s.wFree = free;
        s.wpc = W_WRITE;
        return s;
      case W_WRITE: {
        // Copy what fitted then, and publish the write index.
        const n = Math.min(s.rest, s.wFree);
        s.w += n;
        s.rest -= n;
        s.wpc = W_NOTIFY;
        return s;
      }
      case W_NOTIFY:
        // Look at the reader's watermark: wake it when the fill reached it.
        if (s.consumerWant !== 0 && s.w - s.r >= s.consumerWant && s.rpc === R_SLEEP) s.rpc = R_WOKEN;
        if (s.rest === 0) nextPiece(s);
        else s.wpc = W_SET_WANT;
        return s;
      case W_SET_WANT:
        if (model.writer === 'async' && free >= model.writerWant(s.rest, capacity)) {
          s.wpc = W_LOAD; // waitWritable: room already
          return s;
        }
        s.producerWant = model.writerWant(s.rest, capacity);
        s.wpc = W_CHECK;
        return s;
      case W_CHECK:
        s.wObserved = s.r;
        if (free >= s.producerWant) {
          s.producerWant = 0;
          s.wpc = model.writer === 'blocking' ? W_LOAD : W_SET_WANT;
        } else s.wpc = W_WAIT;
        return s;
      case W_WAIT:
        // Atomics.wait(read index, observed): returns at once when the index moved since.
        s.wpc = s.r !== s.wObserved ? W_WOKEN : W_SLEEP;
        return s;
      case W_WOKEN:
        // After the wait (woken, or the index had moved): the watermark is withdrawn, the loop goes on.
        s.producerWant = 0;
        s.wpc = model.writer === 'blocking' ? W_LOAD : W_SET_WANT;
        return s;
      default:
        return undefined;
    }
  };

  /** The reader's next step from `s`. */
  const readerStep = (state: State): State | undefined => {
    const s = { ...state };
    const used = s.w - s.r;
    switch (s.rpc) {
      case R_LOAD:
        // Load the write index: everything there is then (staging holds the whole hop).
        s.rUsed = used;
        s.rpc = R_READ;
        return s;
      case R_READ:
        // Copy it and publish the read index.
        s.r += s.rUsed;
        s.rpc = R_NOTIFY;
        return s;
      case R_NOTIFY:
        if (s.producerWant !== 0 && capacity - (s.w - s.r) >= s.producerWant && s.wpc === W_SLEEP) s.wpc = W_WOKEN;
        if (s.r === total) {
          s.rpc = R_DONE;
          return s;
        }
        s.rWant = model.readerWant(Math.max(8, missing(frames, s.r)), capacity);
        s.rpc = R_PRECHECK;
        return s;
      case R_PRECHECK:
        // waitReadable's loop: enough already?
        s.rpc = used >= s.rWant ? R_LOAD : R_SET_WANT;
        return s;
      case R_SET_WANT:
        s.consumerWant = s.rWant;
        s.rpc = R_CHECK;
        return s;
      case R_CHECK:
        s.rObserved = s.w;
        if (used >= s.consumerWant) {
          s.consumerWant = 0;
          s.rpc = R_PRECHECK;
        } else s.rpc = R_WAIT;
        return s;
      case R_WAIT:
        s.rpc = s.w !== s.rObserved ? R_WOKEN : R_SLEEP;
        return s;
      case R_WOKEN:
        s.consumerWant = 0;
        s.rpc = R_PRECHECK;
        return s;
      default:
        return undefined;
    }
  };

  while (queue.length > 0) {
    const s = queue.pop()!;
    const next = [writerStep(s), readerStep(s)].filter((x): x is State => x !== undefined);
    if (next.length === 0) {
      if (!(s.wpc === W_DONE && s.rpc === R_DONE)) deadEnds.push(s);
      continue;
    }
    for (const n of next) {
      const k = key(n);
      if (!seen.has(k)) {
        seen.add(k);
        queue.push(n);
      }
    }
  }
  return { states: seen.size, deadEnds };
}

/** Every way to cut `total` bytes into pieces of multiples of 8 (at most `limit` pieces). */
function cuts(total: number, limit: number, min = 8): number[][] {
  if (total === 0) return [[]];
  if (limit === 0) return [];
  const out: number[][] = [];
  for (let first = min; first <= total; first += 8) {
    for (const rest of cuts(total - first, limit - 1, min)) out.push([first, ...rest]);
  }
  return out;
}

interface Sweep {
  models: number;
  states: number;
  deadEnd: { model: Model; state: State } | undefined;
}

/**
 * Explores every model of small hops: capacities of 1, 2, 3 and 4 words of 8 bytes (odd and even
 * halves), streams from one header to more than twice the hop, cut into up to 3 frames and up to
 * 3 writes every possible way.
 */
function sweep(wants: { writerWant: Want; readerWant: Want }, writer: 'blocking' | 'async'): Sweep {
  const result: Sweep = { models: 0, states: 0, deadEnd: undefined };
  for (const capacity of [8, 16, 24, 32]) {
    const totals = [16, capacity + 16, 2 * capacity + 8];
    for (const total of new Set(totals)) {
      for (const frames of cuts(total, 3, 16)) {
        for (const pieces of cuts(total, 3)) {
          const model: Model = { capacity, frames, pieces, writer, ...wants };
          const { states, deadEnds } = explore(model);
          result.models++;
          result.states += states;
          if (deadEnds.length > 0) {
            result.deadEnd = { model, state: deadEnds[0]! };
            return result;
          }
        }
      }
    }
  }
  return result;
}

describe('hop wait protocol (writerWant, readerWant)', () => {
  for (const writer of ['blocking', 'async'] as const) {
    it(`never reaches a state where both sides sleep, or one sleeps forever (${writer} writer)`, () => {
      const result = sweep({ writerWant, readerWant }, writer);
      expect(result.deadEnd).toBeUndefined();
      // 977 models and 2.5-3.3 million distinct states in all.
      expect(result.models).toBeGreaterThan(900);
      expect(result.states).toBeGreaterThan(2_000_000);
    });
  }

  it('finds the deadlock of a reader that waits for its whole frame (up to the whole hop)', () => {
    // The rule this protocol replaced: "hung after 53 of 1500 chunks; inputFill 0.97".
    const whole: Want = (missingBytes, capacity) => Math.min(missingBytes, capacity);
    const result = sweep({ writerWant, readerWant: whole }, 'blocking');
    expect(result.deadEnd).toBeDefined();
    const { model, state } = result.deadEnd!;
    // Both asleep with the hop neither full enough for the reader nor empty enough for the writer.
    expect([state.wpc, state.rpc]).toEqual([W_SLEEP, R_SLEEP]);
    expect(state.w - state.r).toBeGreaterThan(model.capacity - state.producerWant);
    expect(state.w - state.r).toBeLessThan(state.consumerWant);
  });

  it('keeps both watermarks within half the hop', () => {
    for (let capacity = 8; capacity <= 1 << 20; capacity *= 2) {
      for (const remaining of [8, 16, Math.max(8, capacity / 2), capacity, 10 * capacity]) {
        expect(writerWant(remaining, capacity)).toBeLessThanOrEqual(Math.ceil(capacity / 2));
        expect(readerWant(remaining, capacity)).toBeLessThanOrEqual(Math.max(8, capacity / 2));
        expect(readerWant(remaining, capacity) % 8).toBe(0);
      }
    }
  });
});
