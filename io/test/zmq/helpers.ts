import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMultichannel, type Chunk, type TypedArray } from '@ringflow/core';
import type { ZmqReceiver } from '@ringflow/io/zmq';

/** A fresh temporary directory for ipc:// endpoints, and a way to remove it. */
export function ipcDir(): { endpoint(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ringflow-zmq-'));
  return { endpoint: (name) => `ipc://${join(dir, name)}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The counting sequence the tests send: sample `c` of frame `i` is `(i * channels + c) mod 2^24`
 * (exact in float32). With `complex`, frame `i` is (i mod 2^24, floor(i / 2^24)): unique per frame.
 */
export function countingChunk(Type: new (n: number) => TypedArray, first: number, frames: number, channels: number, complex = false): TypedArray {
  const out = new Type(frames * channels) as Float64Array;
  if (complex) {
    for (let f = 0; f < frames; f++) {
      const i = first + f;
      out[2 * f] = i % 2 ** 24;
      out[2 * f + 1] = Math.floor(i / 2 ** 24);
    }
    return out as unknown as TypedArray;
  }
  let v = (first * channels) % 2 ** 24;
  for (let k = 0; k < out.length; k++) {
    out[k] = v;
    v = v + 1 === 2 ** 24 ? 0 : v + 1;
  }
  return out as unknown as TypedArray;
}

/** Checks chunks against the counting sequence as they come: nothing lost, duplicated or reordered. */
export class CountingChecker {
  frames = 0;
  chunks = 0;
  errors: string[] = [];

  constructor(
    private readonly channels: number,
    private readonly complex = false,
  ) {}

  check(chunk: Chunk<TypedArray>): void {
    let data: ArrayLike<number>;
    let frames: number;
    if (isMultichannel(chunk)) {
      if (chunk.shape[1] !== this.channels || chunk.stride[0] !== this.channels || chunk.stride[1] !== 1) {
        this.errors.push(`chunk ${this.chunks}: shape [${chunk.shape}] stride [${chunk.stride}]`);
      }
      data = (chunk.data as Float64Array).subarray(chunk.offset, chunk.offset + chunk.shape[0] * this.channels);
      frames = chunk.shape[0];
    } else {
      if (this.channels !== 1) this.errors.push(`chunk ${this.chunks}: a 1-D chunk on a ${this.channels}-channel stream`);
      data = chunk as unknown as Float64Array;
      frames = (chunk as TypedArray).length;
    }
    if (this.complex) {
      for (let f = 0; f < frames; f++) {
        const i = this.frames + f;
        if (data[2 * f] !== i % 2 ** 24 || data[2 * f + 1] !== Math.floor(i / 2 ** 24)) {
          if (this.errors.length < 5) this.errors.push(`frame ${i}: got (${data[2 * f]}, ${data[2 * f + 1]})`);
          break;
        }
      }
    } else {
      let v = (this.frames * this.channels) % 2 ** 24;
      for (let k = 0; k < frames * this.channels; k++) {
        if (data[k] !== v) {
          if (this.errors.length < 5) this.errors.push(`sample ${this.frames * this.channels + k}: got ${data[k]}, expected ${v}`);
          break;
        }
        v = v + 1 === 2 ** 24 ? 0 : v + 1;
      }
    }
    this.frames += frames;
    this.chunks++;
  }
}

/** Waits until `condition()` holds, checking every few milliseconds (a handshake, not a fixed sleep). */
export async function until(condition: () => boolean, what: string, timeout = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Whether this run is CI (`.ci/run` sets RINGFLOW_CI=1): a test that must skip for a missing tool fails there instead. */
export const inCi = process.env.RINGFLOW_CI === '1';

/** Reads exactly `messages` chunks from `receiver` into `checker`. */
export async function read(receiver: ZmqReceiver, checker: CountingChecker, messages: number): Promise<void> {
  for (let i = 0; i < messages; i++) {
    const chunk = await receiver.receive();
    if (chunk === null) throw new Error(`the stream ended after ${i} of ${messages} messages`);
    checker.check(chunk);
  }
}
