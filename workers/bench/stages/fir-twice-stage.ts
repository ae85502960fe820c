// Both heavy stages in one worker (the one-thread comparison for pipeline).
import type { Observable } from 'rxjs';
import { defineStage, exposeStage } from '@ringflow/workers';
import { TAPS, firChain } from './kernels.js';

export const firTwiceStage = defineStage({ build: (source: Observable<Float32Array>) => source.pipe(firChain(TAPS), firChain(TAPS)) });
exposeStage(firTwiceStage);
