import { Subject } from 'rxjs';
import { offload } from '@ringflow/workers';
const transport = (process.argv[2] ?? 'ring') as 'ring' | 'message';
const spin = Number(process.argv[3] ?? 50);
const source = new Subject<Float32Array>();
let resolve!: () => void;
source.pipe(offload(new URL('./stages/identity-stage.ts', import.meta.url), { transport, spinMicros: spin, execArgv: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/wtx/prof'] : [] })).subscribe({ next: () => resolve() });
const chunk = new Float32Array(128);
const times: number[] = [];
for (let i = 0; i < 3000; i++) {
  const t0 = performance.now();
  await new Promise<void>((r) => { resolve = r; source.next(chunk); });
  if (i >= 500) times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(transport, spin, 'median', (times[times.length >> 1]! * 1000).toFixed(1), 'p99', (times[Math.floor(times.length * 0.99)]! * 1000).toFixed(1));
source.complete();
