// Whole-array input and output of the `./signal` functions: 1-D signals (typed arrays or plain
// number arrays) and 2-D `[frames, channels]` arrays (ndarray-shaped views, such as core's
// MultichannelChunk, or nested rows), processed lane by lane along an axis.
import { asMultichannel, type MultichannelChunk, type NumericArray } from '@ringflow/core';
import { describeValue } from './chunks.js';
import { checkView, isNdarrayInput, type NdarrayInput } from './ndarray-view.js';
import { normaliseAxis } from './signal-input.js';
import { nest, readState } from './state-input.js';

/**
 * What the `./signal` functions take as a signal: a 1-D typed array (any numeric class; Float32Array
 * keeps float32, everything else gives float64) or plain number array, or a 2-D `[frames, channels]`
 * array as an ndarray-shaped view (`{ data, shape, stride?, offset? }`, e.g. a `MultichannelChunk`)
 * or as nested rows (`number[][]`, one row per frame, as numpy reads a list of lists).
 */
export type SignalInput =
  | NumericArray
  | readonly number[]
  | NdarrayInput
  | readonly (readonly number[])[];

/**
 * The result type for a signal input: the same class for a Float32Array, Float64Array for other
 * 1-D input, a `[frames, channels]` MultichannelChunk (of Float32Array for a float32 view, else
 * Float64Array) for 2-D input.
 */
export type SignalOutput<X> = X extends Float32Array
  ? Float32Array
  : X extends { readonly data: Float32Array; readonly shape: readonly number[] }
    ? MultichannelChunk<Float32Array>
    : X extends NdarrayInput | readonly (readonly number[])[]
      ? MultichannelChunk<Float64Array>
      : Float64Array;

/** A validated signal, read lane by lane along its axis. */
export interface Signal {
  readonly what: string;
  /** Class of the result. */
  readonly Out: Float32ArrayConstructor | Float64ArrayConstructor;
  readonly ndim: 1 | 2;
  /** `[n]` or `[frames, channels]`. */
  readonly shape: readonly number[];
  /** The axis processed, normalised (0 or 1). */
  readonly axis: number;
  /** Number of independent 1-D lanes (the other dimension's size). */
  readonly lanes: number;
  /** Samples per lane (the size along `axis`). */
  readonly length: number;
  /** Copies lane `l` (float64) into `out` (allocated when omitted). */
  lane(l: number, out?: Float64Array): Float64Array;
}

function isNumericTypedArray(x: unknown): x is ArrayLike<number> & ArrayBufferView {
  return ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array);
}

/**
 * Reads a signal argument; `axis` defaults to 0 (along frames for `[frames, channels]` input).
 * TypeError/RangeError naming `what` for anything else (BigInt arrays, ragged rows, 3-D views,
 * views whose shape does not fit their data, non-integer or out-of-range axes).
 */
export function readSignal(what: string, x: unknown, axis: unknown = 0, name = 'x'): Signal {
  if (isNumericTypedArray(x)) {
    const ax = normaliseAxis(what, axis, 1);
    const data = x;
    return {
      what,
      Out: x instanceof Float32Array ? Float32Array : Float64Array,
      ndim: 1,
      shape: [data.length],
      axis: ax,
      lanes: 1,
      length: data.length,
      lane(_l, out = new Float64Array(data.length)) {
        for (let i = 0; i < data.length; i++) out[i] = data[i]!;
        return out;
      },
    };
  }
  if (isNdarrayInput(x)) {
    if (x.shape.length === 1) {
      const view = checkView(what, name, x);
      const n = view.shape[0]!;
      return {
        what,
        Out: view.data instanceof Float32Array ? Float32Array : Float64Array,
        ndim: 1,
        shape: [n],
        axis: normaliseAxis(what, axis, 1),
        lanes: 1,
        length: n,
        lane(_l, out = new Float64Array(n)) {
          for (let i = 0; i < n; i++) out[i] = number(what, name, view.data[view.offset + i * view.stride[0]!]);
          return out;
        },
      };
    }
    const view = checkView(what, name, x, [2]);
    const [frames, channels] = view.shape as [number, number];
    const ax = normaliseAxis(what, axis, 2);
    const [s0, s1] = view.stride as [number, number];
    const along = ax === 0 ? s0 : s1;
    const across = ax === 0 ? s1 : s0;
    const length = ax === 0 ? frames : channels;
    return {
      what,
      Out: view.data instanceof Float32Array ? Float32Array : Float64Array,
      ndim: 2,
      shape: [frames, channels],
      axis: ax,
      lanes: ax === 0 ? channels : frames,
      length,
      lane(l, out = new Float64Array(length)) {
        for (let i = 0, at = view.offset + l * across; i < length; i++, at += along) out[i] = number(what, name, view.data[at]);
        return out;
      },
    };
  }
  if (Array.isArray(x)) {
    if (x.length > 0 && Array.isArray(x[0])) {
      const rows = x as readonly unknown[];
      const channels = (rows[0] as unknown[]).length;
      for (let f = 0; f < rows.length; f++) {
        const row = rows[f];
        if (!Array.isArray(row) || row.length !== channels) {
          throw new RangeError(`${what}: ${name} as nested rows must be [frames][channels] with ${channels} values per row; row ${f} has ${Array.isArray(row) ? row.length : describeValue(row)}`);
        }
      }
      const data = new Float64Array(rows.length * channels);
      for (let f = 0; f < rows.length; f++) {
        const row = rows[f] as unknown[];
        for (let ch = 0; ch < channels; ch++) data[f * channels + ch] = number(what, name, row[ch]);
      }
      return readSignal(what, asMultichannel(data, channels), axis, name);
    }
    const list = x as readonly unknown[];
    const data = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) data[i] = number(what, name, list[i]);
    return readSignal(what, data, axis, name);
  }
  throw new TypeError(`${what}: ${name} must be a typed array, a number array, or a [frames, channels] ndarray view, got ${describeValue(x)}`);
}

function number(what: string, name: string, v: unknown): number {
  if (typeof v !== 'number') throw new TypeError(`${what}: ${name} must hold numbers, got ${describeValue(v)}`);
  return v;
}

/**
 * Builds the result: lane `l` of the output is `lanes[l]` (`length` samples each, the new size along
 * the axis); the layout follows the input (1-D, or interleaved `[frames, channels]`).
 */
export function writeSignal<X>(sig: Signal, lanes: readonly Float64Array[], length: number): SignalOutput<X> {
  const Out = sig.Out;
  if (sig.ndim === 1) {
    const out = new Out(length);
    out.set(lanes[0]!.subarray(0, length));
    return out as SignalOutput<X>;
  }
  const frames = sig.axis === 0 ? length : sig.shape[0]!;
  const channels = sig.axis === 0 ? sig.shape[1]! : length;
  const data = new Out(frames * channels);
  for (let l = 0; l < lanes.length; l++) {
    const lane = lanes[l]!;
    if (sig.axis === 0) for (let f = 0; f < frames; f++) data[f * channels + l] = lane[f]!;
    else data.set(lane.subarray(0, channels), l * channels);
  }
  return { data, shape: [frames, channels], stride: [channels, 1], offset: 0 } as unknown as SignalOutput<X>;
}

/**
 * Runs `fn` on every lane and assembles the result (`fn` returns the output lane, `length` samples).
 */
export function mapLanes<X>(sig: Signal, length: number, fn: (lane: Float64Array, l: number) => Float64Array): SignalOutput<X> {
  const out: Float64Array[] = [];
  for (let l = 0; l < sig.lanes; l++) out.push(fn(sig.lane(l), l));
  return writeSignal<X>(sig, out, length);
}

/**
 * The layout of a per-lane filter state in SciPy's array shape: `lead` dimensions (sosfilt's
 * sections), then the signal's shape with the axis replaced by `k` state values. `position(l, j)`
 * gives where value `j` (row-major over `lead` and `k`) of lane `l` sits in the row-major state.
 */
export function laneStateLayout(sig: Signal, lead: readonly number[], k: number): { dims: number[]; position(l: number, j: number): number } {
  const shape = sig.shape.map((d, i) => (i === sig.axis ? k : d));
  const dims = [...lead, ...shape];
  return {
    dims,
    position(l, j) {
      const lj = Math.floor(j / k); // index into the lead dimensions
      const kj = j % k;
      if (sig.ndim === 1) return lj * k + kj;
      const [d0, d1] = shape as [number, number];
      return sig.axis === 0 ? lj * d0 * d1 + kj * d1 + l : lj * d0 * d1 + l * d1 + kj;
    },
  };
}

/**
 * Reads an explicit per-lane state (`zi`) in SciPy's shape (see {@link laneStateLayout}); for 2-D
 * signals a size-1 dimension in place of the lanes broadcasts one state to every lane, as numpy
 * does. Returns one Float64Array per lane (`leadSize * k` values, row-major).
 */
export function readLaneStates(sig: Signal, zi: unknown, lead: readonly number[], k: number): Float64Array[] {
  const layout = laneStateLayout(sig, lead, k);
  const per = lead.reduce((a, b) => a * b, 1) * k;
  let flat: Float64Array;
  let position = layout.position;
  try {
    flat = readState(sig.what, zi, layout.dims);
  } catch (error) {
    if (sig.ndim !== 2 || !(error instanceof RangeError)) throw error;
    const one: Signal = { ...sig, shape: sig.shape.map((d, i) => (i === sig.axis ? d : 1)), lanes: 1 };
    const single = laneStateLayout(one, lead, k);
    try {
      flat = readState(sig.what, zi, single.dims);
    } catch {
      throw error;
    }
    position = (_l, j) => single.position(0, j);
  }
  return Array.from({ length: sig.lanes }, (_, l) => {
    const out = new Float64Array(per);
    for (let j = 0; j < per; j++) out[j] = flat[position(l, j)]!;
    return out;
  });
}

/** Packs per-lane states (`zf`) into SciPy's shape: a Float64Array when 1-D, nested arrays otherwise. */
export function packLaneStates(sig: Signal, states: readonly Float64Array[], lead: readonly number[], k: number): Float64Array | unknown[] {
  const layout = laneStateLayout(sig, lead, k);
  const size = layout.dims.reduce((a, b) => a * b, 1);
  const flat = new Float64Array(size);
  for (let l = 0; l < states.length; l++) {
    const st = states[l]!;
    for (let j = 0; j < st.length; j++) flat[layout.position(l, j)] = st[j]!;
  }
  return layout.dims.length === 1 ? flat : nest(flat, layout.dims);
}
