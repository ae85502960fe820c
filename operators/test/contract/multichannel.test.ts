// DESIGN's multichannel contract: every operator that has state or counts samples works per
// channel on [frames, channels] chunks and emits the same shape; spectra of a multichannel frame
// are [channels, values] rows. Each operator here runs on 2- and 5-channel streams and must give,
// channel by channel, exactly (bit for bit) what it gives on that channel alone; stateful ones
// must not depend on the chunking; a chunk of another channel count, or a 1-D chunk in a stream
// that started multichannel, is a RangeError.
import { describe, expect, it } from 'vitest';
import { from, type Observable, type OperatorFunction } from 'rxjs';
import { asMultichannel, isMultichannel, type MultichannelChunk } from '@ringflow/core';
import * as ops from '@ringflow/operators';
import { fixture, join, relError, split, type FloatArray } from '../helpers/chunking.js';
import { channelOf, channelOfEach, frameChunks, interleavedNoise, runAll } from '../helpers/multichannel.js';

type Op = OperatorFunction<never, unknown>;

interface Case {
  readonly name: string;
  readonly make: () => Op;
  /** Output layout: `[frames, channels]` samples (default) or `[channels, values]` rows. */
  readonly rows?: boolean;
  /** Input: samples (default), or a frame per chunk of this many frames (fft), or spectra rows (via `prepare`). */
  readonly frame?: number;
  /** Turns the multichannel/mono input stream into this operator's input (e.g. stft before istft). */
  readonly prepare?: (s: Observable<unknown>) => Observable<unknown>;
  /** Stateful or counting: also checked for chunking independence. */
  readonly stateful: boolean;
}

const stft = { size: 64, hop: 24, window: 'hann' } as const;
const cases: Case[] = [
  { name: 'gain', make: () => ops.gain(0.3) as Op, stateful: false },
  { name: 'batch', make: () => ops.batch(100, { partial: 'pad' }) as Op, stateful: true },
  { name: 'slidingWindow', make: () => ops.slidingWindow({ size: 50, hop: 20, window: 'hamming' }) as Op, stateful: true },
  { name: 'concatenateChunks', make: () => ops.concatenateChunks(3) as Op, stateful: false },
  { name: 'rms', make: () => ops.rms({ blockSize: 64, partial: 'emit' }) as Op, stateful: true },
  { name: 'peak', make: () => ops.peak({ blockSize: 50 }) as Op, stateful: true },
  { name: 'resample 3/2', make: () => ops.resample(3, 2) as Op, stateful: true },
  { name: 'resample 160/147', make: () => ops.resample(160, 147) as Op, stateful: true },
  { name: 'decimate iir', make: () => ops.decimate(3) as Op, stateful: true },
  { name: 'decimate fir', make: () => ops.decimate(4, { ftype: 'fir' }) as Op, stateful: true },
  { name: 'fft', make: () => ops.fft() as Op, rows: true, frame: 60, stateful: false },
  { name: 'stft', make: () => ops.stft(stft) as Op, rows: true, stateful: true },
  { name: 'istft', make: () => ops.istft(stft) as Op, prepare: (s) => s.pipe(ops.stft(stft) as OperatorFunction<unknown, unknown>), stateful: true },
  { name: 'ifft', make: () => ops.ifft() as Op, prepare: (s) => s.pipe(ops.fft() as OperatorFunction<unknown, unknown>), frame: 64, stateful: false },
  { name: 'magnitude', make: () => ops.magnitude() as Op, rows: true, prepare: (s) => s.pipe(ops.fft() as OperatorFunction<unknown, unknown>), frame: 32, stateful: false },
  { name: 'toDecibels', make: () => ops.toDecibels({ ref: 'max', topDb: 40 }) as Op, rows: true, prepare: (s) => s.pipe(ops.fft() as OperatorFunction<unknown, unknown>, ops.magnitude() as OperatorFunction<unknown, unknown>), frame: 32, stateful: false },
];

const FRAMES = 1000;

/** Runs `c`'s operator on `input` (already prepared) and collects the outputs. */
async function collectFrom(input: Observable<unknown>, c: Case): Promise<unknown[]> {
  const out: unknown[] = [];
  await new Promise<void>((resolve, reject) => input.pipe(c.make() as OperatorFunction<unknown, unknown>).subscribe({ next: (v) => out.push(v), error: reject, complete: resolve }));
  return out;
}

/** Runs `c` on channel `ch` alone (1-D chunks of the same frames). */
async function runMono(c: Case, x: FloatArray, channels: number, ch: number, size: number): Promise<FloatArray[]> {
  const mono = channelOf(x, channels, ch);
  const source = from(split(mono, c.frame ?? size)) as Observable<unknown>;
  return (await collectFrom(c.prepare === undefined ? source : c.prepare(source), c)) as FloatArray[];
}

describe('multichannel: every operator works per channel', () => {
  for (const c of cases) {
    for (const channels of [2, 5]) {
      for (const Type of [Float64Array, Float32Array]) {
        it(`${c.name}: ${channels} channels (${Type.name}) equal each channel run alone, bit for bit`, async () => {
          const x = Type.from(interleavedNoise(FRAMES, channels, 7 + channels)) as FloatArray;
          const multi = await collectFrom((c.prepare ?? ((s) => s))(from(frameChunks(x, channels, c.frame ?? 128)) as Observable<unknown>), c);
          expect(multi.length).toBeGreaterThan(0);
          for (const chunk of multi) {
            expect(isMultichannel(chunk)).toBe(true);
            const m = chunk as MultichannelChunk<FloatArray>;
            expect(m.data).toBeInstanceOf(Type);
            expect(c.rows ? m.shape[0] : m.shape[1]).toBe(channels);
          }
          for (let ch = 0; ch < channels; ch++) {
            const alone = await runMono(c, x, channels, ch, 128);
            expect(channelOfEach(multi, ch, c.rows)).toEqual(alone);
          }
        });
      }
    }

    if (c.stateful) {
      it(`${c.name}: chunking does not change any channel (1, 7, 128, 1000 frames per chunk)`, async () => {
        const channels = 3;
        const x = interleavedNoise(FRAMES, channels, 3);
        const outputs: Float64Array[][] = [];
        for (const size of [1, 7, 128, 1000]) {
          const out = await collectFrom((c.prepare ?? ((s) => s))(from(frameChunks(x, channels, size)) as Observable<unknown>), c);
          outputs.push(Array.from({ length: channels }, (_, ch) => join(channelOfEach(out, ch, c.rows))));
        }
        for (let k = 0; k < outputs.length - 1; k++) {
          for (let ch = 0; ch < channels; ch++) expect(relError(outputs[k]![ch]!, outputs[3]![ch]!)).toBeLessThanOrEqual(1e-12);
        }
      });
    }

    it(`${c.name}: a chunk of another channel count, or a 1-D chunk after multichannel ones, is a RangeError`, async () => {
      const frames = c.frame ?? 64;
      const stereo = asMultichannel(interleavedNoise(frames, 2, 1), 2);
      const three = asMultichannel(interleavedNoise(frames, 3, 2), 3);
      const mono = interleavedNoise(frames, 1, 3);
      for (const bad of [three, mono]) {
        const input = (c.prepare ?? ((s) => s))(from([stereo, bad]) as Observable<unknown>);
        await expect(collectFrom(input, c)).rejects.toThrow(RangeError);
      }
    });
  }

  it('reads strided views (channel-major storage) as the same frames', async () => {
    const frames = 300;
    const x = interleavedNoise(frames, 2, 5);
    // The same frames stored channel after channel: stride [1, frames].
    const planar = new Float64Array(2 * frames);
    for (let f = 0; f < frames; f++) {
      planar[f] = x[2 * f]!;
      planar[frames + f] = x[2 * f + 1]!;
    }
    const view: MultichannelChunk<Float64Array> = { data: planar, shape: [frames, 2], stride: [1, frames], offset: 0 };
    const [a] = await runAll([view], ops.resample(3, 2));
    const [b] = await runAll([asMultichannel(x, 2)], ops.resample(3, 2));
    expect(a).toEqual(b);
  });

  it('mix(...others) sums multichannel streams channel by channel', async () => {
    const channels = 4;
    const x = interleavedNoise(FRAMES, channels, 1);
    const y = interleavedNoise(FRAMES, channels, 2);
    const out = await runAll(frameChunks(x, channels, 100), ops.mix(from(frameChunks(y, channels, 37))));
    for (let ch = 0; ch < channels; ch++) {
      const sum = Float64Array.from(channelOf(x, channels, ch), (v, f) => v + y[f * channels + ch]!);
      expect(join(channelOfEach(out, ch))).toEqual(sum);
    }
  });

  it('mix(matrix) maps 5 channels to 2 with the rows as weights', async () => {
    const x = interleavedNoise(200, 5, 4);
    const m = [
      [1, 0, 0.5, 0.25, 0],
      [0, 1, 0.5, 0, 0.25],
    ];
    const out = (await runAll(frameChunks(x, 5, 64), ops.mix<Float64Array>(m))) as MultichannelChunk<Float64Array>[];
    const left = join(channelOfEach(out, 0));
    const right = join(channelOfEach(out, 1));
    for (let f = 0; f < 200; f++) {
      let l = 0;
      let r = 0;
      for (let c = 0; c < 5; c++) {
        l += m[0]![c]! * x[f * 5 + c]!;
        r += m[1]![c]! * x[f * 5 + c]!;
      }
      expect([left[f], right[f]]).toEqual([l, r]);
    }
  });
});

describe('multichannel: SciPy along axis=0', () => {
  interface Fixture {
    channels: number;
    frames: number;
    input: number[];
    cases: { up?: number; down?: number; q?: number; ftype?: 'iir' | 'fir'; n?: number | null; frames: number; output: number[] }[];
  }

  it('resample equals scipy.signal.resample_poly(x, up, down, axis=0), in any chunking', async () => {
    const fx = await fixture<Fixture>('multichannel/resample-poly.json');
    const x = Float64Array.from(fx.input);
    for (const k of fx.cases) {
      for (const size of [1, 7, 128, fx.frames]) {
        const out = (await runAll(frameChunks(x, fx.channels, size), ops.resample(k.up!, k.down!))) as MultichannelChunk<Float64Array>[];
        const got = join(out.map((o) => o.data));
        expect(got.length).toBe(k.frames * fx.channels);
        expect(relError(got, k.output), `${k.up}/${k.down}, chunks of ${size}`).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it('decimate equals scipy.signal.decimate(x, q, zero_phase=False, axis=0), in any chunking', async () => {
    const fx = await fixture<Fixture>('multichannel/decimate.json');
    const x = Float64Array.from(fx.input);
    for (const k of fx.cases) {
      const options = k.n === null ? { ftype: k.ftype! } : { ftype: k.ftype!, n: k.n! };
      for (const size of [1, 7, 128, fx.frames]) {
        const out = (await runAll(frameChunks(x, fx.channels, size), ops.decimate(k.q!, options))) as MultichannelChunk<Float64Array>[];
        const got = join(out.map((o) => o.data));
        expect(relError(got, k.output), `q ${k.q} ${k.ftype}, chunks of ${size}`).toBeLessThanOrEqual(1e-12);
      }
    }
  });
});
