import type { OperatorFunction } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { FloatChunks, type ResolvedDspOptions } from './float-chunks.js';
import { operate } from './operate.js';

/**
 * The wrapper of a DSP operator that maps each float chunk to at most one float chunk: per
 * subscription it calls `init()` for fresh state, then `step(input, chunks)` per validated chunk
 * (`undefined`: emit nothing). Errors thrown by `step` error the stream.
 */
export function perChunk<T extends FloatArray>(
  what: string,
  options: ResolvedDspOptions,
  init: () => (input: FloatArray, chunks: FloatChunks) => FloatArray | undefined,
): OperatorFunction<T, T> {
  return operate<T, T>((subscriber) => {
    const chunks = new FloatChunks(what, options);
    const step = init();
    return {
      next(chunk) {
        const out = step(chunks.accept(chunk), chunks);
        if (out !== undefined) subscriber.next(out as T);
      },
    };
  });
}
