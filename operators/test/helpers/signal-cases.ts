// Typed loaders of the reference-vector files that more than one signal test reads.
import type * as signal from '@ringflow/operators/signal';
import { signalFixture, type ComplexJson, type InputJson, type Real } from './signal-fixtures.js';

/** A csd case of csd.json; its coherence cases hold Cxy instead of Pxy. */
export interface CsdCase {
  name: string;
  x: string;
  y: string;
  options: signal.CsdOptions;
  f: number[];
  Pxy: ComplexJson;
}

/** csd.json: shared input signals, csd cases and coherence cases. */
export function csdFixture(): { signals: Record<string, InputJson>; csd: CsdCase[]; coherence: (Omit<CsdCase, 'Pxy'> & { Cxy: Real })[] } {
  return signalFixture('csd.json');
}

/** An stft case of stft-*.json with its input resolved, and (1-D inputs) SciPy's istft of the result. */
export interface StftCase {
  name: string;
  input: InputJson;
  options: signal.StftOptions;
  f: number[];
  t: number[];
  Zxx: ComplexJson;
  istftOptions?: signal.IstftOptions;
  istft?: { t: number[]; x: Real | ComplexJson };
}

/** Every case of stft-1.json .. stft-4.json. */
export function stftCases(): StftCase[] {
  return ['stft-1.json', 'stft-2.json', 'stft-3.json', 'stft-4.json'].flatMap((file) => {
    const f = signalFixture<{ signals: Record<string, InputJson>; cases: (Omit<StftCase, 'input'> & { x: string })[] }>(file);
    return f.cases.map((c) => ({ ...c, input: f.signals[c.x]! }));
  });
}

/** A frequency-response case of freqz.json / freqz-fir.json (sosfreqz.json has `sos` instead of b, a). */
export interface ResponseCase {
  b: number[];
  a: number[];
  worN: number | number[] | null;
  options: signal.FreqzOptions;
  w: number[];
  h: ComplexJson;
}
