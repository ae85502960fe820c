// A light stage (multiply by 0.5).
import type { Observable } from 'rxjs';
import { defineStage, exposeStage } from '@ringflow/workers';
import { gainChain } from './kernels.js';

export const gainStage = defineStage({ build: (source: Observable<Float32Array>) => source.pipe(gainChain()) });
exposeStage(gainStage);
