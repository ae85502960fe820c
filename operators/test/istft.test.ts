// Tolerances: within 1e-12 of scipy.signal.istft(boundary=False) relative to max(1, max|x|);
// stft -> istft reconstruction within 1e-13 where frames overlap, 1e-9 at the ends (division by
// small w^2), 1e-5 for float32.
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, of, Subject, toArray } from 'rxjs';
import { istft, stft } from '@ringflow/operators';
import { loadStftFixture, stftFixtureNames } from './kernels/stft-fixtures.js';
import { expectChunkingIndependent, join, marbleScheduler, noise, relError, runChunks, badChunks } from './helpers/chunking.js';

describe('istft', () => {
  for (const name of stftFixtureNames) {
    it(`matches scipy.signal.istft of arbitrary spectra, tail included, when the stream completes (${name})`, async () => {
      const f = loadStftFixture(name);
      const options = { size: f.size, hop: f.hop, fftSize: f.nfft, window: f.window, scaling: 'spectrum' as const };
      const out = await lastValueFrom(from(f.random.map((s) => Float64Array.from(s))).pipe(istft(options), toArray()));
      expect(out).toHaveLength(f.frames + (f.size > f.hop ? 1 : 0));
      expect(relError(join(out), f.istftOfRandom)).toBeLessThan(1e-12);
    });
  }

  it('reconstructs the input after stft with a periodic hann window and hop = size / 2, aligned sample for sample', async () => {
    const size = 512;
    const hop = 256;
    const x = noise(10_000, 31);
    const options = { size, hop, window: 'hann' as const };
    const y = await expectChunkingIndependent(x, () => (s) => s.pipe(stft<Float64Array>(options), istft<Float64Array>(options)), 0);
    const frames = Math.floor((x.length - size) / hop) + 1;
    expect(y).toHaveLength((frames - 1) * hop + size);
    expect(y[0]).toBe(0); // the window is 0 at sample 0: nothing to divide by
    // Where two frames overlap the squared windows sum to 1 (exact to rounding); in the first and
    // last hop only one frame covers a sample, and dividing by a small w^2 near the frame edges
    // amplifies rounding (still far below float32 resolution).
    expect(relError(y.subarray(hop, y.length - hop), x.subarray(hop, y.length - hop))).toBeLessThan(1e-13);
    expect(relError(y.subarray(1), x.subarray(1, y.length))).toBeLessThan(1e-9);
  });

  it('keeps float32 as float32 and reconstructs within 1e-5 when the input is float32', async () => {
    const x = Float32Array.from(noise(4096, 2));
    const options = { size: 256, hop: 64, window: 'hamming' as const };
    const out = await runChunks(x, 128, (s) => s.pipe(stft<Float32Array>(options), istft<Float32Array>(options)));
    for (const c of out) expect(c).toBeInstanceOf(Float32Array);
    const y = join(out);
    expect(relError(y, x.subarray(0, y.length))).toBeLessThan(1e-5);
  });

  it('emits hop samples per spectrum and flushes size - hop samples at completion', () => {
    const options = { size: 4, hop: 2, window: [1, 1, 1, 1] };
    // Spectra of [1 1 1 1] and [1 1 1 1] (rectangular window, no scaling): DC = 4.
    const s = Float64Array.of(4, 0, 0, 0, 0, 0);
    marbleScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a--b---|', { a: s, b: s }).pipe(istft(options))).toBe('a--b---(t|)', {
        a: Float64Array.of(1, 1),
        b: Float64Array.of(1, 1),
        t: Float64Array.of(1, 1),
      });
      // No spectrum, no tail; errors are forwarded without a flush.
      expectObservable(cold<Float64Array>('--|').pipe(istft(options))).toBe('--|');
      expectObservable(cold('a-#', { a: s }).pipe(istft(options))).toBe('a-#', { a: Float64Array.of(1, 1) });
    });
  });

  it('errors the stream when a spectrum has the wrong length or format', async () => {
    await expect(lastValueFrom(of(new Float64Array(9)).pipe(istft({ size: 8 })))).rejects.toThrow(/istft: each chunk must be one spectrum of 10 values/);
    await expect(lastValueFrom(badChunks([1, 2]).pipe(istft({ size: 8 })))).rejects.toThrow(TypeError);
    expect(() => istft({ size: 8, hop: 0 })).toThrow(RangeError);
    expect(() => istft({ size: -1 })).toThrow(RangeError);
  });

  it('stops when unsubscribed and emits no tail afterwards', () => {
    const input = new Subject<Float64Array>();
    const seen: Float64Array[] = [];
    const sub = input.pipe(istft({ size: 8, hop: 4 })).subscribe((c) => seen.push(c));
    input.next(new Float64Array(10));
    sub.unsubscribe();
    input.complete();
    expect(seen).toHaveLength(1);
    expect(input.observed).toBe(false);
  });
});
