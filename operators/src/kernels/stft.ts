import { getWindow, type WindowSpec } from '../design/windows.js';
import { assertFloatArray, assertInteger } from '../internal/validate.js';
import { createFftPlan, rfft, type FftPlan, type FloatArray } from './fft.js';

/**
 * Scaling of STFT spectra. `'none'`: the plain rfft of the windowed frame (numpy's convention,
 * the ringflow default). `'spectrum'`: divided by `sum(window)`, as `scipy.signal.stft` does by
 * default (`scaling='spectrum'`).
 */
export type StftScaling = 'none' | 'spectrum';

/** Options of {@link createStftState} and `createIstftState`. */
export interface StftOptions {
  /** Frame length in samples (SciPy's `nperseg`): a positive integer. */
  size: number;
  /**
   * Samples between the starts of consecutive frames (SciPy's `nperseg - noverlap`): a positive
   * integer, smaller or larger than `size`. Default `size - Math.floor(size / 2)` (SciPy's default).
   */
  hop?: number;
  /**
   * Window: a name, a `[name, parameter]` pair (periodic, like SciPy's `get_window`), or `size`
   * samples. Default `'hann'` (periodic).
   */
  window?: WindowSpec;
  /** FFT length (SciPy's `nfft`), >= `size`; frames are zero-padded to it. Default `size`. */
  fftSize?: number;
  /** Scaling of the spectra; default `'none'`. See {@link StftScaling}. */
  scaling?: StftScaling;
}

/**
 * State of the STFT kernel: resolved parameters plus the FFT plan and scratch.
 *
 * @remarks
 * Created by {@link createStftState}; used by {@link processStft}. The listed fields are
 * read-only; the FFT plan and scratch inside are private.
 */
export interface StftState {
  /** Frame length in samples. */
  readonly size: number;
  /** Hop in samples (informational for the framing operator; a frame's spectrum does not use it). */
  readonly hop: number;
  /** FFT length in samples (>= size). */
  readonly fftSize: number;
  /** Complex bins per spectrum: `Math.floor(fftSize / 2) + 1`; a spectrum holds `2 * bins` numbers. */
  readonly bins: number;
  /** The window samples (length `size`). Do not modify. */
  readonly window: Float64Array;
  /** The scaling of the spectra. */
  readonly scaling: StftScaling;
}

interface StftStateInternal extends StftState {
  readonly plan: FftPlan;
  /** Windowed, zero-padded frame (length fftSize); the scaling factor is folded into `scaled`. */
  readonly frame: Float64Array;
  /** window * scale. */
  readonly scaled: Float64Array;
}

/** Resolves and checks the options shared by the STFT and ISTFT kernels. @internal */
export function resolveStftOptions(options: StftOptions, fn: string): {
  size: number;
  hop: number;
  fftSize: number;
  window: Float64Array;
  scaling: StftScaling;
} {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object { size, hop, window, fftSize, scaling }`);
  }
  const size = options.size;
  assertInteger(`${fn}: size`, size, 1);
  const hop = options.hop ?? size - Math.floor(size / 2);
  assertInteger(`${fn}: hop`, hop, 1);
  const fftSize = options.fftSize ?? size;
  assertInteger(`${fn}: fftSize`, fftSize, size);
  const scaling = options.scaling ?? 'none';
  if (scaling !== 'none' && scaling !== 'spectrum') {
    throw new TypeError(`${fn}: scaling must be 'none' or 'spectrum', got ${String(scaling)}`);
  }
  const window = getWindow(options.window ?? 'hann', size, { periodic: true });
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(window[i]!)) throw new TypeError(`${fn}: window[${i}] is not finite`);
  }
  return { size, hop, fftSize, window, scaling };
}

/**
 * Creates the state of a short-time Fourier transform: the window, scaling and FFT plan that
 * {@link processStft} applies to each frame.
 *
 * @remarks
 * Framing (cutting the stream into frames of `size` samples, `hop` apart) is the job of the
 * `stft` operator; this kernel turns one frame into one spectrum. Matches `scipy.signal.stft`
 * with `boundary=None, padded=False, detrend=False` frame by frame (with `scaling: 'spectrum'`;
 * the default `'none'` is SciPy's result times `sum(window)`). Allocates the window, the FFT plan
 * and one frame of scratch; call it outside realtime code.
 *
 * @param options - `size`, `hop`, `window`, `fftSize`, `scaling`: see {@link StftOptions}.
 * @returns The state.
 * @throws RangeError if `size`, `hop` or `fftSize` is not a positive integer (fftSize >= size) or
 * a window array has the wrong length.
 * @throws TypeError for an unknown window or scaling.
 *
 * @example
 * ```ts
 * import { createStftState, processStft } from '@ringflow/operators';
 * const stft = createStftState({ size: 512, hop: 128, window: 'hann' });
 * const spectrum = processStft(stft, new Float64Array(512), new Float64Array(2 * stft.bins));
 * ```
 */
export function createStftState(options: StftOptions): StftState {
  const { size, hop, fftSize, window, scaling } = resolveStftOptions(options, 'createStftState');
  let scale = 1;
  if (scaling === 'spectrum') {
    let sum = 0;
    for (let i = 0; i < size; i++) sum += window[i]!;
    if (sum === 0) throw new RangeError("createStftState: scaling 'spectrum' needs a window with a non-zero sum");
    scale = 1 / sum;
  }
  const scaled = new Float64Array(size);
  for (let i = 0; i < size; i++) scaled[i] = window[i]! * scale;
  const plan = createFftPlan(fftSize);
  const state: StftStateInternal = {
    size,
    hop,
    fftSize,
    bins: plan.bins,
    window,
    scaling,
    plan,
    frame: new Float64Array(fftSize),
    scaled,
  };
  return state;
}

/**
 * Computes the spectrum of one frame: rfft(window * frame), zero-padded to `fftSize`, scaled.
 *
 * @remarks
 * Layout: `spectrum` receives `state.bins` interleaved complex bins `[re0, im0, re1, im1, ...]`
 * (bin k is the frequency k / fftSize cycles per sample). Math in float64; the output keeps its
 * own type (float32 in, float32 out works). Allocates nothing; the frame is not modified; any
 * thread, including an AudioWorklet.
 *
 * @param state - From {@link createStftState}.
 * @param frame - Exactly `state.size` samples.
 * @param spectrum - At least `2 * state.bins` elements.
 * @returns `spectrum`.
 * @throws TypeError if an array is not a Float32Array/Float64Array.
 * @throws RangeError if `frame.length !== size` or `spectrum` is too short.
 *
 * @example
 * ```ts
 * import { createStftState, processStft } from '@ringflow/operators';
 * const stft = createStftState({ size: 4, hop: 2, window: [1, 1, 1, 1] });
 * processStft(stft, Float64Array.of(1, 2, 3, 4), new Float64Array(6)); // [10, 0, -2, 2, -2, 0]
 * ```
 */
export function processStft<T extends FloatArray>(state: StftState, frame: FloatArray, spectrum: T): T {
  const s = state as StftStateInternal;
  if (s === null || typeof s !== 'object' || !(s.frame instanceof Float64Array)) {
    throw new TypeError('processStft: state must come from createStftState(options)');
  }
  assertFloatArray('processStft: frame', frame);
  assertFloatArray('processStft: spectrum', spectrum);
  const size = s.size;
  if (frame.length !== size) {
    throw new RangeError(`processStft: frame has ${frame.length} samples, the state needs exactly ${size}`);
  }
  if (spectrum.length < 2 * s.bins) {
    throw new RangeError(`processStft: spectrum has ${spectrum.length} elements, needs at least ${2 * s.bins}`);
  }
  const buf = s.frame;
  const w = s.scaled;
  for (let i = 0; i < size; i++) buf[i] = frame[i]! * w[i]!;
  // buf[size..fftSize) stays zero (never written).
  return rfft(s.plan, buf, spectrum);
}
