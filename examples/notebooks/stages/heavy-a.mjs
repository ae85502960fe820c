// The first half of the heavy chain (the low-pass FIR), for a two-worker pipeline (notebook 04).
import { defineStage, exposeStage } from '@ringflow/workers';
import { firstHalf } from './heavy-chain.mjs';

exposeStage(defineStage({ params: {}, build: (source) => firstHalf(source) }));
