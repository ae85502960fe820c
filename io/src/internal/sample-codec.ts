import type { WavDtype, WavRawArray, WavSampleFormat } from '../types.js';

/** Whether this machine stores numbers little-endian, as WAV does (every platform Node runs on today). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses the byte order of each `width`-byte sample of `bytes` in place (big-endian hosts only). */
function swapBytes(bytes: Uint8Array, width: number): void {
  for (let i = 0; i + width <= bytes.length; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
}

/** Allocates the array a dtype reads `format` into. */
export function allocateSamples(format: WavSampleFormat, dtype: WavDtype, length: number): Float32Array | Float64Array | WavRawArray {
  if (dtype === 'float32') return new Float32Array(length);
  if (dtype === 'float64') return new Float64Array(length);
  switch (format) {
    case 'uint8':
      return new Uint8Array(length);
    case 'int16':
      return new Int16Array(length);
    case 'int24':
    case 'int32':
      return new Int32Array(length);
    case 'float32':
      return new Float32Array(length);
    case 'float64':
      return new Float64Array(length);
  }
}

/**
 * Decodes `count` little-endian samples of `format` from `bytes` into `out` from `outOffset`.
 * `bytes.byteOffset` must be a multiple of the sample size (callers read into buffers of their
 * own). Integers become `k / 2^(bits-1)` (8-bit: `(k - 128) / 128`) unless `raw`. On a big-endian
 * host `bytes` is byte-swapped in place.
 */
export function decodeSamples(format: WavSampleFormat, bytes: Uint8Array, count: number, out: Float32Array | Float64Array | WavRawArray, outOffset: number, raw: boolean): void {
  const buf = bytes.buffer;
  const at = bytes.byteOffset;
  switch (format) {
    case 'uint8': {
      if (raw) {
        out.set(bytes.subarray(0, count), outOffset);
        return;
      }
      for (let i = 0; i < count; i++) out[outOffset + i] = (bytes[i]! - 128) * 0.0078125;
      return;
    }
    case 'int16': {
      if (!LITTLE_ENDIAN) swapBytes(bytes.subarray(0, count * 2), 2);
      const src = new Int16Array(buf, at, count);
      if (raw) {
        out.set(src, outOffset);
        return;
      }
      for (let i = 0; i < count; i++) out[outOffset + i] = src[i]! * 3.0517578125e-5;
      return;
    }
    case 'int24': {
      const scale = raw ? 1 : 1.1920928955078125e-7;
      for (let i = 0, j = 0; i < count; i++, j += 3) {
        out[outOffset + i] = (((bytes[j]! | (bytes[j + 1]! << 8) | (bytes[j + 2]! << 16)) << 8) >> 8) * scale;
      }
      return;
    }
    case 'int32': {
      if (!LITTLE_ENDIAN) swapBytes(bytes.subarray(0, count * 4), 4);
      const src = new Int32Array(buf, at, count);
      if (raw) {
        out.set(src, outOffset);
        return;
      }
      for (let i = 0; i < count; i++) out[outOffset + i] = src[i]! * 4.656612873077393e-10;
      return;
    }
    case 'float32': {
      if (!LITTLE_ENDIAN) swapBytes(bytes.subarray(0, count * 4), 4);
      out.set(new Float32Array(buf, at, count), outOffset);
      return;
    }
    case 'float64': {
      if (!LITTLE_ENDIAN) swapBytes(bytes.subarray(0, count * 8), 8);
      out.set(new Float64Array(buf, at, count), outOffset);
      return;
    }
  }
}

/**
 * Floats to signed integers of `full` = 2^(bits-1): `round(x * full)` clipped to [-full, full - 1],
 * NaN as 0; returns how many were clipped (or NaN).
 */
function quantise(input: EncodeInput, inOffset: number, count: number, dst: Int16Array | Int32Array, full: number): number {
  const max = full - 1;
  let clipped = 0;
  for (let i = 0; i < count; i++) {
    let r = Math.round(input[inOffset + i]! * full);
    if (r > max) (r = max), clipped++;
    else if (r < -full) (r = -full), clipped++;
    else if (r !== r) (r = 0), clipped++;
    dst[i] = r;
  }
  return clipped;
}

/** Samples handed to {@link encodeSamples}: floats in [-1, 1), or raw integers of the file's own class. */
export type EncodeInput = Float32Array | Float64Array | Uint8Array | Int16Array | Int32Array;

/**
 * Encodes `count` samples of `input` from `inOffset` as little-endian `format` into `bytes`
 * (whose byteOffset is a multiple of the sample size). Floats to integers: scaled by
 * `2^(bits-1)`, rounded to nearest (halves toward +infinity, `Math.round`), clipped to the
 * format's range; NaN is written as 0 and counted as clipped. Integer input is stored as it is
 * (int24 from Int32Array clips to 24 bits). Returns the number of clipped samples.
 */
export function encodeSamples(format: WavSampleFormat, input: EncodeInput, inOffset: number, count: number, bytes: Uint8Array): number {
  const buf = bytes.buffer;
  const at = bytes.byteOffset;
  const float = input instanceof Float32Array || input instanceof Float64Array;
  let clipped = 0;
  switch (format) {
    case 'float32':
    case 'float64': {
      const dst = format === 'float32' ? new Float32Array(buf, at, count) : new Float64Array(buf, at, count);
      dst.set(input.subarray(inOffset, inOffset + count));
      if (!LITTLE_ENDIAN) swapBytes(bytes.subarray(0, count * dst.BYTES_PER_ELEMENT), dst.BYTES_PER_ELEMENT);
      return 0;
    }
    case 'uint8': {
      if (!float) {
        bytes.set(input.subarray(inOffset, inOffset + count) as Uint8Array);
        return 0;
      }
      for (let i = 0; i < count; i++) {
        let r = Math.round(input[inOffset + i]! * 128);
        if (r > 127) (r = 127), clipped++;
        else if (r < -128) (r = -128), clipped++;
        else if (r !== r) (r = 0), clipped++;
        bytes[i] = r + 128;
      }
      return clipped;
    }
    case 'int16': {
      const dst = new Int16Array(buf, at, count);
      if (!float) dst.set(input.subarray(inOffset, inOffset + count) as Int16Array);
      else clipped = quantise(input, inOffset, count, dst, 32768);
      if (!LITTLE_ENDIAN) swapBytes(bytes.subarray(0, count * 2), 2);
      return clipped;
    }
    case 'int24': {
      const scale = float ? 8388608 : 1;
      for (let i = 0, j = 0; i < count; i++, j += 3) {
        let r = Math.round(input[inOffset + i]! * scale);
        if (r > 8388607) (r = 8388607), clipped++;
        else if (r < -8388608) (r = -8388608), clipped++;
        else if (r !== r) (r = 0), clipped++;
        bytes[j] = r & 0xff;
        bytes[j + 1] = (r >> 8) & 0xff;
        bytes[j + 2] = (r >> 16) & 0xff;
      }
      return clipped;
    }
    case 'int32': {
      const dst = new Int32Array(buf, at, count);
      if (!float) dst.set(input.subarray(inOffset, inOffset + count) as Int32Array);
      else clipped = quantise(input, inOffset, count, dst, 2147483648);
      if (!LITTLE_ENDIAN) swapBytes(bytes.subarray(0, count * 4), 4);
      return clipped;
    }
  }
}
