import { Subject } from 'rxjs';
import { offload } from '@ringflow/workers';
const chunkLength = Number(process.argv[2] ?? 128);
const reuse = process.argv[3] === 'reuse';
const chunks = Array.from({ length: 2 ** 21 / chunkLength }, (_, c) => new Float32Array(chunkLength).fill(c % 1000));
const source = new Subject<Float32Array>();
let left = 0; let resolve!: () => void;
source.pipe(offload(new URL(reuse ? './stages/pooled-identity-stage.ts' : './stages/identity-stage.ts', import.meta.url), { reuse, execArgv: ['--cpu-prof', '--cpu-prof-dir=/tmp/wtx/prof'] })).subscribe({ next: () => { if (--left === 0) resolve(); } });
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  await new Promise<void>((res) => { resolve = res; left = chunks.length; for (const c of chunks) source.next(c); });
  console.log(((chunks.length / (performance.now() - t0)) * 1000 / 1000).toFixed(0), 'k chunks/s');
}
source.complete();
await new Promise((r) => setTimeout(r, 300));
