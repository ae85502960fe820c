import { formatOf, type FormatInfo } from '../formats.js';
import type { NdarrayLike, TypedArray } from '../types.js';
import { bytesOfArray, bytesOfDataView, dataViewTail, lengthOf, viewOf } from './intrinsics.js';

/** A 1-D strided run of elements: element `i` is `array[offset + i * stride]`. */
export interface Strided {
  readonly array: TypedArray;
  readonly offset: number;
  readonly stride: number;
  readonly length: number;
  /** The ndarray-like value it came from, to hand back views of the same kind. */
  readonly source: NdarrayLike;
}

/** Short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a plain Array';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'string') return `the string '${value.length > 20 ? `${value.slice(0, 20)}...` : value}'`;
  return `${typeof value} ${String(value)}`;
}

/** Whether an ArrayBuffer has been transferred away (length 0 and unusable). */
export function isDetached(buffer: ArrayBufferLike): boolean {
  if (buffer.byteLength !== 0) return false;
  const flag = (buffer as { detached?: unknown }).detached;
  if (typeof flag === 'boolean') return flag;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/** Whether `value` looks like an ndarray view (`{data, shape, stride, offset}` over a TypedArray). */
export function isNdarrayLike(value: unknown): value is NdarrayLike {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return false;
  const v = value as Partial<NdarrayLike>;
  return ArrayBuffer.isView(v.data) && Array.isArray(v.shape);
}

/** Throws a TypeError when `view`'s buffer was transferred away (a detached array reads as empty). */
export function checkNotDetached(view: ArrayBufferView, what: string): void {
  const empty = view instanceof DataView ? bytesOfDataView(view).byteLength === 0 : lengthOf(view as TypedArray) === 0;
  if (empty && isDetached(view.buffer)) {
    throw new TypeError(`${what}: the data's ArrayBuffer is detached (it was transferred to another thread)`);
  }
}

function isSharedArrayBuffer(value: unknown): value is SharedArrayBuffer {
  return typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer;
}

/**
 * Normalises buffer-like data for format `format`: a TypedArray of the format's class (a view, no
 * copy), or a strided descriptor for a non-contiguous ndarray view. Raw bytes (ArrayBuffer,
 * DataView, Buffer, Uint8ClampedArray) are format `B`.
 *
 * @throws TypeError for mismatched element types, plain arrays and other values; RangeError for
 *   multi-dimensional or out-of-bounds ndarray views.
 */
export function toElements(data: unknown, format: FormatInfo, what: string): TypedArray | Strided {
  const Type = format.ArrayType;
  if (data instanceof Type) {
    checkNotDetached(data, what);
    return data;
  }
  if (ArrayBuffer.isView(data)) {
    checkNotDetached(data, what);
    const isBytes = data instanceof DataView || data instanceof Uint8ClampedArray;
    if (isBytes && format.code === 'B') return data instanceof DataView ? bytesOfDataView(data) : bytesOfArray(data);
    const got = isBytes ? 'raw bytes (format B)' : `${describe(data)} (format '${formatOf(data)?.code ?? '?'}')`;
    throw new TypeError(
      `${what}: expected a ${Type.name} for format '${format.code}' (${format.dtype}), got ${got}; ` +
        `convert explicitly (e.g. ${Type.name}.from(data))${format.code === 'B' ? '' : ' or use pushBytes() for raw bytes'}`,
    );
  }
  if (data instanceof ArrayBuffer || isSharedArrayBuffer(data)) {
    if (format.code === 'B') {
      if (isDetached(data)) throw new TypeError(`${what}: the ArrayBuffer is detached (it was transferred to another thread)`);
      return new Uint8Array(data);
    }
    throw new TypeError(
      `${what}: expected a ${Type.name} for format '${format.code}' (${format.dtype}), got raw bytes (${describe(data)}); ` +
        `wrap them as new ${Type.name}(buffer) or use pushBytes()`,
    );
  }
  if (isNdarrayLike(data)) return fromNdarray(data, format, what);
  if (Array.isArray(data)) {
    throw new TypeError(
      `${what}: plain arrays are not accepted (no silent conversion); wrap the values: new ${Type.name}([...])`,
    );
  }
  throw new TypeError(`${what}: expected a ${Type.name}, raw bytes or a 1-D ndarray view, got ${describe(data)}`);
}

/** Validates a 1-D ndarray-like view and returns a contiguous view or a strided descriptor. */
export function fromNdarray(view: NdarrayLike, format: FormatInfo, what: string): TypedArray | Strided {
  const { data, shape, stride, offset } = view;
  if (shape.length !== 1) {
    throw new RangeError(
      `${what}: expected a 1-D view, got shape [${shape.join(', ')}]; ` +
        `for interleaved multichannel data pass its .data (C-contiguous [frames, channels] storage)`,
    );
  }
  if (!(data instanceof format.ArrayType)) {
    throw new TypeError(
      `${what}: expected an ndarray over a ${format.ArrayType.name} for format '${format.code}', got one over ${describe(data)}`,
    );
  }
  checkNotDetached(data, what);
  const length = shape[0]!;
  const available = lengthOf(data);
  const step = Array.isArray(stride) && stride.length === 1 ? stride[0]! : Number.NaN;
  const start = offset ?? 0;
  if (!Number.isSafeInteger(length) || length < 0 || !Number.isSafeInteger(step) || !Number.isSafeInteger(start)) {
    throw new RangeError(`${what}: invalid ndarray view (shape [${shape.join(', ')}], stride [${String(stride)}], offset ${String(offset)})`);
  }
  const last = start + (length - 1) * step;
  if (length > 0 && (start < 0 || start >= available || last < 0 || last >= available)) {
    throw new RangeError(`${what}: ndarray view reaches outside its data (${available} elements)`);
  }
  if (step === 1 || length <= 1) return viewOf(format.ArrayType, data, length === 0 ? 0 : start, length);
  return { array: data, offset: start, stride: step, length, source: view };
}

/** Whether a normalised value is a strided descriptor. */
export function isStrided(value: TypedArray | Strided): value is Strided {
  return !ArrayBuffer.isView(value);
}

/** Elements in a normalised value: the intrinsic length of a TypedArray (never a getter a subclass overrides). */
export function countOf(value: TypedArray | Strided): number {
  return isStrided(value) ? value.length : lengthOf(value);
}

/** The intrinsic length of the TypedArray behind a normalised value: it changes when its buffer is detached or resized. */
export function backingLength(value: TypedArray | Strided): number {
  return lengthOf(isStrided(value) ? value.array : value);
}

/** The tail of `data` after `done` elements (bytes for raw-byte input), as a view of the same kind. */
export function tailOf(data: unknown, normalised: TypedArray | Strided, done: number): unknown {
  if (isStrided(normalised)) {
    return ndarrayTail(normalised.source, normalised.offset + done * normalised.stride, normalised.length - done, normalised.stride);
  }
  if (isNdarrayLike(data)) {
    const step = data.stride[0] ?? 1;
    return ndarrayTail(data, data.offset + done * step, lengthOf(normalised) - done, step);
  }
  if (data instanceof DataView) return dataViewTail(data, done);
  if (ArrayBuffer.isView(data)) return (data as unknown as Uint8Array).subarray(done);
  return normalised.subarray(done);
}

function ndarrayTail(view: NdarrayLike, offset: number, length: number, stride: number): NdarrayLike {
  const lo = (view as { lo?: (i: number) => NdarrayLike }).lo;
  if (typeof lo === 'function') return lo.call(view, view.shape[0]! - length);
  return { data: view.data, shape: [length], stride: [stride], offset };
}
