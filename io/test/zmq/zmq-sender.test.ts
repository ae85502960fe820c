import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openZmqReceiver, openZmqSender } from '@ringflow/io/zmq';
import { CountingChecker, countingChunk, ipcDir, read, until } from './helpers.js';

const ipc = ipcDir();
afterAll(() => ipc.remove());


describe('ZmqSender', () => {
  it('carries 20 M samples when each send is awaited (end-to-end backpressure), over tcp and ipc', async () => {
    for (const endpoint of ['tcp://127.0.0.1:*', ipc.endpoint('sender.ipc')]) {
      const total = 20_000_000;
      const frames = 16_384;
      const sender = await openZmqSender(endpoint, { highWaterMark: 16 });
      const receiver = await openZmqReceiver(sender.endpoint, { chunkSize: 12_345 });
      const checker = new CountingChecker(1);
      const reading = (async () => {
        for await (const chunk of receiver) checker.check(chunk);
      })();
      for (let first = 0; first < total; first += frames) {
        await sender.send(countingChunk(Float32Array, first, Math.min(frames, total - first), 1) as Float32Array);
      }
      await sender.end();
      await reading;
      expect(checker.errors).toEqual([]);
      expect(checker.frames).toBe(total);
      expect(sender.stats).toMatchObject({ frames: total, queuedBytes: 0 });
      expect(receiver.stats).toMatchObject({ frames: total, gaps: 0, outOfOrder: 0, malformed: 0 });
    }
  });

  it('waits while no peer is there, and delivers everything once one connects (PUSH never drops)', async () => {
    // One chunk per message and little room: send() itself waits once 8 KiB wait for ZeroMQ.
    const sender = await openZmqSender('tcp://127.0.0.1:*', { highWaterMark: 4, maxMessageBytes: 0, maxQueuedBytes: 8192 });
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) sends.push(sender.send(countingChunk(Float32Array, i * 1000, 1000, 1) as Float32Array));
    let settled = 0;
    for (const s of sends) void s.then(() => settled++);
    await until(() => sender.stats.waits > 0, 'the sender to wait');
    expect(sender.stats.chunks).toBe(0); // a bound PUSH with no peer takes nothing
    expect(settled).toBeLessThan(50);
    const receiver = await openZmqReceiver(sender.endpoint);
    const checker = new CountingChecker(1);
    await read(receiver, checker, 50);
    await Promise.all(sends);
    expect(checker.errors).toEqual([]);
    expect(checker.frames).toBe(50_000);
    expect(settled).toBe(50);
    sender.close();
    receiver.close();
  });

  it('joins chunks that queue up into one message and keeps their boundaries', async () => {
    const sender = await openZmqSender('tcp://127.0.0.1:*', { maxMessageBytes: 40_000 });
    const receiver = await openZmqReceiver(sender.endpoint);
    const checker = new CountingChecker(1);
    const lengths: number[] = [];
    for (let i = 0, first = 0; i < 100; i++) {
      const n = 1 + ((i * 37) % 1000);
      lengths.push(n);
      void sender.send(countingChunk(Float32Array, first, n, 1) as Float32Array);
      first += n;
    }
    await sender.end();
    const got: number[] = [];
    for await (const chunk of receiver) {
      checker.check(chunk);
      got.push((chunk as Float32Array).length);
    }
    expect(checker.errors).toEqual([]);
    expect(got).toEqual(lengths);
    expect(sender.stats.chunks).toBe(100);
    expect(sender.stats.messages).toBeLessThan(100);
    expect(receiver.stats.messages).toBe(sender.stats.messages);
  });

  it('resumes without loss when the receiver goes away and a new one comes (sender binds)', async () => {
    const sender = await openZmqSender('tcp://127.0.0.1:*', { highWaterMark: 4, maxMessageBytes: 0 });
    const checker = new CountingChecker(1);
    const a = await openZmqReceiver(sender.endpoint);
    await until(() => sender.peers === 1, 'the receiver to connect');
    for (let i = 0; i < 20; i++) await sender.send(countingChunk(Float32Array, i * 1000, 1000, 1) as Float32Array);
    await read(a, checker, 20);
    a.close(); // nothing in flight: everything sent was read
    // Handshake: ZeroMQ noticed the peer is gone (what it hands a dying peer is lost with it).
    await until(() => sender.peers === 0, 'the sender to see the receiver go');
    const sends: Promise<void>[] = [];
    for (let i = 20; i < 60; i++) sends.push(sender.send(countingChunk(Float32Array, i * 1000, 1000, 1) as Float32Array));
    await until(() => sender.stats.waits > 0, 'the sender to wait for a peer');
    expect(sender.stats.chunks).toBeLessThan(60);
    const b = await openZmqReceiver(sender.endpoint);
    await read(b, checker, 40);
    await Promise.all(sends);
    expect(checker.errors).toEqual([]);
    expect(checker.frames).toBe(60_000);
    sender.close();
    b.close();
  });

  it('delivers everything to a receiver in another process and ends its stream (end, then linger)', async () => {
    const receiver = await openZmqReceiver('tcp://127.0.0.1:*', { mode: 'bind', chunkSize: 1000 });
    const script = fileURLToPath(new URL('./fixtures/send-counting.ts', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=@ringflow/source', '--import', 'tsx', script, receiver.endpoint, '2000000'], { stdio: ['ignore', 'inherit', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const checker = new CountingChecker(1);
    for await (const chunk of receiver) checker.check(chunk);
    expect(await exited).toBe(0);
    expect(checker.errors).toEqual([]);
    expect(checker.frames).toBe(2_000_000);
    expect(receiver.stats.sampleRate).toBe(8000);
  });

  it('rejects bad chunks synchronously in send, before anything is queued', async () => {
    const sender = await openZmqSender('tcp://127.0.0.1:*', { channels: 2 });
    await expect(sender.send(new Float32Array(4) as never)).rejects.toThrow(/openZmqSender: the stream has 2 channels but a 1-D chunk of 4 samples came/);
    expect(sender.stats.queuedBytes).toBe(0);
    expect(sender.framesSent).toBe(0);
    expect(() => sender.addTag({ offset: -1, key: 'a', value: 1 })).toThrow(TypeError);
    expect(() => sender.addTag({ offset: 0, key: 'a', value: undefined as unknown as number })).toThrow(/openZmqSender.addTag: tag cannot serialise undefined/);
    sender.close();
    await expect(sender.send({ data: new Float32Array(4), shape: [2, 2], stride: [2, 1], offset: 0 })).rejects.toThrow(/closed/);
    await expect(openZmqSender('tcp://127.0.0.1:*', { sampleRate: -1 })).rejects.toThrow(RangeError);
    const gr = await openZmqSender('tcp://127.0.0.1:*', { wire: 'gnuradio' });
    expect(() => gr.addTag({ offset: 0, key: 'a', value: 1 })).toThrow(/the 'gnuradio' wire carries tags only with \{ tags: true \}/);
    gr.close();
  });
});
