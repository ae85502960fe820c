// ZeroMQ between two processes: this process binds a PULL socket on a free port of 127.0.0.1,
// starts zmq-send.ts (a second Node process) that connects and pushes 1 s of a 1 kHz sine in
// 'ringflow' messages, and measures what arrives: every frame, in order, RMS 0.354.
//
//   npx tsx --conditions=@ringflow/source examples/src/zmq-receive.ts
//
// To run the two ends yourself: `zmq-receive.ts --no-spawn` prints its endpoint, then
// `npx tsx --conditions=@ringflow/source examples/src/zmq-send.ts tcp://127.0.0.1:PORT` in another terminal.
import { spawn } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { lastValueFrom, reduce, take } from 'rxjs';
import { fromZmq } from '@ringflow/io/zmq';
import { FRAMES, SAMPLE_RATE } from './zmq-send.js';

const { values } = parseArgs({ options: { 'no-spawn': { type: 'boolean', default: false } } });
const chunkFrames = 4800;

const stream = fromZmq('tcp://127.0.0.1:*', {
  mode: 'bind',
  chunkSize: chunkFrames,
  onReady: (endpoint) => {
    console.log(`receiving on ${endpoint}`);
    if (values['no-spawn']) return;
    // The sender is this file's sibling with this file's extension: zmq-send.ts under tsx, zmq-send.js once built.
    const sender = fileURLToPath(new URL(`./zmq-send${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
    spawn(process.execPath, [...process.execArgv, sender, endpoint], { stdio: 'inherit' }).on('exit', (code) => {
      if (code !== 0) process.exitCode = 1;
    });
  },
});
const { frames, squares } = await lastValueFrom(
  stream.pipe(
    take(FRAMES / chunkFrames),
    reduce(
      (acc, chunk) => {
        for (const x of chunk) acc.squares += x * x;
        acc.frames += chunk.length;
        return acc;
      },
      { frames: 0, squares: 0 },
    ),
  ),
);
console.log(`received ${frames} frames (${frames / SAMPLE_RATE} s at ${SAMPLE_RATE} Hz), rms ${Math.sqrt(squares / frames).toFixed(3)}`);
console.log(`messages ${stream.stats.messages}, gaps ${stream.stats.gaps}, malformed ${stream.stats.malformed}`);
