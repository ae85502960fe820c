import { channelCount, checkBlock } from '../internal/channels.js';
import { describeValue } from '../internal/chunks.js';
import type { FloatArray } from '../internal/float-array.js';
import { irfft, rfft } from './fft.js';
import { bestFftSize, chooseConvolution, convolveBlock, createOverlapSaveBlock, directCost, fftCost, setBlockTaps, type OverlapSaveBlock } from './overlap-save.js';
import { createPartitionedConvolution, partitionedCost, partitionedHistory, setPartitionedTaps, type PartitionedConvolution } from './partitioned-convolution.js';

/**
 * How a FIR filter is computed: `'direct'` (the convolution sum, O(taps) per sample), `'fft'`
 * (overlap-save FFT convolution, O(log N) per sample) or `'auto'` (per call, whichever the measured
 * cost model says is cheaper for the tap count and the chunk length).
 */
export type FirMethod = 'auto' | 'direct' | 'fft';

/**
 * State of a streaming FIR filter (see {@link createFirState}).
 *
 * @remarks
 * `taps` is a float64 copy of the coefficients; `history` holds, per channel, the last `ring` inputs
 * twice (a mirrored delay line of `2 * ring` values per channel, `ring >= taps.length`, so the direct
 * inner loop needs no wrap-around test and the last samples are always contiguous for the FFT
 * paths); `position` is the write index (the same for every channel). `blocks` caches the
 * overlap-save engines by FFT size (at most `FIR_BLOCK_CACHE`); `partitioned` is the
 * partitioned engine for one steady chunk length, when the cost model chose it.
 */
export interface FirState {
  readonly taps: Float64Array;
  /** Interleaved channels per frame (1 for mono). */
  readonly channels: number;
  history: Float64Array;
  /** Inputs kept per channel (grows once when the partitioned engine needs more history). */
  ring: number;
  position: number;
  readonly method: FirMethod;
  readonly blocks: OverlapSaveBlock[];
  /** The partitioned engine in use (one of `engines`), if any. */
  partitioned: PartitionedConvolution | undefined;
  /** Partitioned engines by chunk length (at most `FIR_BLOCK_CACHE`). */
  readonly engines: PartitionedConvolution[];
  /** The chunk length of the previous call (a length seen twice in a row counts as steady). */
  previousFrames: number;
  /** The last method decision: for `decidedFrames` frames, steady or not, 0 (direct), an FFT size (overlap-save) or -1 (partitioned). */
  decidedFrames: number;
  decidedSteady: boolean;
  decidedSize: number;
}

/** Options of {@link createFirState}. */
export interface FirStateOptions {
  /** Interleaved channels of the samples to filter (default 1); each channel has its own delay line. */
  readonly channels?: number;
  /** `'auto'` (default), `'direct'` or `'fft'`; see {@link FirMethod}. */
  readonly method?: FirMethod;
}

/** FFT block sizes kept per FIR state (a stream with steady chunk lengths uses one). */
export const FIR_BLOCK_CACHE = 4;

function copyTaps(taps: ArrayLike<number>): Float64Array {
  if (taps === null || typeof taps !== 'object' || typeof taps.length !== 'number') {
    throw new TypeError(`taps must be an array-like of numbers, got ${describeValue(taps)}`);
  }
  if (taps.length === 0) throw new RangeError('taps must not be empty');
  const out = new Float64Array(taps.length);
  for (let i = 0; i < taps.length; i++) {
    const v = taps[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`taps[${i}] must be a finite number, got ${String(v)}`);
    out[i] = v;
  }
  return out;
}

/** Validates a FIR `method` option (default `'auto'`). */
export function firMethod(method: unknown): FirMethod {
  if (method === undefined) return 'auto';
  if (method !== 'auto' && method !== 'direct' && method !== 'fft') {
    throw new TypeError(`method must be 'auto', 'direct' or 'fft', got ${describeValue(method)}`);
  }
  return method;
}

/**
 * Creates the state of a streaming FIR filter, the kernel behind `fir(taps)`, `signal.convolve`,
 * `signal.fftconvolve` and `signal.oaconvolve`.
 *
 * @remarks
 * Equivalent to `scipy.signal.lfilter(taps, 1, x)` over the whole stream, whatever the chunking (the
 * delay line starts at zero). The taps are copied to float64. With `channels`, the input is
 * interleaved frames and each channel is filtered on its own, exactly as if it were alone. `method`
 * selects direct or overlap-save FFT convolution (see {@link processFir}). Allocates here, and
 * later only when a chunk length needs an FFT block size not used before.
 *
 * @param taps - the impulse response (non-empty; TypeError for NaN/infinite values)
 * @param options - `channels` (default 1), `method` (default `'auto'`)
 * @returns a new state
 * @example
 * ```ts
 * import { createFirState, firwin, processFir } from '@ringflow/operators';
 * const state = createFirState(firwin(2047, 0.1), { method: 'fft' });
 * const y = new Float32Array(8192);
 * processFir(state, new Float32Array(8192), y);
 * ```
 */
export function createFirState(taps: ArrayLike<number>, options?: FirStateOptions): FirState {
  const t = copyTaps(taps);
  const channels = channelCount('', options?.channels);
  return {
    taps: t,
    channels,
    history: new Float64Array(2 * t.length * channels),
    ring: t.length,
    position: 0,
    method: firMethod(options?.method),
    blocks: [],
    partitioned: undefined,
    engines: [],
    previousFrames: -1,
    decidedFrames: -1,
    decidedSteady: false,
    decidedSize: 0,
  };
}

/**
 * Filters one chunk with the FIR state, continuing from its delay line.
 *
 * @remarks
 * `y[n] = sum_k taps[k] x[n-k]` in float64, one output per input sample (no latency). Input and
 * output hold interleaved frames of `state.channels` samples (RangeError when the length is not a
 * whole number of frames). `output` may alias `input`; a float32 output rounds the float64 result.
 *
 * Method: `'direct'` costs `O(taps)` per sample. `'fft'` convolves by FFT, in one of two ways the
 * cost model picks per chunk length: overlap-save blocks of FFT size `N >= taps + 1` (the cheapest
 * power of two for the chunk length), or, once a chunk length shorter than the filter repeats,
 * uniformly partitioned convolution (partitions of the chunk length `B`, FFTs of `N = 2B`: far
 * cheaper for short steady chunks such as 128-sample audio quanta; see
 * `createPartitionedConvolution`). Both equal the direct form within float64 rounding: for every
 * output `y[n]`, `|y_fft[n] - y_direct[n]| <= eps log2(N) ||taps||_2 ||x_W||_2`, where `x_W` is the
 * input within `W = taps + N` samples of `n` and `eps = 2^-52` (tested with noise, impulses, DC and
 * a 1e12 dynamic range; observed errors stay below a fifth of the bound). Float32 output: the same,
 * then one rounding, so outputs may differ from the direct form's by one float32 ulp. `'auto'`
 * also considers the direct form: short filters stay direct. The delay line is shared, so switching
 * between methods from one chunk to the next (a chunk of another length) is seamless.
 *
 * Allocation: none, except the first time a chunk length needs an FFT block or partitioned engine
 * not in the state's caches (at most `FIR_BLOCK_CACHE` of each; the partitioned engine also
 * grows the delay line once): with a steady chunk length, safe in an AudioWorklet `process()` after
 * the second call.
 *
 * @param state - from {@link createFirState}; updated
 * @param input - samples to filter
 * @param output - receives `input.length` samples (RangeError when shorter)
 * @returns the number of samples written (`input.length`)
 * @example
 * ```ts
 * import { createFirState, processFir } from '@ringflow/operators';
 * const state = createFirState([0.25, 0.5, 0.25]);
 * const y = new Float64Array(4);
 * processFir(state, new Float64Array([1, 0, 0, 0]), y); // y = [0.25, 0.5, 0.25, 0]
 * ```
 */
export function processFir(state: FirState, input: FloatArray, output: FloatArray): number {
  const channels = state.channels;
  const n = checkBlock(input, output, channels);
  const frames = n / channels;
  if (frames === 0) return 0;
  const steady = frames === state.previousFrames;
  state.previousFrames = frames;
  if (frames !== state.decidedFrames || steady !== state.decidedSteady) {
    // the decision depends only on the tap count, the chunk length and whether the length is steady
    state.decidedSize = decide(state, frames, steady);
    state.decidedFrames = frames;
    state.decidedSteady = steady;
  }
  const size = state.decidedSize;
  if (size === -1) firPartitioned(state, state.partitioned!, input, output);
  else {
    if (state.partitioned !== undefined) state.partitioned.valid = false; // the block grid is broken
    if (size === 0) firDirect(state, input, output, frames);
    else firFft(state, block(state, size), input, output, frames);
  }
  return n;
}

/**
 * 0 (direct), an overlap-save FFT size, or -1 (partitioned) for chunks of `frames` frames. The
 * partitioned engine is only worth its set-up (and only exact on a steady block grid) when the
 * chunk length repeats, so it is considered from the second chunk of a length on.
 */
function decide(state: FirState, frames: number, steady: boolean): number {
  const taps = state.taps.length;
  if (state.method === 'direct' || taps < 2) return 0;
  const size = state.method === 'fft' ? bestFftSize(taps, frames) : chooseConvolution(taps, frames);
  const olsCost = size === 0 ? directCost(taps, frames) : fftCost(taps, frames, size);
  if (steady && frames < taps && frames >= 8 && partitionedCost(taps, frames) < olsCost) {
    usePartitions(state, frames);
    return -1;
  }
  return size;
}

/** Makes the partitioned engine for chunks of `block` frames the active one (cached or created). */
function usePartitions(state: FirState, block: number): void {
  const cached = state.engines.find((e) => e.block === block);
  if (cached !== undefined) {
    if (state.partitioned !== cached) cached.valid = false;
    state.partitioned = cached;
    return;
  }
  growRing(state, partitionedHistory(state.taps.length, block));
  const created = createPartitionedConvolution(state.taps, block, state.channels);
  if (state.engines.length >= FIR_BLOCK_CACHE) state.engines.shift();
  state.engines.push(created);
  state.partitioned = created;
}

/** Grows the history ring to `need` inputs per channel, keeping the ones it holds (older ones are zeros). */
function growRing(state: FirState, need: number): void {
  if (state.ring < need) {
    const { channels, ring, position } = state;
    const grown = new Float64Array(2 * need * channels);
    for (let ch = 0; ch < channels; ch++) {
      // the last `ring` inputs, oldest first, end just before the new write position `ring`
      for (let j = 0; j < ring; j++) {
        const x = state.history[ch * 2 * ring + position + j]!;
        grown[ch * 2 * need + j] = x;
        grown[ch * 2 * need + j + need] = x;
      }
    }
    state.history = grown;
    state.ring = need;
    state.position = ring % need;
  }
}

function firDirect(state: FirState, input: FloatArray, output: FloatArray, frames: number): void {
  const taps = state.taps;
  const hist = state.history;
  const len = taps.length;
  const ring = state.ring;
  const channels = state.channels;
  const start = state.position;
  let pos = start;
  for (let ch = 0; ch < channels; ch++) {
    const h0 = ch * 2 * ring;
    pos = start;
    for (let f = 0, i = ch; f < frames; f++, i += channels) {
      const x = input[i]!;
      hist[h0 + pos] = x;
      hist[h0 + pos + ring] = x;
      // hist[base - k] holds x[n - k] for k = 0 .. len-1
      let acc = 0;
      const base = h0 + pos + ring;
      for (let k = 0; k < len; k++) acc += taps[k]! * hist[base - k]!;
      output[i] = acc;
      pos = pos + 1 === ring ? 0 : pos + 1;
    }
  }
  state.position = pos;
}

/** Pushes `count` interleaved samples of channel `ch` (from `input[from]`, stride `channels`) into the ring; returns the new position. */
function push(state: FirState, ch: number, input: FloatArray, from: number, count: number, pos: number): number {
  const { ring, channels } = state;
  const hist = state.history;
  const h0 = ch * 2 * ring;
  // only the last `ring` samples survive
  const skip = count > ring ? count - ring : 0;
  let slot = (pos + skip) % ring;
  for (let j = skip, i = from + skip * channels; j < count; j++, i += channels) {
    const x = input[i]!;
    hist[h0 + slot] = x;
    hist[h0 + slot + ring] = x;
    slot = slot + 1 === ring ? 0 : slot + 1;
  }
  return slot;
}

/** The cached block of FFT size `size`, created (and the oldest evicted) when missing. */
function block(state: FirState, size: number): OverlapSaveBlock {
  const blocks = state.blocks;
  for (let i = 0; i < blocks.length; i++) if (blocks[i]!.size === size) return blocks[i]!;
  const created = createOverlapSaveBlock(state.taps, size);
  if (blocks.length >= FIR_BLOCK_CACHE) blocks.shift();
  blocks.push(created);
  return created;
}

function firFft(state: FirState, b: OverlapSaveBlock, input: FloatArray, output: FloatArray, frames: number): void {
  const len = state.taps.length;
  const hist = state.history;
  const { channels, ring } = state;
  const { time, result, step, size } = b;
  const start = state.position;
  let pos = start;
  for (let ch = 0; ch < channels; ch++) {
    const h0 = ch * 2 * ring;
    pos = start;
    for (let done = 0; done < frames; ) {
      const s = Math.min(step, frames - done);
      // time = [the len - 1 samples before the block, s new samples, zeros]
      for (let j = 0, at = h0 + pos + ring - (len - 1); j < len - 1; j++, at++) time[j] = hist[at]!;
      for (let j = 0, i = done * channels + ch; j < s; j++, i += channels) time[len - 1 + j] = input[i]!;
      if (len - 1 + s < size) time.fill(0, len - 1 + s);
      // the delay line takes the new samples before the outputs are written (in-place filtering)
      pos = push(state, ch, input, done * channels + ch, s, pos);
      convolveBlock(b);
      for (let j = 0, i = done * channels + ch; j < s; j++, i += channels) output[i] = result[len - 1 + j]!;
      done += s;
    }
  }
  state.position = pos;
}

/** Spectrum of the window of the `2B` inputs ending `back` samples before the newest one, into `out`. */
function windowSpectrum(state: FirState, engine: PartitionedConvolution, ch: number, pos: number, back: number, out: Float64Array): void {
  const { time, block, size, plan } = engine;
  const hist = state.history;
  const h0 = ch * 2 * state.ring;
  const w = 2 * block;
  // newest input at hist[h0 + pos + ring - 1]; the window ends `back` before it
  for (let j = 0, at = h0 + pos + state.ring - back - w; j < w; j++, at++) time[size - w + j] = hist[at]!;
  rfft(plan, time, out);
}

function firPartitioned(state: FirState, engine: PartitionedConvolution, input: FloatArray, output: FloatArray): void {
  const { channels } = state;
  const { block, partitions, spectra, fdl, work, result, size, plan } = engine;
  const bins2 = work.length;
  const start = state.position;
  let pos = start;
  const head = engine.head;
  const nextHead = head + 1 === partitions ? 0 : head + 1;
  if (size > 2 * block) engine.time.fill(0, 0, size - 2 * block);
  for (let ch = 0; ch < channels; ch++) {
    const f0 = ch * partitions * bins2;
    if (!engine.valid) {
      // rebuild the delay line: the windows ending at the last P - 1 block boundaries
      for (let q = 1; q < partitions; q++) {
        const slot = (nextHead - q + partitions) % partitions;
        windowSpectrum(state, engine, ch, start, (q - 1) * block, work);
        fdl.set(work, f0 + slot * bins2);
      }
    }
    pos = push(state, ch, input, ch, block, start);
    windowSpectrum(state, engine, ch, pos, 0, work);
    fdl.set(work, f0 + nextHead * bins2);
    // work = sum_p X[j - p] H[p]
    work.fill(0);
    for (let p = 0, slot = nextHead; p < partitions; p++, slot = slot === 0 ? partitions - 1 : slot - 1) {
      const x0 = f0 + slot * bins2;
      const h0 = p * bins2;
      for (let i = 0; i < bins2; i += 2) {
        const xr = fdl[x0 + i]!;
        const xi = fdl[x0 + i + 1]!;
        const hr = spectra[h0 + i]!;
        const hi = spectra[h0 + i + 1]!;
        work[i] = work[i]! + xr * hr - xi * hi;
        work[i + 1] = work[i + 1]! + xr * hi + xi * hr;
      }
    }
    irfft(plan, work, result);
    for (let j = 0, i = ch; j < block; j++, i += channels) output[i] = result[size - block + j]!;
  }
  engine.head = nextHead;
  engine.valid = true;
  state.position = pos;
}

/**
 * Clears the delay line of a FIR state (as if no sample had been filtered).
 *
 * @remarks
 * Keeps the taps and the FFT blocks. No allocation.
 *
 * @param state - the state to reset
 * @example
 * ```ts
 * import { createFirState, resetFir } from '@ringflow/operators';
 * const state = createFirState([0.5, 0.5]);
 * resetFir(state);
 * ```
 */
export function resetFir(state: FirState): void {
  state.history.fill(0);
  state.position = 0;
  for (const e of state.engines) e.valid = false;
}

/**
 * Replaces the taps of a FIR state for a live parameter change, keeping its delay line when the tap
 * count matches.
 *
 * @remarks
 * With the same length the taps are overwritten in place (and the cached FFT blocks' spectra
 * recomputed) and the history carries over (continuous output); otherwise a new state (same
 * channels and method) with an empty history is returned. Validation allocates a scratch copy:
 * call from control code, not per sample.
 *
 * @param state - the running state
 * @param taps - the new impulse response
 * @returns `state` (updated) when the length matches, else a new state
 * @example
 * ```ts
 * import { createFirState, firwin, setFirTaps } from '@ringflow/operators';
 * let state = createFirState(firwin(31, 0.2));
 * state = setFirTaps(state, firwin(31, 0.3));
 * ```
 */
export function setFirTaps(state: FirState, taps: ArrayLike<number>): FirState {
  const t = copyTaps(taps);
  if (t.length !== state.taps.length) return createFirState(t, { channels: state.channels, method: state.method });
  state.taps.set(t);
  // (same length: the method decisions stand; the cached blocks get the new spectrum)
  for (const b of state.blocks) setBlockTaps(b, state.taps);
  for (const e of state.engines) setPartitionedTaps(e, state.taps);
  return state;
}
