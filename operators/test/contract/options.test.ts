// Bad arguments are a TypeError (wrong type, unknown name) or RangeError (out of range) when the
// operator is created, never accepted silently or discovered on subscribe (issue 7, part 5).
import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { asMultichannel, RingBuffer } from '@ringflow/core';
import * as ops from '@ringflow/operators';

const ring = () => new RingBuffer({ format: 'f', capacity: 16 });
type Ctor = typeof TypeError | typeof RangeError;

/** [call, expected error class]: each must throw at creation. */
const bad: [string, () => unknown, Ctor][] = [
  ["batch({ reuse: 'yes' })", () => ops.batch(4, { reuse: 'yes' as never }), TypeError],
  ["batch({ partial: 'pad0' })", () => ops.batch(4, { partial: 'pad0' as never }), TypeError],
  ['batch(2 ** 40)', () => ops.batch(2 ** 40), RangeError],
  ['batch(0)', () => ops.batch(0), RangeError],
  ['batch({ resue: true })', () => ops.batch(4, { resue: true } as never), TypeError],
  ['slidingWindow({ reuse: 1 })', () => ops.slidingWindow({ size: 4, reuse: 1 as never }), TypeError],
  ['slidingWindow({ hop: 0 })', () => ops.slidingWindow({ size: 4, hop: 0 }), RangeError],
  ["slidingWindow({ size: '4' })", () => ops.slidingWindow({ size: '4' as never }), TypeError],
  ['slidingWindow({ windw })', () => ops.slidingWindow({ size: 4, windw: 'hann' } as never), TypeError],
  ["slidingWindow({ window: 'nope' })", () => ops.slidingWindow({ size: 4, window: 'nope' as never }), TypeError],
  ['concatenateChunks(0)', () => ops.concatenateChunks(0), RangeError],
  ['interleave(1.5)', () => ops.interleave(1.5), RangeError],
  ["deinterleave('2')", () => ops.deinterleave('2' as never), TypeError],
  ["gain('2')", () => ops.gain('2' as never), TypeError],
  ['gain({ decibels: NaN })', () => ops.gain({ decibels: Number.NaN }), RangeError],
  ['mix()', () => ops.mix(), RangeError],
  ["mix(['a'])", () => ops.mix(['a'] as never), TypeError],
  ['mix([[1], [1, 2]])', () => ops.mix([[1], [1, 2]]), RangeError],
  ["rms({ blockSize: '4' })", () => ops.rms({ blockSize: '4' as never }), TypeError],
  ['rms({ blocksize: 4 })', () => ops.rms({ blocksize: 4 } as never), TypeError],
  ["peak({ partial: 'pad' })", () => ops.peak({ blockSize: 4, partial: 'pad' as never }), TypeError],
  ['peak({ channels: 0 })', () => ops.peak({ channels: 0 }), RangeError],
  ["resample(2, 1, { reuse: 'yes' })", () => ops.resample(2, 1, { reuse: 'yes' as never }), TypeError],
  ['resample(2, 1, { windw })', () => ops.resample(2, 1, { windw: 'hann' } as never), TypeError],
  ['resample(0, 1)', () => ops.resample(0, 1), RangeError],
  ["decimate(2, { ftype: 'iir2' })", () => ops.decimate(2, { ftype: 'iir2' as never }), TypeError],
  ['decimate(2, { order: 4 })', () => ops.decimate(2, { order: 4 } as never), TypeError],
  ["decimate(2, { nan: 'skip' })", () => ops.decimate(2, { nan: 'skip' as never }), TypeError],
  ['fft({ reuse: 1 })', () => ops.fft({ reuse: 1 as never }), TypeError],
  ['fft({ size: 4 })', () => ops.fft({ size: 4 } as never), TypeError],
  ['ifft({ size: 0 })', () => ops.ifft({ size: 0 }), RangeError],
  ["magnitude({ power: 'yes' })", () => ops.magnitude({ power: 'yes' as never }), TypeError],
  ['toDecibels({ ref: -1 })', () => ops.toDecibels({ ref: -1 }), RangeError],
  ["toDecibels({ power: 'yes' })", () => ops.toDecibels({ power: 'yes' as never }), TypeError],
  ['toDecibels({ top_db: 80 })', () => ops.toDecibels({ top_db: 80 } as never), TypeError],
  ['stft({ size: 0 })', () => ops.stft({ size: 0 }), RangeError],
  ['stft({ nperseg: 256 })', () => ops.stft({ size: 256, nperseg: 256 } as never), TypeError],
  ["istft({ size: 8, reuse: 'no' })", () => ops.istft({ size: 8, reuse: 'no' as never }), TypeError],
  ["fromRing({ exact: 'yes' })", () => ops.fromRing(ring(), { exact: 'yes' as never }), TypeError],
  ['fromRing({ chunkSize: 0 })', () => ops.fromRing(ring(), { chunkSize: 0 }), RangeError],
  ['fromRing({ channels: 32 }) on a 16-element ring', () => ops.fromRing(ring(), { channels: 32 }), RangeError],
  ['fromRing({ chunksize: 4 })', () => ops.fromRing(ring(), { chunksize: 4 } as never), TypeError],
  ["toRing({ closeOnComplete: 'no' })", () => ops.toRing(ring(), { closeOnComplete: 'no' as never }), TypeError],
  ['toRing({ onOverrun: 5 })', () => ops.toRing(ring(), { onOverrun: 5 as never }), TypeError],
  ["toRing({ overflow: 'drop' })", () => ops.toRing(ring(), { overflow: 'drop' as never }), TypeError],
  ['toRing({ timeout: -1 })', () => ops.toRing(ring(), { timeout: -1 }), RangeError],
  ['toRing({ stats: {} })', () => ops.toRing(ring(), { stats: {} as never }), TypeError],
  ['toRing({ closeOnError: false }) (now abortOnError)', () => ops.toRing(ring(), { closeOnError: false } as never), TypeError],
  ['toRing({ channels: 0 })', () => ops.toRing(ring(), { channels: 0 }), RangeError],
  ['oscillator({ chunkSize: 2 ** 40 })', () => ops.oscillator({ frequency: 1, sampleRate: 8, chunkSize: 2 ** 40 }), RangeError],
  ['oscillator({ type: "saw" })', () => ops.oscillator({ frequency: 1, sampleRate: 8, type: 'saw' as never }), TypeError],
  ['oscillator({ freq: 1 })', () => ops.oscillator({ frequency: 1, sampleRate: 8, freq: 1 } as never), TypeError],
  ['oscillator({ scheduler: {} })', () => ops.oscillator({ frequency: 1, sampleRate: 8, scheduler: {} as never }), TypeError],
  ['chirp({ vertexZero: 0 })', () => ops.chirp({ f0: 1, f1: 2, duration: 1, sampleRate: 8, method: 'quadratic', vertexZero: 0 as never }), TypeError],
  ['chirp({ chunkSize: 2 ** 40 })', () => ops.chirp({ f0: 1, f1: 2, duration: 1, sampleRate: 8, chunkSize: 2 ** 40 }), RangeError],
  ['noise({ chunkSize: 2 ** 40 })', () => ops.noise({ chunkSize: 2 ** 40 }), RangeError],
  ["noise({ format: 'int16' })", () => ops.noise({ format: 'int16' as never }), TypeError],
  ['noise({ colour: "pink" })', () => ops.noise({ colour: 'pink' } as never), TypeError],
  ["fromSamples({ view: 'yes' })", () => ops.fromSamples(new Float32Array(4), 2, { view: 'yes' as never }), TypeError],
  ['fromSamples({ copy: true })', () => ops.fromSamples(new Float32Array(4), 2, { copy: true } as never), TypeError],
];

describe('options are checked when the operator is created', () => {
  for (const [call, make, Ctor] of bad) {
    it(`${call} is a ${Ctor.name}`, () => {
      expect(make).toThrow(Ctor);
      try {
        make();
      } catch (error) {
        // The message names the call.
        expect((error as Error).message).toMatch(/^[a-zA-Z]+: /);
      }
    });
  }
});

describe('a chunk of another class than the first is a TypeError', () => {
  const mixed = [new Float32Array(4), new Float64Array(4)] as never[];
  const cases: [string, () => import('rxjs').OperatorFunction<never, unknown>][] = [
    ['gain(2)', () => ops.gain(2)],
    ['mix(other)', () => ops.mix(from([new Float32Array(100)]) as never)],
    ['mix([1])', () => ops.mix([1])],
    ['mix([[1], [1]])', () => ops.mix([[1], [1]])],
    ['batch(2)', () => ops.batch(2)],
    ['rms()', () => ops.rms()],
    ['toRing', () => ops.toRing(new RingBuffer({ format: 'f', capacity: 64 })) as never],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      let error: unknown;
      from(mixed).pipe(make()).subscribe({ error: (e) => (error = e) });
      expect(error).toBeInstanceOf(TypeError);
    });
  }

  it('mix(other) also when the other input switches class', () => {
    let error: unknown;
    from([asMultichannel(new Float32Array(4), 2)]).pipe(ops.mix(from([asMultichannel(new Float64Array(4), 2)]) as never)).subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(TypeError);
  });
});
