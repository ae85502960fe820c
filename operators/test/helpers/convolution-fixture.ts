// The convolution.json fixture.
import { signalFixture } from './signal.js';

export type Mode = 'full' | 'same' | 'valid';
export const convolution = await signalFixture<{
  cases: ({ in1: number[]; in2: number[] } & Record<Mode | `fft-${Mode}` | `oa-${Mode}`, number[]>)[];
  twoD: { in1: number[][]; in2: number[] } & Record<Mode, number[][]>;
}>('convolution.json');
export const MODES: readonly Mode[] = ['full', 'same', 'valid'];
