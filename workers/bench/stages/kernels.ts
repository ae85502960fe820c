// Bench kernels and chains, shared by the in-thread baselines, the hand-written loop and the
// stage modules.
import { map, type Observable, type OperatorFunction } from 'rxjs';

export function gainChain(): OperatorFunction<Float32Array, Float32Array> {
  return map((x) => {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i]! * 0.5;
    return y;
  });
}

/** A streaming direct-form FIR of `taps.length` taps (state kept across calls): the heavy kernel. */
export function createFir(taps: Float32Array): (x: Float32Array) => Float32Array {
  const n = taps.length;
  const history = new Float32Array(2 * n);
  let pos = 0;
  return (x) => {
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      history[pos] = history[pos + n] = x[i]!;
      let acc = 0;
      for (let k = 0; k < n; k++) acc += taps[k]! * history[pos + n - k]!;
      y[i] = acc;
      pos = pos + 1 === n ? 0 : pos + 1;
    }
    return y;
  };
}

/** The FIR kernel as an operator (one kernel state per subscription). */
export function firChain(taps: Float32Array): OperatorFunction<Float32Array, Float32Array> {
  return (source: Observable<Float32Array>) => {
    const fir = createFir(taps);
    return source.pipe(map(fir));
  };
}

export const TAPS = Float32Array.from({ length: 256 }, (_, k) => Math.sin(k + 1) / (k + 1));
