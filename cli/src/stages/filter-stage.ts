// Worker stage of `ringflow analyze`: the per-channel IIR filter (or a pass-through without one).
import { first, switchMap, type Observable } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import { defineStage, exposeStage } from '@ringflow/workers';
import { filterChain, type FilterParams } from '../internal/chains.js';

type Frames = MultichannelChunk<Float32Array>;

export const filterStage = defineStage<FilterParams, Frames, Frames>({
  params: { sos: null },
  // The filter is fixed for a run: the first parameters build the chain.
  build: (source: Observable<Frames>, params: Observable<FilterParams>) =>
    params.pipe(first(), switchMap(({ sos }) => (sos === null ? source : source.pipe(filterChain(sos))))),
});

exposeStage(filterStage);
