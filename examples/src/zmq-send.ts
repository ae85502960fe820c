// The sending end of zmq-receive.ts: connects a PUSH socket to the endpoint given and sends 1 s
// of a 1 kHz sine (amplitude 0.5, float32, 48 kHz) as 1000-frame chunks on the 'ringflow' wire
// (chunks that meet a busy socket are joined into one message).
//
//   npx tsx --conditions=@ringflow/source examples/src/zmq-send.ts tcp://127.0.0.1:PORT
import { fileURLToPath } from 'node:url';
import { lastValueFrom, take } from 'rxjs';
import { oscillator } from '@ringflow/operators';
import { toZmq } from '@ringflow/io/zmq';

export const SAMPLE_RATE = 48_000;
export const FRAMES = SAMPLE_RATE;

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const endpoint = process.argv[2];
  if (endpoint === undefined) throw new TypeError('zmq-send: expected an endpoint argument (tcp://127.0.0.1:PORT), got none');
  const out = toZmq(endpoint, { mode: 'connect', sampleRate: SAMPLE_RATE });
  const chunkSize = 1000;
  await lastValueFrom(
    oscillator({ frequency: 1000, amplitude: 0.5, sampleRate: SAMPLE_RATE, chunkSize, format: 'float32' }).pipe(take(FRAMES / chunkSize), out),
    { defaultValue: undefined },
  );
  console.log(`sent ${out.stats.frames} frames (${out.stats.chunks} chunks, ${out.stats.messages} messages) to ${endpoint}`);
}
