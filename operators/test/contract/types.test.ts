// Typing of layouts: mono in, mono out; multichannel in, multichannel out. The assertions are
// checked by `tsc -b` (the test project), which `npm test` runs before vitest; at run time the
// operators are only built.
import { describe, expectTypeOf, it } from 'vitest';
import { of, type Observable } from 'rxjs';
import { asMultichannel, RingBuffer, type MultichannelChunk } from '@ringflow/core';
import * as ops from '@ringflow/operators';

// Real streams (built, never subscribed): the assertions are on their types.
const mono: Observable<Float32Array> = of(new Float32Array(16));
const stereo: Observable<MultichannelChunk<Float32Array>> = of(asMultichannel(new Float32Array(16), 2));
const planes: Observable<Float32Array[]> = of([new Float32Array(4)]);
const pcm: MultichannelChunk<Int16Array> = asMultichannel(new Int16Array(4), 2);
/** The chunk type a stream emits (for the type assertions; returns nothing). */
const chunkOf = <T>(_stream: Observable<T>): T => undefined as T;

describe('layout types', () => {
  it('keeps mono typed as mono and multichannel as multichannel through every layout-preserving operator', () => {
    expectTypeOf(chunkOf(mono.pipe(ops.gain(2), ops.batch(4), ops.slidingWindow({ size: 4 }), ops.resample(2, 1), ops.decimate(2)))).toEqualTypeOf<Float32Array>();
    expectTypeOf(chunkOf(stereo.pipe(ops.gain(2), ops.batch(4), ops.slidingWindow({ size: 4 }), ops.resample(2, 1), ops.decimate(2)))).toEqualTypeOf<MultichannelChunk<Float32Array>>();
    expectTypeOf(chunkOf(mono.pipe(ops.fft(), ops.magnitude(), ops.toDecibels()))).toEqualTypeOf<Float32Array>();
    expectTypeOf(chunkOf(stereo.pipe(ops.stft({ size: 8 }), ops.magnitude()))).toEqualTypeOf<ops.SpectrumOf<MultichannelChunk<Float32Array>>>();
    expectTypeOf(chunkOf(mono.pipe(ops.rms()))).toEqualTypeOf<Float32Array>();
    expectTypeOf(chunkOf(stereo.pipe(ops.peak({ blockSize: 4 })))).toEqualTypeOf<MultichannelChunk<Float32Array>>();
    expectTypeOf(chunkOf(of(new Int16Array(2)).pipe(ops.rms()))).toEqualTypeOf<Float64Array>();
  });

  it('types mixing, planes, rings and PCM conversions by layout', () => {
    expectTypeOf(chunkOf(stereo.pipe(ops.mix<Float32Array>([0.5, 0.5])))).toEqualTypeOf<Float32Array>();
    expectTypeOf(chunkOf(mono.pipe(ops.mix<Float32Array>([[1], [1]])))).toEqualTypeOf<MultichannelChunk<Float32Array>>();
    expectTypeOf(chunkOf(stereo.pipe(ops.deinterleave()))).toEqualTypeOf<Float32Array[]>();
    expectTypeOf(chunkOf(planes.pipe(ops.interleave(1)))).toEqualTypeOf<MultichannelChunk<Float32Array>>();
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    const writer = ops.toRing(ring);
    expectTypeOf(chunkOf(mono.pipe(writer))).toEqualTypeOf<Float32Array>();
    expectTypeOf(chunkOf(stereo.pipe(writer))).toEqualTypeOf<MultichannelChunk<Float32Array>>();
    expectTypeOf(chunkOf(ops.fromRing(ring))).toEqualTypeOf<Float32Array>();
    expectTypeOf(chunkOf(ops.fromRing(ring, { channels: 2 }))).toEqualTypeOf<MultichannelChunk<Float32Array>>();
    expectTypeOf(ops.toFloat32(new Int16Array(2))).toEqualTypeOf<Float32Array>();
    expectTypeOf(ops.toFloat32(pcm)).toEqualTypeOf<MultichannelChunk<Float32Array>>();
    expectTypeOf(ops.fromFloat32(new Float32Array(2), 'int16')).toEqualTypeOf<Int16Array>();
    expectTypeOf(ops.fromFloat32(ops.toFloat32(pcm), 'uint8')).toEqualTypeOf<MultichannelChunk<Uint8Array>>();
  });
});
