// The overlap-save engine and the cost model. Error bound (stated in processFir's docs): for every
// output, |y_fft[n] - y_direct[n]| <= eps log2(N) ||taps||_2 ||x_W||_2 with x_W the input within
// W = taps + N samples of n (N the FFT size used); tested here over tap counts 2..16 383, chunkings
// from 1 to the whole signal and inputs with structure (impulses, DC) and a 1e12 dynamic range.
import { describe, expect, it } from 'vitest';
import { bestFftSize, chooseConvolution, convolveBlock, createOverlapSaveBlock, setBlockTaps } from '../../src/kernels/overlap-save.js';
import { noise } from '../helpers/chunking.js';
import { boundRatio } from '../helpers/fir-bound.js';

describe('convolveBlock', () => {
  it('leaves the linear convolution of the new samples in result[M - 1 ..]', () => {
    const block = createOverlapSaveBlock(Float64Array.of(0.5, 0.5), 8);
    block.time.set([0, 1, 2, 3, 4, 5, 6, 7]);
    convolveBlock(block);
    const got = Array.from(block.result.subarray(1)).map((v) => Math.round(v * 1e12) / 1e12);
    expect(got).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);
    setBlockTaps(block, Float64Array.of(0, 1));
    block.time.set([9, 1, 2, 3, 4, 5, 6, 7]);
    convolveBlock(block);
    expect(Math.round(block.result[1]! * 1e12) / 1e12).toBe(9);
  });

  it('rejects FFT sizes that are not powers of two or are shorter than the taps', () => {
    expect(() => createOverlapSaveBlock(new Float64Array(4), 12)).toThrow(RangeError);
    expect(() => createOverlapSaveBlock(new Float64Array(9), 8)).toThrow(/shorter than the 9 taps/);
  });
});

describe('overlap-save fir', () => {
  it('stays within the stated error bound of the direct form for tap counts from 2 to 16 383', () => {
    const x = noise(40_000, 1);
    for (const [taps, chunk] of [[2, 40_000], [63, 4096], [301, 1], [301, 777], [2047, 8192], [2047, 40_000], [16_383, 20_000]] as const) {
      const ratio = boundRatio(noise(taps, taps), x, chunk);
      expect(ratio, `${taps} taps, chunks of ${chunk}`).toBeLessThanOrEqual(1);
    }
  });

  it('stays within the bound for impulses, DC and a signal that jumps between 1e6 and 1e-6', () => {
    const n = 30_000;
    const impulses = new Float64Array(n);
    for (let i = 0; i < n; i += 997) impulses[i] = 1;
    const dc = new Float64Array(n).fill(1);
    const dynamic = noise(n, 3).map((v, i) => v * (i % 5000 < 2500 ? 1e6 : 1e-6));
    for (const x of [impulses, dc, dynamic]) expect(boundRatio(noise(2047, 5), x, 4096)).toBeLessThanOrEqual(1);
  });
});

describe('the convolution cost model', () => {
  it('keeps short filters direct and sends long filters over long chunks to the FFT', () => {
    expect(chooseConvolution(1, 4096)).toBe(0);
    expect(chooseConvolution(8, 128)).toBe(0);
    expect(chooseConvolution(2047, 4096)).toBeGreaterThan(0);
    expect(chooseConvolution(16_383, 48_000)).toBeGreaterThan(0);
  });

  it('picks an FFT size of at least taps + 1 and never far beyond the chunk', () => {
    for (const [taps, frames] of [[2047, 128], [2047, 48_000], [100, 1_000_000], [16_383, 1]] as const) {
      const n = bestFftSize(taps, frames);
      expect(n & (n - 1)).toBe(0);
      expect(n).toBeGreaterThanOrEqual(taps + 1);
      expect(n).toBeLessThanOrEqual(Math.max(2 * (taps + frames), 1 << 18));
    }
  });
});
