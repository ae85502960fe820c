// A worker stage: multiplies every sample by the live parameter `gain`.
// Used by offload-live-param.ts, worker-pipeline.ts and latency.ts.
import { map, withLatestFrom, type Observable } from 'rxjs';
import { defineStage, exposeStage } from '@ringflow/workers';

export const gainStage = defineStage({
  params: { gain: 1 },
  build: (source: Observable<Float32Array>, params) =>
    source.pipe(
      withLatestFrom(params),
      map(([chunk, { gain }]) => chunk.map((x) => x * gain)),
    ),
});
exposeStage(gainStage);
