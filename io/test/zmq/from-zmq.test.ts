import { spawn } from 'node:child_process';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Push } from 'zeromq';
import { fromZmq, openZmqReceiver, openZmqSender, pmt } from '@ringflow/io/zmq';
import { ipcDir, until } from './helpers.js';

const ipc = ipcDir();
afterAll(() => ipc.remove());

/** A raw zeromq.js PUSH socket bound to a fresh endpoint, for hand-made messages. */
async function rawPush(): Promise<{ socket: Push; endpoint: string }> {
  const socket = new Push({ linger: 0 });
  await socket.bind('tcp://127.0.0.1:*');
  return { socket, endpoint: socket.lastEndpoint! };
}

/** A ringflow header like the sender's (see internal/ringflow-header.ts), for hand-made messages. */
function ringflowHeader(fields: { version?: number; kind?: number; format?: string; channels?: number; sequence?: number; firstFrame?: number; frames: number }): Buffer {
  const chunks = fields.frames === 0 ? 0 : 1;
  const h = Buffer.alloc(52 + 4 * chunks);
  h.write('RFLW', 0, 'latin1');
  h.writeUInt8(fields.version ?? 1, 4);
  h.writeUInt8(fields.kind ?? 0, 5);
  h.write(fields.format ?? 'f', 6, 'latin1');
  h.writeUInt8(1, 7);
  h.writeUInt32LE(fields.channels ?? 1, 8);
  h.writeUInt32LE(99, 12);
  h.writeBigUInt64LE(BigInt(fields.sequence ?? 0), 24);
  h.writeBigUInt64LE(BigInt(fields.firstFrame ?? 0), 32);
  h.writeUInt32LE(fields.frames, 40);
  h.writeUInt32LE(chunks, 48);
  if (chunks === 1) h.writeUInt32LE(fields.frames, 52);
  return h;
}
const samples = (...values: number[]): Buffer => Buffer.from(new Float32Array(values).buffer);
const end = (): Buffer[] => [ringflowHeader({ kind: 1, frames: 0 }), Buffer.alloc(0)];

describe('fromZmq', () => {
  it('re-chunks whatever message sizes come into exactly chunkSize frames (the doc timeline)', async () => {
    const { socket, endpoint } = await rawPush();
    const got = firstValueFrom(fromZmq(endpoint, { wire: 'gnuradio', chunkSize: 4, idleTimeout: 300 }).pipe(toArray()));
    await socket.send(samples(0, 1, 2));
    await socket.send(samples(3, 4));
    await socket.send(samples(5, 6, 7, 8));
    const chunks = (await got).map((c) => Array.from(c as Float32Array));
    socket.close();
    expect(chunks).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8]]);
  });

  it('emits one chunk per message without chunkSize, and ends after idleTimeout (the gnuradio wire has no end of stream)', async () => {
    const { socket, endpoint } = await rawPush();
    const rx = fromZmq(endpoint, { wire: 'gnuradio', idleTimeout: 200 });
    const got = firstValueFrom(rx.pipe(toArray()));
    for (let n = 1; n <= 5; n++) await socket.send(samples(...Array.from({ length: n * 100 }, (_, i) => i)));
    expect((await got).map((c) => (c as Float32Array).length)).toEqual([100, 200, 300, 400, 500]);
    expect(rx.stats).toMatchObject({ messages: 5, frames: 1500, bytes: 6000, malformed: 0 });
    socket.close();
  });

  it('counts malformed messages and goes on (ringflow wire): no header, a short header, a wrong size, an unknown format code', async () => {
    const { socket, endpoint } = await rawPush();
    const rx = fromZmq(endpoint);
    const got = firstValueFrom(rx.pipe(toArray()));
    await socket.send(samples(1, 2, 3)); // one frame: no header
    await socket.send([Buffer.from('RFLW'), samples(1)]); // a header too short
    await socket.send([ringflowHeader({ frames: 3 }), samples(1, 2)]); // announces 3 frames, holds 2
    await socket.send([ringflowHeader({ frames: 1, format: 'z' }), samples(1)]);
    await socket.send([Buffer.from('not ringflow at all, and long enough to be a header: 48 bytes'), samples(1)]);
    await socket.send([ringflowHeader({ frames: 2 }), samples(7, 8)]);
    await socket.send(end());
    expect((await got).map((c) => Array.from(c as Float32Array))).toEqual([[7, 8]]);
    expect(rx.stats.malformed).toBe(5);
    expect(rx.stats.lastMalformed).toMatch(/ringflow magic/);
    socket.close();
  });

  it("errors with a RangeError for a malformed message with onMalformed: 'error'", async () => {
    const { socket, endpoint } = await rawPush();
    const got = firstValueFrom(fromZmq(endpoint, { onMalformed: 'error' }).pipe(toArray()));
    await socket.send(samples(1, 2, 3));
    await expect(got).rejects.toThrow(/fromZmq: a ringflow message has 2 frames \(header, samples\), this one has 1/);
    await expect(got).rejects.toBeInstanceOf(RangeError);
    socket.close();
  });

  it('counts gnuradio messages that are not whole frames or lack the tag header', async () => {
    const { socket, endpoint } = await rawPush();
    const rx = fromZmq(endpoint, { wire: 'gnuradio', tags: true, complex: true, idleTimeout: 300 });
    const got = firstValueFrom(rx.pipe(toArray()));
    await socket.send(samples(1, 2, 3, 4)); // no header
    const header = Buffer.alloc(19);
    header.writeUInt16LE(0x5ff0, 0);
    header.writeUInt8(1, 2);
    await socket.send(Buffer.concat([header, samples(1, 2, 3)])); // 1.5 complex samples
    await socket.send([header, samples(1, 2)]); // two frames
    await socket.send(Buffer.concat([header, samples(5, 6)]));
    const chunks = await got;
    expect(chunks.map((c) => Array.from((c as { data: Float32Array }).data))).toEqual([[5, 6]]);
    expect(rx.stats.malformed).toBe(3);
    socket.close();
  });

  it('rejects a sender of another format or channel count with an error that says what to pass', async () => {
    const sender = await openZmqSender('tcp://127.0.0.1:*', { format: 'float64', channels: 2 });
    const got = firstValueFrom(fromZmq(sender.endpoint).pipe(toArray()));
    void sender.send({ data: new Float64Array(4), shape: [2, 2], stride: [2, 1], offset: 0 });
    await expect(got).rejects.toThrow("fromZmq: the sender sends 'd' (float64) x 2 channels, this receiver expects 'f' (float32) x 1 channel: pass { format: 'd', channels: 2 } to receive it");
    sender.close();
  });

  it('rejects a sender of another wire version with a clear error', async () => {
    const { socket, endpoint } = await rawPush();
    const got = firstValueFrom(fromZmq(endpoint).pipe(toArray()));
    await socket.send([ringflowHeader({ version: 2, frames: 1 }), samples(1)]);
    await expect(got).rejects.toThrow(/fromZmq: the sender speaks ringflow wire version 2, this receiver reads version 1/);
    socket.close();
  });

  it('delivers gnuradio-wire tags at the frame they name, re-based to the receiver count', async () => {
    const { socket, endpoint } = await rawPush();
    const tags: { offset: number; key: string; value: unknown }[] = [];
    const rx = fromZmq(endpoint, { wire: 'gnuradio', tags: true, idleTimeout: 300, onTag: ({ offset, key, value }) => tags.push({ offset, key, value }) });
    const got = firstValueFrom(rx.pipe(toArray()));
    // The sender's stream starts at its item 1000 (GNU Radio's nitems_read); a tag at its item 1002.
    const header = (offset: number, entries: Buffer[]): Buffer => {
      const h = Buffer.alloc(19);
      h.writeUInt16LE(0x5ff0, 0);
      h.writeUInt8(1, 2);
      h.writeBigUInt64LE(BigInt(offset), 3);
      h.writeBigUInt64LE(BigInt(entries.length), 11);
      return Buffer.concat([h, ...entries]);
    };
    const tag = (offset: number, key: string, value: Parameters<typeof pmt.serialize>[0]): Buffer => {
      const o = Buffer.alloc(8);
      o.writeBigUInt64LE(BigInt(offset));
      return Buffer.concat([o, pmt.serialize(key), pmt.serialize(value), pmt.serialize(false)]);
    };
    await socket.send(Buffer.concat([header(1000, [tag(1002, 'rx_freq', pmt.double(1e9))]), samples(0, 1, 2, 3)]));
    await socket.send(Buffer.concat([header(1004, [tag(1004, 'burst', 1), tag(1005, 'name', 'x')]), samples(4, 5)]));
    // 10 frames lost between the two messages: a gap (a PUB/SUB drop, say)
    await socket.send(Buffer.concat([header(1016, []), samples(16)]));
    await got;
    expect(tags).toEqual([
      { offset: 2, key: 'rx_freq', value: 1e9 },
      { offset: 4, key: 'burst', value: 1 },
      { offset: 5, key: 'name', value: 'x' },
    ]);
    expect(rx.stats).toMatchObject({ frames: 7, tags: 3, gaps: 1, lostFrames: 10 });
    socket.close();
  });

  it('counts sequence gaps of a PUB/SUB tap that falls behind, and everything it got is intact', async () => {
    const sender = await openZmqSender('tcp://127.0.0.1:*', { pattern: 'pub-sub', highWaterMark: 2, maxMessageBytes: 0 });
    const receiver = await openZmqReceiver(sender.endpoint, { pattern: 'pub-sub', highWaterMark: 2 });
    const frames = 16_384;
    let first = 0;
    const publish = async (): Promise<void> => {
      const data = new Float32Array(frames);
      for (let i = 0; i < frames; i++) data[i] = (first + i) % 2 ** 24;
      first += frames;
      await sender.send(data);
    };
    // Handshake: publish until the subscription is in place and a message got through.
    let firstChunk: Float32Array | null = null;
    const receiving = receiver.receive().then((c) => (firstChunk = c as Float32Array));
    await until(() => {
      if (firstChunk === null) void publish();
      return firstChunk !== null;
    }, 'the subscription');
    await receiving;
    // A burst the subscriber does not read: most of it is dropped at the high-water marks.
    for (let i = 0; i < 400; i++) await publish();
    // Then read, and publish a marker now and then until one published after the burst got through.
    const markerStart = first;
    let last = -1;
    let intact = true;
    const got: number[] = [firstChunk![0]!];
    const reading = (async () => {
      for (;;) {
        const chunk = (await receiver.receive()) as Float32Array;
        for (let i = 1; i < chunk.length; i++) intact &&= chunk[i] === (chunk[0]! + i) % 2 ** 24;
        got.push(chunk[0]!);
        last = chunk[0]!;
        if (last >= markerStart) return;
      }
    })();
    await until(() => {
      if (last < markerStart) void publish();
      return last >= markerStart;
    }, 'a message published after the burst', 60_000);
    await reading;
    const { stats } = receiver;
    expect(intact).toBe(true);
    expect(stats.gaps).toBeGreaterThan(0);
    expect(stats.lostMessages).toBeGreaterThan(0);
    // Every frame from the first received to the last is either received or counted lost.
    expect(stats.frames + stats.lostFrames).toBe(last - got[0]! + frames);
    expect(stats.chunks).toBe(got.length);
    sender.close();
    receiver.close();
  });

  it('counts what a broken connection lost as a gap (PUSH/PULL never loses data silently)', async () => {
    // sender -> TCP proxy -> receiver; the proxy cuts every connection once, mid-stream.
    const receiver = await openZmqReceiver('tcp://127.0.0.1:*', { mode: 'bind' });
    const target = Number(new URL(receiver.endpoint.replace('tcp://', 'http://')).port);
    const sockets = new Set<Socket>();
    const proxy = createServer((client) => {
      const upstream = connect(target, '127.0.0.1');
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    const sender = await openZmqSender(`tcp://127.0.0.1:${port}`, { mode: 'connect', highWaterMark: 50 });
    const frames = 8192;
    const total = 400;
    const firsts: number[] = [];
    let intact = true;
    const reading = (async () => {
      for await (const chunk of receiver) {
        const c = chunk as Float32Array;
        for (let i = 1; i < c.length; i++) intact &&= c[i] === c[0]! + i;
        firsts.push(c[0]!);
        if (firsts.length === 100) for (const socket of sockets) socket.destroy();
      }
    })();
    for (let m = 0; m < total; m++) {
      const chunk = new Float32Array(frames);
      for (let i = 0; i < frames; i++) chunk[i] = (m * frames + i) % 2 ** 24;
      await sender.send(chunk);
    }
    await sender.end();
    await reading;
    proxy.close();
    const { stats } = receiver;
    expect(intact).toBe(true);
    expect(firsts.every((v, i) => i === 0 || v > firsts[i - 1]! || v < 2 ** 23)).toBe(true); // in order (values wrap at 2^24)
    expect(stats.frames + stats.lostFrames).toBe(total * frames);
    expect(stats.chunks).toBe(firsts.length);
    expect(stats.outOfOrder).toBe(0);
  });

  it('strips the topic frame on pub-sub and receives only its topic', async () => {
    const a = await openZmqSender(ipc.endpoint('topic.ipc'), { pattern: 'pub-sub', topic: 'iq/a' });
    const receiver = await openZmqReceiver(a.endpoint, { pattern: 'pub-sub', topic: 'iq/a' });
    let got: Float32Array | null = null;
    const receiving = receiver.receive().then((c) => (got = c as Float32Array));
    await until(() => {
      if (got === null) void a.send(new Float32Array([1, 2, 3]));
      return got !== null;
    }, 'the subscription');
    await receiving;
    expect(Array.from(got!)).toEqual([1, 2, 3]);
    expect(receiver.stats.malformed).toBe(0);
    a.close();
    receiver.close();
  });

  it('closes its socket when unsubscribed: a process that subscribes and unsubscribes exits by itself', async () => {
    const script = fileURLToPath(new URL('./fixtures/exit-after-unsubscribe.ts', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=@ringflow/source', '--import', 'tsx', script, ipc.endpoint('exit.ipc')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    expect(output).toContain('unsubscribed');
    expect(code, `the child did not exit by itself (a handle leaked):\n${output}`).toBe(0);
  });

  it('throws at once for bad options', () => {
    expect(() => fromZmq(42 as unknown as string)).toThrow(/fromZmq: endpoint must be a string/);
    expect(() => fromZmq('tcp://127.0.0.1:1', { chunkSize: 0 })).toThrow(RangeError);
    expect(() => fromZmq('tcp://127.0.0.1:1', { onMalformed: 'ignore' as 'count' })).toThrow(/onMalformed must be 'count' or 'error'/);
    expect(() => fromZmq('tcp://127.0.0.1:1', { channels: 2.5 })).toThrow(/channels must be a positive integer/);
    expect(() => fromZmq('tcp://127.0.0.1:1', { complex: true, channels: 4 })).toThrow(/complex streams have 2 channels/);
    expect(() => fromZmq('tcp://127.0.0.1:1', { idleTimeout: -1 })).toThrow(RangeError);
    expect(() => fromZmq('tcp://127.0.0.1:1', { mode: 'listen' as 'bind' })).toThrow(/mode must be 'bind' or 'connect'/);
  });

  it('errors the stream when the endpoint cannot be bound', async () => {
    const { socket, endpoint } = await rawPush();
    await expect(lastValueFrom(fromZmq(endpoint, { mode: 'bind' }))).rejects.toThrow(/fromZmq: cannot bind tcp:\/\/127\.0\.0\.1:\d+: /);
    socket.close();
  });
});
