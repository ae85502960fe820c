// Worker stage of `ringflow analyze`: the STFT, to power spectra per channel.
import { first, switchMap, type Observable } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import { defineStage, exposeStage } from '@ringflow/workers';
import { spectrumChain, type SpectrumParams } from '../internal/chains.js';

type Frames = MultichannelChunk<Float32Array>;

export const spectrumStage = defineStage<SpectrumParams, Frames, Frames>({
  params: { fftSize: 4096, hop: 1024 },
  // The framing is fixed for a run: the first parameters build the chain.
  build: (source: Observable<Frames>, params: Observable<SpectrumParams>) => params.pipe(first(), switchMap((p) => source.pipe(spectrumChain(p)))),
});

exposeStage(spectrumStage);
