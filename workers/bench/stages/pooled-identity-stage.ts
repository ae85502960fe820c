// Passes chunks through, its source handing out pooled chunks (defineStage reuse).
import type { Observable } from 'rxjs';
import { defineStage, exposeStage } from '@ringflow/workers';

export const pooledIdentityStage = defineStage({ reuse: true, build: (source: Observable<Float32Array>) => source });
exposeStage(pooledIdentityStage);
