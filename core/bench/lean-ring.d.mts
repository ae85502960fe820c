/** Types of lean-ring.mjs (plain JS, so that the benchmark's workers run it as it is). */
export declare class LeanRing {
  static storage(capacity: number): SharedArrayBuffer;
  constructor(sab: SharedArrayBuffer, capacity: number);
  readonly capacity: number;
  write(src: Float32Array): number;
  read(dst: Float32Array): number;
}
