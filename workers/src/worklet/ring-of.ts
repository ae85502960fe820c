import { RingBuffer, type RingHandle } from '@ringflow/core';

/** A float32 ring, or its handle (as received in `processorOptions`), attached if needed. */
export function float32Ring(ring: RingBuffer | RingHandle, what: string): RingBuffer<'f'> {
  const attached = ring instanceof RingBuffer ? ring : RingBuffer.attach(ring);
  if (attached.format !== 'f') {
    throw new TypeError(`${what}: the ring must hold float32 samples (format 'f'), got '${attached.format}'`);
  }
  return attached as RingBuffer<'f'>;
}

export function checkChannels(channels: unknown, what: string): number {
  if (typeof channels !== 'number' || !Number.isSafeInteger(channels) || channels <= 0 || channels > 32) {
    throw new RangeError(`${what}: channels must be an integer from 1 to 32, got ${String(channels)}`);
  }
  return channels;
}

/** Views `scratch[0 .. n * channels)` for every frame count `n` in `0..frames`, made once. */
export function frameViews(scratch: Float32Array, channels: number, frames: number): Float32Array[] {
  return Array.from({ length: frames + 1 }, (_, n) => scratch.subarray(0, n * channels));
}
