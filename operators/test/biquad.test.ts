// The biquad operator is sosfilt over the RBJ section: checked against SciPy's sosfilt of the
// reference sections in filters/biquad.json (1e-12), plus live changes and bad parameters.
import { describe, expect, it } from 'vitest';
import { BehaviorSubject, lastValueFrom, of, Subject } from 'rxjs';
import { biquad } from '../src/biquad.js';
import { biquadCoefficients as section, type BiquadOptions } from '../src/design/biquad-coefficients.js';
import { createSosfiltState, processSosfilt } from '../src/kernels/sosfilt.js';
import { expectChunkingIndependent, fixture, join, noise, relError, runChunks } from './helpers/chunking.js';
import { interleave, runFrames } from './helpers/multichannel-lanes.js';

interface Case {
  type: BiquadOptions['type'];
  frequency: number;
  q: number;
  gain: number;
  sampleRate: number;
  sos: number[];
}
const cases = (await fixture<{ cases: Case[] }>('filters/biquad.json')).cases;

function filterWith(row: ArrayLike<number>, x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  processSosfilt(createSosfiltState([row]), x, y);
  return y;
}

describe('biquad', () => {
  it('filters like sosfilt of the SciPy reference section when given each cookbook design', async () => {
    const x = noise(2000, 21);
    for (const c of cases) {
      const y = join(await runChunks(x, 128, biquad<Float64Array>({ type: c.type, frequency: c.frequency, q: c.q, gain: c.gain, sampleRate: c.sampleRate })));
      expect(relError(y, filterWith(c.sos, x)), c.type).toBeLessThan(1e-12);
    }
  });

  it('gives the same output whatever the chunking when fed 10 000 samples in chunks of 1..10 000', async () => {
    await expectChunkingIndependent(noise(10_000, 5), () => biquad<Float64Array>({ type: 'peaking', frequency: 3000, q: 2, gain: 6, sampleRate: 48_000 }), 0);
  });

  it('keeps the memory across a live frequency change at a chunk boundary', async () => {
    const x = noise(256, 8);
    const params = new BehaviorSubject<BiquadOptions>({ type: 'lowpass', frequency: 1000, sampleRate: 48_000 });
    const input = new Subject<Float32Array>();
    const out: Float32Array[] = [];
    input.pipe(biquad(params)).subscribe((c) => out.push(c));
    input.next(Float32Array.from(x.subarray(0, 128)));
    params.next({ type: 'lowpass', frequency: 4000, sampleRate: 48_000 });
    input.next(Float32Array.from(x.subarray(128)));
    expect(out[1]).toBeInstanceOf(Float32Array);
    // Reference: one state, coefficients swapped between the two halves.
    const state = createSosfiltState([section({ type: 'lowpass', frequency: 1000, sampleRate: 48_000 })]);
    const y = new Float64Array(256);
    processSosfilt(state, Float32Array.from(x.subarray(0, 128)), y.subarray(0, 128));
    state.coefficients.set(createSosfiltState([section({ type: 'lowpass', frequency: 4000, sampleRate: 48_000 })]).coefficients);
    processSosfilt(state, Float32Array.from(x.subarray(128)), y.subarray(128));
    expect(join(out)).toEqual(Float64Array.from(Float32Array.from(y)));
  });

  it('throws a RangeError at creation when the frequency is at or above Nyquist', () => {
    expect(() => biquad({ type: 'lowpass', frequency: 24_000, sampleRate: 48_000 })).toThrow(/biquad: frequency must be > 0 and < sampleRate\/2/);
    expect(() => biquad({ type: 'lowpass', frequency: 1000, sampleRate: 48_000, q: 0 })).toThrow(RangeError);
    expect(() => biquad({ type: 'bogus' as never, frequency: 1000, sampleRate: 48_000 })).toThrow(TypeError);
    expect(() => biquad(42 as never)).toThrow(TypeError);
  });

  it('errors the stream when a live design is invalid', async () => {
    const bad = of<BiquadOptions>({ type: 'highpass', frequency: 30_000, sampleRate: 48_000 });
    await expect(lastValueFrom(of(new Float64Array(4)).pipe(biquad(bad)))).rejects.toThrow(RangeError);
  });

  it('filters [frames, channels] chunks per channel and accepts zi step', async () => {
    const design = { type: 'peaking' as const, frequency: 1000, sampleRate: 48_000, q: 2, gain: 6 };
    const lanes = [noise(600, 1), noise(600, 2), noise(600, 3)];
    const together = await runFrames(interleave(lanes), 3, 128, biquad(design));
    const alone = interleave(await Promise.all(lanes.map(async (lane) => join(await runChunks(lane, 600, biquad<Float64Array>(design))))));
    expect(relError(together.samples, alone)).toBe(0);
    const dc = new Float64Array(256).fill(0.5);
    const y = join(await runChunks(dc, 64, biquad<Float64Array>({ type: 'lowpass', frequency: 1000, sampleRate: 48_000 }, { zi: 'step' })));
    for (const v of y) expect(v).toBeCloseTo(0.5, 12);
  });
});

