import type { Observable, SchedulerLike } from 'rxjs';
import { chunkedSource } from './internal/chunked-source.js';
import {
  describeValue,
  finiteNumber,
  chunkSizeOption,
  optionsObject,
  schedulerOption,
  sampleRateOf,
  sourceArrayType,
  sourceLength,
  type SourceArray,
  type SourceFormat,
} from './internal/chunks.js';

/** Waveforms of {@link oscillator}, shaped as `scipy.signal`'s (`sin`, `square`, `sawtooth`). */
export type OscillatorType = 'sine' | 'square' | 'sawtooth' | 'triangle';

/** Options of {@link oscillator}. */
export interface OscillatorOptions<F extends SourceFormat = 'float64'> {
  /** Frequency in Hz (finite; 0 gives a constant, negative runs the waveform backwards). */
  readonly frequency: number;
  /** Sample rate in Hz (> 0). */
  readonly sampleRate: number;
  /** Waveform (default `'sine'`). */
  readonly type?: OscillatorType;
  /** Peak amplitude (default 1). */
  readonly amplitude?: number;
  /** Initial phase in radians (default 0). */
  readonly phase?: number;
  /** Samples per chunk (default 1024, at most 2^28); the last chunk of a finite stream may be shorter. */
  readonly chunkSize?: number;
  /** Total length in seconds (rounded to whole samples). Give `duration` or `length`, or neither for an endless stream. */
  readonly duration?: number;
  /** Total length in samples. */
  readonly length?: number;
  /** Sample format of the chunks (default `'float64'`). */
  readonly format?: F;
  /**
   * Emit on this scheduler, paced like a live device: chunk `k` at `k * chunkSize / sampleRate`
   * seconds after subscription. Default: none, all chunks are emitted synchronously on subscribe.
   */
  readonly scheduler?: SchedulerLike;
}

/**
 * A periodic waveform (sine, square, sawtooth or triangle) as a stream of chunks.
 *
 * @remarks
 * Sample `n` is `amplitude * wave(2*pi*frequency*n/sampleRate + phase)`, with `wave` as in
 * `scipy.signal`: `sin`, `square` (+1 on the first half of each period, -1 on the second),
 * `sawtooth` (rising from -1 to 1) and `triangle` = `sawtooth(theta, 0.5)` (-1 at phase 0, +1 at
 * half a period). The phase is computed in float64 from the absolute sample index, so the signal is
 * phase-continuous across chunks, does not drift over long runs, and does not depend on `chunkSize`.
 * float32 output is the float64 value rounded once.
 *
 * Without `scheduler` the Observable is synchronous: all chunks are emitted during `subscribe` (an
 * endless oscillator then needs `take(n)` or similar downstream, which stops it). With a scheduler,
 * one chunk is emitted per task, paced at the sample rate. Each subscription starts at sample 0;
 * every chunk is a fresh array.
 *
 * Timeline (`oscillator({ frequency: 12_000, sampleRate: 48_000, chunkSize: 3, length: 7 })`: a
 * quarter of the sample rate, all chunks emitted synchronously on subscribe):
 * ```
 * out: ([0 1 0] [-1 0 1] [0] |)
 * ```
 *
 * @param options - `frequency`, `sampleRate`, `type`, `amplitude`, `phase`, `chunkSize`, `duration` or `length`, `format`, `scheduler`.
 * @returns A cold Observable of chunks, finite when `duration` or `length` is given.
 * @throws TypeError/RangeError for bad options (non-finite numbers, sampleRate <= 0, chunkSize not a positive integer up to 2^28, unknown type, format or option name).
 *
 * @example
 * ```ts
 * import { oscillator } from '@ringflow/operators';
 * oscillator({ frequency: 440, sampleRate: 48_000, type: 'sine', duration: 0.1, chunkSize: 480, format: 'float32' })
 *   .subscribe((chunk) => console.log(chunk.length)); // 480, ten times
 * ```
 */
export function oscillator<F extends SourceFormat = 'float64'>(options: OscillatorOptions<F>): Observable<SourceArray<F>> {
  const what = 'oscillator';
  if (typeof options !== 'object' || options === null) throw new TypeError(`${what}: expected options { frequency, sampleRate, ... }, got ${describeValue(options)}`);
  const frequency = finiteNumber(what, 'frequency', options.frequency);
  const sampleRate = sampleRateOf(what, options.sampleRate);
  const type = options.type ?? 'sine';
  if (type !== 'sine' && type !== 'square' && type !== 'sawtooth' && type !== 'triangle') {
    throw new TypeError(`${what}: type must be 'sine', 'square', 'sawtooth' or 'triangle', got ${describeValue(type)}`);
  }
  const amplitude = finiteNumber(what, 'amplitude', options.amplitude ?? 1);
  const phase = finiteNumber(what, 'phase', options.phase ?? 0);
  optionsObject(what, options, ['frequency', 'sampleRate', 'type', 'amplitude', 'phase', 'chunkSize', 'duration', 'length', 'format', 'scheduler']);
  const chunkSize = chunkSizeOption(what, 'chunkSize', options.chunkSize ?? 1024);
  const scheduler = schedulerOption(what, options.scheduler);
  const length = sourceLength(what, options.length, options.duration, sampleRate);
  const ArrayType = sourceArrayType(what, options.format);
  const cyclesPerSample = frequency / sampleRate;
  const phaseCycles = phase / (2 * Math.PI);
  const TWO_PI = 2 * Math.PI;

  const init = () => (count: number, start: number): SourceArray<F> => {
    const out = new ArrayType(count);
    for (let i = 0; i < count; i++) {
      // Position within the period, in cycles [0, 1): exact for the integer sample index.
      const c = cyclesPerSample * (start + i) + phaseCycles;
      const frac = c - Math.floor(c);
      let v: number;
      switch (type) {
        case 'sine':
          v = Math.sin(TWO_PI * frac);
          break;
        case 'square':
          v = frac < 0.5 ? 1 : -1;
          break;
        case 'sawtooth':
          v = 2 * frac - 1;
          break;
        default:
          v = frac < 0.5 ? 4 * frac - 1 : 3 - 4 * frac;
      }
      out[i] = amplitude * v;
    }
    return out as SourceArray<F>;
  };
  return chunkedSource(length, chunkSize, init, scheduler, (chunkSize / sampleRate) * 1000);
}
