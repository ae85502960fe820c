import { afterAll, describe, expect, it } from 'vitest';
import { Observable, Subject, firstValueFrom, lastValueFrom, map, toArray } from 'rxjs';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { fromSamples } from '@ringflow/operators';
import { fromZmq, openZmqReceiver, toZmq, type ToZmqOperator } from '@ringflow/io/zmq';
import { CountingChecker, countingChunk, ipcDir, until } from './helpers.js';

const ipc = ipcDir();
afterAll(() => ipc.remove());

/** The counting sequence as chunks of `chunkFrames`, emitted as fast as `out` takes them (its queue stays under 8 MiB). */
function pacedCounting<T>(out: ToZmqOperator<T>, total: number, chunkFrames: number, channels: number, complex: boolean): Observable<T> {
  return new Observable((subscriber) => {
    let first = 0;
    let timer: NodeJS.Immediate | undefined;
    const step = (): void => {
      while (!subscriber.closed && first < total && out.stats.queuedBytes < 8 << 20) {
        const frames = Math.min(chunkFrames, total - first);
        const data = countingChunk(Float32Array, first, frames, channels, complex) as Float32Array;
        subscriber.next((channels === 1 && !complex ? data : asMultichannel(data, channels)) as T);
        first += frames;
      }
      if (first === total) subscriber.complete();
      else if (!subscriber.closed) timer = setImmediate(step);
    };
    step();
    return () => {
      if (timer !== undefined) clearImmediate(timer);
    };
  });
}

describe('toZmq -> fromZmq (ringflow wire)', () => {
  it('carries 20 M float32 samples of a counting sequence over tcp://127.0.0.1, nothing lost, duplicated or reordered', async () => {
    const total = 20_000_000;
    let bound = '';
    const out = toZmq('tcp://127.0.0.1:*', { onReady: (e) => (bound = e), sampleRate: 1e6 });
    const sent = lastValueFrom(pacedCounting(out, total, 16_384, 1, false).pipe(out));
    await until(() => bound !== '', 'toZmq to bind');
    const checker = new CountingChecker(1);
    const rx = fromZmq(bound, { chunkSize: 10_000 });
    await new Promise<void>((resolve, reject) => rx.subscribe({ next: (c) => checker.check(c), error: reject, complete: resolve }));
    await sent;
    expect(checker.errors).toEqual([]);
    expect(checker.frames).toBe(total);
    expect(checker.chunks).toBe(total / 10_000);
    expect(rx.stats).toMatchObject({ frames: total, malformed: 0, gaps: 0, lostFrames: 0, outOfOrder: 0, sampleRate: 1e6 });
    expect(out.stats).toMatchObject({ frames: total, bytes: total * 4, queuedBytes: 0, dropped: 0 });
  });

  it('carries 20 M float32 samples over ipc:// (chunks as sent)', async () => {
    const total = 20_000_000;
    let bound = '';
    const out = toZmq(ipc.endpoint('float.ipc'), { onReady: (e) => (bound = e) });
    const sent = lastValueFrom(pacedCounting(out, total, 16_384, 1, false).pipe(out));
    await until(() => bound !== '', 'toZmq to bind');
    const checker = new CountingChecker(1);
    const rx = fromZmq(bound);
    await new Promise<void>((resolve, reject) => rx.subscribe({ next: (c) => checker.check(c), error: reject, complete: resolve }));
    await sent;
    expect(checker.errors).toEqual([]);
    expect(checker.frames).toBe(total);
    expect(checker.chunks).toBe(Math.ceil(total / 16_384));
    expect(rx.stats.chunks).toBe(Math.ceil(total / 16_384)); // chunk boundaries survive (several chunks per message)
    expect(rx.stats.messages).toBe(out.stats.messages);
  });

  for (const [name, endpoint] of [
    ['tcp://127.0.0.1', 'tcp://127.0.0.1:*'],
    ['ipc://', ipc.endpoint('complex.ipc')],
  ] as const) {
    it(`carries 20 M complex samples (interleaved float32 pairs, [frames, 2] chunks) over ${name}`, async () => {
      const total = 10_000_000; // frames: 20 M float32 samples
      let bound = '';
      const out = toZmq(endpoint, { complex: true, onReady: (e) => (bound = e) });
      const sent = lastValueFrom(pacedCounting(out, total, 8192, 2, true).pipe(out));
      await until(() => bound !== '', 'toZmq to bind');
      const checker = new CountingChecker(2, true);
      const rx = fromZmq(bound, { complex: true, chunkSize: 4096 });
      let shapes = true;
      await new Promise<void>((resolve, reject) =>
        rx.subscribe({
          next: (c) => {
            shapes &&= 'shape' in c && c.shape[1] === 2;
            checker.check(c);
          },
          error: reject,
          complete: resolve,
        }),
      );
      await sent;
      expect(shapes).toBe(true);
      expect(checker.errors).toEqual([]);
      expect(checker.frames).toBe(total);
      expect(rx.stats.bytes).toBe(total * 8);
    });
  }

  it('carries multichannel [frames, 6] chunks (also strided views) with their channel count', async () => {
    const total = 1_000_000;
    let bound = '';
    const out = toZmq('tcp://127.0.0.1:*', { channels: 6, onReady: (e) => (bound = e) });
    const sent = lastValueFrom(pacedCounting(out, total, 3000, 6, false).pipe(out));
    await until(() => bound !== '', 'toZmq to bind');
    const checker = new CountingChecker(6);
    const rx = fromZmq(bound, { channels: 6, chunkSize: 1024 });
    await new Promise<void>((resolve, reject) => rx.subscribe({ next: (c) => checker.check(c), error: reject, complete: resolve }));
    await sent;
    expect(checker.errors).toEqual([]);
    expect(checker.frames).toBe(total);

    // A transposed view (stride [1, frames]) is sent interleaved.
    let bound2 = '';
    const planar = new Float32Array([0, 2, 4, 1, 3, 5]); // channel 0: 0 2 4, channel 1: 1 3 5
    const view = { data: planar, shape: [3, 2] as [number, number], stride: [1, 3] as [number, number], offset: 0 };
    const out2 = toZmq('tcp://127.0.0.1:*', { channels: 2, onReady: (e) => (bound2 = e) });
    const sent2 = lastValueFrom(new Observable<MultichannelChunk<Float32Array>>((s) => (s.next(view), s.complete())).pipe(out2));
    await until(() => bound2 !== '', 'toZmq to bind');
    const got = await firstValueFrom(fromZmq(bound2, { channels: 2 }).pipe(toArray()));
    await sent2;
    expect(got).toHaveLength(1);
    expect(Array.from((got[0] as { data: Float32Array }).data)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('copies every chunk when it arrives, so a source that reuses its buffer cannot corrupt messages in flight', async () => {
    let bound = '';
    const out = toZmq('tcp://127.0.0.1:*', { onReady: (e) => (bound = e) });
    const buffer = new Float32Array(1024);
    const source = new Observable<Float32Array>((s) => {
      for (let i = 0; i < 50; i++) {
        buffer.fill(i);
        s.next(buffer); // the same array every time, overwritten at once
      }
      s.complete();
    });
    const sent = lastValueFrom(source.pipe(out));
    await until(() => bound !== '', 'toZmq to bind');
    const got = await firstValueFrom(fromZmq(bound).pipe(toArray()));
    await sent;
    expect(got.map((c) => (c as Float32Array)[0])).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(got.every((c) => (c as Float32Array).every((v) => v === (c as Float32Array)[0]))).toBe(true);
  });

  it('passes chunks through once ZeroMQ took them and completes after the end of stream', async () => {
    let bound = '';
    const out = toZmq('tcp://127.0.0.1:*', { onReady: (e) => (bound = e) });
    const chunks = [new Float32Array([1, 2]), new Float32Array([3])];
    const passed = firstValueFrom(fromSamples(new Float32Array([1, 2, 3]), 2).pipe(out, toArray()));
    await until(() => bound !== '', 'toZmq to bind');
    const received = await firstValueFrom(fromZmq(bound).pipe(toArray()));
    expect((await passed).map((c) => Array.from(c as Float32Array))).toEqual([[1, 2], [3]]);
    expect(received.map((c) => Array.from(c as Float32Array))).toEqual(chunks.map((c) => Array.from(c)));
  });

  it('errors the receiver with the reason when the source errors, after the chunks sent before', async () => {
    let bound = '';
    const out = toZmq('tcp://127.0.0.1:*', { onReady: (e) => (bound = e) });
    const source = new Subject<Float32Array>();
    const sending = lastValueFrom(source.pipe(out)).catch((e: Error) => e);
    await until(() => bound !== '', 'toZmq to bind');
    const got: number[] = [];
    const received = new Promise<Error>((resolve) => fromZmq(bound).subscribe({ next: (c) => got.push((c as Float32Array)[0]!), error: resolve }));
    source.next(new Float32Array([7]));
    await until(() => got.length === 1, 'the first chunk');
    source.error(new Error('the microphone went away'));
    expect((await received).message).toMatch(/the sender aborted the stream: .*the microphone went away/);
    expect(((await sending) as Error).message).toBe('the microphone went away');
    expect(got).toEqual([7]);
  });

  it('errors with a RangeError naming maxQueuedBytes when nobody takes the data (never drops silently)', async () => {
    const out = toZmq('tcp://127.0.0.1:*', { maxQueuedBytes: 1 << 20, highWaterMark: 4 });
    const source = fromSamples(new Float32Array(1 << 20), 4096); // 4 MiB, nobody receives
    await expect(lastValueFrom(source.pipe(out))).rejects.toThrow(/toZmq: .* would exceed maxQueuedBytes \(1048576\)/);
    expect(out.stats.overruns).toBe(1);
    expect(out.stats.queuedBytes).toBe(0);
  });

  it("counts what 'drop-newest' drops and sends the rest", async () => {
    let bound = '';
    const out = toZmq('tcp://127.0.0.1:*', { maxQueuedBytes: 64 << 10, overflow: 'drop-newest', highWaterMark: 2, onReady: (e) => (bound = e) });
    const sent = lastValueFrom(fromSamples(countingChunk(Float32Array, 0, 1 << 20, 1) as Float32Array, 4096).pipe(out), { defaultValue: undefined });
    await until(() => bound !== '', 'toZmq to bind');
    const got = await firstValueFrom(fromZmq(bound).pipe(toArray()));
    await sent;
    const frames = got.reduce((n, c) => n + (c as Float32Array).length, 0);
    expect(out.stats.dropped).toBeGreaterThan(0);
    expect(frames + out.stats.dropped).toBe(1 << 20);
    expect(out.stats.frames).toBe(frames);
  });

  it('sends tags with the message that holds their frame; the receiver re-bases them to its own count', async () => {
    let bound = '';
    const out = toZmq('tcp://127.0.0.1:*', { onReady: (e) => (bound = e) });
    const source = new Subject<Float32Array>();
    const sent = lastValueFrom(source.pipe(out));
    out.addTag({ offset: 0, key: 'start', value: true });
    out.addTag({ offset: 1500, key: 'rx_freq', value: 433.92e6 });
    out.addTag({ offset: 1000, key: 'burst', value: 7, srcid: 'test' });
    await until(() => bound !== '', 'toZmq to bind');
    const tags: { offset: number; key: string; value: unknown; srcid?: unknown; delivered: number }[] = [];
    let frames = 0;
    const rx = fromZmq(bound, { chunkSize: 600, onTag: (t) => tags.push({ ...t, delivered: frames }) });
    const done = lastValueFrom(rx.pipe(map((c) => (frames += (c as Float32Array).length))));
    for (let i = 0; i < 4; i++) source.next(new Float32Array(512));
    expect(() => out.addTag({ offset: 100, key: 'late', value: 1 })).toThrow(/frame 100 was already sent \(2048 frames so far\)/);
    source.complete();
    await sent;
    expect(await done).toBe(2048);
    expect(out.stats.tags).toBe(3);
    expect(rx.stats.tags).toBe(3);
    expect(tags).toEqual([
      { offset: 0, key: 'start', value: true, srcid: false, delivered: 0 },
      { offset: 1000, key: 'burst', value: 7, srcid: 'test', delivered: 600 },
      { offset: 1500, key: 'rx_freq', value: 433.92e6, srcid: false, delivered: 1200 },
    ]);
  });

  it('rejects chunks of the wrong format or shape with a TypeError/RangeError naming toZmq', async () => {
    const bad = [
      [new Float64Array(4), TypeError, /toZmq: expected Float32Array chunks/],
      [[1, 2, 3], TypeError, /toZmq: expected Float32Array chunks or/],
      [asMultichannel(new Float32Array(4), 2), RangeError, /toZmq: the stream has 1 channel but a \[2, 2\] chunk came/],
    ] as const;
    for (const [chunk, Type, message] of bad) {
      const out = toZmq('tcp://127.0.0.1:*');
      const error = await lastValueFrom(new Observable<Float32Array>((s) => s.next(chunk as unknown as Float32Array)).pipe(out)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Type);
      expect((error as Error).message).toMatch(message);
    }
    expect(() => toZmq('localhost:5555')).toThrow(/toZmq: endpoint 'localhost:5555' is not a ZeroMQ address/);
    expect(() => toZmq('tcp://*:1', { format: 'float16' as 'f' })).toThrow(/unknown format 'float16'/);
    expect(() => toZmq('tcp://*:1', { complex: true, format: 'h' })).toThrow(/complex samples are float32 or float64/);
    expect(() => toZmq('tcp://*:1', { pattern: 'req-rep' as 'pub-sub' })).toThrow(TypeError);
    expect(() => toZmq('tcp://*:1', { topic: 'x' })).toThrow(/topic applies to pattern 'pub-sub' only/);
    expect(() => toZmq('tcp://*:1', { maxQueuedBytes: 0 })).toThrow(RangeError);
    expect(() => toZmq('tcp://*:1', { wire: 'gnuradio' }).addTag({ offset: 0, key: 'a', value: 1 })).toThrow(/toZmq: the 'gnuradio' wire carries tags only with \{ tags: true \}/);
    expect(() => toZmq('tcp://*:1').addTag({ offset: 0, key: 'a', value: Symbol('x') as unknown as number })).toThrow(/toZmq: tag cannot serialise a symbol/);
  });

  it('stops a synchronous endless source at once when it errors', async () => {
    let emitted = 0;
    const endless = new Observable<Float32Array>((s) => {
      while (!s.closed) {
        emitted++;
        s.next(emitted === 10 ? (new Float64Array(4) as unknown as Float32Array) : new Float32Array(4));
      }
    });
    await expect(lastValueFrom(endless.pipe(toZmq('tcp://127.0.0.1:*')))).rejects.toThrow(TypeError);
    expect(emitted).toBe(10);
  });

  it('reports an endpoint it cannot bind as an error of the stream', async () => {
    let bound = '';
    const first = toZmq('tcp://127.0.0.1:*', { onReady: (e) => (bound = e) });
    const sub = new Subject<Float32Array>().pipe(first).subscribe();
    await until(() => bound !== '', 'the first bind');
    await expect(lastValueFrom(fromSamples(new Float32Array(4), 4).pipe(toZmq(bound)))).rejects.toThrow(/toZmq: cannot bind tcp:\/\/127\.0\.0\.1:\d+/);
    sub.unsubscribe();
  });

  it('works as the receiving side can see at once: a receiver opened first, a sender connecting later', async () => {
    const receiver = await openZmqReceiver('tcp://127.0.0.1:*', { mode: 'bind' });
    const out = toZmq(receiver.endpoint, { mode: 'connect' });
    const sent = lastValueFrom(fromSamples(new Float32Array([1, 2, 3, 4]), 2).pipe(out));
    const got: number[] = [];
    for await (const chunk of receiver) got.push(...(chunk as Float32Array));
    await sent;
    expect(got).toEqual([1, 2, 3, 4]);
  });
});
