/** What the page exposes as `window.__ringflow`: numbers for tests and for the curious, not pixels. */
export interface PageState {
  /** `globalThis.crossOriginIsolated`: SharedArrayBuffer usable, rings possible. */
  isolated: boolean;
  /** The offload transport in use. */
  transport: 'ring' | 'message';
  /** `'live'` (AudioContext) or `'offline'` (OfflineAudioContext rendered step by step, `?offline=1`). */
  mode: 'live' | 'offline';
  /** Audio runs and the stage has answered. */
  running: boolean;
  /** An error that stopped the demo, or null. */
  error: string | null;
  sampleRate: number;
  /** Oscillator frequency, Hz. */
  frequency: number;
  /** Lowpass cutoff, Hz, as applied to the latest frame. */
  cutoff: number;
  /** FFT length of the latest spectrum. */
  fftSize: number;
  /** Bin of the latest spectrum's maximum (0 = DC), and its frequency in Hz. */
  peakBin: number;
  peakHz: number;
  /** RMS levels over the latest hop, dBFS: the input (captured) and the output (filtered). */
  levelsDb: { input: number; output: number };
  /** Spectra received. */
  spectra: number;
  /** Input frames the worker has filtered. */
  framesProcessed: number;
  /** Play node: quanta not fully covered by the ring, and frames zero-filled. */
  underruns: number;
  underrunFrames: number;
  /** Capture node: quanta that did not fit in the ring, and frames dropped. */
  overruns: number;
  droppedFrames: number;
  /** Filtered frames the worker did not write into the play ring (no room, or beyond the latency bound). */
  playDropped: number;
  /** Frames moved by the capture and the play node (from their stats). */
  capturedFrames: number;
  playedFrames: number;
  /** Fill of the capture and play rings, 0..1 (null without rings). */
  captureFill: number | null;
  playFill: number | null;
  /** Fill of offload's input and output hops, 0..1. */
  hopFill: { input: number; output: number };
  /** Frames between capture and playback (rings, hops, worker), as ms; null until measured. */
  latencyMs: number | null;
  /** What the AudioContext adds after the play node (baseLatency + outputLatency), ms. */
  outputLatencyMs: number;
  /** The latest spectrum in dB (a copy), for tests. */
  spectrum: number[];
  /** Live controls. */
  setCutoff(hz: number): void;
  setFftSize(size: number): void;
  setFrequency(hz: number): void;
  /** Asks both worklet nodes for their counters and resolves once they answered. */
  refreshStats(): Promise<void>;
  /** Offline mode: renders `seconds` more audio and resolves when done (counters refreshed). */
  advance(seconds: number): Promise<void>;
}
