import { describe, expect, it } from 'vitest';
import { lowerWatermark, spaceWatermark, watermarkMet, watermarksConflict } from '../src/internal/spsc.js';

// A model of the ring's wait/notify protocol (core/src/internal/spsc.ts, waits.ts and the loops of
// ring-buffer.ts), explored state by state: every interleaving of the producer's and the consumer's
// steps, each step one access to shared memory, as the code does them. The watermark rules are the
// code's own functions. Memory is sequentially consistent here, as every access in the protocol is
// an `Atomics` operation (the plain loads of the code read words only the same side writes, or the
// closed flag, whose staleness only delays).
//
// What must hold: every state where no step is possible has both sides finished. A state where a
// side sleeps and nobody will ever wake it (a lost wake-up, or both sides waiting on watermarks the
// other cannot meet) has no step left and fails the check with the trace that leads to it.

type Word = 'W' | 'R';
interface Shared {
  /** Elements written and read so far (the index words hold these mod 2 * capacity). */
  w: number;
  r: number;
  /** SLEEPING bits: the consumer's in the WRITE word, the producer's in the READ word. */
  cflag: number;
  pflag: number;
  cwant: number;
  pwant: number;
  closed: number;
}
interface Thread {
  pc: string;
  /** Locals: cached index of the other side, the sleep's watermark and observed word, etc. */
  cached: number;
  want: number;
  observed: number;
  n: number;
  done: number;
  /** popAsync: the closed flag seen before the read. */
  snap: number;
  /** Where a shared sequence of steps (the wake after a publish) returns to. */
  then: string;
  /** Calls left (the program), and what the side did. */
  program: readonly Call[];
}
type Call =
  | { op: 'pushAsync'; count: number }
  | { op: 'waitWritable'; count: number }
  | { op: 'popAsync'; count: number }
  | { op: 'waitReadable'; count: number }
  | { op: 'close' };
interface State {
  s: Shared;
  p: Thread;
  c: Thread;
}
interface Rules {
  /** pushAsync lowers its watermark against the consumer's (the fix for the deadlock). */
  lower: boolean;
  /** A consumer going to sleep wakes a producer whose watermark conflicts with its own. */
  kick: boolean;
}

const thread = (program: readonly Call[]): Thread => ({ pc: 'next', cached: 0, want: 0, observed: 0, n: 0, done: 0, snap: 0, then: '', program });

/** The value of an index word as `Atomics.wait` compares it. */
function wordValue(s: Shared, word: Word, capacity: number): number {
  return word === 'W' ? (s.w % (2 * capacity)) * 2 + s.cflag : (s.r % (2 * capacity)) * 2 + s.pflag;
}

/** One step of the producer; null when it cannot step (asleep or finished). */
function producerStep(st: State, C: number, rules: Rules): State | null {
  const s = { ...st.s };
  const p = { ...st.p };
  const c = { ...st.c };
  const call = p.program[0];
  const go = (pc: string): State => ((p.pc = pc), { s, p, c });
  // A call ends: 'closed' (it threw RingClosedError) ends the program.
  const end = (outcome: 'ok' | 'closed'): State => ((p.pc = 'next'), (p.program = outcome === 'ok' ? p.program.slice(1) : []), { s, p, c });
  switch (p.pc) {
    case 'next': // the next call of the program
      if (call === undefined) return null;
      if (call.op === 'close') return go('close');
      p.done = 0;
      return go(call.op === 'pushAsync' ? 'push.checkOpen' : 'ww.top');
    // ---- pushAsync: #pushStep + Spsc.write, then sleepAsync('producer', spaceWatermark(rest)) ----
    case 'push.checkOpen':
      if (s.closed) return end('closed');
      return go('push.writable');
    case 'push.writable': {
      const rest = (call as { count: number }).count - p.done;
      if (C - (s.w - p.cached) >= rest) return go('push.copy');
      p.cached = s.r; // Atomics.load(READ)
      return go('push.copy');
    }
    case 'push.copy': {
      const rest = (call as { count: number }).count - p.done;
      p.n = Math.min(rest, C - (s.w - p.cached));
      if (p.n <= 0) return go('push.after');
      // Atomics.exchange(WRITE, next): publishes and clears the consumer's flag, returning it.
      const old = s.cflag;
      s.w += p.n;
      s.cflag = 0;
      p.done += p.n;
      p.then = 'push.after';
      return go(old ? 'pwake.load' : 'push.after');
    }
    // Spsc.#wakeConsumer, after an exchange that returned the consumer's flag.
    case 'pwake.load':
      p.want = s.cwant;
      return go('pwake');
    case 'pwake':
      if (watermarkMet(p.want, s.w - p.cached)) notify(c, 'W');
      else s.cflag = 1; // Atomics.or: the consumer sleeps on
      return go(p.then);
    case 'push.after': {
      const total = (call as { count: number }).count;
      if (p.done === total) return end('ok');
      p.want = spaceWatermark(total - p.done, C);
      return go('psleep.store');
    }
    // ---- waitWritable: fresh counts, then sleepAsync('producer-fixed', count) ------------------
    case 'ww.top':
      if (s.closed) return end('closed');
      return go('ww.count');
    case 'ww.count': {
      const count = (call as { count: number }).count;
      if (C - (s.w - s.r) >= count) return go('ww.write');
      p.want = count;
      return go('psleep.store');
    }
    case 'ww.write': {
      // Then the caller writes `count` elements (one exchange).
      const count = (call as { count: number }).count;
      const old = s.cflag;
      s.w += count;
      s.cflag = 0;
      p.cached = s.r;
      p.then = 'ww.done';
      return go(old ? 'pwake.load' : 'ww.done');
    }
    case 'ww.done':
      return end('ok');
    // ---- Spsc.producerSleeps / the wait / producerAwake ------------------------------------------
    case 'psleep.store':
      s.pwant = p.want;
      return go('psleep.or');
    case 'psleep.or':
      s.pflag = 1;
      p.observed = wordValue(s, 'R', C);
      p.n = s.r; // the read index the or returned
      return go('psleep.closed');
    case 'psleep.closed':
      return go(s.closed ? 'pawake.want' : 'psleep.free');
    case 'psleep.free':
      p.cached = p.n;
      if (C - (s.w - p.n) >= p.want) return go('pawake.want');
      return go(p.program[0]!.op === 'pushAsync' && rules.lower ? 'psleep.lower' : 'psleep.wait');
    case 'psleep.lower': {
      const lowered = lowerWatermark(p.want, s.cwant, C);
      if (lowered === p.want) return go('psleep.wait');
      p.want = lowered;
      return go('psleep.store2');
    }
    case 'psleep.store2':
      s.pwant = p.want;
      return go(C - (s.w - p.n) >= p.want ? 'pawake.want' : 'psleep.wait');
    case 'psleep.wait':
      return go(wordValue(s, 'R', C) === p.observed ? 'asleep:R' : 'pawake.want');
    case 'pawake.want':
      s.pwant = 0;
      return go('pawake.and');
    case 'pawake.and':
      s.pflag = 0;
      return go(p.program[0]!.op === 'pushAsync' ? 'push.checkOpen' : 'ww.top');
    case 'close':
    case 'close.w':
    case 'close.r': {
      const next = closeStep(p.pc, s, p, c);
      return next === 'end' ? end('ok') : go(next);
    }
    default:
      return null; // asleep or finished
  }
}

/** One step of the consumer; null when it cannot step. */
function consumerStep(st: State, C: number, rules: Rules): State | null {
  const s = { ...st.s };
  const p = { ...st.p };
  const c = { ...st.c };
  const call = c.program[0];
  const go = (pc: string): State => ((c.pc = pc), { s, p, c });
  // A call ends: 'drained' (closed and empty: popAsync resolved null) ends the program.
  const end = (outcome: 'ok' | 'drained'): State => ((c.pc = 'next'), (c.program = outcome === 'ok' ? c.program.slice(1) : []), { s, p, c });
  switch (c.pc) {
    case 'next':
      if (call === undefined) return null;
      if (call.op === 'close') return go('close');
      return go(call.op === 'popAsync' ? 'pop.snap' : 'wr.top');
    // ---- popAsync: closed snapshot, #pop (Spsc.readable + read), then sleepAsync('consumer', 1) --
    case 'pop.snap':
      c.snap = s.closed;
      return go('pop.readable');
    case 'pop.readable': {
      const count = (call as { count: number }).count;
      if (c.cached - s.r >= count) return go('pop.copy');
      c.cached = s.w; // Atomics.load(WRITE)
      return go('pop.copy');
    }
    case 'pop.copy': {
      const count = (call as { count: number }).count;
      c.n = Math.min(count, c.cached - s.r);
      if (c.n === 0) {
        if (c.snap) return end('drained');
        c.want = 1;
        return go('csleep.store');
      }
      const old = s.pflag; // Atomics.exchange(READ, next)
      s.r += c.n;
      s.pflag = 0;
      c.done += c.n;
      c.then = 'pop.got';
      return go(old ? 'cwake.load' : 'pop.got');
    }
    // Spsc.#wakeProducer, after an exchange that returned the producer's flag.
    case 'cwake.load':
      c.want = s.pwant;
      return go('cwake');
    case 'cwake':
      if (watermarkMet(c.want, C - (c.cached - s.r))) notify(p, 'R');
      else s.pflag = 1;
      return go(c.then);
    case 'pop.got':
      return end('ok');
    // ---- waitReadable(count), then read(count): fresh counts, sleepAsync('consumer', count) -----
    case 'wr.top':
      c.snap = s.closed;
      return go('wr.count');
    case 'wr.count': {
      const count = (call as { count: number }).count;
      if (s.w - s.r >= count) return go('wr.read');
      if (c.snap) return go('wr.drain'); // false: closed with fewer left; the caller drains them
      c.want = count;
      return go('csleep.store');
    }
    case 'wr.read':
    case 'wr.drain': {
      const count = c.pc === 'wr.read' ? (call as { count: number }).count : s.w - s.r;
      c.cached = s.w;
      const old = s.pflag;
      s.r += count;
      s.pflag = 0;
      c.done += count;
      if (c.pc === 'wr.drain') return end('drained');
      c.then = 'wr.got';
      return go(old ? 'cwake.load' : 'wr.got');
    }
    case 'wr.got':
      return end('ok');
    // ---- Spsc.consumerSleeps / the wait / consumerAwake ----------------------------------------
    case 'csleep.store':
      s.cwant = c.want;
      return go('csleep.or');
    case 'csleep.or':
      s.cflag = 1;
      c.observed = wordValue(s, 'W', C);
      c.n = s.w;
      return go('csleep.closed');
    case 'csleep.closed':
      return go(s.closed ? 'cawake.want' : 'csleep.used');
    case 'csleep.used':
      c.cached = c.n;
      return go(c.n - s.r >= c.want ? 'cawake.want' : rules.kick ? 'csleep.flag' : 'csleep.wait');
    case 'csleep.flag':
      return go(s.pflag ? 'csleep.pwant' : 'csleep.wait');
    case 'csleep.pwant':
      return go(watermarksConflict(s.pwant, c.want, C) ? 'csleep.kick' : 'csleep.wait');
    case 'csleep.kick':
      s.pflag = 0; // Atomics.and(READ, INDEX_MASK)
      return go('csleep.notify');
    case 'csleep.notify':
      notify(p, 'R');
      return go('csleep.wait');
    case 'csleep.wait':
      return go(wordValue(s, 'W', C) === c.observed ? 'asleep:W' : 'cawake.want');
    case 'cawake.want':
      s.cwant = 0;
      return go('cawake.and');
    case 'cawake.and':
      s.cflag = 0;
      return go(c.program[0]!.op === 'popAsync' ? 'pop.snap' : 'wr.top');
    // ---- a consumer that closes the ring (stops early) --------------------------------------------
    case 'close':
    case 'close.w':
    case 'close.r': {
      const next = closeStep(c.pc, s, p, c);
      return next === 'end' ? end('ok') : go(next);
    }
    default:
      return null;
  }
}

/** One step of close() (either side): CLOSED, then each word's flag cleared and the word notified. The next step, or 'end'. */
function closeStep(pc: string, s: Shared, p: Thread, c: Thread): string {
  if (pc === 'close') {
    s.closed = 1;
    return 'close.w';
  }
  if (pc === 'close.w') {
    s.cflag = 0;
    notify(c, 'W');
    return 'close.r';
  }
  s.pflag = 0;
  notify(p, 'R');
  return 'end';
}

/** Atomics.notify(word): a side asleep on it continues after its wait (the consumer sleeps on WRITE, the producer on READ). */
function notify(t: Thread, word: Word): void {
  if (t.pc === `asleep:${word}`) t.pc = word === 'W' ? 'cawake.want' : 'pawake.want';
}

interface Result {
  states: number;
  /** Terminal states where a side has not finished, with the trace to the first one. */
  stuck: number;
  trace?: string[];
  invariant?: string;
}

function explore(capacity: number, producer: readonly Call[], consumer: readonly Call[], rules: Rules = { lower: true, kick: true }): Result {
  const start: State = {
    s: { w: 0, r: 0, cflag: 0, pflag: 0, cwant: 0, pwant: 0, closed: 0 },
    p: thread(producer),
    c: thread(consumer),
  };
  const key = (st: State): string =>
    JSON.stringify([st.s, st.p.pc, st.p.cached, st.p.want, st.p.observed, st.p.n, st.p.done, st.p.then, st.p.program.length, st.c.pc, st.c.cached, st.c.want, st.c.observed, st.c.n, st.c.done, st.c.snap, st.c.then, st.c.program.length]);
  const seen = new Map<string, string | null>([[key(start), null]]);
  const queue: State[] = [start];
  let stuck = 0;
  let trace: string[] | undefined;
  let invariant: string | undefined;
  while (queue.length > 0) {
    const st = queue.shift()!;
    const used = st.s.w - st.s.r;
    if (used < 0 || used > capacity) invariant ??= `used ${used} outside [0, ${capacity}] in ${key(st)}`;
    const next: State[] = [];
    for (const step of [producerStep, consumerStep]) {
      const n = step(st, capacity, rules);
      if (n !== null) next.push(n);
    }
    if (next.length === 0) {
      const finished = st.p.program.length === 0 && st.c.program.length === 0 && st.p.pc === 'next' && st.c.pc === 'next';
      if (!finished) {
        stuck++;
        if (trace === undefined) {
          trace = [];
          for (let k: string | null = key(st); k !== null; k = seen.get(k) ?? null) trace.unshift(k);
        }
      }
    }
    for (const n of next) {
      const k = key(n);
      if (!seen.has(k)) {
        seen.set(k, key(st));
        queue.push(n);
      }
    }
  }
  return { states: seen.size, stuck, trace, invariant };
}

describe('the ring wait/notify protocol (model)', () => {
  const expectNoStuck = (r: Result): void => {
    expect(r.invariant).toBeUndefined();
    expect(r.stuck, r.trace?.join('\n')).toBe(0);
  };

  for (const capacity of [1, 2, 3, 4]) {
    it(`never strands a side: pushAsync of 2.5 rings in pieces against popAsync, capacity ${capacity}`, () => {
      const total = Math.ceil(2.5 * capacity);
      const r = explore(capacity, [{ op: 'pushAsync', count: total }, { op: 'close' }], Array.from({ length: total + 1 }, () => ({ op: 'popAsync', count: 2 }) as Call));
      expectNoStuck(r);
      expect(r.states).toBeGreaterThan(100);
    });
  }

  for (const capacity of [2, 3, 4, 5]) {
    it(`never strands a side: waitReadable frames up to the capacity against pushAsync of more than the ring, capacity ${capacity}`, () => {
      // The workers' deadlock: a reader waits for a whole frame while the writer, with more than
      // the ring to write, waits for half the ring to be free.
      const drain = Array.from({ length: 4 * capacity }, () => ({ op: 'popAsync', count: capacity }) as Call);
      for (const frame of [capacity, capacity - 1, Math.floor(capacity / 2) + 1]) {
        const r = explore(
          capacity,
          [{ op: 'pushAsync', count: 1 }, { op: 'pushAsync', count: 2 * capacity + 1 }, { op: 'pushAsync', count: 2 }, { op: 'close' }],
          [{ op: 'waitReadable', count: frame }, { op: 'popAsync', count: 1 }, { op: 'waitReadable', count: frame }, { op: 'waitReadable', count: capacity }, ...drain],
        );
        expectNoStuck(r);
        expect(r.states).toBeGreaterThan(1000);
      }
    });
  }

  it('never strands a side: waitWritable + write against popAsync, and a consumer that closes early', () => {
    for (const capacity of [2, 3]) {
      expectNoStuck(explore(capacity, [{ op: 'waitWritable', count: capacity }, { op: 'waitWritable', count: 1 }, { op: 'close' }], [{ op: 'popAsync', count: 1 }, { op: 'popAsync', count: 1 }, { op: 'popAsync', count: capacity }, { op: 'popAsync', count: 1 }]));
      // The consumer stops after one read and closes: the producer must end (RingClosedError), not sleep.
      expectNoStuck(explore(capacity, [{ op: 'pushAsync', count: 3 * capacity }], [{ op: 'popAsync', count: 1 }, { op: 'close' }]));
    }
  });

  it('finds the deadlock when the producer keeps its half-ring watermark (the checker can fail)', () => {
    const r = explore(4, [{ op: 'pushAsync', count: 9 }, { op: 'close' }], [{ op: 'popAsync', count: 1 }, { op: 'waitReadable', count: 4 }, { op: 'waitReadable', count: 4 }], { lower: false, kick: false });
    expect(r.stuck).toBeGreaterThan(0);
  });

  it('finds the race that lowering alone leaves open: a producer asleep before the consumer announced', () => {
    const r = explore(4, [{ op: 'pushAsync', count: 9 }, { op: 'close' }], [{ op: 'popAsync', count: 1 }, { op: 'waitReadable', count: 4 }, { op: 'waitReadable', count: 4 }], { lower: true, kick: false });
    expect(r.stuck).toBeGreaterThan(0);
    expectNoStuck(explore(4, [{ op: 'pushAsync', count: 9 }, { op: 'close' }], [{ op: 'popAsync', count: 1 }, { op: 'waitReadable', count: 4 }, { op: 'waitReadable', count: 4 }]));
  });

  it('reports waitReadable(m) against waitWritable(n) with m + n > capacity + 1 as the documented mutual wait', () => {
    // Neither moves data while it waits: each waits for the other (see waitWritable's docs).
    const r = explore(4, [{ op: 'waitWritable', count: 3 }, { op: 'waitWritable', count: 3 }, { op: 'close' }], [{ op: 'popAsync', count: 1 }, { op: 'waitReadable', count: 4 }, { op: 'waitReadable', count: 2 }]);
    expect(r.stuck).toBeGreaterThan(0);
    expect(watermarksConflict(3, 4, 4)).toBe(true);
    expectNoStuck(explore(4, [{ op: 'waitWritable', count: 1 }, { op: 'waitWritable', count: 3 }, { op: 'close' }], [{ op: 'waitReadable', count: 2 }, { op: 'waitReadable', count: 2 }]));
  });
});
