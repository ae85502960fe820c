// Every operator of the main entry, built the way a user would, as a step from a stream of mono
// Float64Array chunks (of CHUNK samples) to whatever it emits. The contract tests run the same
// table through take/first/errors and through marble subscription checks, so an operator added
// to the catalogue without an entry here fails `covers every operator of the catalogue`.
import { map, type Observable, type OperatorFunction } from 'rxjs';
import { RingBuffer } from '@ringflow/core';
import * as ops from '@ringflow/operators';

/** Samples per input chunk in the table's streams (even, so a chunk is also a complex spectrum). */
export const CHUNK = 64;

export interface OperatorCase {
  /** The operator's name in the catalogue. */
  readonly name: string;
  /** A fresh instance of the step (state per call). */
  readonly make: () => OperatorFunction<Float64Array, unknown>;
  /** Whether the step emits before its source completes (collect does not). */
  readonly emitsWhileRunning: boolean;
  /** The input chunk (0-based) with which the first output comes (default 0). */
  readonly firstAt?: number;
}

const other = (): Observable<Float64Array> => ops.fromSamples(new Float64Array(1_000_000), CHUNK);
const stftOptions = { size: 32, hop: 16 } as const;

export const OPERATOR_CASES: readonly OperatorCase[] = [
  { name: 'toRing', make: () => ops.toRing(new RingBuffer({ format: 'd', capacity: 256 }), { overflow: 'drop-newest' }), emitsWhileRunning: true },
  { name: 'batch', make: () => ops.batch(100), emitsWhileRunning: true, firstAt: 1 },
  { name: 'slidingWindow', make: () => ops.slidingWindow({ size: 48, hop: 16, window: 'hann' }), emitsWhileRunning: true },
  { name: 'concatenateChunks', make: () => ops.concatenateChunks(2), emitsWhileRunning: true, firstAt: 1 },
  { name: 'collect', make: () => ops.collect(), emitsWhileRunning: false },
  { name: 'interleave', make: () => (s) => s.pipe(map((c) => [c, c]), ops.interleave(2)), emitsWhileRunning: true },
  { name: 'deinterleave', make: () => ops.deinterleave(2), emitsWhileRunning: true },
  { name: 'gain', make: () => ops.gain(2), emitsWhileRunning: true },
  { name: 'mix', make: () => ops.mix(other()), emitsWhileRunning: true },
  { name: 'mix (weights)', make: () => ops.mix([0.5]), emitsWhileRunning: true },
  { name: 'mix (matrix)', make: () => ops.mix([[1], [-1]]), emitsWhileRunning: true },
  { name: 'rms', make: () => ops.rms({ blockSize: 100 }), emitsWhileRunning: true, firstAt: 1 },
  { name: 'peak', make: () => ops.peak(), emitsWhileRunning: true },
  { name: 'fir', make: () => ops.fir([0.25, 0.5, 0.25]), emitsWhileRunning: true },
  { name: 'sosfilt', make: () => ops.sosfilt(ops.butter(4, 0.2)), emitsWhileRunning: true },
  { name: 'lfilter', make: () => ops.lfilter([0.5, 0.5], [1, -0.25]), emitsWhileRunning: true },
  { name: 'biquad', make: () => ops.biquad({ type: 'lowpass', frequency: 1000, sampleRate: 48_000 }), emitsWhileRunning: true },
  { name: 'resample', make: () => ops.resample(3, 2), emitsWhileRunning: true },
  { name: 'decimate', make: () => ops.decimate(2), emitsWhileRunning: true },
  { name: 'fft', make: () => ops.fft(), emitsWhileRunning: true },
  { name: 'ifft', make: () => ops.ifft(), emitsWhileRunning: true },
  { name: 'stft', make: () => ops.stft(stftOptions), emitsWhileRunning: true },
  { name: 'istft', make: () => (s) => s.pipe(ops.stft(stftOptions), ops.istft(stftOptions)), emitsWhileRunning: true },
  { name: 'magnitude', make: () => ops.magnitude(), emitsWhileRunning: true },
  { name: 'toDecibels', make: () => ops.toDecibels(), emitsWhileRunning: true },
  { name: 'welch', make: () => ops.welch({ nperseg: 32, emitEvery: 1 }), emitsWhileRunning: true },
];

/** The catalogue's names that are operators (not sources, not design helpers). */
export function operatorNames(sections: readonly (readonly [string, string, readonly string[]])[]): string[] {
  return sections.filter(([title]) => !['Sources', 'Conversions'].includes(title) && !title.startsWith('Design')).flatMap(([, , names]) => names).filter((n) => n !== 'fromRing');
}
