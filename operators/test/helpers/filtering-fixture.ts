// The filtering.json fixture (lfilter / sosfilt references, 1-D and [frames, channels]).
import { signalFixture } from './signal.js';

export interface LfilterCase {
  name: string;
  b: number[];
  a: number[];
  zi: number[];
  y: number[];
  yOdd: number[];
  yStep?: number[];
  zfStep?: number[];
  y2: number[][];
  zi2?: number[][];
  y2Step?: number[][];
  zf2Step?: number[][];
  yFloat32: number[];
}

export interface SosfiltCase {
  name: string;
  sos: number[][];
  zi: number[][];
  y: number[];
  yStep: number[];
  zfStep: number[][];
  y2: number[][];
  zi2: number[][][];
  y2Step: number[][];
  zf2Step: number[][][];
}

export const filtering = await signalFixture<{ x: number[]; xOdd: number[]; x2: number[][]; lfilter: LfilterCase[]; sosfilt: SosfiltCase[] }>('filtering.json');
