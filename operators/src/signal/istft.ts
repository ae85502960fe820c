import type { NdarrayLike } from '@ringflow/core';
import { getWindow, type WindowSpec } from '../design/windows.js';
import { inContext } from '../internal/in-context.js';
import { cStrides, strided, type Strided } from '../internal/signal-input.js';
import { createComplexFftPlan, complexIfft } from '../kernels/fft.js';
import { createIstftState, flushIstft, processIstft } from '../kernels/istft.js';
import { resolveFs } from '../kernels/spectral-segments.js';
import type { Complex, NdArray } from './types.js';

/** Options of {@link istft}: SciPy's keyword parameters, camelCased. */
export interface IstftOptions {
  /** Sampling frequency in Hz (default 1). */
  fs?: number;
  /** Window used by the forward STFT (default `'hann'`). */
  window?: WindowSpec;
  /** Segment length (default from the frequency count: `2 * (bins - 1)` for one-sided input). */
  nperseg?: number;
  /** Overlap (default `nperseg // 2`). */
  noverlap?: number;
  /** FFT length (default as SciPy derives it from the input and `nperseg`). */
  nfft?: number;
  /** Whether the input holds one-sided spectra of a real signal (default `true`). */
  inputOnesided?: boolean;
  /** Remove the `nperseg // 2` samples the forward STFT's boundary extension added (default `true`). */
  boundary?: boolean;
  /** Axis of segments (default -1). */
  timeAxis?: number;
  /** Axis of frequencies (default -2). */
  freqAxis?: number;
  /** `'spectrum'` (default) or `'psd'`: the forward STFT's scaling. */
  scaling?: 'spectrum' | 'psd';
}

/** Result of {@link istft}: SciPy's `t, x`. */
export interface IstftResult<X = Float64Array> {
  /** Sample times in seconds. */
  t: Float64Array;
  /** The signal: real (one-sided input) or `{ re, im }` (two-sided input). */
  x: X;
}

function at(s: Strided, index: readonly number[]): number {
  let i = s.offset;
  for (let d = 0; d < index.length; d++) i += index[d]! * s.stride[d]!;
  return s.data[i]!;
}

function normaliseAxis(name: string, axis: number, ndim: number): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new RangeError(`istft: ${name} ${String(axis)} is out of bounds for ${ndim}-D input`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Inverse short-time Fourier transform, as `scipy.signal.istft(Zxx, fs=1.0, window='hann',
 * nperseg=None, noverlap=None, nfft=None, input_onesided=True, boundary=True, time_axis=-1,
 * freq_axis=-2, scaling='spectrum')`.
 *
 * @remarks
 * Weighted overlap-add through the streaming `istft` kernel (`processIstft`): each segment's
 * inverse FFT is windowed and added, and the sum is divided by the summed squared windows where
 * that exceeds 1e-10 (SciPy warns when it does not: "NOLA condition failed"; this function does
 * not warn). With `boundary: true` the `nperseg // 2` samples at each end are removed. Input:
 * `{ re, im }` 2-D `[frequencies, segments]` views (or 3-D with an outer axis, e.g. the
 * `[frequencies, channels, segments]` STFT of `[frames, channels]` input with `freqAxis: 0`,
 * giving `[channels, samples]`, as SciPy does). Unlike SciPy 1.10, whose `t` counts the first axis
 * of the output, `t` here always has one time per sample. Allocates the results.
 *
 * @param Zxx - the STFT `{ re, im }`, as {@link stft} returns it
 * @param options - `fs`, `window`, `nperseg`, `noverlap`, `nfft`, `inputOnesided`, `boundary`, `timeAxis`, `freqAxis`, `scaling`
 * @returns `{ t, x }`
 * @throws TypeError/RangeError naming `istft` for bad input or options
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const x = Float64Array.from({ length: 1000 }, (_, i) => Math.cos(0.05 * i));
 * const { Zxx } = signal.stft(x, { nperseg: 64, noverlap: 48 });
 * const { t, x: y } = signal.istft(Zxx, { nperseg: 64, noverlap: 48 }); // y ~ x (1000+ samples)
 * ```
 */
export function istft(Zxx: Complex<NdarrayLike>, options?: IstftOptions & { inputOnesided?: true }): IstftResult<Float64Array | NdArray>;
export function istft(Zxx: Complex<NdarrayLike>, options: IstftOptions & { inputOnesided: false }): IstftResult<Complex<Float64Array | NdArray>>;
export function istft(Zxx: Complex<NdarrayLike>, options?: IstftOptions): IstftResult<Float64Array | NdArray | Complex<Float64Array | NdArray>>;
export function istft(
  Zxx: Complex<NdarrayLike>,
  options?: IstftOptions,
): IstftResult<Float64Array | NdArray | Complex<Float64Array | NdArray>> {
  const o = options ?? {};
  if (o === null || typeof o !== 'object') throw new TypeError(`istft: options must be an object, got ${String(o)}`);
  if (Zxx === null || typeof Zxx !== 'object' || !('re' in Zxx) || !('im' in Zxx)) {
    throw new TypeError('istft: Zxx must be a complex { re, im } pair of 2-D [frequencies, segments] views, as stft returns');
  }
  const re = strided('istft', 'Zxx.re', Zxx.re, 3);
  const im = strided('istft', 'Zxx.im', Zxx.im, 3);
  if (re.shape.length !== im.shape.length || re.shape.some((n, d) => n !== im.shape[d])) {
    throw new RangeError(`istft: Zxx.re has shape [${re.shape.join(', ')}] but Zxx.im has shape [${im.shape.join(', ')}]`);
  }
  const ndim = re.shape.length;
  if (ndim < 2) throw new RangeError('istft: input stft must be at least 2d!');
  const fs = resolveFs('istft', o.fs);
  const inputOnesided = o.inputOnesided ?? true;
  if (typeof inputOnesided !== 'boolean') throw new TypeError(`istft: inputOnesided must be a boolean, got ${String(inputOnesided)}`);
  const boundary = o.boundary ?? true;
  if (typeof boundary !== 'boolean') throw new TypeError(`istft: boundary must be a boolean, got ${String(boundary)}`);
  const scaling = o.scaling ?? 'spectrum';
  if (scaling !== 'spectrum' && scaling !== 'psd') throw new TypeError(`istft: scaling must be 'spectrum' or 'psd', got ${String(scaling)}`);
  const timeAxis = normaliseAxis('timeAxis', o.timeAxis ?? -1, ndim);
  const freqAxis = normaliseAxis('freqAxis', o.freqAxis ?? -2, ndim);
  if (timeAxis === freqAxis) throw new RangeError('istft: must specify differing time and frequency axes!');
  const outerAxis = ndim === 3 ? 3 - timeAxis - freqAxis : -1;
  const nseg = re.shape[timeAxis]!;
  const nfreq = re.shape[freqAxis]!;
  const nDefault = inputOnesided ? 2 * (nfreq - 1) : nfreq;
  const nperseg = o.nperseg ?? nDefault;
  if (typeof nperseg !== 'number' || !Number.isInteger(nperseg) || nperseg < 1) {
    throw new RangeError(`istft: nperseg must be a positive integer, got ${String(nperseg)}`);
  }
  let nfft: number;
  if (o.nfft === undefined || o.nfft === null) {
    nfft = inputOnesided && nperseg === nDefault + 1 ? nperseg : nDefault;
  } else {
    if (typeof o.nfft !== 'number' || !Number.isInteger(o.nfft)) throw new TypeError(`istft: nfft must be an integer, got ${String(o.nfft)}`);
    if (o.nfft < nperseg) throw new RangeError(`istft: nfft must be greater than or equal to nperseg (${o.nfft} < ${nperseg})`);
    nfft = o.nfft;
  }
  if (nfft < 1) throw new RangeError(`istft: the FFT length must be positive, got ${nfft} (from ${nfreq} frequencies)`);
  if (nfft < nperseg) {
    // SciPy fails here too (its segments come out shorter than the window).
    throw new RangeError(`istft: the FFT length ${nfft} (from ${nfreq} frequencies) is shorter than nperseg = ${nperseg}; pass nfft >= nperseg`);
  }
  const noverlap = o.noverlap ?? Math.floor(nperseg / 2);
  if (typeof noverlap !== 'number' || !Number.isInteger(noverlap) || noverlap < 0) {
    throw new RangeError(`istft: noverlap must be a non-negative integer, got ${String(noverlap)}`);
  }
  if (noverlap >= nperseg) throw new RangeError(`istft: noverlap must be less than nperseg (${noverlap} >= ${nperseg})`);
  const nstep = nperseg - noverlap;
  const spec = o.window ?? 'hann';
  const win = inContext('istft', () => getWindow(spec, nperseg));
  let winSum = 0;
  let win2Sum = 0;
  for (let i = 0; i < nperseg; i++) {
    winSum += win[i]!;
    win2Sum += win[i]! * win[i]!;
  }
  const scale = scaling === 'spectrum' ? winSum : Math.sqrt(fs * win2Sum);
  const outputLength = nseg > 0 ? nperseg + (nseg - 1) * nstep : 0;
  const cut = boundary ? Math.floor(nperseg / 2) : 0;
  // SciPy slices x[..., n//2 : -(n//2)]: with n//2 == 0 that is x[0:0], an empty signal.
  const finalLength = boundary ? (cut === 0 ? 0 : Math.max(outputLength - 2 * cut, 0)) : outputLength;
  const outerCount = outerAxis < 0 ? 1 : re.shape[outerAxis]!;
  const index = [0, 0, 0].slice(0, ndim);
  const outRe: Float64Array[] = [];
  const outIm: Float64Array[] = [];

  /** Segment `k`'s spectrum, interleaved, truncated or zero-padded to `points` (numpy's irfft/ifft `n`), times `factor`. */
  const gather = (k: number, out: Float64Array, points: number, factor: number): void => {
    index[timeAxis] = k;
    out.fill(0);
    const count = Math.min(points, nfreq);
    for (let b = 0; b < count; b++) {
      index[freqAxis] = b;
      out[2 * b] = at(re, index) * factor;
      out[2 * b + 1] = at(im, index) * factor;
    }
  };
  for (let outer = 0; outer < outerCount; outer++) {
    if (outerAxis >= 0) index[outerAxis] = outer;
    const full = new Float64Array(outputLength);
    const fullIm = new Float64Array(inputOnesided ? 0 : outputLength);
    if (inputOnesided) {
      const state = createIstftState({ size: nperseg, hop: nstep, window: win, fftSize: nfft, scaling: 'none' });
      const bins = state.bins;
      const frame = new Float64Array(2 * bins);
      const hop = new Float64Array(nstep);
      for (let k = 0; k < nseg; k++) {
        gather(k, frame, bins, scale);
        processIstft(state, frame, hop);
        full.set(hop, k * nstep);
      }
      if (nseg > 0) {
        const tail = new Float64Array(nperseg - nstep);
        flushIstft(state, tail);
        full.set(tail, (nseg - 1) * nstep + nstep);
      }
    } else {
      const plan = createComplexFftPlan(nfft);
      const buf = new Float64Array(2 * nfft);
      const z = new Float64Array(2 * nfft);
      const norm = new Float64Array(outputLength);
      for (let k = 0; k < nseg; k++) {
        gather(k, buf, nfft, 1);
        complexIfft(plan, buf, z);
        const start = k * nstep;
        for (let i = 0; i < nperseg; i++) {
          full[start + i] = full[start + i]! + z[2 * i]! * scale * win[i]!;
          fullIm[start + i] = fullIm[start + i]! + z[2 * i + 1]! * scale * win[i]!;
          norm[start + i] = norm[start + i]! + win[i]! * win[i]!;
        }
      }
      for (let i = 0; i < outputLength; i++) {
        if (norm[i]! > 1e-10) {
          full[i] = full[i]! / norm[i]!;
          fullIm[i] = fullIm[i]! / norm[i]!;
        }
      }
    }
    outRe.push(full.slice(cut, cut + finalLength));
    if (!inputOnesided) outIm.push(fullIm.slice(cut, cut + finalLength));
  }
  const t = new Float64Array(finalLength);
  for (let i = 0; i < finalLength; i++) t[i] = i / fs;
  const shapeOut = (parts: Float64Array[]): Float64Array | NdArray => {
    if (outerAxis < 0) return parts[0]!;
    // SciPy: outer axis first, samples last; moved to timeAxis when the segments were not last.
    let tAxis = timeAxis;
    const moved = timeAxis !== ndim - 1;
    if (moved && freqAxis < timeAxis) tAxis -= 1;
    const transposed = moved && tAxis === 0;
    const shape = transposed ? [finalLength, outerCount] : [outerCount, finalLength];
    const data = new Float64Array(finalLength * outerCount);
    for (let l = 0; l < outerCount; l++) {
      for (let i = 0; i < finalLength; i++) data[transposed ? i * outerCount + l : l * finalLength + i] = parts[l]![i]!;
    }
    return { data, shape, stride: cStrides(shape), offset: 0 };
  };
  if (inputOnesided) return { t, x: shapeOut(outRe) };
  return { t, x: { re: shapeOut(outRe), im: shapeOut(outIm) } };
}
