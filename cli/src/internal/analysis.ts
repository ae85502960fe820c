// `ringflow analyze`'s pipeline. The input is read on the main thread; the filter and the STFT run
// on two worker threads (offload), each fed through a SharedArrayBuffer ring; the main thread
// meters the input, writes the filtered audio and keeps a bounded summary of the spectra.
//
//   input --tap(meter)--> offload(filter) --+--> toWavFile(filtered.wav)
//                                           +--> offload(STFT -> |X|^2) --> spectra summary
//
// Memory does not depend on the input's length: reads are chunked, `overflow: 'block'` holds the
// reader back while a stage is behind (outputs keep flowing meanwhile), the WAV is written as it
// comes, and the spectrogram is pooled to at most MAX_COLUMNS columns.
import { identity, ignoreElements, lastValueFrom, map, merge, Observable, Subject, tap, type OperatorFunction } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import { toWavFile, type WavFileStats, type WavFormatName } from '@ringflow/io';
import { offload, type OffloadStats } from '@ringflow/workers';
import type { filterStage } from '../stages/filter-stage.js';
import type { spectrumStage } from '../stages/spectrum-stage.js';
import { filterChain, spectrumChain } from './chains.js';
import type { Input } from './input.js';
import { LevelMeter, type ChannelLevels } from './level-meter.js';
import type { Progress } from './progress.js';
import { SpectrumAccumulator } from './spectra.js';

type Frames = MultichannelChunk<Float32Array>;

/** Options of {@link runAnalysis}. */
export interface AnalysisOptions {
  readonly fftSize: number;
  readonly hop: number;
  /** Second-order sections of the filter, or null for none. */
  readonly sos: number[][] | null;
  /** The filtered WAV's path. */
  readonly filteredPath: string;
  readonly filteredFormat: WavFormatName;
  /** Run every stage on the main thread instead of two workers. */
  readonly inThread: boolean;
  /** Frames per chunk read from the input. */
  readonly chunkFrames: number;
  readonly progress: Progress;
}

/** How full one stage's rings got and how often its producer waited. */
export interface StageRingStats {
  /** Highest fill of the ring into the worker seen in the statistics (0..1). */
  readonly maxInputFill: number;
  /** Highest fill of the ring out of the worker (0..1). */
  readonly maxOutputFill: number;
  /** Times a producer found a ring full and waited (backpressure, not loss). */
  readonly overruns: number;
  /** Chunks dropped (always 0: the analysis blocks instead of dropping). */
  readonly droppedChunks: number;
  readonly chunksIn: number;
  readonly chunksOut: number;
  /** Milliseconds the worker spent working. */
  readonly busyMs: number;
}

/** What the pipeline measured. */
export interface AnalysisResult {
  readonly levels: ChannelLevels[];
  readonly spectra: SpectrumAccumulator;
  readonly wav: WavFileStats;
  /** Wall-clock seconds from the first read to the last write. */
  readonly seconds: number;
  /** Ring statistics per worker stage (empty in one thread). */
  readonly rings: { readonly filter?: StageRingStats; readonly spectrum?: StageRingStats };
}

/** Where a stage module is, next to this file's package (the `.ts` sources under tsx, `.js` when built). */
function stageUrl(name: string): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`../stages/${name}${extension}`, import.meta.url);
}

/** Tracks the statistics of one offload: the highest fills and the final counters. */
class RingTracker {
  #maxIn = 0;
  #maxOut = 0;
  #last: OffloadStats | undefined;

  readonly onStats = (stats: OffloadStats): void => {
    this.#maxIn = Math.max(this.#maxIn, stats.inputFill);
    this.#maxOut = Math.max(this.#maxOut, stats.outputFill);
    this.#last = stats;
  };

  result(): StageRingStats {
    const s = this.#last;
    return {
      maxInputFill: this.#maxIn,
      maxOutputFill: this.#maxOut,
      overruns: s?.overruns ?? 0,
      droppedChunks: s?.droppedChunks ?? 0,
      chunksIn: s?.chunksIn ?? 0,
      chunksOut: s?.chunksOut ?? 0,
      busyMs: s?.busyMs ?? 0,
    };
  }
}

/**
 * Shares `source` between `count` subscribers, subscribing to it only once all of them are there.
 * An offload subscribes to its source only once its worker is up, so a plain `share()` would let
 * the first consumer take chunks the second never sees.
 */
function shareWhenAll<T>(source: Observable<T>, count: number): Observable<T> {
  const subject = new Subject<T>();
  let waiting = count;
  return new Observable<T>((subscriber) => {
    const inner = subject.subscribe(subscriber);
    if (--waiting === 0) inner.add(source.subscribe(subject));
    return inner;
  });
}

/** Runs the analysis of `input`; resolves when the filtered WAV is complete and every spectrum is in. */
export async function runAnalysis(input: Input, options: AnalysisOptions): Promise<AnalysisResult> {
  const { fftSize, hop, sos, inThread, progress } = options;
  const meter = new LevelMeter(input.channels);
  const expectedSpectra = input.frames >= fftSize ? Math.floor((input.frames - fftSize) / hop) + 1 : 0;
  const spectra = new SpectrumAccumulator(input.channels, fftSize / 2 + 1, expectedSpectra);
  const filterRings = new RingTracker();
  const spectrumRings = new RingTracker();

  let filter: OperatorFunction<Frames, Frames>;
  let spectrum: OperatorFunction<Frames, Frames>;
  if (inThread) {
    filter = sos === null ? identity : filterChain(sos);
    spectrum = spectrumChain({ fftSize, hop });
  } else {
    // 'block': the main thread waits while a stage is behind (Node's main thread may block), so
    // a file read faster than the stages never queues more than one ring's worth.
    const common = { overflow: 'block', reuse: true, statsInterval: 200 } as const;
    filter = offload<typeof filterStage>(stageUrl('filter-stage'), { ...common, params: { sos }, onStats: filterRings.onStats });
    spectrum = offload<typeof spectrumStage>(stageUrl('spectrum-stage'), { ...common, params: { fftSize, hop }, onStats: spectrumRings.onStats });
  }

  let framesOut = 0;
  const filtered = shareWhenAll(
    input.chunks(options.chunkFrames).pipe(
      tap((chunk) => meter.add(chunk)),
      filter,
      tap((chunk) => {
        framesOut += chunk.shape[0]!;
        progress.update(framesOut / input.sampleRate);
      }),
    ),
    2,
  );
  const wav$: Observable<WavFileStats> = filtered.pipe(toWavFile(options.filteredPath, { sampleRate: input.sampleRate, format: options.filteredFormat, channels: input.channels }));
  const spectra$ = filtered.pipe(
    spectrum,
    tap((s) => spectra.add(s)),
    ignoreElements(),
  );
  let wav: WavFileStats | undefined;
  const start = performance.now();
  await lastValueFrom(merge(wav$.pipe(map((stats) => (wav = stats))), spectra$), { defaultValue: undefined });
  const seconds = (performance.now() - start) / 1000;
  progress.update(framesOut / input.sampleRate);
  progress.stop();
  if (wav === undefined) throw new Error('analyze: the filtered WAV was not finished');
  return {
    levels: meter.levels(),
    spectra,
    wav,
    seconds,
    rings: inThread ? {} : { filter: filterRings.result(), spectrum: spectrumRings.result() },
  };
}
