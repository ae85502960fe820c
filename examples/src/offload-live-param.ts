// Offload with a live parameter: a gain stage runs in a worker (gain-stage.ts); the main thread
// changes its gain while chunks flow. The update travels in band with the chunks, so it applies
// exactly from the chunk after which it was emitted.
//
//   npx tsx --conditions=@ringflow/source examples/src/offload-live-param.ts
import { BehaviorSubject, lastValueFrom, map, range, toArray } from 'rxjs';
import { offload } from '@ringflow/workers';
import type { gainStage } from './gain-stage.js';

const gain = new BehaviorSubject({ gain: 1 });
const chunks = 20;
const source = range(0, chunks).pipe(
  map((i) => {
    if (i === 10) gain.next({ gain: 0.5 }); // emitted between chunk 9 and chunk 10
    return new Float32Array(1000).fill(1);
  }),
);
// './gain-stage.js', as an import names it: under tsx offload runs gain-stage.ts, once built gain-stage.js.
const out = await lastValueFrom(
  source.pipe(offload<typeof gainStage>(new URL('./gain-stage.js', import.meta.url), { params: gain }), toArray()),
);
const gains = out.map((chunk) => chunk[0]);
console.log(`${out.length} chunks of ${out[0]!.length} samples back from the worker`);
console.log(`gain per chunk: ${gains.join(' ')}`);
