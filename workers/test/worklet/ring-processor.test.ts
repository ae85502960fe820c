// The ready processor of '@ringflow/workers/worklet-processor', run by a fake render loop: the
// AudioWorkletGlobalScope's globals are stubbed, the module registers its class, and the test
// calls process() quantum by quantum as the audio thread would.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allocationsOf } from '../fixtures/allocation.js';
import { RingBuffer } from '@ringflow/core';
import { RING_PROCESSOR_NAME, createRingWorkletNode, type RingWorkletNodeInit } from '@ringflow/workers/worklet';

const QUANTUM = 128;

interface Processor {
  readonly port: FakePort;
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type ProcessorClass = new (options: { processorOptions: unknown }) => Processor;

class FakePort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  readonly sent: unknown[] = [];
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
}

const registered = new Map<string, ProcessorClass>();

beforeAll(async () => {
  vi.stubGlobal(
    'AudioWorkletProcessor',
    class {
      readonly port = new FakePort();
    },
  );
  vi.stubGlobal('registerProcessor', (name: string, ctor: ProcessorClass) => registered.set(name, ctor));
  await import('@ringflow/workers/worklet-processor');
});
afterAll(() => vi.unstubAllGlobals());

function planar(channels: number, frames = QUANTUM): Float32Array[] {
  return Array.from({ length: channels }, () => new Float32Array(frames));
}

/** The processor options createRingWorkletNode would pass (captured from a fake node class). */
function optionsFor(ring: RingBuffer, channels: number, mode: 'play' | 'capture'): { name: string; init: RingWorkletNodeInit } {
  let captured: { name: string; init: RingWorkletNodeInit } | undefined;
  class FakeNode {
    constructor(_context: unknown, name: string, init: RingWorkletNodeInit) {
      captured = { name, init };
    }
  }
  createRingWorkletNode({}, { ring, channels, mode, AudioWorkletNode: FakeNode });
  return captured!;
}

describe('@ringflow/workers/worklet-processor', () => {
  it(`registers itself as '${RING_PROCESSOR_NAME}', the processor createRingWorkletNode uses by default`, () => {
    expect(registered.has(RING_PROCESSOR_NAME)).toBe(true);
    const ring = new RingBuffer({ format: 'f', capacity: 256 });
    expect(optionsFor(ring, 2, 'play').name).toBe(RING_PROCESSOR_NAME);
  });

  it('plays a ring out: interleaved frames to planar outputs, underruns zero-filled and counted', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 2 * 1024 });
    const { init } = optionsFor(ring, 2, 'play');
    const processor = new (registered.get(RING_PROCESSOR_NAME)!)({ processorOptions: init.processorOptions });
    ring.push(Float32Array.from({ length: 2 * 200 }, (_, i) => i));
    const out = planar(2);
    expect(processor.process([], [out])).toBe(true);
    expect(Array.from(out[0]!.subarray(0, 3))).toEqual([0, 2, 4]);
    expect(Array.from(out[1]!.subarray(0, 3))).toEqual([1, 3, 5]);
    expect(processor.process([], [out])).toBe(true); // 72 frames left: 56 zero-filled
    expect(out[0]![71]).toBe(2 * 199);
    expect(out[0]!.subarray(72).every((x) => x === 0)).toBe(true);
    processor.port.onmessage!({ data: 'stats' });
    expect(processor.port.sent).toEqual([{ mode: 'play', frames: 200, underruns: 1, underrunFrames: 56 }]);
    ring.close();
    expect(processor.process([], [out])).toBe(false); // closed and drained: the processor ends
  });

  it('records into a ring: planar inputs interleaved, overruns dropped and counted', () => {
    const ring = new RingBuffer({ format: 'f', capacity: 2 * 200 });
    const { init } = optionsFor(ring, 2, 'capture');
    const processor = new (registered.get(RING_PROCESSOR_NAME)!)({ processorOptions: init.processorOptions });
    const input = [Float32Array.from({ length: QUANTUM }, (_, i) => i), Float32Array.from({ length: QUANTUM }, (_, i) => -i)];
    expect(processor.process([input], [])).toBe(true);
    expect(processor.process([input], [])).toBe(true);
    expect(Array.from(ring.pop(6)!)).toEqual([0, -0, 1, -1, 2, -2]);
    processor.port.onmessage!({ data: 'stats' });
    expect(processor.port.sent).toEqual([{ mode: 'capture', frames: 200, overruns: 1, droppedFrames: 56 }]);
    expect(processor.process([], [])).toBe(true); // a disconnected input records silence
    ring.close();
    expect(processor.process([input], [])).toBe(false);
  });

  it('rejects options without a ring or with an unknown mode', () => {
    const Processor = registered.get(RING_PROCESSOR_NAME)!;
    expect(() => new Processor({ processorOptions: { channels: 1, mode: 'play' } })).toThrow(/processorOptions.ring/);
    const ring = new RingBuffer({ format: 'f', capacity: 8 });
    expect(() => new Processor({ processorOptions: { ring: ring.handle, channels: 1, mode: 'loop' } })).toThrow(/'play' or 'capture'/);
  });

  it('allocates nothing in process() over 100 000 render quanta', async () => {
    const channels = 2;
    const play = new RingBuffer({ format: 'f', capacity: channels * 1000 });
    const capture = new RingBuffer({ format: 'f', capacity: channels * 1000 });
    const Processor = registered.get(RING_PROCESSOR_NAME)!;
    const player = new Processor({ processorOptions: optionsFor(play, channels, 'play').init.processorOptions });
    const recorder = new Processor({ processorOptions: optionsFor(capture, channels, 'capture').init.processorOptions });
    const producerBlock = new Float32Array(channels * 100).fill(0.5);
    const consumerBlock = new Float32Array(channels * 150);
    const outputs = [planar(channels)];
    const inputs = [planar(channels)];
    const none: Float32Array[][] = [];
    const quantum = (): void => {
      play.write(producerBlock);
      player.process(none, outputs);
      recorder.process(inputs, none);
      capture.read(consumerBlock);
    };
    const { gcs, heapGrowth } = await allocationsOf(quantum);
    expect(gcs).toBe(0);
    expect(heapGrowth).toBeLessThan(256 * 1024);
  });
});
