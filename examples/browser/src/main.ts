// The ringflow browser demo: oscillator -> AudioWorklet (records into a ring) -> main thread
// (fromRing) -> worker (offload: lowpass + spectrum; writes the filtered audio into a second ring)
// -> AudioWorklet (plays that ring out); the spectra come back to the main thread, which draws
// them. Without cross-origin isolation the same stage runs over offload's message transport.
import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import { RingBuffer } from '@ringflow/core';
import { fromRing } from '@ringflow/operators';
import { createRingWorkletNode, offload, type OffloadStats } from '@ringflow/workers';
import processorUrl from '@ringflow/workers/worklet-processor?worker&url';
import postProcessorUrl from './post-processor.ts?worker&url';
import stageUrl from './analysis-stage.ts?worker&url';
import type { AnalysisParams, analysisStage } from './analysis-stage.js';
import { ANALYSIS, FLOOR_DB, Field, HEADER_LENGTH } from './analysis-frame.js';
import type { PageState } from './page-state.js';
import { POST_PROCESSOR_NAME } from './post-processor-name.js';

const query = new URLSearchParams(location.search);
const numberParam = (name: string, fallback: number): number => {
  const value = Number(query.get(name));
  return query.has(name) && Number.isFinite(value) && value > 0 ? value : fallback;
};

const SAMPLE_RATE = 48_000;
/** Ring capacities, in float32 samples (mono): 16384 frames = 341 ms at 48 kHz. */
const RING_CAPACITY = 16_384;
/** Offline mode renders in steps of this many frames and waits for the worker after each. */
const OFFLINE_STEP = 2048;
/** Longest offline rendering (OfflineAudioContext needs its length up front). */
const OFFLINE_SECONDS = 120;

const isolated = globalThis.crossOriginIsolated === true;
const offlineRequested = query.get('offline') === '1';
const mode: PageState['mode'] = offlineRequested && isolated ? 'offline' : 'live';
/** Live: the jitter buffer, frames in the play ring when the play node starts (`?buffer=`). */
const jitterFrames = numberParam('buffer', 2048);

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const cutoffInput = $<HTMLInputElement>('cutoff');
const fftInput = $<HTMLSelectElement>('fft');
const frequencyInput = $<HTMLInputElement>('frequency');
const startButton = $<HTMLButtonElement>('start');
const canvas = $<HTMLCanvasElement>('spectrogram');
const stats = $<HTMLElement>('stats');

cutoffInput.value = String(numberParam('cutoff', 4000));
frequencyInput.value = String(numberParam('freq', 1000));
fftInput.value = String(numberParam('fft', 2048));

/** The stage's parameters: the whole set on every update (offload merges, but a BehaviorSubject replays only its last value). */
const params = new BehaviorSubject<AnalysisParams>({
  sampleRate: SAMPLE_RATE,
  cutoff: Number(cutoffInput.value),
  order: 4,
  fftSize: Number(fftInput.value),
  hop: 1024,
  playRing: null,
  maxPlayFrames: 0,
});
const setParams = (update: Partial<AnalysisParams>): void => params.next({ ...params.value, ...update });

let oscillator: OscillatorNode | undefined;
let context: BaseAudioContext | undefined;
const statsPorts: MessagePort[] = [];
let statsWaiters: (() => void)[] = [];
let pendingReplies = 0;

const state: PageState = {
  isolated,
  transport: isolated ? 'ring' : 'message',
  mode,
  running: false,
  error: null,
  sampleRate: SAMPLE_RATE,
  frequency: Number(frequencyInput.value),
  cutoff: Number(cutoffInput.value),
  fftSize: Number(fftInput.value),
  peakBin: -1,
  peakHz: Number.NaN,
  levelsDb: { input: FLOOR_DB, output: FLOOR_DB },
  spectra: 0,
  framesProcessed: 0,
  underruns: 0,
  underrunFrames: 0,
  overruns: 0,
  droppedFrames: 0,
  playDropped: 0,
  capturedFrames: 0,
  playedFrames: 0,
  captureFill: null,
  playFill: null,
  hopFill: { input: 0, output: 0 },
  latencyMs: null,
  outputLatencyMs: 0,
  spectrum: [],
  setCutoff(hz) {
    cutoffInput.value = String(hz);
    applyCutoff();
  },
  setFftSize(size) {
    fftInput.value = String(size);
    applyFftSize();
  },
  setFrequency(hz) {
    frequencyInput.value = String(hz);
    applyFrequency();
  },
  refreshStats,
  advance: () => Promise.reject(new Error('advance() needs the offline mode (?offline=1 on an isolated page)')),
};
(globalThis as unknown as { __ringflow: PageState }).__ringflow = state;

// ---- the explanation when not isolated -------------------------------------------------------
if (!isolated) {
  const note = $<HTMLElement>('isolation');
  note.hidden = false;
  note.innerHTML =
    '<strong>This page is not cross-origin isolated</strong>, so it has no <code>SharedArrayBuffer</code> and ' +
    'no rings. Serve it with the headers <code>Cross-Origin-Opener-Policy: same-origin</code> and ' +
    '<code>Cross-Origin-Embedder-Policy: require-corp</code> (<code>npm run demo</code> does). ' +
    'Until then the demo runs on the <em>message</em> transport: the worklet posts its input, offload ' +
    'posts chunks to the worker, spectra and meters work, the filtered audio is not played back.' +
    (offlineRequested ? ' The offline mode needs the rings too: running live instead.' : '');
}
$('transport').textContent = `transport: ${state.transport}${mode === 'offline' ? ', offline rendering' : ''}`;

// ---- controls ---------------------------------------------------------------------------------
function applyCutoff(): void {
  setParams({ cutoff: Number(cutoffInput.value) });
  $('cutoff-value').textContent = `${cutoffInput.value} Hz`;
}
function applyFftSize(): void {
  setParams({ fftSize: Number(fftInput.value) });
}
function applyFrequency(): void {
  if (fileSource !== undefined && level !== undefined && oscillator !== undefined) {
    fileSource.stop();
    fileSource = undefined;
    oscillator.connect(level); // back to the oscillator
  }
  state.frequency = Number(frequencyInput.value);
  $('frequency-value').textContent = `${frequencyInput.value} Hz`;
  if (oscillator !== undefined && context !== undefined) oscillator.frequency.setValueAtTime(state.frequency, context.currentTime);
}
cutoffInput.addEventListener('input', applyCutoff);
fftInput.addEventListener('change', applyFftSize);
frequencyInput.addEventListener('input', applyFrequency);
$('cutoff-value').textContent = `${cutoffInput.value} Hz`;
$('frequency-value').textContent = `${frequencyInput.value} Hz`;

// ---- counters of the worklet nodes ------------------------------------------------------------
interface NodeStats {
  readonly mode: 'play' | 'capture';
  readonly frames: number;
  readonly underruns?: number;
  readonly underrunFrames?: number;
  readonly overruns?: number;
  readonly droppedFrames?: number;
}

function onNodeStats(data: NodeStats): void {
  if (data.mode === 'play') {
    state.playedFrames = data.frames;
    state.underruns = data.underruns ?? 0;
    state.underrunFrames = data.underrunFrames ?? 0;
  } else {
    state.capturedFrames = data.frames;
    state.overruns = data.overruns ?? 0;
    state.droppedFrames = data.droppedFrames ?? 0;
  }
  if (--pendingReplies <= 0) {
    pendingReplies = 0;
    // Frames captured but not yet played: in the capture ring, the hops, the worker, the play ring
    // (frames the worker dropped to bound the latency will never be played).
    if (state.playedFrames > 0) state.latencyMs = ((state.capturedFrames - state.playedFrames - state.playDropped) / SAMPLE_RATE) * 1000;
    const waiters = statsWaiters;
    statsWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function refreshStats(): Promise<void> {
  if (statsPorts.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    statsWaiters.push(resolve);
    if (pendingReplies > 0) return; // a request is out: its replies resolve this one too
    pendingReplies = statsPorts.length;
    for (const port of statsPorts) port.postMessage('stats');
  });
}

// ---- drawing ------------------------------------------------------------------------------------
const g = canvas.getContext('2d')!;
const METER_WIDTH = 56;
const plotWidth = canvas.width - METER_WIDTH;
const column = g.createImageData(1, canvas.height);
let columns: Float64Array[] = [];
g.fillStyle = '#000';
g.fillRect(0, 0, canvas.width, canvas.height);

/** dB (-120..0) to a colour from dark blue through red to yellow-white. */
function colour(db: number, out: Uint8ClampedArray, at: number): void {
  const t = Math.min(1, Math.max(0, (db + 120) / 120));
  out[at] = Math.round(255 * Math.min(1, t * 2));
  out[at + 1] = Math.round(255 * Math.max(0, t * 2 - 1));
  out[at + 2] = Math.round(255 * (t < 0.5 ? 0.3 + t : Math.max(0, 1.6 - t * 2)));
  out[at + 3] = 255;
}

function draw(): void {
  const pending = columns.slice(-plotWidth);
  columns = [];
  if (pending.length > 0) {
    g.drawImage(canvas, 0, 0, plotWidth, canvas.height, -pending.length, 0, plotWidth, canvas.height);
    pending.forEach((frame, i) => {
      const bins = frame.length - HEADER_LENGTH;
      // Rows on a log frequency axis, 20 Hz at the bottom to Nyquist at the top.
      const binHz = SAMPLE_RATE / 2 / (bins - 1);
      for (let y = 0; y < canvas.height; y++) {
        const hz = 20 * (SAMPLE_RATE / 2 / 20) ** ((canvas.height - 1 - y) / (canvas.height - 1));
        const bin = Math.min(bins - 1, Math.round(hz / binHz));
        colour(frame[HEADER_LENGTH + bin]!, column.data, 4 * y);
      }
      g.putImageData(column, plotWidth - pending.length + i, 0);
    });
  }
  // Level meters: input and output, -60..0 dBFS.
  g.fillStyle = '#111';
  g.fillRect(plotWidth, 0, METER_WIDTH, canvas.height);
  const meter = (db: number, x: number, fill: string): void => {
    const h = Math.max(0, Math.min(1, (db + 60) / 60)) * canvas.height;
    g.fillStyle = fill;
    g.fillRect(x, canvas.height - h, 20, h);
  };
  meter(state.levelsDb.input, plotWidth + 6, '#3c3');
  meter(state.levelsDb.output, plotWidth + 30, '#39f');
  const fmt = (x: number | null, digits = 1): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits));
  stats.textContent = [
    `peak ${fmt(state.peakHz)} Hz (bin ${state.peakBin} of FFT ${state.fftSize})`,
    `level in ${fmt(state.levelsDb.input)} dBFS, out ${fmt(state.levelsDb.output)} dBFS (cutoff ${state.cutoff} Hz)`,
    `ring fill: capture ${fmt(state.captureFill === null ? null : state.captureFill * 100, 0)} %, play ${fmt(state.playFill === null ? null : state.playFill * 100, 0)} %; hops in ${fmt(state.hopFill.input * 100, 0)} %, out ${fmt(state.hopFill.output * 100, 0)} %`,
    `underruns ${state.underruns} (${state.underrunFrames} frames), overruns ${state.overruns} (${state.droppedFrames} frames), dropped to bound the latency ${state.playDropped}`,
    `latency ${fmt(state.latencyMs)} ms through rings and worker, + ${fmt(state.outputLatencyMs)} ms output`,
    `${state.framesProcessed} frames processed, ${state.spectra} spectra`,
    state.error === null ? '' : `error: ${state.error}`,
  ].join('\n');
}

function frameLoop(): void {
  draw();
  requestAnimationFrame(frameLoop);
}
requestAnimationFrame(frameLoop);

// ---- the analysis frames ------------------------------------------------------------------------
let ready: (() => void) | undefined;

function onFrame(frame: Float64Array): void {
  if (frame[Field.kind] !== ANALYSIS) {
    ready?.();
    return;
  }
  const bins = frame.length - HEADER_LENGTH;
  let best = 1;
  for (let k = 2; k < bins; k++) if (frame[HEADER_LENGTH + k]! > frame[HEADER_LENGTH + best]!) best = k;
  state.fftSize = frame[Field.fftSize]!;
  state.peakBin = best;
  state.peakHz = (best * SAMPLE_RATE) / state.fftSize;
  state.cutoff = frame[Field.cutoff]!;
  state.levelsDb = { input: frame[Field.inputDb]!, output: frame[Field.outputDb]! };
  state.framesProcessed = frame[Field.framesProcessed]!;
  state.playDropped = frame[Field.playDropped]!;
  state.spectrum = Array.from(frame.subarray(HEADER_LENGTH));
  state.spectra++;
  columns.push(frame);
}

function onStats(s: OffloadStats): void {
  state.hopFill = { input: s.inputFill, output: s.outputFill };
}

function fail(error: unknown): void {
  state.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(error);
}

/** Starts the stage; resolves once it runs (its first frame arrived). */
function startStage(source: Observable<Float32Array>, playRing: RingBuffer | null): { subscription: Subscription; running: Promise<void> } {
  const running = new Promise<void>((resolve) => {
    ready = resolve;
  });
  // Live: a stall that made the play node underrun is caught up by dropping frames beyond 3x the
  // jitter buffer. Offline there are no stalls (and the play ring never holds more than 2 steps).
  setParams({ playRing: playRing?.handle ?? null, maxPlayFrames: playRing === null || mode === 'offline' ? 0 : 3 * jitterFrames });
  const subscription = source
    .pipe(offload<typeof analysisStage>(stageUrl, { transport: state.transport, params, onStats, statsInterval: 100 }))
    .subscribe({ next: onFrame, error: fail });
  return { subscription, running };
}

// ---- the audio graph ------------------------------------------------------------------------------
let level: GainNode | undefined;
let fileSource: AudioBufferSourceNode | undefined;

function sourceNode(ctx: BaseAudioContext): AudioNode {
  oscillator = new OscillatorNode(ctx, { type: 'sine', frequency: state.frequency });
  level = new GainNode(ctx, { gain: 0.5 });
  oscillator.connect(level);
  oscillator.start();
  return level;
}

/** Plays an uploaded audio file (looped, mixed down to mono by the capture node) instead of the oscillator. */
async function playFile(file: File): Promise<void> {
  if (context === undefined || level === undefined || oscillator === undefined) throw new Error('start the audio first');
  const buffer = await context.decodeAudioData(await file.arrayBuffer());
  fileSource?.stop();
  oscillator.disconnect();
  fileSource = new AudioBufferSourceNode(context, { buffer, loop: true });
  fileSource.connect(level);
  fileSource.start();
  $('frequency-value').textContent = `playing ${file.name}`;
}
$<HTMLInputElement>('file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file !== undefined) playFile(file).catch(fail);
});

/** Resolves once `ring` holds at least `frames` elements (polled: the page is not its consumer). */
async function filled(ring: RingBuffer, frames: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (ring.readAvailable < frames) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return true;
}

function watchNode(node: AudioWorkletNode): void {
  node.port.onmessage = (event: MessageEvent<NodeStats>) => onNodeStats(event.data);
  statsPorts.push(node.port);
}

/**
 * The ring path: the capture node records into `capture`, the page reads it (fromRing) into the
 * worker, the worker writes the filtered audio into `play`. The play node is added by `startPlaying`
 * once the worker has written `jitterFrames` into the play ring (the jitter buffer).
 */
async function withRings(ctx: BaseAudioContext): Promise<{ play: RingBuffer; startPlaying(): void }> {
  await ctx.audioWorklet.addModule(processorUrl);
  const capture = new RingBuffer({ format: 'f', capacity: RING_CAPACITY });
  const play = new RingBuffer({ format: 'f', capacity: RING_CAPACITY });
  const { running } = startStage(fromRing(capture), play);
  await running; // the worker runs: start the audio now
  const captureNode = createRingWorkletNode<BaseAudioContext, AudioWorkletNode>(ctx, { ring: capture, channels: 1, mode: 'capture' });
  watchNode(captureNode);
  sourceNode(ctx).connect(captureNode);
  setInterval(() => {
    state.captureFill = capture.readAvailable / capture.capacity;
    state.playFill = play.readAvailable / play.capacity;
  }, 50);
  return {
    play,
    startPlaying() {
      const playNode = createRingWorkletNode<BaseAudioContext, AudioWorkletNode>(ctx, { ring: play, channels: 1, mode: 'play' });
      watchNode(playNode);
      playNode.connect(ctx.destination);
    },
  };
}

async function withMessages(ctx: BaseAudioContext): Promise<void> {
  await ctx.audioWorklet.addModule(postProcessorUrl);
  const batches = new Subject<Float32Array>();
  const { running } = startStage(batches, null);
  await running;
  const node = new AudioWorkletNode(ctx, POST_PROCESSOR_NAME, { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
  node.port.onmessage = (event: MessageEvent<Float32Array>) => {
    state.capturedFrames += event.data.length;
    batches.next(event.data);
  };
  sourceNode(ctx).connect(node);
}

async function startLive(): Promise<void> {
  const ctx = new AudioContext({ sampleRate: SAMPLE_RATE, latencyHint: 'interactive' });
  context = ctx;
  if (isolated) {
    const { play, startPlaying } = await withRings(ctx);
    await ctx.resume();
    if (!(await filled(play, jitterFrames))) throw new Error('the worker wrote no filtered audio within 5 s');
    startPlaying();
  } else {
    await withMessages(ctx);
    await ctx.resume();
  }
  state.outputLatencyMs = (ctx.baseLatency + (ctx.outputLatency || 0)) * 1000;
  state.running = true;
  if (isolated) setInterval(() => void refreshStats(), 100);
}

/**
 * Offline: the OfflineAudioContext renders OFFLINE_STEP frames, suspends, and resumes once the
 * worker has filtered them into the play ring; so the numbers do not depend on the machine's load.
 */
async function startOffline(): Promise<void> {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: OFFLINE_SECONDS * SAMPLE_RATE, sampleRate: SAMPLE_RATE });
  context = ctx;
  const { play, startPlaying } = await withRings(ctx);
  let rendered = 0;
  let target = 0;
  let busy = false;
  let started = false;
  let playing = false;
  let waiters: (() => void)[] = [];
  const renderStep = (): void => {
    void ctx.suspend((rendered + OFFLINE_STEP) / SAMPLE_RATE).then(stepDone, fail);
    if (started) void ctx.resume();
    else {
      started = true;
      ctx.startRendering().catch(fail);
    }
  };
  const stepDone = async (): Promise<void> => {
    rendered += OFFLINE_STEP;
    // The play node needs the next step's frames: what the worker makes of the frames just captured.
    await filled(play, OFFLINE_STEP);
    if (!playing) {
      playing = true;
      startPlaying();
    }
    await refreshStats();
    state.captureFill = 0;
    state.playFill = play.readAvailable / play.capacity;
    if (rendered < target) renderStep();
    else {
      busy = false;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  };
  state.advance = (seconds: number) =>
    new Promise<void>((resolve) => {
      const steps = Math.max(1, Math.round((seconds * SAMPLE_RATE) / OFFLINE_STEP));
      target = Math.min(OFFLINE_SECONDS * SAMPLE_RATE - OFFLINE_STEP, Math.max(target, rendered) + steps * OFFLINE_STEP);
      waiters.push(resolve);
      if (!busy && rendered < target) {
        busy = true;
        renderStep();
      } else if (!busy) resolve();
    });
  state.running = true;
  await state.advance(numberParam('seconds', 2));
}

async function start(): Promise<void> {
  startButton.disabled = true;
  try {
    if (mode === 'offline') await startOffline();
    else await startLive();
  } catch (error) {
    fail(error);
  }
}

startButton.addEventListener('click', () => void start());
if (query.get('autostart') === '1' || mode === 'offline') void start();
