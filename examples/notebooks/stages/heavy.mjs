// The whole heavy chain as one worker stage (notebook 04).
import { defineStage, exposeStage } from '@ringflow/workers';
import { wholeChain } from './heavy-chain.mjs';

exposeStage(defineStage({ params: { gain: 1 }, build: (source, params) => wholeChain(source, params) }));
