/**
 * Makes a result object destructurable like the tuple SciPy returns: `{ b, a }` also iterates as
 * `[b, a]`, so `b, a = butter(..., output='ba')` ports as `const [b, a] = butter(...)` (or
 * `const { b, a } = ...`). The iterator is not enumerable: the object still prints, compares and
 * serialises as the plain `{ b, a }`.
 */
export function namedResult<T extends object, K extends keyof T>(value: T, keys: readonly K[]): T & Iterable<T[K]> {
  Object.defineProperty(value, Symbol.iterator, {
    enumerable: false,
    value: function* iterate(): Generator<T[K]> {
      for (const k of keys) yield value[k];
    },
  });
  return value as T & Iterable<T[K]>;
}
