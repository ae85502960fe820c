// The partitioned FFT engine of processFir (steady chunks shorter than the filter): held to the same
// error bound as overlap-save (helpers/fir-bound.ts), across chunk-length changes that break and
// rebuild its delay line, per channel, with live taps and resets.
import { describe, expect, it } from 'vitest';
import { createFirState, processFir, resetFir, setFirTaps } from '../../src/kernels/fir.js';
import { createPartitionedConvolution, partitionedCost } from '../../src/kernels/partitioned-convolution.js';
import { fftCost } from '../../src/kernels/overlap-save.js';
import { noise, relError } from '../helpers/chunking.js';
import { boundRatio, direct, viaFft } from '../helpers/fir-bound.js';
import { interleave } from '../helpers/multichannel-lanes.js';

describe('partitioned convolution in processFir', () => {
  it('is chosen for a steady chunk length shorter than the filter, from the second chunk on', () => {
    const state = createFirState(noise(2047, 1), { method: 'fft' });
    const x = noise(128, 2);
    const y = new Float64Array(128);
    processFir(state, x, y);
    expect(state.partitioned).toBeUndefined();
    processFir(state, x, y);
    expect(state.partitioned?.block).toBe(128);
    expect(state.partitioned?.partitions).toBe(16);
    const engine = state.partitioned;
    for (let i = 0; i < 20; i++) processFir(state, x, y);
    expect(state.partitioned).toBe(engine);
    expect(state.engines).toHaveLength(1);
  });

  it('stays within the stated error bound for 301 to 16 383 taps over chunks of 32 to 1000', () => {
    const x = noise(40_000, 3);
    for (const [taps, chunk] of [[2047, 128], [2047, 64], [16_383, 128], [301, 32], [2047, 1000]] as const) {
      const { partitioned } = viaFft(noise(taps, taps), x.subarray(0, 4 * chunk), chunk);
      expect(partitioned, `${taps} / ${chunk}`).toBe(true);
      expect(boundRatio(noise(taps, taps), x, chunk), `${taps} taps, chunks of ${chunk}`).toBeLessThanOrEqual(1);
    }
  });

  it('stays within the bound when the chunk length changes and comes back (delay line rebuilt)', () => {
    const x = noise(30_000, 4);
    expect(boundRatio(noise(2047, 5), x, [128, 128, 128, 100, 128, 128, 77, 1, 128, 128, 128, 4096])).toBeLessThanOrEqual(1);
  });

  it('filters 3 interleaved channels exactly as each channel alone', () => {
    const h = noise(1000, 6);
    const lanes = [noise(12_800, 7), noise(12_800, 8), noise(12_800, 9)];
    const together = viaFft(h, interleave(lanes), 256, 3);
    expect(together.partitioned).toBe(true);
    const alone = interleave(lanes.map((lane) => viaFft(h, lane, 256).y));
    expect(relError(together.y, alone)).toBe(0);
  });

  it('applies live taps of the same length from the next chunk on, and restarts cleanly after a reset', () => {
    const h1 = noise(700, 10);
    const h2 = noise(700, 11);
    const x = noise(6400, 12);
    const run = (method: 'fft' | 'direct'): Float64Array => {
      let state = createFirState(h1, { method });
      const y = new Float64Array(x.length);
      for (let i = 0; i < x.length; i += 64) {
        if (i === 3200) state = setFirTaps(state, h2);
        processFir(state, x.subarray(i, i + 64), y.subarray(i, i + 64));
      }
      return y;
    };
    expect(relError(run('fft'), run('direct'))).toBeLessThan(1e-12);
    const state = createFirState(h1, { method: 'fft' });
    const y = new Float64Array(64);
    for (let i = 0; i < 10; i++) processFir(state, x.subarray(64 * i, 64 * i + 64), y);
    resetFir(state);
    const after = new Float64Array(640);
    for (let i = 0; i < 10; i++) processFir(state, x.subarray(64 * i, 64 * i + 64), after.subarray(64 * i, 64 * i + 64));
    expect(relError(after, direct(h1, x.subarray(0, 640)))).toBeLessThan(1e-12);
  });

  it('filters in place', () => {
    const h = noise(500, 13);
    const x = noise(5000, 14);
    const block = Float64Array.from(x);
    const state = createFirState(h, { method: 'fft' });
    for (let i = 0; i < block.length; i += 100) processFir(state, block.subarray(i, i + 100), block.subarray(i, i + 100));
    expect(relError(block, direct(h, x))).toBeLessThan(1e-12);
  });
});

describe('partitionedCost', () => {
  it('is far below one overlap-save block for short chunks of a long filter, and not chosen for one partition', () => {
    expect(partitionedCost(2047, 128)).toBeLessThan(fftCost(2047, 128, 4096) / 4);
    const engine = createPartitionedConvolution(noise(100, 1), 128, 1);
    expect(engine.partitions).toBe(1);
    expect(engine.size).toBe(256);
  });
});
