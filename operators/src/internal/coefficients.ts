import { describeValue } from './chunks.js';

/**
 * Copies filter coefficients (a plain array or typed array of finite numbers) to a Float64Array;
 * TypeError naming `what` and `name` otherwise, RangeError when empty (unless `allowEmpty`).
 */
export function coefficients(what: string, name: string, values: unknown, allowEmpty = false): Float64Array {
  if (typeof values === 'number') values = [values];
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<unknown>).length !== 'number' || isNested(values)) {
    throw new TypeError(`${what}: ${name} must be a 1-D array of numbers, got ${describeValue(values)}`);
  }
  const list = values as ArrayLike<unknown>;
  if (list.length === 0 && !allowEmpty) throw new RangeError(`${what}: ${name} must not be empty`);
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${what}: ${name}[${i}] must be a finite number, got ${describeValue(v)}`);
    out[i] = v;
  }
  return out;
}

function isNested(values: object): boolean {
  const list = values as ArrayLike<unknown>;
  return list.length > 0 && list[0] !== null && typeof list[0] === 'object';
}
