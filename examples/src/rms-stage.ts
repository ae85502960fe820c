// A worker stage: one RMS level per chunk (the second worker of worker-pipeline.ts).
import type { Observable } from 'rxjs';
import { rms } from '@ringflow/operators';
import { defineStage, exposeStage } from '@ringflow/workers';

export const rmsStage = defineStage({
  build: (source: Observable<Float32Array>) => source.pipe(rms()),
});
exposeStage(rmsStage);
