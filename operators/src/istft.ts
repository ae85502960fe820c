import type { OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/core';
import { copyFrom, scatterChannel, Scratch } from './internal/channels.js';
import { FloatChunks, resolveDspOptions, withContext } from './internal/float-chunks.js';
import { operate } from './internal/operate.js';
import { createIstftState, flushIstft, processIstft, type IstftState } from './kernels/istft.js';
import type { StftOptions } from './kernels/stft.js';
import { STFT_OPTION_NAMES, type StftOperatorOptions } from './stft.js';
import type { SpectrumOf } from './types.js';

/** Options of {@link istft}: the same as {@link stft}'s, so one object configures both. */
export type IstftOperatorOptions = StftOperatorOptions;

/**
 * Inverse short-time Fourier transform: spectra back to a sample stream by weighted overlap-add,
 * the tail flushed at completion.
 *
 * @remarks
 * Each input chunk is one spectrum (`2 * (floor(fftSize / 2) + 1)` interleaved numbers, as `stft`
 * emits; another length errors the stream with a RangeError). Its irfft (first `size` samples) times
 * the window is added at position `f * hop`, and each sample is divided by the sum of the squared
 * windows covering it where that sum exceeds 1e-10 (`scipy.signal.istft(..., boundary=False)`
 * exactly). Use the same options as the `stft` (with `scaling: 'spectrum'` the frames are first
 * multiplied by `sum(window)`).
 *
 * Timing and alignment: each spectrum emits one chunk of `hop` samples (the samples no later frame
 * touches); completion emits the remaining `size - hop` samples (if `hop < size`), then completes.
 * So after `F` spectra the output has `(F - 1) * hop + size` samples, and output sample `t` is the
 * reconstruction of input sample `t` of the `stft`: `stft -> istft` is aligned (no offset to
 * remove). Latency: output sample `t` leaves once the frame starting at `floor(t / hop) * hop` is
 * complete, i.e. up to `size - 1` input samples after `t` arrived (plus the flush for the last
 * `size - hop`). Reconstruction is exact to rounding wherever the squared windows sum above 1e-10
 * (COLA/NOLA): for a periodic Hann window with `hop = size / 2` everywhere except output sample 0
 * (the window is 0 there, so it comes out 0); input samples after the last complete frame are not
 * reconstructed (the `stft` drops them). With `hop > size`, samples between frames come out 0.
 * Math in float64; Float32Array in, Float32Array out. NaN in a spectrum spreads over its frame's
 * samples (`nan: 'error'` errors the stream instead). Non-float chunks or a class change error the
 * stream with a TypeError.
 *
 * Multichannel: a `[channels, 2 * bins]` chunk (what `stft` emits for a multichannel stream) is
 * one spectrum per channel; each channel has its own overlap-add state and the output is
 * `[hop, channels]` frames (the tail `[size - hop, channels]`).
 *
 * Ownership: fresh chunks unless `reuse: true` (per-spectrum chunks are views of one buffer per
 * subscription, overwritten by the next emission: copy to keep; the final flushed chunk is always
 * fresh). Inputs are not kept.
 *
 * Timeline (`istft({ size: 4, hop: 2, window: 'boxcar' })`: the spectra of frames `[1 2 3 4]` and `[3 4 5 6]`):
 * ```
 * in:  [10 0 -2 2 -2 0]  [18 0 -2 2 -2 0]  |
 * out: [1 2]             [3 4]             ([5 6]|)
 * ```
 *
 * @param options - `size`, `hop`, `window`, `fftSize`, `scaling` (as for `stft`), `reuse`, `nan`
 * @returns an operator from spectra to sample chunks
 * @throws RangeError/TypeError at creation, as `stft`
 * @example
 * ```ts
 * import { fromSamples, istft, stft } from '@ringflow/operators';
 * const options = { size: 512, hop: 256, window: 'hann' as const };
 * fromSamples(new Float64Array(4096).fill(0.5), 100)
 *   .pipe(stft(options), istft(options))
 *   .subscribe((chunk) => console.log(chunk.length)); // 256, ..., then the 256-sample tail
 * ```
 */
export function istft<C extends Chunk>(options: IstftOperatorOptions): OperatorFunction<C, SpectrumOf<C>> {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('istft: expected options { size, hop, window, fftSize, scaling }');
  }
  const opts = resolveDspOptions('istft', options, STFT_OPTION_NAMES);
  const kernelOptions: StftOptions = { ...options };
  withContext('istft', () => createIstftState(kernelOptions));

  return operate<C, SpectrumOf<C>>((subscriber) => {
    const chunks = new FloatChunks('istft', opts, { multichannel: 'rows' });
    const states: IstftState[] = [];
    const rowScratch = new Scratch();
    const outScratch = new Scratch();
    let frames = 0;
    return {
      next(chunk) {
        const spectra = chunks.accept(chunk, 'value');
        const channels = chunks.channels;
        if (states.length === 0) for (let c = 0; c < channels; c++) states.push(createIstftState(kernelOptions));
        const { hop, bins } = states[0]!;
        if (chunks.rowLength !== 2 * bins) {
          throw new RangeError(
            `istft: each chunk must be one spectrum of ${2 * bins} values (${bins} interleaved complex bins) per channel, got ${chunks.rowLength}`,
          );
        }
        const out = chunks.output(hop * channels);
        if (!chunks.isMultichannel) processIstft(states[0]!, spectra, out);
        else {
          const row = rowScratch.get(spectra, 2 * bins);
          const samples = outScratch.get(out, hop);
          for (let c = 0; c < channels; c++) {
            copyFrom(spectra, c * 2 * bins, row);
            scatterChannel(processIstft(states[c]!, row, samples), out, channels, c);
          }
        }
        frames++;
        subscriber.next(chunks.emit(out) as SpectrumOf<C>);
      },
      complete() {
        const first = states[0];
        const count = first === undefined ? 0 : Math.max(first.size - first.hop, 0);
        if (frames > 0 && count > 0) {
          const channels = chunks.channels;
          const tail = new (chunks.Type ?? Float64Array)(count * channels);
          if (!chunks.isMultichannel) flushIstft(first!, tail);
          else {
            const samples = new (chunks.Type ?? Float64Array)(count);
            for (let c = 0; c < channels; c++) {
              flushIstft(states[c]!, samples);
              scatterChannel(samples, tail, channels, c);
            }
          }
          subscriber.next(chunks.emit(tail) as SpectrumOf<C>);
        }
        subscriber.complete();
      },
    };
  });
}
