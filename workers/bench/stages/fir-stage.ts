import type { Observable } from 'rxjs';
import { defineStage, exposeStage } from '@ringflow/workers';
import { TAPS, firChain } from './kernels.js';

export const firStage = defineStage({ build: (source: Observable<Float32Array>) => source.pipe(firChain(TAPS)) });
exposeStage(firStage);
