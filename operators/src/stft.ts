import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { gatherChannel, Scratch } from './internal/channels.js';
import { FloatChunks, resolveDspOptions, withContext, type DspOperatorOptions } from './internal/float-chunks.js';
import { Framer } from './internal/framer.js';
import { operate } from './internal/operate.js';
import { createStftState, processStft, type StftOptions } from './kernels/stft.js';
import type { SpectrumOf } from './types.js';

/**
 * Options of {@link stft} (and {@link istft}): the kernel's `size`, `hop`, `window`, `fftSize`,
 * `scaling`, plus `reuse`/`nan`.
 */
export interface StftOperatorOptions extends StftOptions, DspOperatorOptions {}

/**
 * Short-time Fourier transform of a sample stream: one spectrum per frame of `size` samples, frames
 * `hop` samples apart, whatever the input chunking.
 *
 * @remarks
 * Frame `f` covers input samples `[f * hop, f * hop + size)`;
 * the framing is internal (like `slidingWindow`), so the spectra do not depend on how the input is
 * chunked. Each frame is multiplied by the window (default periodic `'hann'`), zero-padded to
 * `fftSize` (default `size`) and transformed: one chunk of `2 * (floor(fftSize / 2) + 1)` numbers,
 * interleaved complex `[re0, im0, ...]`, the layout of `fft`. `scaling: 'none'` (default) is the
 * plain rfft; `'spectrum'` divides by `sum(window)`, which gives `scipy.signal.stft(x, nperseg=size,
 * noverlap=size - hop, nfft=fftSize, boundary=None, padded=False)[2][:, f]` exactly (to ~1e-12).
 * `hop` defaults to `size - floor(size / 2)` (SciPy's default) and may exceed `size` (samples between
 * frames are skipped). A spectrum is emitted as soon as the last sample of its frame arrives (in the
 * source's `next`), so one chunk can give several spectra or none; samples that never complete a frame
 * are dropped at completion (no padding: SciPy's `padded=False`). Math in float64; Float32Array in,
 * Float32Array spectra out. Non-float chunks or a class change error the stream with a TypeError.
 * NaN makes every spectrum whose frame holds it NaN (`nan: 'error'` errors the stream instead).
 *
 * Multichannel: `size` and `hop` count frames; each frame of a `[frames, channels]` stream gives
 * a `[channels, 2 * bins]` chunk, row `c` the spectrum of channel `c` (what `stft` gives for that
 * channel alone). The first chunk fixes the layout.
 *
 * Ownership: fresh spectra unless `reuse: true` (views of one buffer per subscription, overwritten
 * by the next emission: copy to keep). Inputs are not kept.
 *
 * Timeline (`stft({ size: 4, hop: 2, window: 'boxcar' })`):
 * ```
 * in:  [1 2 3]  [4 5 6]                                  [7]   [8]              |
 * out:          [10 0 -2 2 -2 0] [18 0 -2 2 -2 0]              [26 0 -2 2 -2 0] |
 * ```
 *
 * @param options - `size` (samples), `hop` (samples), `window`, `fftSize`, `scaling`, `reuse`, `nan`
 * @returns an operator from sample chunks to spectra
 * @throws RangeError at creation for `size`, `hop` or `fftSize` not positive integers (`fftSize >=
 *   size`) or a window array of the wrong length; TypeError for an unknown window or scaling
 * @example
 * ```ts
 * import { fromSamples, magnitude, stft } from '@ringflow/operators';
 * fromSamples(new Float32Array(48_000), 128)
 *   .pipe(stft({ size: 1024, hop: 256, window: 'hann' }), magnitude())
 *   .subscribe((bins) => console.log(bins.length)); // 513 per frame
 * ```
 */
export function stft<C extends Chunk>(options: StftOperatorOptions): OperatorFunction<C, SpectrumOf<C>> {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('stft: expected options { size, hop, window, fftSize, scaling }');
  }
  const opts = resolveDspOptions('stft', options, STFT_OPTION_NAMES);
  const kernelOptions: StftOptions = { ...options };
  // Validates now (throws to the caller); each subscription then builds its own state.
  withContext('stft', () => createStftState(kernelOptions));

  return operate<C, SpectrumOf<C>>((subscriber) => {
    const chunks = new FloatChunks('stft', opts, { multichannel: true });
    const state = createStftState(kernelOptions);
    const { size, hop, bins } = state;
    const width = 2 * bins;
    let framer: Framer | undefined;
    let channels = 1;
    const single = new Float64Array(size);
    const specScratch = new Scratch();
    const emit = (frame: Float64Array): boolean => {
      const out = chunks.output(channels * width);
      if (!chunks.isMultichannel) subscriber.next(processStft(state, frame, out) as SpectrumOf<C>);
      else {
        const spectrum = specScratch.get(out, width);
        for (let c = 0; c < channels; c++) {
          gatherChannel(frame, channels, c, single);
          out.set(processStft(state, single, spectrum), c * width);
        }
        subscriber.next(chunks.emitRows(out, width) as SpectrumOf<C>);
      }
      return !subscriber.closed;
    };
    return {
      next(chunk) {
        const input = chunks.accept(chunk) as Float64Array;
        if (framer === undefined) {
          channels = chunks.channels;
          framer = new Framer(new Float64Array(size * channels), hop * channels);
        }
        framer.push(input, emit);
      },
    };
  });
}

/** The option names of {@link stft} and `istft` besides `reuse` and `nan`. */
export const STFT_OPTION_NAMES: readonly string[] = ['size', 'hop', 'window', 'fftSize', 'scaling'];
