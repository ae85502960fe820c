import type { TypedArrayConstructor } from '../formats.js';
import { viewOf } from './intrinsics.js';

/** The TypedArray methods used on ring data, typed once for every element type. */
export type Elements = Float64Array;

/** Slots of a table that is full enough to be cleared instead of grown (views kept: half of it). */
const MAX_SLOTS = 8192;
const EMPTY = -1;

/**
 * Caches views `array[start .. start + n)` so that copying a sub-range with
 * `TypedArray.prototype.set` allocates nothing once a stream has settled. A cache serves one array
 * at a time; a different array resets it.
 *
 * @remarks
 * Why not an element loop: in polymorphic code V8 boxes every float element a loop moves, which
 * allocates. `set` copies natively (memcpy) for every element type, but needs a view as its
 * source. Why not a `Map`: a lookup costs about 100 instructions, as much as a 128-sample copy.
 * This is an open-addressing table keyed by `(start, n)` in two Int32Arrays with a multiplicative
 * (Fibonacci) hash, which spreads the arithmetic progressions of block positions evenly; a hit
 * costs about 20 instructions. The table grows while a stream warms up and is cleared (not grown)
 * once it holds MAX_SLOTS / 2 views, which bounds its memory for streams whose positions never
 * repeat.
 */
export class ViewCache {
  readonly #Type: TypedArrayConstructor;
  #array: Elements | undefined;
  #starts = new Int32Array(16).fill(EMPTY);
  #lengths = new Int32Array(16);
  #views: (Elements | undefined)[] = new Array<Elements | undefined>(16).fill(undefined);
  /** The occupied slots, in insertion order (at most half the table), so that clearing costs what was filled. */
  #occupied = new Int32Array(8);
  #size = 0;
  #shift = 28;

  /** @param Type - The format's TypedArray class: views are made with it, never via `subarray`. */
  constructor(Type: TypedArrayConstructor) {
    this.#Type = Type;
  }

  /** `array[start .. start + n)`, from the cache when possible. */
  view(array: Elements, start: number, n: number): Elements {
    if (array !== this.#array) {
      this.#array = array;
      this.#clear();
    }
    const starts = this.#starts;
    const mask = starts.length - 1;
    let slot = Math.imul(start ^ Math.imul(n, 0x85ebca6b), 0x9e3779b1) >>> this.#shift;
    for (;;) {
      const key = starts[slot]!;
      if (key === start && this.#lengths[slot] === n) return this.#views[slot]!;
      if (key === EMPTY) return this.#insert(array, start, n);
      slot = (slot + 1) & mask;
    }
  }

  #insert(array: Elements, start: number, n: number): Elements {
    const view = viewOf(this.#Type, array, start, n) as Elements;
    if (this.#size === this.#occupied.length) {
      if (this.#starts.length < MAX_SLOTS) this.#grow();
      else this.#clear();
    }
    this.#place(start, n, view);
    return view;
  }

  #place(start: number, n: number, view: Elements): void {
    const starts = this.#starts;
    const mask = starts.length - 1;
    let slot = Math.imul(start ^ Math.imul(n, 0x85ebca6b), 0x9e3779b1) >>> this.#shift;
    while (starts[slot] !== EMPTY) slot = (slot + 1) & mask;
    starts[slot] = start;
    this.#lengths[slot] = n;
    this.#views[slot] = view;
    this.#occupied[this.#size++] = slot;
  }

  /** Doubles the table (while a stream warms up) and re-inserts what it held. */
  #grow(): void {
    const { length } = this.#starts;
    const old = { starts: this.#starts, lengths: this.#lengths, views: this.#views, occupied: this.#occupied, size: this.#size };
    this.#starts = new Int32Array(2 * length).fill(EMPTY);
    this.#lengths = new Int32Array(2 * length);
    this.#views = new Array<Elements | undefined>(2 * length).fill(undefined);
    this.#occupied = new Int32Array(length);
    this.#shift -= 1;
    this.#size = 0;
    for (let i = 0; i < old.size; i++) {
      const slot = old.occupied[i]!;
      this.#place(old.starts[slot]!, old.lengths[slot]!, old.views[slot]!);
    }
  }

  /** Empties the table in place (no allocation), releasing the views it held. */
  #clear(): void {
    for (let i = 0; i < this.#size; i++) {
      const slot = this.#occupied[i]!;
      this.#starts[slot] = EMPTY;
      this.#views[slot] = undefined;
    }
    this.#size = 0;
  }
}
