// Both heavy stages in one worker (the one-thread comparison for pipeline).
import { exposeStage } from '@ringflow/workers';
import { TAPS, firChain } from './kernels.js';

exposeStage((source) => source.pipe(firChain(TAPS), firChain(TAPS)));
