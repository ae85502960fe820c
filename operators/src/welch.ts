import type { OperatorFunction } from 'rxjs';
import type { FloatArray, MultichannelChunk } from '@ringflow/core';
import { describeValue } from './internal/chunks.js';
import { FloatChunks } from './internal/float-chunks.js';
import { Framer } from './internal/framer.js';
import { inContext } from './internal/in-context.js';
import { operate } from './internal/operate.js';
import { resolveDetrend, resolveFs, resolveSegments } from './kernels/spectral-segments.js';
import { addWelchSegment, createWelchState, welchEstimate, type WelchKernelOptions, type WelchState } from './kernels/welch.js';
import type { WelchOptions } from './signal/welch.js';

/** Options of the {@link welch} operator: `signal.welch`'s (segments in frames), plus `emitEvery`. */
export interface WelchOperatorOptions extends Omit<WelchOptions, 'axis'> {
  /**
   * Emit the running estimate after every `emitEvery` segments (a positive integer); the final
   * estimate is always emitted at completion. Default: only at completion. With `average: 'median'`
   * every segment's periodogram is kept, so memory grows with the stream.
   */
  emitEvery?: number;
}

/** A PSD of a `[frames, channels]` stream: `[channels, bins]`, row `c` the PSD of channel `c`. */
export interface ChannelSpectra<T extends FloatArray = Float64Array> {
  readonly data: T;
  readonly shape: readonly [channels: number, bins: number];
  readonly stride: readonly [number, number];
  readonly offset: 0;
}

/** The PSD type of a chunk type: the same float class; `[channels, bins]` for multichannel chunks. */
export type PsdOf<C> = C extends MultichannelChunk<infer T extends FloatArray> ? ChannelSpectra<T> : C;

/** What the {@link welch} operator emits: the estimate over the segments seen so far. */
export interface WelchEstimate<P> {
  /** Frequencies in Hz (a fresh Float64Array). */
  readonly f: Float64Array;
  /** The PSD: the input's float class; `[channels, bins]` for multichannel input. */
  readonly Pxx: P;
  /** Number of segments (per channel) the estimate averages. */
  readonly segments: number;
}

interface Resolved {
  readonly kernel: WelchKernelOptions;
  readonly nperseg: number;
  readonly step: number;
  readonly emitEvery: number;
}

function resolve(fn: string, options: WelchOperatorOptions, inputLength: number): Resolved {
  const seg = resolveSegments(fn, options, inputLength);
  const average = options.average ?? 'mean';
  if (average !== 'mean' && average !== 'median') throw new TypeError(`${fn}: average must be 'mean' or 'median', got ${describeValue(average)}`);
  const scaling = options.scaling ?? 'density';
  if (scaling !== 'density' && scaling !== 'spectrum') {
    throw new TypeError(`${fn}: unknown scaling ${describeValue(scaling)}; expected 'density' or 'spectrum'`);
  }
  const onesided = options.returnOnesided ?? true;
  if (typeof onesided !== 'boolean') throw new TypeError(`${fn}: returnOnesided must be a boolean, got ${describeValue(onesided)}`);
  const emitEvery = options.emitEvery ?? Infinity;
  if (emitEvery !== Infinity && (typeof emitEvery !== 'number' || !Number.isSafeInteger(emitEvery) || emitEvery < 1)) {
    throw new RangeError(`${fn}: emitEvery must be a positive integer (segments), got ${describeValue(emitEvery)}`);
  }
  return {
    kernel: {
      window: seg.window,
      noverlap: seg.noverlap,
      nfft: seg.nfft,
      detrend: resolveDetrend(fn, options.detrend, 'constant'),
      scaling,
      fs: resolveFs(fn, options.fs),
      onesided,
      average,
    },
    nperseg: seg.nperseg,
    step: seg.step,
    emitEvery,
  };
}

/**
 * A running Welch estimate of the power spectral density of a stream: emitted every `emitEvery`
 * segments and at completion, where it equals `scipy.signal.welch` over the whole input.
 *
 * @remarks
 * The stream is cut into segments of `nperseg` frames, `nperseg - noverlap` apart, whatever the
 * chunking; each is detrended, windowed and transformed, and the periodograms are averaged by the
 * same kernel as `signal.welch` (`createWelchState`/`addWelchSegment`/`welchEstimate`), so the
 * estimate at completion is `signal.welch(wholeInput, options)` to the last bit. A stream shorter
 * than `nperseg` is analysed as one segment of its own length, as SciPy clips `nperseg` (with an
 * array window, as in SciPy, that is a RangeError); an empty stream emits empty arrays. Frames
 * left over after the last whole segment are not used (SciPy's `padded=False`).
 *
 * Multichannel `[frames, channels]` chunks give one PSD per channel: `Pxx` is `[channels, bins]`
 * (`Pxx.data[c * bins + k]`), the layout DESIGN gives spectra of multichannel frames; row `c` is
 * `signal.welch` of channel `c` alone. (The whole-array `signal.welch` of `[frames, channels]` input
 * follows SciPy's `axis=0` layout instead, `[bins, channels]`.) A chunk of another float class, or
 * another channel count, than the first errors the stream (TypeError/RangeError).
 *
 * Emissions are fresh objects (`f` and `Pxx` new arrays, `Pxx` in the input's float class,
 * computed in float64); inputs are not kept. With `average: 'mean'` memory is constant; `'median'`
 * keeps every periodogram. Validates the options when created (TypeError/RangeError naming
 * `welch`).
 *
 * Timeline (`welch({ nperseg: 4, noverlap: 2, emitEvery: 2 })`; each output shows the estimate's
 * `Pxx`: over the segments `abcd`, `cdef`, then also `efgh`, `ghij`; the final estimate is not
 * repeated at completion):
 * ```
 * in:  [abcdef]            [ghij]              [k]|
 * out: [0.6667 1.667 0.000] [0.6667 1.667 0.000]  |
 * ```
 *
 * @param options - `fs`, `window`, `nperseg`, `noverlap`, `nfft`, `detrend`, `returnOnesided`, `scaling`, `average`, `emitEvery`
 * @returns an operator from sample chunks to Welch estimates
 * @throws TypeError/RangeError at creation for bad options (e.g. `noverlap >= nperseg`)
 * @see `signal.welch` in `@ringflow/operators/signal`, the whole-array function with the same kernel
 * @example
 * ```ts
 * import { lastValueFrom } from 'rxjs';
 * import { noise, welch } from '@ringflow/operators';
 * const estimate = await lastValueFrom(
 *   noise({ length: 48_000, chunkSize: 480, seed: 1 }).pipe(welch({ fs: 48_000, nperseg: 1024 })),
 * );
 * console.log(estimate.f.length, estimate.Pxx.length, estimate.segments); // 513 513 92
 * ```
 */
export function welch<C extends FloatArray | MultichannelChunk<FloatArray>>(
  options: WelchOperatorOptions = {},
): OperatorFunction<C, WelchEstimate<PsdOf<C>>> {
  const fn = 'welch';
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object such as { fs: 48000, nperseg: 1024 }, got ${describeValue(options)}`);
  }
  const base = resolve(fn, options, Infinity);

  return operate<C, WelchEstimate<PsdOf<C>>>((subscriber) => {
    let Type: Float32ArrayConstructor | Float64ArrayConstructor | undefined;
    let channels = 0;
    let multichannel = false;
    let framer: Framer | undefined;
    let states: WelchState[] = [];
    let lanes: Float64Array[] = [];
    let frames = 0;
    let segments = 0;
    let emitted = -1;
    const chunks = new FloatChunks(fn, { reuse: false, nan: 'propagate' }, { multichannel: true });
    const { nperseg, step, emitEvery } = base;

    const shapePsd = (rows: Float64Array[], bins: number): PsdOf<C> => {
      const T = Type ?? Float64Array;
      if (!multichannel) return T.from(rows[0] ?? new Float64Array(0)) as unknown as PsdOf<C>;
      const data = new T(channels * bins);
      rows.forEach((r, c) => data.set(r, c * bins));
      return { data, shape: [channels, bins], stride: [bins, 1], offset: 0 } as unknown as PsdOf<C>;
    };
    const emit = (from: readonly WelchState[]): void => {
      const bins = from[0]!.bins;
      const rows = from.map((s) => welchEstimate(s, new Float64Array(bins)));
      emitted = segments;
      subscriber.next({ f: from[0]!.frequencies.slice(), Pxx: shapePsd(rows, bins), segments });
    };
    const onFrame = (frame: Float64Array): boolean => {
      if (channels === 1) {
        addWelchSegment(states[0]!, frame, 0);
      } else {
        for (let c = 0; c < channels; c++) {
          const lane = lanes[c]!;
          for (let i = 0, j = c; i < nperseg; i++, j += channels) lane[i] = frame[j]!;
          addWelchSegment(states[c]!, lane, 0);
        }
      }
      segments++;
      if (segments % emitEvery === 0) emit(states);
      return !subscriber.closed;
    };
    const start = (chunk: FloatArray, count: number, isMulti: boolean): void => {
      Type = chunk.constructor as Float32ArrayConstructor | Float64ArrayConstructor;
      channels = count;
      multichannel = isMulti;
      framer = new Framer(new Float64Array(nperseg * channels), step * channels);
      states = Array.from({ length: channels }, () => createWelchState(base.kernel));
      lanes = channels === 1 ? [] : Array.from({ length: channels }, () => new Float64Array(nperseg));
    };

    return {
      next(chunk) {
        const data = chunks.accept(chunk);
        if (Type === undefined) start(data, chunks.channels, chunks.isMultichannel);
        frames += data.length / channels;
        framer!.push(data as Float64Array, onFrame);
      },
      complete() {
        if (segments > 0) {
          if (emitted !== segments) emit(states);
        } else if (frames > 0) {
          // Shorter than nperseg: SciPy analyses the whole input as one segment (nperseg clipped).
          const short = inContext(fn, () => resolve(fn, options, frames));
          const held = framer!.frame;
          const fallback = Array.from({ length: channels }, (_, c) => {
            const s = createWelchState(short.kernel);
            const lane = Float64Array.from({ length: frames }, (_, i) => held[i * channels + c]!);
            for (let at = 0; at + short.nperseg <= frames; at += short.step) addWelchSegment(s, lane, at);
            return s;
          });
          segments = fallback[0]!.segments;
          emit(fallback);
        } else {
          // An empty stream: SciPy returns empty arrays for empty input.
          segments = 0;
          subscriber.next({ f: new Float64Array(0), Pxx: shapePsd(Array.from({ length: channels }, () => new Float64Array(0)), 0), segments: 0 });
        }
        subscriber.complete();
      },
    };
  });
}
