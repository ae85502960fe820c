import type { Chunk, TypedArray } from '@ringflow/core';
import { joinChunks } from './chunks.js';
import { StreamLayout } from './stream-layout.js';

/**
 * Gathers the chunks of a stream (mono or `[frames, channels]`, layout fixed by the first one)
 * and joins them into one chunk of that layout: the part shared by `collect` and
 * `concatenateChunks`. Chunks are kept, not copied, unless they are strided views.
 */
export class ChunkJoiner<C extends Chunk<TypedArray>> {
  readonly #layout: StreamLayout;
  #parts: TypedArray[] = [];

  constructor(what: string) {
    this.#layout = new StreamLayout(what, { twoDimensional: 'frames' });
  }

  /** Adds a chunk (TypeError/RangeError for another class or layout); returns the chunks held. */
  add(chunk: C): number {
    const samples = this.#layout.accept(chunk);
    this.#parts.push(this.#layout.copied ? samples.slice() : samples);
    return this.#parts.length;
  }

  /** The held chunks joined into one fresh chunk (`undefined` when none), and forgets them. */
  take(): C | undefined {
    const parts = this.#parts;
    if (parts.length === 0) return undefined;
    this.#parts = [];
    return this.#layout.emit(joinChunks(parts as [TypedArray, ...TypedArray[]])) as C;
  }

  /** Forgets the held chunks. */
  clear(): void {
    this.#parts = [];
  }
}
