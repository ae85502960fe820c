// Loader of the STFT/ISTFT reference vectors written by operators/scripts/fixtures_spectral.py
// (scipy.signal.stft / istft with boundary=None, padded=False). Shared by stft and istft tests.
import { readFileSync } from 'node:fs';
import type { WindowName } from '../../src/design/windows.js';

export interface StftFixture {
  name: string;
  window: WindowName | number[];
  size: number;
  hop: number;
  nfft: number;
  frames: number;
  windowSum: number;
  x: number[];
  stftSpectrum: number[][];
  istftOfStft: number[];
  random: number[][];
  istftOfRandom: number[];
}

export const stftFixtureNames = [
  'hann-256-128',
  'hann-256-64',
  'hamming-200-50-nfft256',
  'kaiser-array-100-30',
  'hann-63-21-odd',
];

export function loadStftFixture(name: string): StftFixture {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/spectral/stft-${name}.json`, import.meta.url), 'utf8'),
  ) as StftFixture;
}

