/** Size of the blocks messages are cut from. */
const SLAB_BYTES = 2 ** 20;
/** Free blocks kept for reuse (beyond them, blocks go to the GC). */
const KEEP_FREE = 8;

interface Slab {
  readonly buffer: Buffer;
  /** Bytes handed out, front to back. */
  used: number;
  /** Regions handed to ZeroMQ whose buffer objects are still alive. */
  live: number;
  /** No longer the block regions are cut from. */
  retired: boolean;
}

/**
 * Memory for outgoing messages: regions cut front to back from 1 MiB blocks; a region handed to
 * ZeroMQ is never written again while ZeroMQ may read it.
 *
 * @remarks
 * zeromq.js sends a buffer over 128 bytes without copying: it keeps a reference to the Buffer
 * object until ZeroMQ's I/O thread released the message, then drops it. So once the GC has
 * collected every region object of a block (a `FinalizationRegistry` says so), ZeroMQ is done
 * with all of them and the block can be cut again. Reusing memory that way keeps the copies
 * into warm pages (fresh pages cost ~6x on this machine); when finalisers come late, new blocks
 * are allocated instead, so correctness never depends on them.
 */
export class MessageMemory {
  /** Blocks cut again after ZeroMQ released all their messages (for tests and curiosity). */
  reused = 0;
  private current: Slab | undefined;
  private readonly free: Slab[] = [];
  private readonly registry = new FinalizationRegistry<Slab>((slab) => {
    slab.live--;
    this.recycle(slab);
  });

  /** A region for a new message: at least `bytes`, up to `want` bytes. Write into it, then {@link MessageMemory.commit}. */
  cut(bytes: number, want: number): Buffer {
    if (bytes > SLAB_BYTES) return Buffer.allocUnsafeSlow(bytes); // a block of its own
    let slab = this.current;
    if (slab === undefined || slab.buffer.length - slab.used < bytes) {
      if (slab !== undefined) {
        slab.retired = true;
        this.recycle(slab);
      }
      const again = this.free.pop();
      if (again !== undefined) this.reused++;
      slab = again ?? { buffer: Buffer.allocUnsafeSlow(SLAB_BYTES), used: 0, live: 0, retired: false };
      slab.used = 0;
      slab.retired = false;
      this.current = slab;
    }
    return slab.buffer.subarray(slab.used, Math.min(slab.buffer.length, slab.used + Math.max(bytes, want)));
  }

  /**
   * Takes `used` bytes of the last region cut; `sent` is the Buffer object handed to ZeroMQ over
   * them (undefined when they were copied elsewhere and are free again at once).
   */
  commit(region: Buffer, used: number, sent: Buffer | undefined): void {
    const slab = this.current;
    if (slab === undefined || region.buffer !== slab.buffer.buffer) return; // a block of its own
    slab.used += (used + 7) & ~7; // the next region starts 8-byte aligned
    if (sent !== undefined) {
      slab.live++;
      this.registry.register(sent, slab);
    }
  }

  private recycle(slab: Slab): void {
    if (slab.retired && slab.live === 0 && this.free.length < KEEP_FREE && !this.free.includes(slab)) this.free.push(slab);
  }
}
