// The built-in test signal of `ringflow analyze` with no input: stereo, 48 kHz, three tones at
// known frequencies and levels, a chirp and pink noise, so that the main job runs on a fresh clone
// and its report can be checked against what went in.
import { Observable } from 'rxjs';
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
/** Pink noise, -50 dBFS RMS, independent per channel. */
export const BUILTIN_NOISE_LEVEL = -50;

/** What the built-in signal holds, for the report. */
export function describeBuiltin(duration: number): string {
  const tones = BUILTIN_TONES.map((t) => {
    const where = t.levels.map((l, c) => (l === null ? null : `${c === 0 ? 'L' : 'R'} ${l} dBFS`)).filter((x) => x !== null);
    return `${t.frequency} Hz (${where.join(', ')})`;
  });
  return `built-in signal: ${duration} s stereo at 48 kHz; tones ${tones.join(', ')}; chirp ${BUILTIN_CHIRP.f0} Hz -> ${BUILTIN_CHIRP.f1 / 1000} kHz at ${BUILTIN_CHIRP.level} dBFS; pink noise at ${BUILTIN_NOISE_LEVEL} dBFS RMS`;
}

/** xorshift32: a small deterministic generator, so every run makes the same signal. */
function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2147483648 - 1; // [-1, 1)
  };
}

/** Paul Kellet's pinking filter over uniform white noise (-3 dB/octave from 10 Hz up). */
function pinkNoise(seed: number): () => number {
  const white = uniform(seed);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  return () => {
    const w = white();
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    const out = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    return out;
  };
}

/** The RMS of the pinking filter's output, measured on a long stretch of the same generator. */
function pinkRms(seed: number): number {
  const next = pinkNoise(seed);
  for (let i = 0; i < 48_000; i++) next(); // settle the filter
  let sum = 0;
  const n = 1 << 18;
  for (let i = 0; i < n; i++) {
    const v = next();
    sum += v * v;
  }
  return Math.sqrt(sum / n);
}

const amplitude = (dbfs: number): number => 10 ** (dbfs / 20);

/**
 * The built-in signal as `[frames, 2]` float32 chunks of `chunkFrames` frames (the last may be
 * shorter). Synchronous and cold; stops between chunks when unsubscribed.
 */
export function builtinSignal(duration: number, chunkFrames: number): Observable<MultichannelChunk<Float32Array>> {
  const total = Math.round(duration * BUILTIN_SAMPLE_RATE);
  return new Observable((subscriber) => {
    const rate = BUILTIN_SAMPLE_RATE;
    const seeds = [0x9e3779b9, 0x85ebca6b];
    const pink = seeds.map((seed) => pinkNoise(seed));
    const pinkGain = seeds.map((seed) => amplitude(BUILTIN_NOISE_LEVEL) / pinkRms(seed));
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
    for (let start = 0; start < total && !subscriber.closed; start += chunkFrames) {
      const frames = Math.min(chunkFrames, total - start);
      const data = new Float32Array(frames * BUILTIN_CHANNELS);
      for (let i = 0; i < frames; i++) {
        const t = (start + i) / rate;
        const chirp = chirpA * Math.sin(2 * Math.PI * (BUILTIN_CHIRP.f0 * t + 0.5 * sweep * t * t));
        for (let c = 0; c < BUILTIN_CHANNELS; c++) data[i * BUILTIN_CHANNELS + c] = chirp + pinkGain[c]! * pink[c]!();
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
      subscriber.next(asMultichannel(data, BUILTIN_CHANNELS));
    }
    subscriber.complete();
  });
}
