// Tones in a mean power spectrum: local maxima that stand out from their surroundings, with the
// frequency refined between bins and the level measured from the power of the window's main lobe
// (so a sine reads its own level in dBFS whatever bin it falls between).
import { findPeaks } from '@ringflow/operators/signal';

/** One detected tone. */
export interface Tone {
  /** Hz, interpolated between bins (within a fraction of a bin for a steady sine). */
  readonly frequency: number;
  /** Level of the sine in dBFS (a full-scale sine = 0 dBFS). */
  readonly levelDbfs: number;
  /** How far the peak stands above the spectrum around it, in dB. */
  readonly prominenceDb: number;
}

/** Options of {@link detectTones}. */
export interface DetectTonesOptions {
  readonly sampleRate: number;
  readonly fftSize: number;
  /** Sum of the window's squares (Hann: 3 N / 8). */
  readonly windowEnergy: number;
  /** Tones below this level (dBFS) are ignored. */
  readonly minLevel: number;
  /** Peaks must stand this many dB above their surroundings. */
  readonly minProminence: number;
  /** At most this many tones (the loudest). */
  readonly maxTones: number;
  /** Bins either side of a peak summed for its level (the main lobe: Hann's is +-2). */
  readonly lobe?: number;
}

/**
 * Finds the tones of a one-sided mean power spectrum `power` (`|X_k|^2` of windowed frames of
 * `fftSize` samples, bins 0..fftSize/2). Sorted by frequency.
 */
export function detectTones(power: Float64Array, options: DetectTonesOptions): Tone[] {
  const { sampleRate, fftSize, windowEnergy, minLevel, minProminence, maxTones } = options;
  const lobe = options.lobe ?? 3;
  const floor = 1e-30;
  const db = Float64Array.from(power, (p) => 10 * Math.log10(p + floor));
  const { peaks, properties } = findPeaks(db, { prominence: minProminence });
  const tones: Tone[] = [];
  peaks.forEach((k, i) => {
    if (k < 1 || k >= power.length - 1) return;
    // Power of the main lobe -> the sine's amplitude: sum |X|^2 over the lobe = A^2 / 4 * N * sum(w^2).
    let lobePower = 0;
    for (let j = Math.max(0, k - lobe); j <= Math.min(power.length - 1, k + lobe); j++) lobePower += power[j]!;
    const amplitude = Math.sqrt((4 * lobePower) / (fftSize * windowEnergy));
    const levelDbfs = 20 * Math.log10(amplitude);
    if (!(levelDbfs >= minLevel)) return;
    // Parabola through the log powers of the peak and its neighbours: the peak between bins.
    const a = db[k - 1]!;
    const b = db[k]!;
    const c = db[k + 1]!;
    const denominator = a - 2 * b + c;
    const delta = denominator === 0 ? 0 : Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denominator));
    tones.push({ frequency: ((k + delta) * sampleRate) / fftSize, levelDbfs, prominenceDb: properties.prominences![i]! });
  });
  tones.sort((x, y) => y.levelDbfs - x.levelDbfs);
  return tones.slice(0, maxTones).sort((x, y) => x.frequency - y.frequency);
}
