// The zero-phase.json fixture (filtfilt / sosfiltfilt references).
import { signalFixture } from './signal.js';

export interface PadRun {
  padtype: 'odd' | 'even' | 'constant' | null;
  padlen: number | null;
  signal?: 'x' | 'short';
  y: number[];
}

export const zeroPhase = await signalFixture<{
  x: number[];
  short: number[];
  x2: number[][];
  filtfilt: { name: string; b: number[]; a: number[]; ntaps: number; runs: PadRun[]; gust: number[]; gustIrlen: number[]; y2: number[][] }[];
  sosfiltfilt: { name: string; sos: number[][]; ntaps: number; runs: PadRun[]; y2: number[][] }[];
}>('zero-phase.json');
