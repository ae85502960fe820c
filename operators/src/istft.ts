import { Observable, type OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { FloatChunks, resolveDspOptions, withContext } from './internal/float-chunks.js';
import { createIstftState, flushIstft, processIstft } from './kernels/istft.js';
import type { StftOptions } from './kernels/stft.js';
import type { StftOperatorOptions } from './stft.js';

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
 * Ownership: fresh chunks unless `reuse: true` (per-spectrum chunks are views of one buffer per
 * subscription, overwritten by the next emission: copy to keep; the final flushed chunk is always
 * fresh). Inputs are not kept.
 *
 * Timeline (`size` 4, `hop` 2; `S0`, `S1` spectra of the frames at 0 and 2):
 * ```
 * in:  [S0]    [S1]    |
 * out: [x0 x1] [x2 x3] ([x4 x5]|)
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
export function istft<T extends FloatArray>(options: IstftOperatorOptions): OperatorFunction<T, T> {
  const opts = resolveDspOptions('istft', options);
  if (options === null || typeof options !== 'object') {
    throw new TypeError('istft: expected options { size, hop, window, fftSize, scaling }');
  }
  const kernelOptions: StftOptions = { ...options };
  withContext('istft', () => createIstftState(kernelOptions));

  return (source) =>
    new Observable<T>((subscriber) => {
      const chunks = new FloatChunks('istft', opts);
      const state = createIstftState(kernelOptions);
      const { size, hop, bins } = state;
      let Type: (new (n: number) => FloatArray) | undefined;
      let frames = 0;
      const sub = source.subscribe({
        next(chunk) {
          try {
            const spectrum = chunks.accept(chunk, 'value');
            Type ??= spectrum.constructor as new (n: number) => FloatArray;
            if (spectrum.length !== 2 * bins) {
              throw new RangeError(
                `istft: each chunk must be one spectrum of ${2 * bins} values (${bins} interleaved complex bins), got ${spectrum.length}`,
              );
            }
            const out = processIstft(state, spectrum, chunks.output(hop));
            frames++;
            subscriber.next(out as T);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          try {
            const count = Math.max(size - hop, 0);
            if (frames > 0 && count > 0) {
              const tail = new (Type ?? Float64Array)(count);
              flushIstft(state, tail);
              subscriber.next(tail as T);
            }
            subscriber.complete();
          } catch (error) {
            subscriber.error(error);
          }
        },
      });
      return () => sub.unsubscribe();
    });
}
