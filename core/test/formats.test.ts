import { describe, expect, it } from 'vitest';
import { FORMATS, formatOf, resolveFormat, type FormatName, type TypedArrayConstructor } from '@ringflow/core';

/** The binding table of DESIGN.md: struct code, dtype name, TypedArray class, bytes per element. */
const TABLE: readonly [code: string, dtype: string, ArrayType: TypedArrayConstructor, itemsize: number][] = [
  ['b', 'int8', Int8Array, 1],
  ['B', 'uint8', Uint8Array, 1],
  ['h', 'int16', Int16Array, 2],
  ['H', 'uint16', Uint16Array, 2],
  ['i', 'int32', Int32Array, 4],
  ['I', 'uint32', Uint32Array, 4],
  ['q', 'bigint64', BigInt64Array, 8],
  ['Q', 'biguint64', BigUint64Array, 8],
  ['f', 'float32', Float32Array, 4],
  ['d', 'float64', Float64Array, 8],
];

const VALID = TABLE.flatMap(([code, dtype]) => [code, dtype]);

describe('resolveFormat', () => {
  for (const [code, dtype, ArrayType, itemsize] of TABLE) {
    it(`maps '${code}' and '${dtype}' to ${ArrayType.name} of ${itemsize} bytes when given either name`, () => {
      const byCode = resolveFormat(code as FormatName);
      const byDtype = resolveFormat(dtype as FormatName);
      expect(byCode).toBe(byDtype);
      expect(byCode.code).toBe(code);
      expect(byCode.dtype).toBe(dtype);
      expect(byCode.ArrayType).toBe(ArrayType);
      expect(byCode.itemsize).toBe(itemsize);
      expect(byCode.itemsize).toBe(ArrayType.BYTES_PER_ELEMENT);
    });
  }

  it('maps no two names of different formats to the same class when all are resolved', () => {
    const classes = new Map<TypedArrayConstructor, string>();
    for (const [code] of TABLE) {
      const f = resolveFormat(code as FormatName);
      expect(classes.has(f.ArrayType), `${f.ArrayType.name} claimed by '${classes.get(f.ArrayType)}' and '${code}'`).toBe(false);
      classes.set(f.ArrayType, code);
    }
    expect(classes.size).toBe(10);
  });

  const unknown: [label: string, value: unknown][] = [
    ["'x'", 'x'],
    ["'float16'", 'float16'],
    ["'<f'", '<f'],
    ["''", ''],
    ["'F' (wrong case)", 'F'],
    ["'Float32'", 'Float32'],
    ["'f ' (trailing space)", 'f '],
    ["'toString' (an Object.prototype key)", 'toString'],
    ['the number 4', 4],
    ['the number 0', 0],
    ['undefined', undefined],
    ['null', null],
    ['an object', { code: 'f' }],
    ['the class Float32Array', Float32Array],
  ];
  for (const [label, value] of unknown) {
    it(`throws a TypeError listing the valid names when given ${label}`, () => {
      let caught: unknown;
      try {
        resolveFormat(value);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(TypeError);
      const message = (caught as TypeError).message;
      expect(message).toMatch(/unknown format/);
      for (const name of VALID) expect(message).toContain(name);
    });
  }

  it("maps the aliases 'l' and 'L' (C long on 64-bit Linux and macOS) to 'q' and 'Q' when given them", () => {
    expect(resolveFormat('l')).toBe(resolveFormat('q'));
    expect(resolveFormat('L')).toBe(resolveFormat('Q'));
    expect(resolveFormat('l').code).toBe('q');
    expect(resolveFormat('L').ArrayType).toBe(BigUint64Array);
  });

  it("names the aliases in the message when a name is unknown", () => {
    expect(() => resolveFormat('x')).toThrow(/'l' and 'L' are aliases of 'q' and 'Q'/);
  });

  it('shows the rejected name in the message when it is a string', () => {
    expect(() => resolveFormat('float16')).toThrow(/'float16'/);
  });
});

describe('FORMATS', () => {
  it('lists the ten formats in header-id order with distinct ids when read', () => {
    expect(FORMATS.map((f) => f.code)).toEqual(TABLE.map(([code]) => code));
    expect(new Set(FORMATS.map((f) => f.id)).size).toBe(10);
    for (const f of FORMATS) expect(resolveFormat(f.code)).toBe(f);
  });

  it('is frozen when someone tries to modify it', () => {
    expect(Object.isFrozen(FORMATS)).toBe(true);
    for (const f of FORMATS) expect(Object.isFrozen(f)).toBe(true);
  });
});

describe('formatOf', () => {
  for (const [code, , ArrayType] of TABLE) {
    it(`returns '${code}' when given a ${ArrayType.name}`, () => {
      expect(formatOf(new ArrayType(3))?.code).toBe(code);
      expect(formatOf(new ArrayType(new SharedArrayBuffer(16), 8, 1))?.code).toBe(code);
    });
  }

  it("returns 'B' when given a Node Buffer or a Uint8ClampedArray", () => {
    expect(formatOf(Buffer.from([1, 2]))?.code).toBe('B');
    expect(formatOf(new Uint8ClampedArray(2))?.code).toBe('B');
  });

  const others: [label: string, value: unknown][] = [
    ['a DataView', new DataView(new ArrayBuffer(8))],
    ['an ArrayBuffer', new ArrayBuffer(8)],
    ['a SharedArrayBuffer', new SharedArrayBuffer(8)],
    ['a plain array', [1, 2, 3]],
    ['an ndarray-like object', { data: new Float32Array(2), shape: [2], stride: [1], offset: 0 }],
    ['a string', 'f'],
    ['a number', 1],
    ['null', null],
    ['undefined', undefined],
  ];
  for (const [label, value] of others) {
    it(`returns undefined when given ${label}`, () => {
      expect(formatOf(value)).toBeUndefined();
    });
  }
});
