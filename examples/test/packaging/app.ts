// Type-checked with tsc inside a fresh project that installed the packed tarballs.
import { RingBuffer, asMultichannel, type MultichannelChunk } from '@ringflow/core';
import { batch, fromRing, gain, rms } from '@ringflow/operators';
import { createFirState } from '@ringflow/operators/kernels';
import { offload } from '@ringflow/workers';
import { createRingReader } from '@ringflow/workers/worklet';
import { Observable, from } from 'rxjs';

const ring = new RingBuffer({ format: 'float32', capacity: 1024 });
const levels: Observable<Float32Array> = fromRing(ring).pipe(batch(128), gain(2), rms());
const stereo: MultichannelChunk<Float32Array> = asMultichannel(new Float32Array(4), 2);
const scaled: Observable<MultichannelChunk<Float32Array>> = from([stereo]).pipe(gain(0.5));
const state = createFirState(new Float64Array([0.5, 0.5]));
const reader = createRingReader(ring, { channels: 1 });
const offloaded: Observable<Float32Array> = from([new Float32Array(8)]).pipe(offload(new URL('./stage.mjs', import.meta.url)));
export { levels, scaled, state, reader, offloaded };
