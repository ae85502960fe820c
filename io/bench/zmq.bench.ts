// ZeroMQ edges between two processes vs raw sockets with a length prefix, side by side: chunks/s and
// MB/s of float32 chunks of 1024 and 16 384 samples over tcp://127.0.0.1 and ipc://. Runs the built
// packages (dist/).
//   npm run bench -- zmq        (or: node --import tsx io/bench/zmq.bench.ts after a build)
//
// Topology, the same for every path: this process binds and receives; a second Node process
// (io/bench/zmq-peer.ts, started afresh per run) connects and sends a continuous stream; a run
// times 64 MiB in steady state, after 64 MiB of warm-up. The paths take turns run after run (the
// shared machine drifts); the table gives medians and ratios to the raw socket baseline of the same
// transport, measured in the same process. Paths:
// - ringflow: fromZmq (ringflow wire: header checked, sequence tracked) <- ZmqSender.send awaited
//   per chunk (a copy of every chunk into a buffer of its own).
// - gnuradio: fromZmq (raw samples, the GNU Radio wire) <- ZmqSender.
// - zeromq.js: Pull.receive() <- Push.send(), no ringflow code (what the binding costs).
// - raw socket: node:net (TCP, or a Unix socket for ipc) with a 4-byte length prefix; the
//   receiver parses frames and hands each message out as a Float32Array (a view when aligned).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pull } from 'zeromq';
import { fromZmq } from '@ringflow/io/zmq';
import { machine, median, rate, table } from '@ringflow/tools/bench-kit';

const RUNS = 5;
const BYTES_PER_BATCH = 64 * 2 ** 20; // per measured batch
const peer = fileURLToPath(new URL('./zmq-peer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ringflow-zmq-bench-'));

type Path = 'ringflow' | 'gnuradio' | 'zeromq' | 'net';

/** Starts the sending process; resolves when it exits (rejects if it fails). */
function sender(path: Path, endpoint: string, samples: number, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', peer, path, endpoint, String(samples), String(count)], { stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path} sender exited with ${code}`)))));
}

/** Collects batch times: call `tick(bytes)` per message received; the first batch is warm-up. */
function batches(batchBytes: number, runs: number): { tick(bytes: number): boolean; seconds: number[] } {
  const seconds: number[] = [];
  let received = 0;
  let next = batchBytes;
  let start = performance.now();
  return {
    seconds,
    tick(bytes) {
      received += bytes;
      if (received >= next) {
        const now = performance.now();
        if (next > batchBytes) seconds.push((now - start) / 1000); // the first batch is warm-up
        start = now;
        next += batchBytes;
      }
      return seconds.length >= runs;
    },
  };
}

/** One run of one path: a fresh sender process streams a warm-up batch, then the measured one. */
async function measure(path: Path, transport: 'tcp' | 'ipc', samples: number): Promise<number> {
  const bytes = samples * 4;
  const perBatch = Math.ceil(BYTES_PER_BATCH / bytes);
  const count = perBatch * 2;
  const timer = batches(perBatch * bytes, 1);
  let checksum = 0;
  const bind = transport === 'tcp' ? 'tcp://127.0.0.1:*' : `ipc://${join(dir, `${path}-${samples}.ipc`)}`;
  if (path === 'net') {
    const server = createServer();
    const received = new Promise<void>((resolve) => server.once('connection', (socket) => receiveFrames(socket, (chunk) => {
      checksum += chunk[0]!;
      if (timer.tick(chunk.byteLength)) resolve();
    })));
    const address = transport === 'tcp' ? await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`tcp://127.0.0.1:${(server.address() as AddressInfo).port}`))) : await new Promise<string>((resolve) => server.listen(bind.slice(6), () => resolve(bind)));
    const done = sender(path, address, samples, count);
    await received;
    await done;
    server.close();
  } else if (path === 'zeromq') {
    const pull = new Pull({ linger: 0 });
    await pull.bind(bind);
    const done = sender(path, pull.lastEndpoint!, samples, count);
    for (;;) {
      const [message] = await pull.receive();
      const chunk = new Float32Array(message!.buffer, message!.byteOffset, message!.length / 4);
      checksum += chunk[0]!;
      if (timer.tick(chunk.byteLength)) break;
    }
    await done;
    pull.close();
  } else {
    let done: Promise<void> | undefined;
    const source = fromZmq(bind, { mode: 'bind', wire: path, onReady: (endpoint) => (done = sender(path, endpoint, samples, count)) });
    // The ringflow wire ends with the sender's end-of-stream message; the GNU Radio wire has none
    // (and no chunk boundaries: messages of joined chunks): stop after the last byte.
    await new Promise<void>((resolve, reject) => {
      const sub = source.subscribe({
        next(chunk) {
          const c = chunk as Float32Array;
          checksum += c[0]!;
          if (timer.tick(c.byteLength) && path === 'gnuradio') {
            sub.unsubscribe();
            resolve();
          }
        },
        error: reject,
        complete: resolve,
      });
    });
    await done;
  }
  if (!Number.isFinite(checksum)) throw new Error('bad data');
  return timer.seconds[0]! / perBatch; // seconds per chunk
}

/** Length-prefixed frames from a stream socket, each handed out as a Float32Array (a view when aligned). */
function receiveFrames(socket: Socket, onFrame: (chunk: Float32Array) => void): void {
  const header = Buffer.alloc(4);
  let headerFill = 0;
  let message: Buffer | undefined;
  let fill = 0;
  socket.on('data', (data: Buffer) => {
    let at = 0;
    while (at < data.length) {
      if (message === undefined) {
        const length = headerFill === 0 && data.length - at >= 4 ? data.readUInt32LE(at) : -1;
        if (length >= 0 && data.length - at - 4 >= length && (data.byteOffset + at + 4) % 4 === 0) {
          onFrame(new Float32Array(data.buffer, data.byteOffset + at + 4, length / 4));
          at += 4 + length;
          continue;
        }
        const take = Math.min(4 - headerFill, data.length - at);
        data.copy(header, headerFill, at, at + take);
        headerFill += take;
        at += take;
        if (headerFill === 4) {
          message = Buffer.allocUnsafeSlow(header.readUInt32LE(0));
          headerFill = 0;
          fill = 0;
        }
      } else {
        const take = Math.min(message.length - fill, data.length - at);
        data.copy(message, fill, at, at + take);
        fill += take;
        at += take;
        if (fill === message.length) {
          onFrame(new Float32Array(message.buffer, message.byteOffset, message.length / 4));
          message = undefined;
        }
      }
    }
  });
}

console.log(`# ZeroMQ edges (${await machine()}); the machine is shared: compare ratios, not absolute rates`);
const rows: Record<string, string | number>[] = [];
const PATHS = ['net', 'zeromq', 'ringflow', 'gnuradio'] as const;
for (const samples of [1024, 16_384]) {
  for (const transport of ['tcp', 'ipc'] as const) {
    // Round-robin over the paths, run after run, so that the machine's drift hits them all alike.
    const runs = new Map<Path, number[]>(PATHS.map((p) => [p, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const path of PATHS) runs.get(path)!.push(await measure(path, transport, samples));
      process.stderr.write('.');
    }
    const perChunk = new Map<Path, number>(PATHS.map((p) => [p, median(runs.get(p)!)]));
    const base = perChunk.get('net')!;
    for (const [path, seconds] of perChunk) {
      rows.push({
        chunk: samples,
        transport,
        path: path === 'net' ? `raw ${transport === 'tcp' ? 'TCP' : 'Unix'} socket, length prefix` : path === 'zeromq' ? 'zeromq.js Push/Pull' : `ringflow ${path} wire`,
        'chunks/s': rate(1 / seconds),
        'MB/s': ((samples * 4) / seconds / 1e6).toFixed(0),
        'x raw socket': (base / seconds).toFixed(2),
      });
    }
  }
}
process.stderr.write('\n');
table(`float32 chunks between two processes, median of ${RUNS} runs of ${BYTES_PER_BATCH / 2 ** 20} MiB each (after ${BYTES_PER_BATCH / 2 ** 20} MiB of warm-up)`, rows);
rmSync(dir, { recursive: true, force: true });
