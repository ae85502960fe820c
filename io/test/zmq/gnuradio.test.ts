// Interop with a real GNU Radio 3.10 (Debian's gnuradio, run with /usr/bin/python3): the flowgraphs
// are in fixtures/gnuradio_flowgraphs.py. Without GNU Radio these tests say so and skip; in CI
// (RINGFLOW_CI=1, set by .ci/run, which installs it) a missing GNU Radio is a failure.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lastValueFrom, takeWhile, tap, type Observable } from 'rxjs';
import { isMultichannel, type Chunk, type TypedArray } from '@ringflow/core';
import { fromSamples } from '@ringflow/operators';
import { fromZmq, pmt, toZmq, type PmtValue, type ZmqTag } from '@ringflow/io/zmq';
import { inCi, ipcDir, until } from './helpers.js';

// GNU Radio's Python modules work with Debian's /usr/bin/python3 only (override to test the skip).
const PYTHON = process.env.RINGFLOW_GNURADIO_PYTHON ?? '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./fixtures/gnuradio_flowgraphs.py', import.meta.url));
const probe = spawnSync(PYTHON, ['-c', 'from gnuradio import gr, blocks, zeromq; print(gr.version())'], { encoding: 'utf8' });
const gnuradio = probe.status === 0 ? probe.stdout.trim() : undefined;
const MISSING = 'GNU Radio is not installed (apt-get install -y --no-install-recommends gnuradio; it runs with /usr/bin/python3)';
if (gnuradio === undefined) console.warn(`io/test/zmq/gnuradio.test.ts: skipping the GNU Radio interop tests: ${MISSING}`);

/** The known float signal of the fixture script (exact in float32). */
const knownFloat = (i: number): number => ((i * 7) % 1000) - 500 + 0.25;
/** The known complex signal of the fixture script: (re, im) of sample i. */
const knownComplex = (i: number): [number, number] => [(i % 4096) - 2048, -(i % 777) + 0.5];

interface FlowgraphEvent {
  readonly event: string;
  readonly [key: string]: unknown;
}

/** A running flowgraph: its JSON events, a way to wait for one, and a teardown that never leaves it behind. */
class Flowgraph {
  readonly events: FlowgraphEvent[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(scenario: string, args: object) {
    this.child = spawn(PYTHON, [SCRIPT, scenario, JSON.stringify(args)], { stdio: 'pipe' });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      try {
        this.events.push(JSON.parse(line) as FlowgraphEvent);
      } catch {
        this.stderr += `(stdout) ${line}\n`;
      }
    });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.child.on('exit', (code) => (this.exitCode = code));
    running.add(this);
  }

  async waitFor(event: string, timeout = 60_000): Promise<FlowgraphEvent> {
    await until(() => this.events.some((e) => e.event === event) || this.exitCode !== undefined, `GNU Radio event '${event}'`, timeout).catch((error: Error) => {
      throw new Error(`${error.message}\nGNU Radio stderr:\n${this.stderr}`);
    });
    const found = this.events.find((e) => e.event === event);
    if (found === undefined) throw new Error(`the flowgraph exited (${this.exitCode}) before '${event}':\n${this.stderr}`);
    return found;
  }

  /** Closes stdin (the scenario's stop signal), waits for the exit, kills it if it hangs. */
  async stop(timeout = 20_000): Promise<number | null> {
    this.child.stdin.end();
    const exited = new Promise<void>((resolve) => (this.exitCode !== undefined ? resolve() : this.child.on('exit', () => resolve())));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeout);
    await exited;
    clearTimeout(timer);
    running.delete(this);
    return this.exitCode ?? null;
  }
}
const running = new Set<Flowgraph>();

const ipc = ipcDir();
afterEach(async () => {
  await Promise.all([...running].map((f) => f.stop(5000)));
});
afterAll(() => ipc.remove());

/** A free TCP port on 127.0.0.1 (GNU Radio 3.10's sinks bind, so it needs a port number). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** How many of `n` indices `wrong(i)` flags. */
function countWrong(n: number, wrong: (i: number) => boolean): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (wrong(i)) count++;
  return count;
}

/** Frames of a chunk as [frame][channel] numbers. */
function framesOf(chunk: Chunk<TypedArray>): { data: ArrayLike<number>; frames: number; channels: number } {
  if (isMultichannel(chunk)) return { data: chunk.data as unknown as ArrayLike<number>, frames: chunk.shape[0], channels: chunk.shape[1] };
  return { data: chunk as unknown as ArrayLike<number>, frames: (chunk as TypedArray).length, channels: 1 };
}

/**
 * Reads `count` frames from a receiver, calling `check(data, first, frames, channels)` per chunk
 * (it returns how many samples were wrong); unsubscribes after the last frame.
 */
async function readFrames(
  rx: Observable<Chunk<TypedArray>>,
  count: number,
  check: (data: ArrayLike<number>, first: number, frames: number, channels: number) => number,
): Promise<{ frames: number; mismatches: number; chunkFrames: number[] }> {
  let frames = 0;
  let mismatches = 0;
  const chunkFrames: number[] = [];
  await lastValueFrom(
    rx.pipe(
      tap((chunk) => {
        const { data, frames: n, channels } = framesOf(chunk);
        mismatches += check(data, frames, n, channels);
        chunkFrames.push(n);
        frames += n;
      }),
      takeWhile(() => frames < count),
    ),
    { defaultValue: undefined },
  );
  return { frames, mismatches, chunkFrames };
}

describe.runIf(inCi && gnuradio === undefined)('GNU Radio interop in CI', () => {
  it('has GNU Radio installed (.ci/run installs it)', () => {
    throw new Error(`${MISSING}: the interop tests cannot be skipped in CI. ${probe.error?.message ?? probe.stderr}`);
  });
});

describe.skipIf(gnuradio === undefined)(`GNU Radio ${gnuradio ?? `interop: skipped, ${MISSING}`}`, () => {
  it('(a) zeromq.push_sink -> fromZmq: every sample of a known float signal, re-chunked from GNU Radio message sizes', async () => {
    const count = 250 * 4096; // whole chunks: the last partial chunk waits for an end GNU Radio never sends
    const endpoint = ipc.endpoint('a.ipc');
    const flowgraph = new Flowgraph('push', { endpoint, type: 'f', count });
    const rx = fromZmq(endpoint, { wire: 'gnuradio', chunkSize: 4096 });
    const { frames, mismatches, chunkFrames } = await readFrames(rx, count, (data, first, n) => countWrong(n, (i) => data[i] !== knownFloat(first + i)));
    expect(mismatches).toBe(0);
    expect(frames).toBe(count);
    expect(chunkFrames.every((n) => n === 4096)).toBe(true);
    expect(rx.stats.messages).toBeGreaterThan(1); // GNU Radio chose its own message sizes
    expect(rx.stats.malformed).toBe(0);
    await flowgraph.waitFor('done');
  });

  it('(a) zeromq.push_sink(gr_complex) over tcp -> fromZmq({ complex: true }): [frames, 2] chunks of (re, im)', async () => {
    const count = 300_000;
    const endpoint = `tcp://127.0.0.1:${await freePort()}`;
    const flowgraph = new Flowgraph('push', { endpoint, type: 'c', count });
    const rx = fromZmq(endpoint, { wire: 'gnuradio', complex: true });
    let shape = true;
    const { frames, mismatches } = await readFrames(rx, count, (data, first, n, channels) => {
      shape &&= channels === 2;
      return countWrong(n, (i) => {
        const [re, im] = knownComplex(first + i);
        return data[2 * i] !== re || data[2 * i + 1] !== im;
      });
    });
    expect(shape).toBe(true);
    expect(mismatches).toBe(0);
    expect(frames).toBe(count);
    await flowgraph.waitFor('done');
  });

  it('(b) toZmq -> zeromq.pull_source -> blocks.multiply_const_ff -> zeromq.push_sink -> fromZmq: samples come back scaled, tags at their offsets', async () => {
    const count = 200_000;
    const factor = 2.5;
    const source = ipc.endpoint('b-in.ipc');
    const sink = ipc.endpoint('b-out.ipc');
    const signal = Float32Array.from({ length: count }, (_, i) => knownFloat(i));
    let bound = '';
    const out = toZmq(source, { wire: 'gnuradio', tags: true, onReady: (e) => (bound = e) });
    // Tags added before the subscription go with it (fromSamples emits everything at once).
    out.addTag({ offset: 0, key: 'start', value: true });
    out.addTag({ offset: 123_457, key: 'burst', value: 42 });
    const sending = lastValueFrom(fromSamples(signal, 1000).pipe(out));
    await until(() => bound !== '', 'toZmq to bind');
    const flowgraph = new Flowgraph('scale', { source, sink, factor, pass_tags: true });
    await flowgraph.waitFor('ready');
    const tags: ZmqTag[] = [];
    const rx = fromZmq(sink, { wire: 'gnuradio', tags: true, onTag: (t) => tags.push(t) });
    const { frames, mismatches } = await readFrames(rx, count, (data, first, n) => countWrong(n, (i) => data[i] !== Math.fround(signal[first + i]! * factor)));
    await sending;
    expect(mismatches).toBe(0);
    expect(frames).toBe(count);
    expect(tags.map(({ offset, key, value }) => ({ offset, key, value }))).toEqual([
      { offset: 0, key: 'start', value: true },
      { offset: 123_457, key: 'burst', value: 42 },
    ]);
    expect(await flowgraph.stop()).toBe(0);
  });

  it('(c) a tag sent by ringflow is seen by GNU Radio at its offset, with the PMT bytes GNU Radio itself would write', async () => {
    const count = 50_000;
    const endpoint = ipc.endpoint('c1.ipc');
    const sent: { offset: number; key: string; value: PmtValue; python: unknown }[] = [
      { offset: 0, key: 'start', value: true, python: true },
      { offset: 1234, key: 'burst', value: 7, python: 7 },
      { offset: 1234, key: 'level', value: -5, python: -5 },
      { offset: 5000, key: 'rx_freq', value: pmt.double(433.92e6), python: 433.92e6 },
      { offset: 9999, key: 'gain', value: 0.125, python: 0.125 },
      { offset: 20_000, key: 'name', value: 'ringflow', python: 'ringflow' },
      { offset: 30_000, key: 'rx_time', value: [pmt.uint64(1_700_000_000), 0.5], python: [1_700_000_000, 0.5] },
      { offset: 40_000, key: 'iq', value: { re: 1, im: -2 }, python: [1, -2] },
      { offset: 49_999, key: 'last', value: false, python: false },
    ];
    let bound = '';
    const out = toZmq(endpoint, { wire: 'gnuradio', tags: true, onReady: (e) => (bound = e) });
    const signal = Float32Array.from({ length: count }, (_, i) => knownFloat(i));
    for (const { offset, key, value } of sent) out.addTag({ offset, key, value });
    const sending = lastValueFrom(fromSamples(signal, 777).pipe(out));
    await until(() => bound !== '', 'toZmq to bind');
    const flowgraph = new Flowgraph('tag_sink', { endpoint, count });
    const done = await flowgraph.waitFor('done');
    await sending;
    expect(done).toMatchObject({ items: count, mismatches: 0 });
    const seen = flowgraph.events.filter((e) => e.event === 'tag');
    expect(seen.map(({ offset, key, value }) => ({ offset, key, value }))).toEqual(sent.map(({ offset, key, python }) => ({ offset, key, value: python })));
    for (const [i, tag] of seen.entries()) expect(tag.hex, sent[i]!.key).toBe(Buffer.from(pmt.serialize(sent[i]!.value)).toString('hex'));
    expect(out.stats.tags).toBe(sent.length);
    await flowgraph.stop();
  });

  it('(c) tags sent by GNU Radio (a vector_source with tags) arrive in ringflow at their offsets', async () => {
    const count = 100_000;
    const endpoint = ipc.endpoint('c2.ipc');
    const flowgraph = new Flowgraph('push', {
      endpoint,
      type: 'f',
      count,
      pass_tags: true,
      tags: [
        [0, 'start', { bool: true }],
        [10, 'packet_len', { long: 1500 }],
        [4096, 'rx_freq', { double: 100.5e6 }],
        [50_000, 'name', { symbol: 'gnuradio' }],
        [65_535, 'rx_time', { rx_time: [1_700_000_001, 0.25] }],
        [70_000, 'big', { long: 2 ** 40 }],
        [99_999, 'phase', { complex: [0.5, -0.5] }],
      ],
    });
    const tags: (ZmqTag & { delivered: number })[] = [];
    let delivered = 0;
    const rx = fromZmq(endpoint, { wire: 'gnuradio', tags: true, chunkSize: 1000, onTag: (t) => tags.push({ ...t, delivered }) });
    const { mismatches } = await readFrames(rx, count, (data, first, n) => {
      delivered = first + n;
      return countWrong(n, (i) => data[i] !== knownFloat(first + i));
    });
    expect(mismatches).toBe(0);
    expect(tags.map(({ offset, key, value, srcid }) => ({ offset, key, value, srcid }))).toEqual([
      { offset: 0, key: 'start', value: true, srcid: 'gnuradio_flowgraphs' },
      { offset: 10, key: 'packet_len', value: 1500, srcid: 'gnuradio_flowgraphs' },
      { offset: 4096, key: 'rx_freq', value: 100.5e6, srcid: 'gnuradio_flowgraphs' },
      { offset: 50_000, key: 'name', value: 'gnuradio', srcid: 'gnuradio_flowgraphs' },
      { offset: 65_535, key: 'rx_time', value: [1_700_000_001, 0.25], srcid: 'gnuradio_flowgraphs' },
      { offset: 70_000, key: 'big', value: 2 ** 40, srcid: 'gnuradio_flowgraphs' },
      { offset: 99_999, key: 'phase', value: { re: 0.5, im: -0.5 }, srcid: 'gnuradio_flowgraphs' },
    ]);
    // Each tag came just before the chunk of 1000 frames that holds its frame.
    for (const t of tags) expect(Math.floor(t.offset / 1000) * 1000, t.key).toBe(t.delivered);
    await flowgraph.waitFor('done');
  });
});
