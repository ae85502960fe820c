/**
 * Types shared across `@ringflow/operators`.
 *
 * @packageDocumentation
 */
import type { MultichannelChunk } from '@ringflow/core';

/**
 * What a spectral operator (`fft`, `stft`, `magnitude`, `toDecibels`, `ifft`, `istft`) emits for
 * input chunks of type `C`: a mono 1-D chunk gives a 1-D chunk of the same class; a multichannel
 * chunk gives a 2-D chunk of the same class whose layout the operator documents (`[channels,
 * values]` rows for spectra, one row per channel; `[frames, channels]` for samples).
 *
 * @remarks
 * A `[channels, values]` chunk is a `MultichannelChunk` too (`{data, shape, stride, offset}`, C
 * order): `shape[0]` counts the channels, `data` holds the rows one after another.
 */
export type SpectrumOf<C> = C extends MultichannelChunk<infer T> ? MultichannelChunk<T> : C;
