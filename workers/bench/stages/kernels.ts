// Bench chains, shared by the in-thread baselines and the stage modules.
import { map, type OperatorFunction } from 'rxjs';
import type { Chunk } from '@ringflow/workers';

export function gainChain(): OperatorFunction<Chunk, Chunk> {
  return map((chunk) => {
    const x = chunk as Float32Array;
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) y[i] = x[i]! * 0.5;
    return y;
  });
}

/** A streaming direct-form FIR of `taps.length` taps (state kept across chunks): a heavy stage. */
export function firChain(taps: Float32Array): OperatorFunction<Chunk, Chunk> {
  return (source) => {
    const n = taps.length;
    const history = new Float32Array(2 * n);
    let pos = 0;
    return source.pipe(
      map((chunk) => {
        const x = chunk as Float32Array;
        const y = new Float32Array(x.length);
        for (let i = 0; i < x.length; i++) {
          history[pos] = history[pos + n] = x[i]!;
          let acc = 0;
          for (let k = 0; k < n; k++) acc += taps[k]! * history[pos + n - k]!;
          y[i] = acc;
          pos = pos + 1 === n ? 0 : pos + 1;
        }
        return y;
      }),
    );
  };
}

export const TAPS = Float32Array.from({ length: 256 }, (_, k) => Math.sin(k + 1) / (k + 1));
