// Checks shared by the plot functions: sizes, titles, numeric arrays, ranges.

/** Options every plot takes. */
export interface CommonPlotOptions {
  /** Width in CSS pixels (100 to 8000). Default 800. */
  width?: number;
  /** Height in CSS pixels (80 to 8000). Default depends on the plot. */
  height?: number;
  /** The title above the plot. Default: the plot kind's name. */
  title?: string;
}

/** Width, height and title from `options`, checked. */
export function resolveCommon(call: string, options: CommonPlotOptions | undefined, defaults: { height: number; title: string }): { width: number; height: number; title: string } {
  const width = options?.width ?? 800;
  const height = options?.height ?? defaults.height;
  for (const [name, value, min] of [['width', width, 100], ['height', height, 80]] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 8000) {
      throw new RangeError(`${call}: ${name} must be an integer number of pixels from ${min} to 8000, got ${String(value)}`);
    }
  }
  const title = options?.title ?? defaults.title;
  if (typeof title !== 'string') throw new TypeError(`${call}: title must be a string, got ${typeof title}`);
  return { width, height, title };
}

/** Whether `value` is an array of numbers or a numeric typed array. */
export function isNumberArray(value: unknown): value is ArrayLike<number> {
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

/** `value` as numbers, or a TypeError naming `what`. */
export function numbers(call: string, what: string, value: unknown): ArrayLike<number> {
  if (!isNumberArray(value)) throw new TypeError(`${call}: ${what} must be an array of numbers (or a Float32Array/Float64Array), got ${value === null ? 'null' : Array.isArray(value) ? 'an array of non-numbers' : typeof value}`);
  return value;
}

/** A positive finite number option. */
export function positive(call: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new RangeError(`${call}: ${name} must be a positive number, got ${String(value)}`);
  return value;
}

/** A `[min, max]` range option with min < max, or undefined. */
export function range(call: string, name: string, value: unknown): [number, number] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(value[0] < value[1])) {
    throw new RangeError(`${call}: ${name} must be [min, max] with finite min < max, got ${JSON.stringify(value)}`);
  }
  return [value[0], value[1]];
}

/** Values converted to decibels: `'db'` as they are, `'amplitude'` 20 log10, `'power'` 10 log10 (floored at -400 dB). */
export function toDb(values: ArrayLike<number>, scale: 'db' | 'amplitude' | 'power'): Float64Array {
  const out = new Float64Array(values.length);
  const k = scale === 'power' ? 10 : 20;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = scale === 'db' ? v : Math.max(-400, k * Math.log10(Math.abs(v)));
  }
  return out;
}

/** The `scale` option: how input values relate to decibels. */
export function resolveValueScale(call: string, value: unknown): 'db' | 'amplitude' | 'power' {
  const scale = value ?? 'db';
  if (scale !== 'db' && scale !== 'amplitude' && scale !== 'power') throw new TypeError(`${call}: scale must be 'db', 'amplitude' or 'power', got ${JSON.stringify(scale)}`);
  return scale;
}

/** Max of the finite values, or undefined when none. */
export function finiteMax(values: ArrayLike<number>): number | undefined {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > m && Number.isFinite(values[i]!)) m = values[i]!;
  return m === -Infinity ? undefined : m;
}
