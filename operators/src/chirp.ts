import type { Observable, SchedulerLike } from 'rxjs';
import { chunkedSource } from './internal/chunked-source.js';
import {
  describeValue,
  finiteNumber,
  booleanOption,
  chunkSizeOption,
  optionsObject,
  schedulerOption,
  sampleRateOf,
  sourceArrayType,
  type SourceArray,
  type SourceFormat,
} from './internal/chunks.js';

/** Frequency sweeps of {@link chirp}, as `scipy.signal.chirp`'s `method`. */
export type ChirpMethod = 'linear' | 'quadratic' | 'logarithmic' | 'hyperbolic';

/** Options of {@link chirp}. */
export interface ChirpOptions<F extends SourceFormat = 'float64'> {
  /** Frequency at time 0, in Hz. */
  readonly f0: number;
  /** Frequency at time `duration`, in Hz. */
  readonly f1: number;
  /** Time in seconds at which the frequency reaches `f1` (scipy's `t1`), > 0. */
  readonly duration: number;
  /** Sample rate in Hz (> 0). */
  readonly sampleRate: number;
  /** Sweep (default `'linear'`). `'logarithmic'` needs `f0` and `f1` of the same sign, `'hyperbolic'` non-zero ones. */
  readonly method?: ChirpMethod;
  /** Phase offset in radians (default 0); scipy's `phi` is in degrees: `phi = phase * 180 / pi`. */
  readonly phase?: number;
  /** For `'quadratic'`: the parabola's vertex at t = 0 (default `true`) or at `duration`, as scipy's `vertex_zero`. */
  readonly vertexZero?: boolean;
  /** Peak amplitude (default 1). */
  readonly amplitude?: number;
  /** Samples per chunk (default 1024, at most 2^28). */
  readonly chunkSize?: number;
  /**
   * Total length in samples (default `round(duration * sampleRate)`, i.e. `t` in `[0, duration)`);
   * longer lengths continue the sweep law past `duration`, as scipy does for `t > t1`.
   */
  readonly length?: number;
  /** Sample format of the chunks (default `'float64'`). */
  readonly format?: F;
  /** Emit on this scheduler, paced at the sample rate (see `oscillator`). Default: synchronous. */
  readonly scheduler?: SchedulerLike;
}

/**
 * A frequency sweep (chirp) as a finite stream of chunks, with the values of `scipy.signal.chirp`.
 *
 * @remarks
 * Sample `n` is `amplitude * cos(phi(t) + phase)` at `t = n / sampleRate`, with scipy's phase laws
 * (`t1` = `duration`):
 * - linear: `phi = 2 pi (f0 t + (f1 - f0) t^2 / (2 t1))`
 * - quadratic: `phi = 2 pi (f0 t + (f1 - f0) t^3 / (3 t1^2))` (vertex at 0; else scipy's other form)
 * - logarithmic: `phi = 2 pi f0 t1 / ln(f1/f0) ((f1/f0)^(t/t1) - 1)`
 * - hyperbolic: `phi = 2 pi (-s f0) ln|1 - t/s|`, `s = -f1 t1 / (f0 - f1)`
 *
 * (`2 pi f0 t` when `f0 == f1` for the last two). Computed in float64 from the absolute sample index,
 * so the values do not depend on `chunkSize`; float32 output is rounded once. Synchronous unless a
 * scheduler is given; each subscription starts at t = 0; every chunk is a fresh array.
 *
 * Timeline (`chirp({ f0: 0, f1: 4000, duration: 7 / 8000, sampleRate: 8000, chunkSize: 3 })`, synchronous):
 * ```
 * out: ([1.000 0.975 0.623] [-0.434 -0.901 0.782] [-0.223] |)
 * ```
 *
 * @param options - `f0`, `f1`, `duration`, `sampleRate`, `method`, `phase`, `vertexZero`, `amplitude`, `chunkSize`, `length`, `format`, `scheduler`.
 * @returns A cold, finite Observable of chunks.
 * @throws TypeError/RangeError for bad options, including frequencies the method cannot sweep.
 *
 * @example
 * ```ts
 * import { chirp } from '@ringflow/operators';
 * chirp({ f0: 100, f1: 1000, duration: 1, sampleRate: 8000, method: 'logarithmic' })
 *   .subscribe((chunk) => console.log(chunk.length)); // 1024 ... then 832
 * ```
 */
export function chirp<F extends SourceFormat = 'float64'>(options: ChirpOptions<F>): Observable<SourceArray<F>> {
  const what = 'chirp';
  if (typeof options !== 'object' || options === null) throw new TypeError(`${what}: expected options { f0, f1, duration, sampleRate, ... }, got ${describeValue(options)}`);
  const f0 = finiteNumber(what, 'f0', options.f0);
  const f1 = finiteNumber(what, 'f1', options.f1);
  const t1 = finiteNumber(what, 'duration', options.duration);
  if (t1 <= 0) throw new RangeError(`${what}: duration must be > 0 seconds, got ${t1}`);
  const sampleRate = sampleRateOf(what, options.sampleRate);
  const method = options.method ?? 'linear';
  const phase = finiteNumber(what, 'phase', options.phase ?? 0);
  const amplitude = finiteNumber(what, 'amplitude', options.amplitude ?? 1);
  optionsObject(what, options, ['f0', 'f1', 'duration', 'sampleRate', 'method', 'phase', 'vertexZero', 'amplitude', 'chunkSize', 'length', 'format', 'scheduler']);
  const chunkSize = chunkSizeOption(what, 'chunkSize', options.chunkSize ?? 1024);
  const scheduler = schedulerOption(what, options.scheduler);
  const vertexZero = booleanOption(what, 'vertexZero', options.vertexZero, true);
  let length: number;
  if (options.length === undefined) length = Math.round(t1 * sampleRate);
  else if (typeof options.length !== 'number' || !Number.isSafeInteger(options.length) || options.length < 0) {
    throw new RangeError(`${what}: length must be a non-negative integer number of samples, got ${describeValue(options.length)}`);
  } else length = options.length;
  const ArrayType = sourceArrayType(what, options.format);
  const TWO_PI = 2 * Math.PI;

  let law: (t: number) => number;
  switch (method) {
    case 'linear': {
      const beta = (f1 - f0) / t1;
      law = (t) => TWO_PI * (f0 * t + 0.5 * beta * t * t);
      break;
    }
    case 'quadratic': {
      const beta = (f1 - f0) / (t1 * t1);
      law =
        !vertexZero
          ? (t) => TWO_PI * (f1 * t + (beta * ((t1 - t) ** 3 - t1 ** 3)) / 3)
          : (t) => TWO_PI * (f0 * t + (beta * t ** 3) / 3);
      break;
    }
    case 'logarithmic': {
      if (f0 * f1 <= 0) throw new RangeError(`${what}: a logarithmic sweep needs f0 and f1 of the same sign, non-zero; got ${f0} and ${f1}`);
      if (f0 === f1) law = (t) => TWO_PI * f0 * t;
      else {
        const beta = t1 / Math.log(f1 / f0);
        const ratio = f1 / f0;
        law = (t) => TWO_PI * beta * f0 * (ratio ** (t / t1) - 1);
      }
      break;
    }
    case 'hyperbolic': {
      if (f0 === 0 || f1 === 0) throw new RangeError(`${what}: a hyperbolic sweep needs non-zero f0 and f1; got ${f0} and ${f1}`);
      if (f0 === f1) law = (t) => TWO_PI * f0 * t;
      else {
        const sing = (-f1 * t1) / (f0 - f1);
        law = (t) => TWO_PI * (-sing * f0) * Math.log(Math.abs(1 - t / sing));
      }
      break;
    }
    default:
      throw new TypeError(`${what}: method must be 'linear', 'quadratic', 'logarithmic' or 'hyperbolic', got ${describeValue(method)}`);
  }

  const init = () => (count: number, start: number): SourceArray<F> => {
    const out = new ArrayType(count);
    for (let i = 0; i < count; i++) out[i] = amplitude * Math.cos(law((start + i) / sampleRate) + phase);
    return out as SourceArray<F>;
  };
  return chunkedSource(length, chunkSize, init, scheduler, (chunkSize / sampleRate) * 1000);
}
