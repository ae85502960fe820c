// The second half of the heavy chain (the high-pass FIR and the live gain), for a two-worker pipeline (notebook 04).
import { defineStage, exposeStage } from '@ringflow/workers';
import { secondHalf } from './heavy-chain.mjs';

exposeStage(defineStage({ params: { gain: 1 }, build: (source, params) => secondHalf(source, params) }));
