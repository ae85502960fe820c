import { describe, expect, it } from 'vitest';
import { asMultichannel } from '@ringflow/core';
import { BOUNDARY, END_OF_INPUT, FrameHead, KIND_PARAMS, decodeHeader, encode, frameBytes, markerOf } from '../../src/internal/chunk-codec.js';

describe('encode / decodeHeader', () => {
  it('round-trips the header of every kind of item', () => {
    const head = new FrameHead();
    const back = new FrameHead();
    const items = [
      new Float32Array(5),
      new BigInt64Array(3),
      new Uint8Array(0),
      asMultichannel(new Int16Array(12), 3),
      { marker: 'params', seq: 41 } as const,
      BOUNDARY,
      END_OF_INPUT,
    ];
    const seen = items.map((item) => {
      encode(item, head, 'test');
      decodeHeader(head.tag, head.count, back);
      return [back.format?.code ?? back.kind, back.channels, back.count, head.payloadBytes];
    });
    expect(seen).toEqual([
      ['f', 0, 5, 20],
      ['q', 0, 3, 24],
      ['B', 0, 0, 0],
      ['h', 3, 12, 24],
      [KIND_PARAMS, 0, 41, 0],
      [33, 0, 0, 0],
      [34, 0, 0, 0],
    ]);
    decodeHeader(KIND_PARAMS, 41, back);
    expect(markerOf(back)).toEqual({ marker: 'params', seq: 41 });
  });

  it('frames every item to a multiple of 8 bytes', () => {
    expect([0, 1, 7, 8, 9, 4096].map(frameBytes)).toEqual([16, 24, 24, 24, 32, 4112]);
  });

  it('refuses a header it cannot have written (a corrupted stream)', () => {
    const head = new FrameHead();
    for (const [tag, count] of [[0, 4], [11, 4], [9 + 256 * 3, 4], [1.5, 1], [9, -1], [99, 0], [KIND_PARAMS + 256, 0]]) {
      expect(() => decodeHeader(tag!, count!, head), `[${tag}, ${count}]`).toThrow(RangeError);
    }
  });

  it('names the caller and the fix for values that are not chunks', () => {
    const head = new FrameHead();
    expect(() => encode([1, 2] as never, head, 'offload')).toThrow(/^offload: a chunk must be a TypedArray of a ring format .* got a plain Array$/);
    expect(() => encode(new DataView(new ArrayBuffer(8)) as never, head, 'offload')).toThrow(TypeError);
    const buffer = new ArrayBuffer(8);
    const view = new Float32Array(buffer);
    structuredClone(buffer, { transfer: [buffer] });
    expect(() => encode(view, head, 'offload')).toThrow(/detached/);
    expect(() => encode({ data: new Float32Array(4), shape: [2, 0], stride: [0, 1], offset: 0 } as never, head, 'offload')).toThrow(RangeError);
    expect(() => encode({ data: new Float32Array(4), shape: [3, 2], stride: [2, 1], offset: 0 } as never, head, 'offload')).toThrow(/does not fit its 4 elements/);
    expect(() => encode({ data: [1, 2], shape: [1, 2], stride: [2, 1], offset: 0 } as never, head, 'offload')).toThrow(TypeError);
  });

  it("takes a TypedArray's intrinsic length, not a getter a subclass overrides", () => {
    class Lying extends Float32Array {
      override get length(): number {
        return 1000;
      }
    }
    const head = new FrameHead();
    encode(new Lying(3), head, 'test');
    expect([head.format?.code, head.count]).toEqual(['f', 3]);
  });

  it('compacts a strided multichannel view into interleaved order', () => {
    const head = new FrameHead();
    const data = Float64Array.from({ length: 12 }, (_, i) => i);
    encode({ data, shape: [2, 3], stride: [1, 2], offset: 0 }, head, 'test'); // a transposed view
    expect(Array.from(head.data!.subarray(head.start, head.start + head.count) as Float64Array)).toEqual([0, 2, 4, 1, 3, 5]);
    encode({ data, shape: [3, 2], stride: [4, 1], offset: 1 }, head, 'test');
    expect(Array.from(head.data!.subarray(head.start, head.start + head.count) as Float64Array)).toEqual([1, 2, 5, 6, 9, 10]);
    encode(asMultichannel(data, 4), head, 'test'); // contiguous: described in place
    expect(head.data).toBe(data);
  });
});
