import { exposeStage } from '@ringflow/workers';
import { TAPS, firChain } from './kernels.js';

exposeStage((source) => source.pipe(firChain(TAPS)));
