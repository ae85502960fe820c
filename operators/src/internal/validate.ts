/** Throws a TypeError unless `value` is a number, a RangeError unless it is an integer >= `min`. */
export function assertInteger(name: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
  if (value < min) throw new RangeError(`${name} must be >= ${min}, got ${value}`);
}

/** Throws a TypeError unless every value is a finite number. */
export function assertFinite(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`${name}[${i}] must be a finite number, got ${String(v)}`);
    }
  }
}

export { assertFloatArray } from './float-array.js';
