// The lean JS ring: the ceiling a JavaScript SPSC ring can reach on this engine, for the ring
// benchmark. No validation, no flags, no waiting: a cached opposite index re-loaded only when it
// shows too little room or data, `set()` copies, one `Atomics.store` to publish. Float32 only.
// Indices run over [0, 2 * capacity) as in ringflow's ring, so both copy the same way.
export class LeanRing {
  /** Shared memory for a ring of `capacity` float32 elements: two index lines, then the data. */
  static storage(capacity) {
    return new SharedArrayBuffer(256 + capacity * 4);
  }

  constructor(sab, capacity) {
    this.indices = new Int32Array(sab, 0, 64); // write index at word 0, read index at word 32 (128 bytes apart)
    this.data = new Float32Array(sab, 256, capacity);
    this.capacity = capacity;
    this.span = 2 * capacity;
    this.w = Atomics.load(this.indices, 0);
    this.r = Atomics.load(this.indices, 32);
    this.cachedRead = this.r;
    this.cachedWrite = this.w;
    // Views of the data region by start position: the cheapest lookup there is (an array slot).
    this.views = new Array(capacity).fill(undefined);
    this.sources = new Map();
  }

  #view(pos, n) {
    let view = this.views[pos];
    if (view === undefined || view.length !== n) this.views[pos] = view = this.data.subarray(pos, pos + n);
    return view;
  }

  /** Copies as much of `src` as fits; returns the count. */
  write(src) {
    const capacity = this.capacity;
    const w = this.w;
    let used = w - this.cachedRead;
    if (used < 0) used += this.span;
    const want = src.length;
    if (capacity - used < want) {
      this.cachedRead = Atomics.load(this.indices, 32);
      used = w - this.cachedRead;
      if (used < 0) used += this.span;
    }
    const free = capacity - used;
    const n = want < free ? want : free;
    if (n === 0) return 0;
    const pos = w >= capacity ? w - capacity : w;
    const first = capacity - pos;
    if (n === want && n <= first) this.data.set(src, pos);
    else if (n <= first) this.data.set(src.subarray(0, n), pos);
    else {
      this.data.set(src.subarray(0, first), pos);
      this.data.set(src.subarray(first, n), 0);
    }
    let next = w + n;
    if (next >= this.span) next -= this.span;
    this.w = next;
    Atomics.store(this.indices, 0, next);
    return n;
  }

  /** Fills `dst` from the start with what is there; returns the count. */
  read(dst) {
    const capacity = this.capacity;
    const r = this.r;
    let used = this.cachedWrite - r;
    if (used < 0) used += this.span;
    const want = dst.length;
    if (used < want) {
      this.cachedWrite = Atomics.load(this.indices, 0);
      used = this.cachedWrite - r;
      if (used < 0) used += this.span;
    }
    const n = want < used ? want : used;
    if (n === 0) return 0;
    const pos = r >= capacity ? r - capacity : r;
    const first = capacity - pos;
    if (n <= first) dst.set(this.#view(pos, n), 0);
    else {
      dst.set(this.#view(pos, first), 0);
      dst.set(this.#view(0, n - first), first);
    }
    let next = r + n;
    if (next >= this.span) next -= this.span;
    this.r = next;
    Atomics.store(this.indices, 32, next);
    return n;
  }
}
