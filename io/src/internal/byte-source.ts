import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Random-access bytes: a file read through a descriptor, or bytes in memory. */
export interface ByteSource {
  /** The file's path, or `'<bytes>'`. */
  readonly name: string;
  /** Length in bytes. */
  readonly size: number;
  /** Reads up to `length` bytes at `position` into `target` (from its start); returns the number read (short at the end). */
  read(position: number, length: number, target: Uint8Array): number;
  close(): void;
}

/** Opens `path` for reading (synchronously). */
export function fileSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let open = true;
  return {
    name: path,
    size,
    read(position, length, target) {
      let done = 0;
      // readSync may return fewer bytes than asked (large reads, special files): loop until EOF.
      while (done < length) {
        const n = readSync(fd, target, done, length - done, position + done);
        if (n === 0) break;
        done += n;
      }
      return done;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** Bytes in memory as a source (no copy). */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    name: '<bytes>',
    size: bytes.length,
    read(position, length, target) {
      const end = Math.min(bytes.length, position + length);
      if (end <= position) return 0;
      target.set(bytes.subarray(position, end));
      return end - position;
    },
    close() {},
  };
}

/** Raw bytes from a Uint8Array (Buffer), ArrayBuffer or other ArrayBufferView; undefined for anything else. */
export function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return undefined;
}
