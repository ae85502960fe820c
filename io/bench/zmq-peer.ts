// The sending process of io/bench/zmq.bench.ts: connects to the receiver in the parent process and
// sends `count` messages of `samples` float32 samples as fast as the path allows, then exits.
//   node --import tsx io/bench/zmq-peer.ts <path> <endpoint> <samples> <count>
// Paths: ringflow | gnuradio (ZmqSender, awaiting each send; it copies every chunk), zeromq (raw
// zeromq.js Push.send of one buffer), net (a raw TCP / Unix socket, 4-byte length prefix,
// write() until it asks to wait for 'drain').
import { connect } from 'node:net';
import { Push } from 'zeromq';
import { openZmqSender } from '@ringflow/io/zmq';

const [path, endpoint, samplesArg, countArg] = process.argv.slice(2) as [string, string, string, string];
const samples = Number(samplesArg);
const count = Number(countArg);
const payload = Float32Array.from({ length: samples }, (_, i) => Math.sin(i));

if (path === 'ringflow' || path === 'gnuradio') {
  const sender = await openZmqSender(endpoint, { mode: 'connect', wire: path });
  for (let i = 0; i < count; i++) await sender.send(payload);
  await sender.end();
} else if (path === 'zeromq') {
  const push = new Push({ linger: 30_000 });
  push.connect(endpoint);
  const bytes = Buffer.from(payload.buffer);
  for (let i = 0; i < count; i++) await push.send(bytes);
  push.close();
} else if (path === 'net') {
  const url = endpoint.startsWith('ipc://') ? { path: endpoint.slice('ipc://'.length) } : { host: '127.0.0.1', port: Number(endpoint.split(':').pop()) };
  const socket = connect(url);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const bytes = Buffer.from(payload.buffer);
  const header = Buffer.alloc(4);
  header.writeUInt32LE(bytes.length);
  for (let i = 0; i < count; i++) {
    socket.write(header);
    if (!socket.write(bytes)) await new Promise((resolve) => socket.once('drain', resolve));
  }
  await new Promise<void>((resolve) => socket.end(resolve));
} else {
  throw new Error(`unknown path ${path}`);
}
