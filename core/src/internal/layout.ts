/**
 * The ring's layout in its SharedArrayBuffer (all offsets in bytes, words are Int32):
 *
 * ```
 *   0  header line (written once by the creator): MAGIC, VERSION, FORMAT id, CAPACITY, ITEMSIZE
 * 128  producer line: WRITE index, CLOSED flag, PRODUCER_WANT (free elements a sleeping producer waits for)
 * 256  consumer line: READ index, CONSUMER_WANT (elements a sleeping consumer waits for)
 * 384  data: capacity * itemsize bytes (8-byte aligned)
 * ```
 *
 * The producer and consumer words sit 128 bytes apart (two 64-byte cache lines, as crossbeam does
 * against adjacent-line prefetch) so the two threads never write the same line. Indices run over
 * `[0, 2 * capacity)`: `used = write - read (mod 2 * capacity)`, which lets every element be used
 * for any capacity (no spare slot, no power-of-two requirement).
 */
export const MAGIC = 0x52464c57; // 'RFLW'
export const VERSION = 1;

export const W_MAGIC = 0;
export const W_VERSION = 1;
export const W_FORMAT = 2;
export const W_CAPACITY = 3;
export const W_ITEMSIZE = 4;

export const W_WRITE = 32;
export const W_CLOSED = 33;
export const W_PRODUCER_WANT = 34;

export const W_READ = 64;
export const W_CONSUMER_WANT = 65;

export const HEADER_BYTES = 384;

/** Largest capacity in elements: indices up to `2 * capacity - 1` must fit an Int32 word. */
export const MAX_CAPACITY = 2 ** 30;
