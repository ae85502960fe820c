// Measuring latency: one 128-sample chunk at a time goes main -> worker -> main through offload
// (a gain stage at gain 1), and the next is sent when the previous one is back; the round trip
// of each is timed with performance.now(). The first chunks (the worker starting) are left out.
//
//   npx tsx --conditions=@ringflow/source examples/src/latency.ts [--chunks 2000]
import { parseArgs } from 'node:util';
import { Subject } from 'rxjs';
import { offload } from '@ringflow/workers';
import type { gainStage } from './gain-stage.js';

const { values } = parseArgs({ options: { chunks: { type: 'string', default: '2000' } } });
const total = Number(values.chunks);
const warmup = 20;
if (!Number.isInteger(total) || total <= warmup) throw new RangeError(`latency: --chunks must be an integer above ${warmup}, got ${values.chunks}`);

const source = new Subject<Float32Array>();
const times: number[] = [];
const chunk = new Float32Array(128).fill(1);
let sentAt = 0;
const send = () => {
  sentAt = performance.now();
  source.next(chunk);
};
await new Promise<void>((resolve, reject) => {
  source.pipe(offload<typeof gainStage>(new URL('./gain-stage.js', import.meta.url), { params: { gain: 1 } })).subscribe({
    next: () => {
      times.push(performance.now() - sentAt);
      if (times.length < total) send();
      else source.complete();
    },
    error: reject,
    complete: resolve,
  });
  send();
});

const measured = times.slice(warmup).sort((a, b) => a - b);
const quantile = (q: number) => measured[Math.min(measured.length - 1, Math.floor(q * measured.length))]! * 1000;
console.log(`round trip of a 128-sample chunk main -> worker -> main, ${measured.length} chunks:`);
console.log(`median ${quantile(0.5).toFixed(0)} us, p90 ${quantile(0.9).toFixed(0)} us, p99 ${quantile(0.99).toFixed(0)} us`);
console.log(`(128 samples at 48 kHz last ${((128 / 48_000) * 1e6).toFixed(0)} us)`);
