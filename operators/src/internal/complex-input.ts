// Conversions between the public complex forms ({ re, im } pairs of arrays, arrays of { re, im }
// objects, arrays of real numbers) and the design code's arrays of complex objects.
import { type Complex, c } from './complex.js';
import { describeValue } from './chunks.js';
import type { ComplexArray } from '../signal/types.js';

/** Complex values as two parallel arrays: the signal entry's public form for complex results. */
export type { ComplexArray };

/** What the design functions accept for a list of complex values (zeros, poles). */
export type ComplexInput =
  | ArrayLike<number>
  | ArrayLike<{ readonly re: number; readonly im: number }>
  | { readonly re: ArrayLike<number>; readonly im: ArrayLike<number> };

/** Reads a list of complex values in any of the accepted forms; TypeError naming `what` otherwise. */
export function complexList(what: string, name: string, values: unknown): Complex[] {
  if (values === null || typeof values !== 'object') {
    throw new TypeError(`${what}: ${name} must be an array of numbers, an array of { re, im } or { re, im } arrays, got ${describeValue(values)}`);
  }
  const pair = values as { re?: unknown; im?: unknown; length?: unknown };
  if (typeof pair.length !== 'number' && pair.re !== undefined && pair.im !== undefined) {
    const re = pair.re as ArrayLike<number>;
    const im = pair.im as ArrayLike<number>;
    if (typeof re?.length !== 'number' || typeof im?.length !== 'number' || re.length !== im.length) {
      throw new RangeError(`${what}: ${name}.re and ${name}.im must be arrays of the same length`);
    }
    return Array.from({ length: re.length }, (_, i) => finite(what, name, i, c(re[i]!, im[i]!)));
  }
  if (typeof pair.length !== 'number') {
    throw new TypeError(`${what}: ${name} must be an array of numbers, an array of { re, im } or { re, im } arrays, got ${describeValue(values)}`);
  }
  const list = values as ArrayLike<unknown>;
  return Array.from({ length: list.length }, (_, i) => {
    const v = list[i];
    if (typeof v === 'number') return finite(what, name, i, c(v));
    if (v !== null && typeof v === 'object' && typeof (v as Complex).re === 'number') {
      const o = v as { re: number; im?: number };
      return finite(what, name, i, c(o.re, o.im ?? 0));
    }
    throw new TypeError(`${what}: ${name}[${i}] must be a number or { re, im }, got ${describeValue(v)}`);
  });
}

function finite(what: string, name: string, i: number, v: Complex): Complex {
  if (typeof v.re !== 'number' || typeof v.im !== 'number' || !Number.isFinite(v.re) || !Number.isFinite(v.im)) {
    throw new TypeError(`${what}: ${name}[${i}] must be finite, got ${String(v.re)} + ${String(v.im)}j`);
  }
  return v;
}

/** Packs complex objects into a `{ re, im }` pair of Float64Arrays. */
export function toComplexArray(values: readonly Complex[]): ComplexArray {
  const re = new Float64Array(values.length);
  const im = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    re[i] = values[i]!.re;
    im[i] = values[i]!.im;
  }
  return { re, im };
}
