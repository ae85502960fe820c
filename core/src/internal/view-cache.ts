/** Largest number of views kept per map before it is cleared. */
const MAX_VIEWS = 4096;

/**
 * Caches subarray views so that copying a sub-range with `TypedArray.prototype.set` allocates
 * nothing once a stream has settled: views are kept by start position, and views from the start
 * of the array by length. A cache serves one array at a time; a different array resets it.
 *
 * @remarks Why not an element loop: in polymorphic code V8 boxes every float element a loop moves,
 * which allocates. `set` copies natively (memcpy) for every element type.
 */
export class ViewCache<T extends Float64Array = Float64Array> {
  #array: T | undefined;
  readonly #byStart = new Map<number, T>();
  readonly #byLength = new Map<number, T>();

  /** `array.subarray(start, start + n)`, from the cache when possible. */
  view(array: T, start: number, n: number): T {
    if (array !== this.#array) {
      this.#array = array;
      this.#byStart.clear();
      this.#byLength.clear();
    }
    if (start === 0 && n === array.length) return array;
    const views = start === 0 ? this.#byLength : this.#byStart;
    const key = start === 0 ? n : start;
    let view = views.get(key);
    if (view === undefined || view.length !== n) {
      view = array.subarray(start, start + n) as T;
      if (views.size >= MAX_VIEWS) views.clear();
      views.set(key, view);
    }
    return view;
  }
}
