// The two DSP chains of `ringflow analyze`, written once: the worker stages run them, and so does
// the one-thread mode (`--in-thread`), so both give the same numbers.
import type { Observable, OperatorFunction } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import { magnitude, sosfilt, stft } from '@ringflow/operators';

/** Parameters of the filter stage: second-order sections, or none (pass-through). */
export interface FilterParams {
  readonly sos: number[][] | null;
}

/** Parameters of the spectrum stage. */
export interface SpectrumParams {
  readonly fftSize: number;
  readonly hop: number;
}

type Frames = MultichannelChunk<Float32Array>;

/** Filters each channel with `sos` (a live parameter: an Observable of sections works too). */
export function filterChain(sos: number[][] | Observable<number[][]>): OperatorFunction<Frames, Frames> {
  return sosfilt(sos) as OperatorFunction<Frames, Frames>;
}

/** Hann-windowed frames of `fftSize` samples, `hop` apart, to `[channels, bins]` power spectra `|X_k|^2`. */
export function spectrumChain({ fftSize, hop }: SpectrumParams): OperatorFunction<Frames, Frames> {
  return (source) =>
    source.pipe(stft({ size: fftSize, hop, window: 'hann' }), magnitude({ power: true })) as Observable<Frames>;
}
