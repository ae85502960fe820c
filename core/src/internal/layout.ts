/**
 * The ring's layout in its SharedArrayBuffer (all offsets in bytes, words are Int32):
 *
 * ```
 *   0  header (written once by the creator): MAGIC, VERSION, FORMAT id, CAPACITY, ITEMSIZE
 * 128  WRITE word: the write index (bits 0-30), written by the producer after each copy, and
 *      SLEEPING (bit 31), set by a consumer that sleeps on this word
 * 256  READ word: the read index (bits 0-30), written by the consumer after each copy, and
 *      SLEEPING (bit 31), set by a producer that sleeps on this word
 * 384  CLOSED flag, GENERATION (bumped by reset), ABORTED flag: written rarely
 * 512  PRODUCER_WANT: free elements a sleeping producer waits for (0: not sleeping)
 * 640  CONSUMER_WANT: elements a sleeping consumer waits for (0: not sleeping)
 * 768  REASON of an abort: its length in UTF-16 code units (Int32), then up to
 *      MAX_REASON_LENGTH code units (written once, before ABORTED is set)
 * 1280 data: capacity * itemsize bytes (8-byte aligned); the buffer ends there, exactly
 * ```
 *
 * Each word that one side writes often has a line to itself, 128 bytes apart (two 64-byte cache
 * lines, as crossbeam does against adjacent-line prefetch): in steady state the producer writes only
 * the WRITE line and the consumer only the READ line, and the words they read from each other's side
 * (the flags, the watermarks) sit on lines nobody writes, which stay cached on both cores. Indices
 * run over `[0, 2 * capacity)`: `used = write - read (mod 2 * capacity)`, which lets every element
 * be used for any capacity (no spare slot, no power-of-two requirement). A sleeper's flag lives in
 * the word it sleeps on, so a publisher learns from the one atomic exchange that publishes its index
 * whether anybody sleeps (see spsc.ts and docs/decisions/0017-ring-transport.md).
 */
export const MAGIC = 0x52464c57; // 'RFLW'
/** 3: the SLEEPING bit in the index words; the buffer is exactly `ringByteLength` bytes. */
export const VERSION = 3;

export const W_MAGIC = 0;
export const W_VERSION = 1;
export const W_FORMAT = 2;
export const W_CAPACITY = 3;
export const W_ITEMSIZE = 4;

export const W_WRITE = 32;
export const W_READ = 64;
export const W_CLOSED = 96;
export const W_GENERATION = 97;
export const W_ABORTED = 98;
export const W_PRODUCER_WANT = 128;
export const W_CONSUMER_WANT = 160;

/** Bit 31 of an index word: the other side sleeps on this word. */
export const SLEEPING = 1 << 31;
/** Bits 0-30 of an index word: the index. */
export const INDEX_MASK = 0x7fffffff;

/** Word index of the abort reason's length; its code units follow (Uint16, from byte REASON_UNITS_BYTE). */
export const W_REASON_LENGTH = 192;
export const REASON_UNITS_BYTE = 772;
/** Longest abort reason kept in the header, in UTF-16 code units; longer reasons are truncated. */
export const MAX_REASON_LENGTH = 250;

export const HEADER_BYTES = 1280;

/** Largest capacity in elements: indices up to `2 * capacity - 1` must fit the 31 index bits. */
export const MAX_CAPACITY = 2 ** 30;

/** The exact byte length of a ring's SharedArrayBuffer: a function of capacity and item size only. */
export function ringByteLength(capacity: number, itemsize: number): number {
  return HEADER_BYTES + capacity * itemsize;
}
