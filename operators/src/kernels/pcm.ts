import { Xoshiro128 } from '../internal/prng.js';
import { assertFloatArray, type FloatArray } from '../internal/float-array.js';

/**
 * PCM integer sample formats: the element type, its bit depth and whether it is signed.
 * `'int24'` is 24-bit audio held in an Int32Array (values in `[-2^23, 2^23)`), as WAV readers
 * usually hand it out. The struct codes `b B h H i I` are accepted as aliases of
 * `int8 uint8 int16 uint16 int32 uint32`.
 */
export type PcmFormat = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int24' | 'int32' | 'uint32' | 'b' | 'B' | 'h' | 'H' | 'i' | 'I';

/** The integer TypedArrays PCM samples come in. */
export type PcmArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** The array class holding samples of a {@link PcmFormat}. */
export type PcmArrayOf<F extends PcmFormat> = F extends 'int8' | 'b'
  ? Int8Array
  : F extends 'uint8' | 'B'
    ? Uint8Array
    : F extends 'int16' | 'h'
      ? Int16Array
      : F extends 'uint16' | 'H'
        ? Uint16Array
        : F extends 'uint32' | 'I'
          ? Uint32Array
          : Int32Array;

type PcmName = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int24' | 'int32' | 'uint32';

interface PcmInfo {
  readonly format: PcmName;
  readonly Type: new (n: number) => PcmArray;
  /** 2^(bits - 1): full scale. */
  readonly scale: number;
  /** Added to a signed value to store it (2^(bits-1) for unsigned formats, else 0). */
  readonly offset: number;
}

const INFO: Record<PcmName, PcmInfo> = {
  int8: { format: 'int8', Type: Int8Array, scale: 2 ** 7, offset: 0 },
  uint8: { format: 'uint8', Type: Uint8Array, scale: 2 ** 7, offset: 2 ** 7 },
  int16: { format: 'int16', Type: Int16Array, scale: 2 ** 15, offset: 0 },
  uint16: { format: 'uint16', Type: Uint16Array, scale: 2 ** 15, offset: 2 ** 15 },
  int24: { format: 'int24', Type: Int32Array, scale: 2 ** 23, offset: 0 },
  int32: { format: 'int32', Type: Int32Array, scale: 2 ** 31, offset: 0 },
  uint32: { format: 'uint32', Type: Uint32Array, scale: 2 ** 31, offset: 2 ** 31 },
};
const CODES: Record<string, PcmName> = { b: 'int8', B: 'uint8', h: 'int16', H: 'uint16', i: 'int32', I: 'uint32' };
const NAMES = "'int8', 'uint8', 'int16', 'uint16', 'int24', 'int32', 'uint32' (or b B h H i I)";

/** The format of `array`'s class (Int32Array reads as `'int32'`), or undefined for non-PCM arrays. */
export function pcmFormatOf(array: unknown): PcmName | undefined {
  if (array instanceof Int8Array) return 'int8';
  if (array instanceof Uint8Array && !(array instanceof Uint8ClampedArray)) return 'uint8';
  if (array instanceof Int16Array) return 'int16';
  if (array instanceof Uint16Array) return 'uint16';
  if (array instanceof Int32Array) return 'int32';
  if (array instanceof Uint32Array) return 'uint32';
  return undefined;
}

/** Resolves a format name or struct code; TypeError listing the valid ones otherwise. @internal */
export function pcmInfo(what: string, format: unknown): PcmInfo {
  const name = typeof format === 'string' ? (CODES[format] ?? format) : format;
  const info = typeof name === 'string' && Object.hasOwn(INFO, name) ? INFO[name as PcmName] : undefined;
  if (info === undefined) throw new TypeError(`${what}: format must be one of ${NAMES}, got ${typeof format === 'string' ? `'${format}'` : String(format)}`);
  return info;
}

/**
 * A TPDF (triangular) dither source: each {@link TpdfDither.next} is the difference of two uniform
 * draws, triangular in (-1, 1) LSB, from a seeded xoshiro128** generator.
 */
export interface TpdfDither {
  /** The next dither value, in LSB (least significant bits of the target format). */
  next(): number;
}

/**
 * Creates a seeded TPDF dither source for {@link floatToPcm} / `fromFloat32`.
 *
 * @remarks
 * Triangular probability density over (-1, 1) LSB (the sum of two independent uniform values,
 * centred), the dither sox and most mastering tools apply when reducing bit depth: it turns the
 * rounding error into signal-independent noise of 1/4 LSB^2 variance more than plain rounding.
 * Keep one source per stream (it holds the generator's state), so a chunked stream gets the same
 * dither as the whole signal at once. With a `seed` the sequence is reproducible; without, it is
 * random. Not cryptographic; `next()` allocates nothing.
 *
 * @param seed - An integer seed (its low 32 bits are used); default random.
 * @returns A dither source.
 * @throws TypeError/RangeError for a seed that is not an integer.
 *
 * @example
 * ```ts
 * import { createTpdfDither, floatToPcm } from '@ringflow/operators/kernels';
 * const dither = createTpdfDither(1);
 * const pcm = new Int16Array(128);
 * floatToPcm(new Float32Array(128).fill(0.25), pcm, { dither });
 * ```
 */
export function createTpdfDither(seed?: number): TpdfDither {
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed))) {
    const message = `createTpdfDither: seed must be an integer, got ${String(seed)}`;
    throw typeof seed === 'number' ? new RangeError(message) : new TypeError(message);
  }
  const rng = new Xoshiro128(seed ?? Math.floor(Math.random() * 2 ** 32));
  return { next: () => rng.nextFloat() - rng.nextFloat() };
}

/**
 * Converts PCM integer samples to floats in [-1, 1): `x / 2^(bits - 1)` (unsigned formats are
 * offset binary: `(x - 2^(bits - 1)) / 2^(bits - 1)`), as sox and libsndfile read PCM.
 *
 * @remarks
 * The allocation-free kernel behind `toFloat32`: writes `input.length` values into `output`
 * (a Float32Array or Float64Array; float32 rounds once, exact for up to 24 bits). The format
 * defaults to the input's class (`'int32'` for an Int32Array: pass `'int24'` for 24-bit samples in
 * an Int32Array). Any thread; safe in an AudioWorklet `process()`.
 *
 * @param input - PCM samples (Int8/Uint8/Int16/Uint16/Int32/Uint32Array).
 * @param output - At least `input.length` elements; may not alias `input`.
 * @param format - The samples' format (default: from the input's class).
 * @returns `output`.
 * @throws TypeError for arrays of other classes or a format that does not fit the input's class;
 *   RangeError when `output` is too short.
 *
 * @example
 * ```ts
 * import { pcmToFloat } from '@ringflow/operators/kernels';
 * pcmToFloat(Int16Array.of(-32768, 0, 16384), new Float32Array(3)); // [-1, 0, 0.5]
 * ```
 */
export function pcmToFloat<T extends FloatArray>(input: PcmArray, output: T, format?: PcmFormat): T {
  const info = checkPair('pcmToFloat', input, output, format, output.length, input.length);
  const { scale, offset } = info;
  const inv = 1 / scale;
  for (let i = 0; i < input.length; i++) output[i] = (input[i]! - offset) * inv;
  return output;
}

/** Options of {@link floatToPcm}. */
export interface FloatToPcmOptions {
  /** The target format (default: from the output's class; pass `'int24'` for 24-bit in an Int32Array). */
  readonly format?: PcmFormat;
  /** Add TPDF dither from this source before rounding (default: none, plain rounding). */
  readonly dither?: TpdfDither;
}

/**
 * Converts floats in [-1, 1) to PCM integers: `x * 2^(bits - 1)` rounded to nearest (ties toward
 * +infinity, `Math.round`, exactly as sox converts), clipped to the format's range, offset for
 * unsigned formats; optionally TPDF-dithered first.
 *
 * @remarks
 * The allocation-free kernel behind `fromFloat32`: writes `input.length` values into `output`.
 * Full scale is `2^(bits - 1)` both ways (as sox), so `pcmToFloat` then `floatToPcm` gives the
 * integers back exactly, `+1.0` clips to `2^(bits - 1) - 1` and `-1.0` maps to `-2^(bits - 1)`.
 * NaN becomes 0. Returns how many samples were clipped, for a clip counter. Any thread; safe in
 * an AudioWorklet `process()`.
 *
 * @param input - Float samples (Float32Array or Float64Array), nominally in [-1, 1).
 * @param output - At least `input.length` elements of the target format's class.
 * @param options - `format`, `dither` (see {@link createTpdfDither}).
 * @returns The number of samples clipped.
 * @throws TypeError for arrays of other classes or a format that does not fit the output's class;
 *   RangeError when `output` is too short.
 *
 * @example
 * ```ts
 * import { floatToPcm } from '@ringflow/operators/kernels';
 * const out = new Int16Array(3);
 * const clipped = floatToPcm(Float32Array.of(-1, 0.5, 1), out); // out = [-32768, 16384, 32767], clipped = 1
 * ```
 */
export function floatToPcm(input: FloatArray, output: PcmArray, options?: FloatToPcmOptions): number {
  const info = checkPair('floatToPcm', output, input, options?.format, output.length, input.length);
  const dither = options?.dither;
  if (dither !== undefined && (typeof dither !== 'object' || dither === null || typeof dither.next !== 'function')) {
    throw new TypeError('floatToPcm: dither must come from createTpdfDither(seed)');
  }
  const { scale, offset } = info;
  const lo = -scale;
  const hi = scale - 1;
  let clipped = 0;
  for (let i = 0; i < input.length; i++) {
    let v = input[i]! * scale;
    if (dither !== undefined) v += dither.next();
    let r = Math.round(v);
    if (r > hi) {
      r = hi;
      clipped++;
    } else if (r < lo) {
      r = lo;
      clipped++;
    } else if (r !== r) r = 0; // NaN
    output[i] = r + offset;
  }
  return clipped;
}

/** Checks a (pcm, float) pair of arrays, the format and the output's room; returns the format's info. */
function checkPair(what: string, pcm: unknown, float: unknown, format: PcmFormat | undefined, room: number, needed: number): PcmInfo {
  const own = pcmFormatOf(pcm);
  if (own === undefined) {
    throw new TypeError(`${what}: PCM samples must be an Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array or Uint32Array`);
  }
  assertFloatArray(`${what}: the float samples`, float);
  const info = format === undefined ? INFO[own] : pcmInfo(what, format);
  if (!(pcm instanceof info.Type)) {
    throw new TypeError(`${what}: format '${info.format}' needs a ${info.Type.name}, got a ${(pcm as object).constructor.name}`);
  }
  if (room < needed) throw new RangeError(`${what}: output holds ${room} samples, needs ${needed}`);
  return info;
}
