/**
 * The layout of what the analysis stage sends to the page: one Float64Array per frame, a header
 * of `HEADER_LENGTH` numbers, then (for an analysis frame) `fftSize / 2 + 1` spectrum bins in dB.
 * Shared by the stage (worker) and the page (main thread), so both read the same positions.
 */

/** A frame sent once, when the stage's chain runs: the page may start the audio. */
export const READY = 0;
/** A frame with levels and a spectrum, one per analysis hop. */
export const ANALYSIS = 1;

/** Positions in the header. */
export const Field = {
  /** `READY` or `ANALYSIS`. */
  kind: 0,
  /** Input frames the stage has filtered since it started. */
  framesProcessed: 1,
  /** Sample rate in Hz. */
  sampleRate: 2,
  /** FFT length of the spectrum that follows. */
  fftSize: 3,
  /** The lowpass cutoff in Hz the frame was filtered with. */
  cutoff: 4,
  /** RMS level of the input over the last hop, dBFS. */
  inputDb: 5,
  /** RMS level of the filtered output over the last hop, dBFS. */
  outputDb: 6,
  /** Filtered frames not played: no room in the play ring, or dropped to bound the latency. */
  playDropped: 7,
} as const;

export const HEADER_LENGTH = 8;

/** dB floor of the levels and spectra (instead of -Infinity for silence). */
export const FLOOR_DB = -160;
