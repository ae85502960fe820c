import type { Observable, SchedulerLike } from 'rxjs';
import { chunkedSource } from './internal/chunked-source.js';
import {
  describeValue,
  finiteNumber,
  chunkSizeOption,
  optionsObject,
  schedulerOption,
  sourceArrayType,
  sourceLength,
  type SourceArray,
  type SourceFormat,
} from './internal/chunks.js';
import { Xoshiro128 } from './internal/prng.js';

/** Options of {@link noise}. */
export interface NoiseOptions<F extends SourceFormat = 'float64'> {
  /** Spectrum (default `'white'`): flat, or `'pink'` (power falling 3 dB per octave). */
  readonly type?: 'white' | 'pink';
  /** Distribution of the white noise (default `'uniform'` in `[-1, 1)`; `'gaussian'`: standard normal). */
  readonly distribution?: 'uniform' | 'gaussian';
  /** Seed (an integer; its low 32 bits are used). Default: a random seed, so streams differ. */
  readonly seed?: number;
  /** Scale factor (default 1). */
  readonly amplitude?: number;
  /** Samples per chunk (default 1024, at most 2^28). */
  readonly chunkSize?: number;
  /** Total length in samples; default endless. */
  readonly length?: number;
  /** Sample format of the chunks (default `'float64'`). */
  readonly format?: F;
  /** Emit on this scheduler, paced at `sampleRate` (chunk `k` at `k * chunkSize / sampleRate` s); default synchronous. */
  readonly scheduler?: SchedulerLike;
  /** Sample rate in Hz, used only to pace a scheduled stream (default 48000). */
  readonly sampleRate?: number;
}

/**
 * Seedable white or pink noise as a stream of chunks.
 *
 * @remarks
 * The generator is xoshiro128** seeded through splitmix32 (not cryptographic). With a `seed`, every
 * subscription emits the same sequence, whatever `chunkSize` (the samples are drawn in order).
 * `'uniform'` white noise is uniform in `[-amplitude, amplitude)`; `'gaussian'` is normal with
 * standard deviation `amplitude` (Box-Muller). Pink noise filters that white noise with Paul
 * Kellett's refined 7-pole filter (within 0.05 dB of -3 dB/octave above ~10 Hz at 44.1 kHz), scaled
 * by 0.11 so uniform input stays roughly within `[-amplitude, amplitude]` (not clipped).
 *
 * Synchronous unless a scheduler is given (then paced at `sampleRate`); an endless stream needs
 * `take(n)` downstream. Every chunk is a fresh array.
 *
 * Timeline (`noise({ seed: 1, chunkSize: 3, length: 7 })`, synchronous; the same numbers on every run):
 * ```
 * out: ([0.137 0.779 -0.059] [-0.294 -0.327 0.006] [0.222] |)
 * ```
 *
 * @param options - `type`, `distribution`, `seed`, `amplitude`, `chunkSize`, `length`, `format`, `scheduler`, `sampleRate`.
 * @returns A cold Observable of chunks.
 * @throws TypeError/RangeError for bad options.
 *
 * @example
 * ```ts
 * import { noise } from '@ringflow/operators';
 * noise({ type: 'pink', seed: 42, amplitude: 0.5, chunkSize: 256, length: 1024, format: 'float32' })
 *   .subscribe((chunk) => console.log(chunk[0])); // the same values on every run
 * ```
 */
export function noise<F extends SourceFormat = 'float64'>(options: NoiseOptions<F> = {}): Observable<SourceArray<F>> {
  const what = 'noise';
  if (typeof options !== 'object' || options === null) throw new TypeError(`${what}: options must be an object, got ${describeValue(options)}`);
  const type = options.type ?? 'white';
  if (type !== 'white' && type !== 'pink') throw new TypeError(`${what}: type must be 'white' or 'pink', got ${describeValue(type)}`);
  const distribution = options.distribution ?? 'uniform';
  if (distribution !== 'uniform' && distribution !== 'gaussian') {
    throw new TypeError(`${what}: distribution must be 'uniform' or 'gaussian', got ${describeValue(distribution)}`);
  }
  let seed: number;
  if (options.seed === undefined) seed = Math.floor(Math.random() * 2 ** 32);
  else {
    seed = finiteNumber(what, 'seed', options.seed);
    if (!Number.isInteger(seed)) throw new RangeError(`${what}: seed must be an integer, got ${seed}`);
  }
  const amplitude = finiteNumber(what, 'amplitude', options.amplitude ?? 1);
  optionsObject(what, options, ['type', 'distribution', 'seed', 'amplitude', 'chunkSize', 'length', 'format', 'scheduler', 'sampleRate']);
  const chunkSize = chunkSizeOption(what, 'chunkSize', options.chunkSize ?? 1024);
  const scheduler = schedulerOption(what, options.scheduler);
  const sampleRate = finiteNumber(what, 'sampleRate', options.sampleRate ?? 48_000);
  if (sampleRate <= 0) throw new RangeError(`${what}: sampleRate must be > 0 Hz, got ${sampleRate}`);
  const length = sourceLength(what, options.length, undefined, sampleRate);
  const ArrayType = sourceArrayType(what, options.format);

  const init = () => {
    const rng = new Xoshiro128(seed);
    let spare = Number.NaN;
    const white =
      distribution === 'uniform'
        ? (): number => 2 * rng.nextFloat() - 1
        : (): number => {
            if (!Number.isNaN(spare)) {
              const s = spare;
              spare = Number.NaN;
              return s;
            }
            const u = 1 - rng.nextFloat(); // (0, 1]
            const v = rng.nextFloat();
            const r = Math.sqrt(-2 * Math.log(u));
            spare = r * Math.sin(2 * Math.PI * v);
            return r * Math.cos(2 * Math.PI * v);
          };
    let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    const pink = (): number => {
      const w = white();
      b0 = 0.99886 * b0 + w * 0.0555179;
      b1 = 0.99332 * b1 + w * 0.0750759;
      b2 = 0.969 * b2 + w * 0.153852;
      b3 = 0.8665 * b3 + w * 0.3104856;
      b4 = 0.55 * b4 + w * 0.5329522;
      b5 = -0.7616 * b5 - w * 0.016898;
      const p = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
      b6 = w * 0.115926;
      return p * 0.11;
    };
    const draw = type === 'white' ? white : pink;
    return (count: number): SourceArray<F> => {
      const out = new ArrayType(count);
      for (let i = 0; i < count; i++) out[i] = amplitude * draw();
      return out as SourceArray<F>;
    };
  };
  return chunkedSource(length, chunkSize, init, scheduler, (chunkSize / sampleRate) * 1000);
}
