// The built-in test signal of `ringflow analyze` with no input: stereo, 48 kHz, three tones at
// known frequencies and levels, a chirp and pink noise, so that the main job runs on a fresh clone
// and its report can be checked against what went in.
import { defer, map, type Observable } from 'rxjs';
import { noise } from '@ringflow/operators';
import { asMultichannel, type MultichannelChunk } from '@ringflow/core';

/** One tone of the built-in signal: frequency (Hz), level (dBFS, a full-scale sine = 0) per channel (null: absent). */
export interface BuiltinTone {
  readonly frequency: number;
  readonly levels: readonly [number | null, number | null];
}

/** Sample rate of the built-in signal (Hz). */
export const BUILTIN_SAMPLE_RATE = 48_000;
/** Channels of the built-in signal (left, right). */
export const BUILTIN_CHANNELS = 2;
/** The three tones: 440 Hz left only, 1 kHz right only, 5 kHz on both at different levels. */
export const BUILTIN_TONES: readonly BuiltinTone[] = [
  { frequency: 440, levels: [-6, null] },
  { frequency: 1000, levels: [null, -12] },
  { frequency: 5000, levels: [-20, -26] },
];
/** The chirp: linear sweep 100 Hz -> 12 kHz over the whole signal, -40 dBFS, both channels. */
export const BUILTIN_CHIRP = { f0: 100, f1: 12_000, level: -40 } as const;
/** Pink noise, -50 dBFS RMS, the same on both channels. */
export const BUILTIN_NOISE_LEVEL = -50;

/** What the built-in signal holds, for the report. */
export function describeBuiltin(duration: number): string {
  const tones = BUILTIN_TONES.map((t) => {
    const where = t.levels.map((l, c) => (l === null ? null : `${c === 0 ? 'L' : 'R'} ${l} dBFS`)).filter((x) => x !== null);
    return `${t.frequency} Hz (${where.join(', ')})`;
  });
  return `built-in signal: ${duration} s stereo at 48 kHz; tones ${tones.join(', ')}; chirp ${BUILTIN_CHIRP.f0} Hz -> ${BUILTIN_CHIRP.f1 / 1000} kHz at ${BUILTIN_CHIRP.level} dBFS; pink noise at ${BUILTIN_NOISE_LEVEL} dBFS RMS`;
}

/** The operators' pink noise source (Paul Kellet's filter over seeded white noise), float64. */
function pink(seed: number, amplitude: number, chunkSize: number, length: number): Observable<Float64Array> {
  return noise({ type: 'pink', seed, amplitude, chunkSize, length, format: 'float64' });
}

/** The RMS of that source at amplitude 1, measured on 2^18 samples after it settles. */
function pinkRms(seed: number): number {
  let sum = 0;
  let n = 0;
  // Synchronous without a scheduler: the subscription runs to the end here.
  pink(seed, 1, 1 << 16, 48_000 + (1 << 18)).subscribe((chunk) => {
    for (const v of chunk) {
      if (n++ >= 48_000) sum += v * v;
    }
  });
  return Math.sqrt(sum / (n - 48_000));
}

const amplitude = (dbfs: number): number => 10 ** (dbfs / 20);

/**
 * The built-in signal as `[frames, 2]` float32 chunks of `chunkFrames` frames (the last may be
 * shorter). Synchronous and cold; stops between chunks when unsubscribed.
 */
export function builtinSignal(duration: number, chunkFrames: number): Observable<MultichannelChunk<Float32Array>> {
  const total = Math.round(duration * BUILTIN_SAMPLE_RATE);
  const rate = BUILTIN_SAMPLE_RATE;
  const seed = 0x9e3779b9;
  const chirpA = amplitude(BUILTIN_CHIRP.level);
  const sweep = (BUILTIN_CHIRP.f1 - BUILTIN_CHIRP.f0) / duration; // Hz per second
  // Per channel, the tones as (amplitude, phase step). Each tone is a rotating phasor, restarted
  // from the exact phase at every chunk, so the signal does not depend on the chunk size.
  const tones = [0, 1].map((c) =>
    BUILTIN_TONES.flatMap((tone) => {
      const level = tone.levels[c];
      const w = (2 * Math.PI * tone.frequency) / rate;
      return level === null || level === undefined ? [] : [{ a: amplitude(level), w, cosW: Math.cos(w), sinW: Math.sin(w) }];
    }),
  );
  return defer(() => pink(seed, amplitude(BUILTIN_NOISE_LEVEL) / pinkRms(seed), chunkFrames, total)).pipe(
    map((noiseChunk, k) => {
      const start = k * chunkFrames;
      const frames = noiseChunk.length;
      const data = new Float32Array(frames * BUILTIN_CHANNELS);
      for (let i = 0; i < frames; i++) {
        const t = (start + i) / rate;
        const v = chirpA * Math.sin(2 * Math.PI * (BUILTIN_CHIRP.f0 * t + 0.5 * sweep * t * t)) + noiseChunk[i]!;
        for (let c = 0; c < BUILTIN_CHANNELS; c++) data[i * BUILTIN_CHANNELS + c] = v;
      }
      for (let c = 0; c < BUILTIN_CHANNELS; c++) {
        for (const { a, w, cosW, sinW } of tones[c]!) {
          let re = Math.cos(w * start);
          let im = Math.sin(w * start);
          for (let i = 0, at = c; i < frames; i++, at += BUILTIN_CHANNELS) {
            data[at]! += a * im;
            const next = re * cosW - im * sinW;
            im = re * sinW + im * cosW;
            re = next;
          }
        }
      }
      return asMultichannel(data, BUILTIN_CHANNELS);
    }),
  );
}
