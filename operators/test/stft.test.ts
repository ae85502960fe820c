// Tolerances: spectra within 1e-12 of scipy.signal.stft (scaling='spectrum') relative to
// max(1, max|Z|); chunkings agree exactly (same frames, same arithmetic).
import { describe, expect, it } from 'vitest';
import { lastValueFrom, of, Subject } from 'rxjs';
import { fft, slidingWindow, stft } from '@ringflow/operators';
import { loadStftFixture, stftFixtureNames } from './kernels/stft-fixtures.js';
import { expectChunkingIndependent, join, marbleScheduler, noise, relError, runChunks, badChunks } from './helpers/chunking.js';

describe('stft', () => {
  for (const name of stftFixtureNames) {
    it(`matches scipy.signal.stft frame by frame when fed in chunks of 37 (${name})`, async () => {
      const f = loadStftFixture(name);
      const op = stft<Float64Array>({ size: f.size, hop: f.hop, fftSize: f.nfft, window: f.window, scaling: 'spectrum' });
      const spectra = await runChunks(Float64Array.from(f.x), 37, op);
      expect(spectra).toHaveLength(f.frames);
      spectra.forEach((s, k) => expect(relError(s, f.stftSpectrum[k]!), `frame ${k}`).toBeLessThan(1e-12));
    });
  }

  it('gives the same spectra whatever the chunking when fed 10 000 samples in chunks of 1..10 000', async () => {
    const x = noise(10_000, 12);
    const all = await expectChunkingIndependent(x, () => stft<Float64Array>({ size: 256, hop: 96, window: 'hann' }), 0);
    expect(all).toHaveLength(Math.floor((10_000 - 256) / 96 + 1) * 2 * 129);
  });

  it('equals slidingWindow then fft with scaling none, for hop larger than size too', async () => {
    const x = Float32Array.from(noise(3000, 13));
    for (const hop of [64, 256, 300]) {
      const a = await runChunks(x, 100, stft<Float32Array>({ size: 256, hop, window: 'hamming' }));
      const b = await runChunks(x, 100, (s) => s.pipe(slidingWindow<Float32Array>({ size: 256, hop, window: 'hamming' }), fft<Float32Array>()));
      expect(a[0]).toBeInstanceOf(Float32Array);
      expect(a.length).toBe(b.length);
      expect(relError(join(a), join(b))).toBeLessThan(1e-6);
    }
  });

  it('emits a spectrum as soon as the last sample of its frame arrives', () => {
    const size = 4;
    const w = [1, 1, 1, 1];
    marbleScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b-c-d|', {
        a: Float64Array.of(1, 0, 0),
        b: Float64Array.of(0),
        c: Float64Array.of(0),
        d: Float64Array.of(0),
      });
      // frames [1 0 0 0] (complete at b) and samples 2..5 [0 0 0 0] (complete at d)
      expectObservable(source.pipe(stft({ size, hop: 2, window: w }))).toBe('--b---d|', {
        b: Float64Array.of(1, 0, 1, 0, 1, 0),
        d: Float64Array.of(0, 0, 0, 0, 0, 0),
      });
    });
  });

  it('throws at creation for size <= 0, hop 0, fftSize < size, unknown windows or scaling', () => {
    expect(() => stft({ size: 0 })).toThrow(RangeError);
    expect(() => stft({ size: 256, hop: 0 })).toThrow(/stft: hop must be >= 1/);
    expect(() => stft({ size: 256, fftSize: 128 })).toThrow(RangeError);
    expect(() => stft({ size: 4, window: [1, 1] })).toThrow(RangeError);
    expect(() => stft({ size: 4, window: 'nope' as never })).toThrow(TypeError);
    expect(() => stft({ size: 4, scaling: 'psd' as never })).toThrow(TypeError);
    expect(() => stft(undefined as never)).toThrow(TypeError);
  });

  it('errors the stream for wrong formats and NaN with nan error, and stops when unsubscribed', async () => {
    await expect(lastValueFrom(badChunks(new Int16Array(8)).pipe(stft({ size: 4 })))).rejects.toThrow(TypeError);
    await expect(lastValueFrom(of(Float64Array.of(0, 0, Number.NaN, 0)).pipe(stft({ size: 4, nan: 'error' })))).rejects.toThrow(/NaN/);
    const input = new Subject<Float64Array>();
    let count = 0;
    const sub = input.pipe(stft({ size: 4, hop: 4 })).subscribe(() => count++);
    input.next(new Float64Array(4));
    sub.unsubscribe();
    input.next(new Float64Array(4));
    expect(count).toBe(1);
    expect(input.observed).toBe(false);
  });
});
