// The demo's worker stage: a high-pass filter and a spectrogram (2048-sample Hann frames, hop 1024).
import type { Observable } from 'rxjs';
import { butter, fft, magnitude, slidingWindow, sosfilt } from '@ringflow/operators';
import { defineStage, exposeStage } from '@ringflow/workers';

export const spectrumStage = defineStage({
  build: (source: Observable<Float32Array>) =>
    source.pipe(
      sosfilt(butter(4, 50, { type: 'highpass', sampleRate: 48_000 })),
      slidingWindow({ size: 2048, hop: 1024, window: 'hann' }),
      fft(),
      magnitude(),
    ),
});

exposeStage(spectrumStage);
