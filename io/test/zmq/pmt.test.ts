import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pmt, type PmtValue } from '@ringflow/io/zmq';

interface Case {
  readonly name: string;
  readonly hex: string;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/pmt-vectors.json', import.meta.url), 'utf8')) as { gnuradio: string; cases: Case[] };
const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The TypeScript value of each fixture case, and what decoding GNU Radio's bytes gives back (when different). */
const VALUES: Record<string, { value: PmtValue; decoded?: PmtValue }> = {
  true: { value: true },
  false: { value: false },
  nil: { value: null },
  'symbol rx_freq': { value: 'rx_freq' },
  'symbol empty': { value: '' },
  'symbol unicode': { value: 'h\u00e9llo \u2192 \u4e16\u754c' },
  'long 0': { value: 0 },
  'long -1': { value: -1 },
  'long 42': { value: 42 },
  'long 2^31-1': { value: 2 ** 31 - 1 },
  'long -2^31': { value: -(2 ** 31) },
  'long 2^31': { value: 2 ** 31 },
  'long -2^31-1': { value: -(2 ** 31) - 1 },
  'long 2^53-1': { value: 2 ** 53 - 1 },
  'long 2^62': { value: 2n ** 62n },
  'long -2^63': { value: -(2n ** 63n) },
  'uint64 0': { value: pmt.uint64(0), decoded: 0 },
  'uint64 2^64-1': { value: 2n ** 64n - 1n },
  'double 100e6': { value: pmt.double(100e6), decoded: 100e6 },
  'double 0.5': { value: 0.5 },
  'double -1.25e-7': { value: -1.25e-7 },
  'double inf': { value: Infinity },
  'complex 1.5-2j': { value: { re: 1.5, im: -2 } },
  'tuple rx_time': { value: [pmt.uint64(1_700_000_000), 0.25], decoded: [1_700_000_000, 0.25] },
  'tuple empty': { value: [] },
  'tuple nested': { value: ['a', [1, true]] },
  vector: { value: pmt.vector([1, 'a', 2.5]) },
  pair: { value: pmt.cons('a', 1) },
  'list 1 2 3': { value: pmt.list(1, 2, 3) },
  // dict_add prepends: GNU Radio's dict of a then b serialises b first.
  dict: { value: new Map<PmtValue, PmtValue>([['b', 'x'], ['a', 1]]) },
  u8vector: { value: new Uint8Array([1, 2, 255]) },
  s8vector: { value: new Int8Array([-1, 0, 127]) },
  u16vector: { value: new Uint16Array([1, 65535]) },
  s16vector: { value: new Int16Array([-2, 300, 32767]) },
  u32vector: { value: new Uint32Array([1, 4_000_000_000]) },
  s32vector: { value: new Int32Array([-5, 100_000]) },
  u64vector: { value: new BigUint64Array([1n, 2n ** 63n + 5n]) },
  s64vector: { value: new BigInt64Array([-3n, 2n ** 40n]) },
  f32vector: { value: new Float32Array([0.5, -1, 3.25]) },
  f64vector: { value: new Float64Array([0.1, -2.5e300]) },
  c32vector: { value: pmt.complexVector(new Float32Array([1, 2, -0.5, 0.25])) },
  c64vector: { value: pmt.complexVector(new Float64Array([3, -4])) },
};

describe('pmt', () => {
  it('covers every case of the GNU Radio fixture', () => {
    expect(fixture.gnuradio).toMatch(/^3\.10\./);
    expect(fixture.cases.map((c) => c.name).sort()).toEqual(Object.keys(VALUES).sort());
  });

  for (const { name, hex } of fixture.cases) {
    it(`serialises ${name} byte for byte as GNU Radio's pmt.serialize_str`, () => {
      expect(hexOf(pmt.serialize(VALUES[name]!.value))).toBe(hex);
    });
    it(`deserialises GNU Radio's bytes of ${name}`, () => {
      const { value, decoded } = VALUES[name]!;
      expect(pmt.deserialize(bytes(hex))).toEqual(decoded ?? value);
    });
  }

  it('round-trips decoded values to the same bytes (pmt.double keeps an integral double a double)', () => {
    for (const { name, hex } of fixture.cases) {
      const decoded = pmt.deserialize(bytes(hex));
      const again = hexOf(pmt.serialize(decoded));
      // The documented lossy cases: integral doubles and uint64s come back as longs, which GNU
      // Radio's to_double/to_uint64 accept.
      if (['uint64 0', 'double 100e6', 'tuple rx_time'].includes(name)) continue;
      expect(again, name).toBe(hex);
    }
  });

  it('writes a long as 4 bytes when it fits in 32 bits and as 8 bytes otherwise', () => {
    expect(hexOf(pmt.serialize(pmt.long(7)))).toBe('0300000007');
    expect(hexOf(pmt.serialize(pmt.long(2n ** 40n)))).toBe('0d0000010000000000');
  });

  it('rejects values with no PMT type with a TypeError naming the call', () => {
    expect(() => pmt.serialize(undefined as unknown as PmtValue)).toThrow(/pmt\.serialize: cannot serialise undefined/);
    expect(() => pmt.serialize({ a: 1 } as unknown as PmtValue)).toThrow(TypeError);
    expect(() => pmt.serialize((() => 1) as unknown as PmtValue)).toThrow(TypeError);
    expect(() => pmt.serialize(new Uint8ClampedArray(2) as unknown as PmtValue)).toThrow(TypeError);
  });

  it('rejects out-of-range numbers and symbols GNU Radio cannot read with a RangeError', () => {
    expect(() => pmt.serialize(2n ** 64n)).toThrow(RangeError);
    expect(() => pmt.serialize(pmt.uint64(-1))).toThrow(RangeError);
    expect(() => pmt.serialize(pmt.long(2 ** 60))).toThrow(/safe integer/);
    expect(() => pmt.serialize('x'.repeat(1025))).toThrow(/1024 bytes GNU Radio 3\.10 can read/);
    expect(hexOf(pmt.serialize('x'.repeat(1024))).length).toBe(2 * (3 + 1024));
  });

  it('rejects truncated, unknown and trailing bytes with a RangeError, and never allocates what a count claims', () => {
    expect(() => pmt.deserialize(bytes('02000a6162'))).toThrow(/truncated/);
    expect(() => pmt.deserialize(bytes('ee'))).toThrow(/unknown tag 0xee/);
    expect(() => pmt.deserialize(bytes('0000'))).toThrow(/1 bytes left/);
    expect(() => pmt.deserialize(bytes('0cffffffff'))).toThrow(/truncated/);
    expect(() => pmt.deserialize(bytes('0a08ffffffff0100'))).toThrow(/truncated/);
    expect(() => pmt.deserialize(bytes('0a0c000000010100'))).toThrow(/subtype/);
    expect(() => pmt.deserialize(bytes('020002c328'))).toThrow(/UTF-8/);
    expect(() => pmt.deserialize('00' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('survives random bytes: a value or a RangeError, never another error', () => {
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let n = 0; n < 5000; n++) {
      const input = Uint8Array.from({ length: 1 + (random() % 24) }, random);
      try {
        pmt.deserialize(input);
      } catch (error) {
        expect(error, `seed case ${n}: ${hexOf(input)}`).toBeInstanceOf(RangeError);
      }
    }
  });

  it('reads deeply nested lists without overflowing the stack', () => {
    const long = pmt.list(...Array.from({ length: 50_000 }, (_, i) => i));
    const round = pmt.deserialize(pmt.serialize(long));
    let n = 0;
    for (let cell = round; cell !== null; cell = (cell as { cdr: PmtValue }).cdr) n++;
    expect(n).toBe(50_000);
  });
});
