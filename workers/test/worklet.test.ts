import { describe, expect, it } from 'vitest';
import { allocationsOf } from './fixtures/allocation.js';
import { RingBuffer } from '@ringflow/core';
import { createRingReader, createRingWorkletNode, createRingWriter, type RingWorkletNodeInit } from '@ringflow/workers';

const QUANTUM = 128;

function planar(channels: number, frames = QUANTUM): Float32Array[] {
  return Array.from({ length: channels }, () => new Float32Array(frames));
}

describe('createRingReader', () => {
  it('de-interleaves whole quanta into planar outputs', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 2 * 1024 });
    ring.push(Float32Array.from({ length: 2 * 300 }, (_, i) => i));
    const reader = createRingReader(ring.handle, { channels: 2 });
    const out = planar(2);
    expect(reader.process(out)).toBe(QUANTUM);
    expect(Array.from(out[0]!.subarray(0, 3))).toEqual([0, 2, 4]);
    expect(Array.from(out[1]!.subarray(0, 3))).toEqual([1, 3, 5]);
    expect(out[1]![127]).toBe(255);
    expect(reader.underruns).toBe(0);
  });

  it('zero-fills and counts an underrun when the ring runs dry', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 2 * 1024 });
    ring.push(new Float32Array(2 * 200).fill(1));
    const reader = createRingReader(ring, { channels: 2 });
    const out = planar(3);
    reader.process(out);
    out[2]!.fill(9);
    expect(reader.process(out)).toBe(72);
    expect(out[0]!.subarray(0, 72).every((x) => x === 1)).toBe(true);
    expect(out[0]!.subarray(72).every((x) => x === 0)).toBe(true);
    expect(out[2]!.every((x) => x === 0)).toBe(true);
    expect(reader.process(out)).toBe(0);
    expect(reader.underruns).toBe(2);
    expect(reader.underrunFrames).toBe(56 + 128);
    expect(reader.frames).toBe(200);
  });

  it('reads whole frames only', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 64 });
    ring.push(new Float32Array([1, 2, 3]));
    const reader = createRingReader(ring, { channels: 2 });
    const out = planar(2);
    expect(reader.process(out)).toBe(1);
    expect(ring.readAvailable).toBe(1);
  });

  it('rejects a ring that is not float32', () => {
    expect(() => createRingReader(new RingBuffer({ format: 'd', capacity: 8 }), { channels: 1 })).toThrow(TypeError);
    expect(() => createRingReader(new RingBuffer({ format: 'f', capacity: 8 }), { channels: 0 })).toThrow(RangeError);
  });
});

describe('createRingWriter', () => {
  it('interleaves planar inputs and counts overruns when the ring is full', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 2 * 200 });
    const writer = createRingWriter(ring, { channels: 2 });
    const input = [Float32Array.from({ length: QUANTUM }, (_, i) => i), Float32Array.from({ length: QUANTUM }, (_, i) => -i)];
    expect(writer.process(input)).toBe(QUANTUM);
    expect(writer.process(input)).toBe(72);
    expect(writer.overruns).toBe(1);
    expect(writer.droppedFrames).toBe(56);
    expect(writer.frames).toBe(200);
    const first = ring.pop(6)!;
    expect(Array.from(first)).toEqual([0, -0, 1, -1, 2, -2]);
  });

  it('writes silence for a disconnected input and nothing into a closed ring', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 1024 });
    const writer = createRingWriter(ring, { channels: 2 });
    expect(writer.process([])).toBe(QUANTUM);
    expect(ring.readAvailable).toBe(2 * QUANTUM);
    ring.close();
    expect(writer.process(planar(2))).toBe(0);
    expect(writer.overruns).toBe(1);
  });
});

describe('worklet process() allocation', () => {
  it('allocates nothing over 100 000 render quanta (no gc, no heap growth)', async () => {
    const channels = 2;
    const play = new RingBuffer({ format: 'f', capacity: channels * 1000 });
    const capture = new RingBuffer({ format: 'f', capacity: channels * 1000 });
    const reader = createRingReader(play.handle, { channels });
    const writer = createRingWriter(capture.handle, { channels });
    const producerBlock = new Float32Array(channels * 100).fill(0.5);
    const consumerBlock = new Float32Array(channels * 150);
    const outputs = planar(channels);
    const inputs = planar(channels);
    const quantum = (): void => {
      play.write(producerBlock); // a producer that is slightly too slow: underruns happen
      reader.process(outputs);
      writer.process(inputs);
      capture.read(consumerBlock); // a consumer slightly faster than the quantum
    };
    const { gcs, heapGrowth } = await allocationsOf(quantum);
    expect(reader.underruns).toBeGreaterThan(0);
    expect(gcs).toBe(0);
    expect(heapGrowth).toBeLessThan(256 * 1024);
  });
});

describe('createRingWorkletNode', () => {
  it('creates a play node with the ring handle in processorOptions', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 256 });
    const calls: { context: unknown; name: string; init: RingWorkletNodeInit }[] = [];
    class FakeNode {
      constructor(context: unknown, name: string, init: RingWorkletNodeInit) {
        calls.push({ context, name, init });
      }
    }
    const context = { sampleRate: 48000 };
    const node = createRingWorkletNode(context, 'ring-player', { ring, channels: 2, mode: 'play', AudioWorkletNode: FakeNode, processorOptions: { gain: 1 } });
    expect(node).toBeInstanceOf(FakeNode);
    expect(calls[0]!.name).toBe('ring-player');
    expect(calls[0]!.context).toBe(context);
    expect(calls[0]!.init).toMatchObject({ numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2] });
    expect(calls[0]!.init.processorOptions.ring.buffer).toBe(ring.handle.buffer);
    expect(calls[0]!.init.processorOptions.gain).toBe(1);
    const capture = createRingWorkletNode(context, 'ring-recorder', { ring, channels: 1, mode: 'capture', AudioWorkletNode: FakeNode });
    expect(capture).toBeInstanceOf(FakeNode);
    expect(calls[1]!.init).toMatchObject({ numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
  });

  it('says when no AudioWorkletNode class is available', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 256 });
    expect(() => createRingWorkletNode({}, 'x', { ring, channels: 1, mode: 'play' })).toThrow(/AudioWorkletNode is not available/);
  });
});
