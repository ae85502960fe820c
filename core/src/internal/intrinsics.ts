import type { TypedArrayConstructor } from '../formats.js';
import type { TypedArray } from '../types.js';

/**
 * The engine's own accessors of TypedArray and DataView views, captured at load time.
 *
 * @remarks
 * `view.length` is a getter a subclass (or `Object.defineProperty` on the instance) can override;
 * a ring that trusted it would publish elements it never copied (`set()` copies by the intrinsic
 * length). Every length, offset and buffer the ring acts on comes from these instead, and views of
 * a caller's array are made with the format's own constructor, never through `subarray` (which
 * calls a subclass's species constructor).
 */
const TypedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype) as object;

function getter<T>(prototype: object, key: string): (this: unknown) => T {
  const get = Object.getOwnPropertyDescriptor(prototype, key)?.get;
  if (get === undefined) throw new TypeError(`@ringflow/core: this engine has no intrinsic ${key} accessor`);
  return get as (this: unknown) => T;
}

const typedLength = getter<number>(TypedArrayPrototype, 'length');
const typedByteLength = getter<number>(TypedArrayPrototype, 'byteLength');
const typedByteOffset = getter<number>(TypedArrayPrototype, 'byteOffset');
const typedBuffer = getter<ArrayBufferLike>(TypedArrayPrototype, 'buffer');
const viewByteLength = getter<number>(DataView.prototype, 'byteLength');
const viewByteOffset = getter<number>(DataView.prototype, 'byteOffset');
const viewBuffer = getter<ArrayBufferLike>(DataView.prototype, 'buffer');

const resizable = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable')?.get;
const growable = typeof SharedArrayBuffer === 'undefined' ? undefined : Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'growable')?.get;

/**
 * Whether a TypedArray's length can change only by detaching its buffer (which empties it): true
 * unless the buffer is a resizable ArrayBuffer or a growable SharedArrayBuffer.
 */
export function hasFixedLength(array: TypedArray): boolean {
  const buffer = typedBuffer.call(array);
  if (typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer) return growable?.call(buffer) !== true;
  return resizable?.call(buffer) !== true;
}

/** Elements of a TypedArray as the engine counts them (0 when detached or out of bounds). */
export function lengthOf(array: TypedArray): number {
  return typedLength.call(array);
}

/** A TypedArray's buffer, by the intrinsic accessor. */
export function bufferOf(array: TypedArray): ArrayBufferLike {
  return typedBuffer.call(array);
}

/** `array[start .. start + n)` as a new view of the format's own class (no species lookup). */
export function viewOf<T extends TypedArray>(Type: TypedArrayConstructor, array: T, start: number, n: number): T {
  return new Type(typedBuffer.call(array), typedByteOffset.call(array) + start * Type.BYTES_PER_ELEMENT, n) as T;
}

/** The bytes a DataView spans, as a Uint8Array (by the intrinsic accessors). */
export function bytesOfDataView(view: DataView): Uint8Array {
  return new Uint8Array(viewBuffer.call(view), viewByteOffset.call(view), viewByteLength.call(view));
}

/** The bytes a TypedArray spans, as a Uint8Array (by the intrinsic accessors). */
export function bytesOfArray(array: TypedArray | Uint8ClampedArray): Uint8Array {
  return new Uint8Array(typedBuffer.call(array), typedByteOffset.call(array), typedByteLength.call(array));
}

/** A DataView over `view`'s bytes from `start` (the tail of a DataView). */
export function dataViewTail(view: DataView, start: number): DataView {
  return new DataView(viewBuffer.call(view), viewByteOffset.call(view) + start, viewByteLength.call(view) - start);
}
