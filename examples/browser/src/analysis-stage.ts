// The worker stage of the browser demo: a Butterworth lowpass with a live cutoff (sosfilt), the
// filtered audio written straight into the play ring (worker -> AudioWorklet, no hop through the
// main thread), and every `hop` samples a frame with the input/output levels and the spectrum of
// the filtered signal (Hann window, live FFT size) for the page to draw.
import { concat, defer, distinctUntilChanged, map, mergeMap, of, tap, withLatestFrom, type Observable } from 'rxjs';
import { RingBuffer, type RingHandle } from '@ringflow/core';
import { butter, sosfilt } from '@ringflow/operators';
import { createStftState, processStft, type StftState } from '@ringflow/operators/kernels';
import { defineStage, exposeStage } from '@ringflow/workers';
import { ANALYSIS, FLOOR_DB, Field, HEADER_LENGTH, READY } from './analysis-frame.js';

/** Parameters of the stage; `cutoff` and `fftSize` change live. */
export interface AnalysisParams {
  /** Sample rate of the audio, Hz. */
  readonly sampleRate: number;
  /** Lowpass cutoff, Hz (below sampleRate / 2). */
  readonly cutoff: number;
  /** Butterworth order. */
  readonly order: number;
  /** FFT length of the spectra (a power of two). */
  readonly fftSize: number;
  /** Samples between two analysis frames. */
  readonly hop: number;
  /**
   * The ring the worklet plays out, or null (no SharedArrayBuffer: spectra only). The stage is its
   * producer from its first input chunk on (the page may prime it with silence before that).
   */
  readonly playRing: RingHandle | null;
  /**
   * Latency bound: when the play ring already holds more than this many frames (after a stall of
   * the page or the worker made the play node underrun, every later frame would come that much
   * later), the chunk is dropped instead of written, so the delay shrinks back. 0: never drop.
   */
  readonly maxPlayFrames: number;
}

const DEFAULTS: AnalysisParams = { sampleRate: 48_000, cutoff: 2000, order: 4, fftSize: 2048, hop: 1024, playRing: null, maxPlayFrames: 0 };

const toDb = (power: number): number => (power > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(power)) : FLOOR_DB);

/** Keeps the last `fftSize` filtered samples and the level sums of the current hop. */
class Analyser {
  #stft: StftState | undefined;
  #history = new Float64Array(0);
  #frame = new Float64Array(0);
  #spectrum = new Float64Array(0);
  #out = new Float64Array(0);
  #scale = 1;
  #pos = 0;
  #sinceHop = 0;
  #sumIn = 0;
  #sumOut = 0;
  framesProcessed = 0;

  #resize(fftSize: number): void {
    const stft = createStftState({ size: fftSize, window: 'hann', scaling: 'spectrum' });
    this.#stft = stft;
    this.#history = new Float64Array(fftSize);
    this.#frame = new Float64Array(fftSize);
    this.#spectrum = new Float64Array(2 * stft.bins);
    this.#out = new Float64Array(HEADER_LENGTH + stft.bins);
    this.#pos = 0;
    // 'spectrum' scaling divides by sum(window); times 2 a sine of amplitude A reads 20 log10(A).
    this.#scale = 2;
  }

  /** Frames for one chunk (`x` the input, `y` the filtered output, same length): usually 0 or 1. */
  push(x: Float32Array, y: Float32Array, p: AnalysisParams, playDropped: number): Float64Array[] {
    if (this.#stft?.size !== p.fftSize) this.#resize(p.fftSize);
    const frames: Float64Array[] = [];
    const n = this.#history.length;
    for (let i = 0; i < y.length; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      this.#history[this.#pos] = yi;
      this.#pos = this.#pos + 1 === n ? 0 : this.#pos + 1;
      this.#sumIn += xi * xi;
      this.#sumOut += yi * yi;
      this.framesProcessed++;
      if (++this.#sinceHop === p.hop) frames.push(this.#emit(p, playDropped));
    }
    return frames;
  }

  #emit(p: AnalysisParams, playDropped: number): Float64Array {
    const n = this.#history.length;
    // Oldest sample first.
    this.#frame.set(this.#history.subarray(this.#pos), 0);
    this.#frame.set(this.#history.subarray(0, this.#pos), n - this.#pos);
    processStft(this.#stft!, this.#frame, this.#spectrum);
    const out = this.#out;
    out[Field.kind] = ANALYSIS;
    out[Field.framesProcessed] = this.framesProcessed;
    out[Field.sampleRate] = p.sampleRate;
    out[Field.fftSize] = n;
    out[Field.cutoff] = p.cutoff;
    out[Field.inputDb] = toDb(this.#sumIn / this.#sinceHop);
    out[Field.outputDb] = toDb(this.#sumOut / this.#sinceHop);
    out[Field.playDropped] = playDropped;
    const s = this.#spectrum;
    const k2 = this.#scale * this.#scale;
    for (let k = 0; k < this.#stft!.bins; k++) out[HEADER_LENGTH + k] = toDb(k2 * (s[2 * k]! * s[2 * k]! + s[2 * k + 1]! * s[2 * k + 1]!));
    this.#sinceHop = 0;
    this.#sumIn = 0;
    this.#sumOut = 0;
    return out; // reused: the stage's outputs are copied as they are emitted
  }
}

export const analysisStage = defineStage({
  params: DEFAULTS,
  build: (source: Observable<Float32Array>, params) =>
    defer(() => {
      const analyser = new Analyser();
      let play: RingBuffer | null = null;
      let playHandle: RingHandle | null = null;
      let playDropped = 0;
      let input: Float32Array = new Float32Array(0);
      const ready = new Float64Array(HEADER_LENGTH);
      ready[Field.kind] = READY;
      const sos = params.pipe(
        distinctUntilChanged((a, b) => a.cutoff === b.cutoff && a.order === b.order && a.sampleRate === b.sampleRate),
        map((p) => butter(p.order, p.cutoff, { sampleRate: p.sampleRate })),
      );
      // Parameters sent with the start apply from the first chunk on (they travel in band).
      return concat(
        of(ready),
        source.pipe(
          tap((chunk) => {
            input = chunk; // sosfilt emits one chunk per non-empty input chunk, synchronously
          }),
          sosfilt(sos),
          withLatestFrom(params),
          tap(([filtered, p]) => {
            if (p.playRing !== playHandle) {
              playHandle = p.playRing;
              play = playHandle === null ? null : RingBuffer.attach(playHandle);
            }
            if (play === null) return;
            if (p.maxPlayFrames > 0 && play.readAvailable > p.maxPlayFrames) playDropped += filtered.length;
            else playDropped += filtered.length - play.write(filtered);
          }),
          mergeMap(([filtered, p]) => analyser.push(input, filtered, p, playDropped)),
        ),
      );
    }),
});

exposeStage(analysisStage);
